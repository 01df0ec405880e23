public import Foundation

/// The bounds on workload settings, in one place: the command line, workload files and advice files check their
/// inputs against these ranges (and word them the same way), so a value one entry point accepts is never refused
/// by another.
public enum Limits {
    /// Replicas kept warm on a serverless-gpu endpoint: 0 to 10,000.
    public static let keepWarmReplicas: ClosedRange<Int> = 0...10_000
    /// Hours in a billing month: at least 0.001 and at most 744 (31 days x 24 h).
    public static let hoursPerMonth: ClosedRange<Decimal> = Decimal(sign: .plus, exponent: -3, significand: 1)...744
    /// Target utilization of dedicated GPUs, as a fraction: at least 0.001 and at most 1.
    public static let targetUtilization: ClosedRange<Decimal> = Decimal(sign: .plus, exponent: -3, significand: 1)...1
    /// Cold starts a day assumed for a serverless-gpu endpoint: 0 to 1,000,000.
    public static let coldStartsPerDay: ClosedRange<Decimal> = 0...1_000_000

    /// Tokens of one request, input or output: 0 to 10,000,000.
    public static let tokensPerRequest: ClosedRange<Int> = 0...10_000_000
    /// Days of traffic a simulation runs: at least 0.001 and at most 366.
    public static let simulatedDays: ClosedRange<Decimal> = Decimal(sign: .plus, exponent: -3, significand: 1)...366
    /// Requests in one burst of bursty traffic: 1 to 1,000,000.
    public static let burstSize: ClosedRange<Int> = 1...1_000_000
    /// Requests one simulation may be asked to generate (the expected count of synthetic traffic): a bound on the
    /// work a caller can ask for.
    public static let simulatedRequests: Double = 1e9
    /// Months a finance report projects: 1 to 120 (ten years).
    public static let reportMonths: ClosedRange<Int> = 1...120
    /// Volume growth a month in a finance report, as a fraction: -1 (-100%) to 10 (1000%).
    public static let monthlyGrowth: ClosedRange<Decimal> = -1...10
    /// Clients of a closed loop: 1 to 10,000.
    public static let closedLoopClients: ClosedRange<Int> = 1...10_000
    /// Requests routed to one simulated replica at once: 1 to 100,000.
    public static let concurrency: ClosedRange<Int> = 1...100_000
    /// Replicas a simulated endpoint may scale to: 1 to 100,000.
    public static let maxReplicas: ClosedRange<Int> = 1...100_000
    /// GPUs in one replica (tensor parallel): 1 to 8, one server's NVLink domain.
    public static let replicaGPUs: ClosedRange<Int> = 1...8
    /// A simulated request's own prefill or decode rate, tokens per second: more than 0 and below this.
    public static let requestTokensPerSecond: Double = 1e9
    /// The largest allowed increase of a budget check over its baseline, as a fraction: 0 to 10,000 (1,000,000%).
    public static let costIncrease: ClosedRange<Decimal> = 0...10_000

    /// `tokensPerRequest` as decimals, for readers of numbers given as text.
    public static var tokensPerRequestDecimal: ClosedRange<Decimal> {
        Decimal(tokensPerRequest.lowerBound)...Decimal(tokensPerRequest.upperBound)
    }

    /// `keepWarmReplicas` as decimals, for readers of numbers given as text.
    public static var keepWarmReplicasDecimal: ClosedRange<Decimal> {
        Decimal(keepWarmReplicas.lowerBound)...Decimal(keepWarmReplicas.upperBound)
    }

    /// How a range of whole numbers is worded in messages: "between 0 and 10000".
    public static func between(_ range: ClosedRange<Int>) -> String { "between \(range.lowerBound) and \(range.upperBound)" }

    /// How a range from a small positive floor is worded: "more than 0 and at most 744".
    public static func positive(upTo range: ClosedRange<Decimal>) -> String { "more than 0 and at most \(Numbers.exact(range.upperBound))" }
}

public import Foundation

/// What a per-token bill depends on besides the token counts: the mode bought, the share of input read from a
/// prompt cache, the size of each request (for long-context tiers), and when in the day tokens arrive (for
/// time-of-day prices).
public struct TokenPricing: Equatable, Sendable {
    /// `--mode` (default standard).
    public var mode: PricingMode
    /// Share of input tokens read from the provider's prompt cache, 0...1 (`--cached-share`, default 0).
    public var cachedShare: Decimal
    /// Input tokens in each request, when known (`--tokens-per-request` x the input share, or the traffic's
    /// request size); nil means unknown, and long-context tiers are then noted, not applied.
    public var inputTokensPerRequest: Decimal?
    /// Tokens by minute of the UTC day, when the traffic has a time profile; nil means unknown (time-of-day prices
    /// are then noted, not applied, and every token is priced at the standard rate).
    public var dayProfile: DayProfile?
    /// The sizes of the requests, when known one by one (a trace); used for long-context tiers when
    /// `inputTokensPerRequest` is nil.
    public var requestSizes: RequestSizeProfile?

    /// How tokens are bought: `mode`, the share of input tokens read from cache (0...1), the prompt length for
    /// long-context rates, and how the traffic spreads over the day (nil: evenly).
    public init(mode: PricingMode = .standard, cachedShare: Decimal = 0, inputTokensPerRequest: Decimal? = nil, dayProfile: DayProfile? = nil) {
        self.mode = mode
        self.cachedShare = cachedShare
        self.inputTokensPerRequest = inputTokensPerRequest
        self.dayProfile = dayProfile
    }

    /// Whether everything is at its default: standard mode, no cache, no request size or time profile.
    public var isPlain: Bool {
        mode == .standard && cachedShare == 0 && inputTokensPerRequest == nil && dayProfile == nil && requestSizes == nil
    }
}

/// When in the UTC day tokens arrive: a weight per minute (0..<1440), e.g. tokens logged in that minute.
public struct DayProfile: Equatable, Sendable {
    /// 1,440 non-negative weights, not all zero.
    public private(set) var weights: [Int64]
    /// How the profile was made, for the assumptions (e.g. "uniform over the day", "from trace.csv").
    public var origin: String

    /// A profile from per-minute weights; nil when there are not 1,440 of them or they sum to zero.
    public init?(weights: [Int64], origin: String) {
        guard weights.count == 1440, weights.allSatisfy({ $0 >= 0 }), weights.contains(where: { $0 > 0 }) else { return nil }
        self.weights = weights
        self.origin = origin
    }

    /// Every minute alike.
    public static func uniform(origin: String = "uniform over the day") -> DayProfile {
        DayProfile(weights: Array(repeating: 1, count: 1440), origin: origin)!
    }

    /// Every minute from `from` up to (not including) `to` alike, wrapping past midnight when `to <= from`.
    public static func window(fromMinute: Int, toMinute: Int, origin: String) -> DayProfile? {
        var weights = [Int64](repeating: 0, count: 1440)
        var minute = ((fromMinute % 1440) + 1440) % 1440
        let end = ((toMinute % 1440) + 1440) % 1440
        repeat {
            weights[minute] = 1
            minute = (minute + 1) % 1440
        } while minute != end
        return DayProfile(weights: weights, origin: origin)
    }

    /// The exact share of the weight inside `window` (a fraction; computed once in Decimal).
    public func share(in window: OffPeakWindow) -> Decimal {
        var inside: Int64 = 0
        var total: Int64 = 0
        for (minute, weight) in weights.enumerated() {
            total += weight
            if window.contains(minute: minute) { inside += weight }
        }
        return Decimal(inside) / Decimal(total)
    }
}

/// The sizes of a log's requests, for long-context tiers: which share of input and output tokens comes from
/// requests above a threshold.
public struct RequestSizeProfile: Equatable, Sendable {
    /// Input tokens of each request, ascending.
    private var inputs: [Int64]
    /// Running sums over requests in that order: input and output tokens of the first i requests.
    private var inputSums: [Int64]
    private var outputSums: [Int64]
    /// Where the sizes come from, for notes (e.g. "trace.csv").
    public var origin: String

    /// A profile of (input, output) token counts per request; nil when there are none or no tokens.
    public init?(requests: [(input: Int64, output: Int64)], origin: String) {
        let sorted = requests.sorted { $0.input < $1.input }
        var inputSum: Int64 = 0, outputSum: Int64 = 0
        inputSums = [0]
        outputSums = [0]
        for request in sorted {
            inputSum += request.input
            outputSum += request.output
            inputSums.append(inputSum)
            outputSums.append(outputSum)
        }
        guard !sorted.isEmpty, inputSum + outputSum > 0 else { return nil }
        inputs = sorted.map(\.input)
        self.origin = origin
    }

    /// The requests with more than `threshold` input tokens, and their shares of all input and output tokens (exact).
    public func shares(above threshold: Decimal) -> (requests: Int, input: Decimal, output: Decimal) {
        // First request above the threshold (binary search over the ascending sizes).
        var low = 0, high = inputs.count
        while low < high {
            let middle = (low + high) / 2
            if Decimal(inputs[middle]) > threshold { high = middle } else { low = middle + 1 }
        }
        let count = inputs.count - low
        let totalIn = inputSums.last ?? 0, totalOut = outputSums.last ?? 0
        let input = totalIn == 0 ? 0 : Decimal(totalIn - inputSums[low]) / Decimal(totalIn)
        let output = totalOut == 0 ? 0 : Decimal(totalOut - outputSums[low]) / Decimal(totalOut)
        return (count, input, output)
    }
}

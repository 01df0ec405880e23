public import Foundation

/// Traffic as a caller gives it, setting by setting, each already read into its type: an arrival pattern with a rate,
/// a closed loop of clients, or a recorded trace to replay. `source(allowsClosedLoop:)` applies the rules that combine
/// the settings and the defaults of those not given, and checks the work against `Limits`; its errors name the
/// settings (`Setting`).
public struct TrafficSettings: Equatable, Sendable {
    /// How requests arrive: an open pattern at a rate, or a closed loop of clients.
    public enum Kind: Equatable, Sendable {
        case open(TrafficProfile.Pattern)
        /// Each client sends its next request when its last completes (`simulate` only).
        case closed

        /// Reads `steady`, `poisson`, `business-hours`, `bursty` or `closed`.
        /// - Throws: `InfracostError.invalidQuantity` naming `Setting.traffic` and the open patterns.
        public init(parsing text: String) throws(InfracostError) {
            if text == "closed" {
                self = .closed
            } else if let pattern = TrafficProfile.Pattern(rawValue: text) {
                self = .open(pattern)
            } else {
                throw .invalidQuantity(label: "\(Setting.traffic)", value: text,
                                       reason: "use one of: \(TrafficProfile.Pattern.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        /// The name as written, e.g. `poisson`.
        public var name: String {
            switch self {
            case .open(let pattern): pattern.rawValue
            case .closed: "closed"
            }
        }
    }

    /// The arrival pattern or closed loop; nil with a trace (or when no traffic is described).
    public var kind: Kind?
    /// Requests per second of an open pattern (inside business hours for that pattern).
    public var requestsPerSecond: Double?
    /// Clients of a closed loop.
    public var clients: Int?
    /// Seconds a closed-loop client waits after a response (default 0).
    public var thinkSeconds: Double?
    /// Input tokens of each synthetic request.
    public var inputTokensPerRequest = 1000
    /// Output tokens of each synthetic request.
    public var outputTokensPerRequest = 250
    /// Business hours, seconds after local midnight (default `TrafficProfile.defaultBusinessHours`).
    public var businessHours: ClosedRange<Double>?
    /// The local time zone as seconds east of UTC (default 0).
    public var utcOffset: Double?
    /// Requests in each burst.
    public var burstSize = 100
    /// Seconds between bursts, more than 0 (default `TrafficProfile.defaultBurstEverySeconds`).
    public var burstEverySeconds: Double?
    /// Seconds a burst lasts, more than 0 (default `TrafficProfile.defaultBurstSeconds`).
    public var burstSeconds: Double?
    /// The random seed: the same seed gives the same run.
    public var seed: UInt64 = 1
    /// Days to simulate (default 30 for a pattern, 1 for a closed loop).
    public var days: Decimal?
    /// A request log to replay instead of a pattern: its path.
    public var tracePath: String?
    /// Leave out bad trace rows (counted in a warning) instead of failing.
    public var skipBadRows = false

    /// No traffic described.
    public init() {}

    /// Whether any traffic was described (a pattern, a closed loop or a trace).
    public var isGiven: Bool { kind != nil || tracePath != nil }

    /// The traffic these settings describe; a closed loop only where `allowsClosedLoop` (a simulation of one endpoint,
    /// whose speed sets the loop's volume). Reads the trace file when one is given.
    /// - Throws: `InfracostError.invalidUsage` for settings that do not go together or are missing; what
    ///   `TraceReader.read` and `TrafficSource.validate()` throw.
    public func source(allowsClosedLoop: Bool = false) throws(InfracostError) -> TrafficSource {
        if kind != .closed, clients != nil || thinkSeconds != nil {
            throw .invalidUsage(message: "\(Setting.clients) and \(Setting.thinkTime) describe a closed loop: add \(Setting.traffic) closed")
        }
        if let tracePath {
            if kind != nil || requestsPerSecond != nil { throw .invalidUsage(message: "give \(Setting.trace) or \(Setting.traffic)/\(Setting.rate), not both") }
            return .trace(try TraceReader.read(contentsOf: tracePath, skipBadRows: skipBadRows))
        }
        switch kind {
        case nil:
            throw .invalidUsage(message: "missing traffic: give \(Setting.traffic) poisson \(Setting.rate) 10/s (or steady, business-hours, bursty), or \(Setting.trace) FILE")
        case .closed:
            return try closedLoop(allowed: allowsClosedLoop)
        case .open(let pattern):
            guard let requestsPerSecond else {
                throw .invalidUsage(message: "\(Setting.traffic) \(pattern.rawValue) needs \(Setting.rate) (e.g. \(Setting.rate) 10/s)")
            }
            let profile = TrafficProfile(
                pattern: pattern, requestsPerSecond: requestsPerSecond, inputTokensPerRequest: inputTokensPerRequest,
                outputTokensPerRequest: outputTokensPerRequest, businessHours: businessHours ?? TrafficProfile.defaultBusinessHours,
                utcOffset: utcOffset ?? 0, burstSize: burstSize, burstEverySeconds: burstEverySeconds ?? TrafficProfile.defaultBurstEverySeconds,
                burstSeconds: burstSeconds ?? TrafficProfile.defaultBurstSeconds, seed: seed, days: simulatedDays(default: TrafficProfile.defaultDays))
            try profile.validate()
            return .synthetic(profile)
        }
    }

    /// A closed loop of `clients` for the days given.
    func closedLoop(allowed: Bool) throws(InfracostError) -> TrafficSource {
        guard allowed else {
            throw .invalidUsage(message: "\(Setting.traffic) closed is for simulate: a closed loop's volume depends on the endpoint's speed; give an open pattern (poisson, steady, business-hours, bursty) with \(Setting.rate)")
        }
        if requestsPerSecond != nil { throw .invalidUsage(message: "\(Setting.traffic) closed takes \(Setting.clients), not \(Setting.rate): each client waits for its last response") }
        guard let clients else { throw .invalidUsage(message: "\(Setting.traffic) closed needs \(Setting.clients) (e.g. \(Setting.clients) 25)") }
        let loop = ClosedLoopTraffic(clients: clients, thinkSeconds: thinkSeconds ?? 0, inputTokensPerRequest: inputTokensPerRequest,
                                     outputTokensPerRequest: outputTokensPerRequest, seconds: simulatedDays(default: ClosedLoopTraffic.defaultDays) * 86400)
        try loop.validate()
        return .closedLoop(loop)
    }

    /// The days given, or `fallback`.
    func simulatedDays(default fallback: Double) -> Double {
        days.map { NSDecimalNumber(decimal: $0).doubleValue } ?? fallback
    }
}

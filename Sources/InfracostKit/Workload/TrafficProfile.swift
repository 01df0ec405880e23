import Foundation

/// When requests arrive, and how large they are: a synthetic pattern or a recorded trace.
public struct TrafficProfile: Equatable, Sendable {
    /// The arrival pattern.
    public enum Pattern: String, CaseIterable, Sendable {
        /// Exactly evenly spaced arrivals.
        case steady
        /// A Poisson process: independent, exponentially spaced arrivals.
        case poisson
        /// Poisson at `requestsPerSecond` inside business hours on weekdays (Monday to Friday), none outside.
        case businessHours = "business-hours"
        /// Poisson background at `requestsPerSecond`, plus bursts of `burstSize` requests within `burstSeconds` every `burstEverySeconds`.
        case bursty
    }

    public var pattern: Pattern
    /// Arrivals per second (inside business hours for that pattern).
    public var requestsPerSecond: Double
    /// Input and output tokens of every synthetic request.
    public var inputTokensPerRequest: Int
    public var outputTokensPerRequest: Int
    /// Business hours, seconds after local midnight.
    public var businessHours: ClosedRange<Double>
    /// Local time zone, seconds east of UTC. Simulated time 0 is a Monday at 00:00 local time; business hours and
    /// keep-warm schedules are local, trace timestamps UTC.
    public var utcOffset: Double
    public var burstSize: Int
    public var burstEverySeconds: Double
    public var burstSeconds: Double
    public var seed: UInt64
    /// Simulated days.
    public var days: Double

    /// Business hours when none are given: 09:00-18:00 local time, in seconds after midnight.
    public static let defaultBusinessHours: ClosedRange<Double> = 32400...64800
    /// Seconds between bursts when not given: one hour.
    public static let defaultBurstEverySeconds: Double = 3600
    /// Seconds a burst lasts when not given.
    public static let defaultBurstSeconds: Double = 10
    /// Days simulated when not given: a 30-day month.
    public static let defaultDays: Double = 30

    /// Synthetic traffic: `pattern` at `requestsPerSecond` (positive) of the given sizes, business hours in seconds
    /// after local midnight, bursts of `burstSize` every `burstEverySeconds` over `burstSeconds`, for `days`.
    public init(
        pattern: Pattern, requestsPerSecond: Double, inputTokensPerRequest: Int = 1000, outputTokensPerRequest: Int = 250,
        businessHours: ClosedRange<Double> = TrafficProfile.defaultBusinessHours, utcOffset: Double = 0, burstSize: Int = 100,
        burstEverySeconds: Double = TrafficProfile.defaultBurstEverySeconds, burstSeconds: Double = TrafficProfile.defaultBurstSeconds,
        seed: UInt64 = 1, days: Double = TrafficProfile.defaultDays
    ) {
        self.pattern = pattern
        self.requestsPerSecond = requestsPerSecond
        self.inputTokensPerRequest = inputTokensPerRequest
        self.outputTokensPerRequest = outputTokensPerRequest
        self.businessHours = businessHours
        self.utcOffset = utcOffset
        self.burstSize = burstSize
        self.burstEverySeconds = burstEverySeconds
        self.burstSeconds = burstSeconds
        self.seed = seed
        self.days = days
    }

    /// The expected number of requests over the simulated days.
    public var expectedRequests: Double {
        let seconds = days * 86400
        switch pattern {
        case .steady, .poisson: return requestsPerSecond * seconds
        case .businessHours: return requestsPerSecond * (businessHours.upperBound - businessHours.lowerBound) * days * 5 / 7
        case .bursty: return requestsPerSecond * seconds + Double(burstSize) * seconds / burstEverySeconds
        }
    }
}

/// One request: when it arrives (seconds from the start) and its token counts.
public struct Request: Equatable, Sendable {
    public var arrival: Double
    public var inputTokens: Int32
    public var outputTokens: Int32

    /// A request arriving at `arrival` seconds of simulated time with its token counts (non-negative).
    public init(arrival: Double, inputTokens: Int32, outputTokens: Int32) {
        self.arrival = arrival
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}

/// Produces a profile's requests in arrival order, one at a time, so a long simulation holds none of them.
public struct RequestStream: Sendable {
    let profile: TrafficProfile
    var generator: SeededGenerator
    let end: Double
    var clock: Double = 0
    var burstStart: Double
    var burstRemaining = 0
    var pendingBackground: Double?
    var openClock: Double = 0
    var count = 0

    /// The requests of `profile` from time 0, in arrival order; the same profile gives the same requests.
    public init(profile: TrafficProfile) {
        self.profile = profile
        self.generator = SeededGenerator(seed: profile.seed)
        self.end = profile.days * 86400
        self.burstStart = profile.burstEverySeconds
    }

    /// The next request, or nil after the last day.
    public mutating func next() -> Request? {
        let p = profile
        let size = (Int32(clamping: p.inputTokensPerRequest), Int32(clamping: p.outputTokensPerRequest))
        switch p.pattern {
        case .steady:
            // The k-th arrival at k / requestsPerSecond, from 0: computed, not accumulated, so no drift over a month.
            clock = Double(count) / p.requestsPerSecond
        case .poisson:
            clock += generator.exponential(mean: 1 / p.requestsPerSecond)
        case .businessHours:
            // A Poisson process on the axis of open time, laid onto the weekday windows.
            openClock += generator.exponential(mean: 1 / p.requestsPerSecond)
            let window = p.businessHours.upperBound - p.businessHours.lowerBound
            let index = (openClock / window).rounded(.down)
            let weekdayIndex = Int(index)
            let day = weekdayIndex / 5 * 7 + weekdayIndex % 5
            clock = Double(day) * 86400 + p.businessHours.lowerBound + (openClock - index * window)
        case .bursty:
            if pendingBackground == nil { pendingBackground = clock + generator.exponential(mean: 1 / p.requestsPerSecond) }
            if burstRemaining == 0, burstStart <= pendingBackground! {
                burstRemaining = p.burstSize
            }
            if burstRemaining > 0, burstStart <= pendingBackground! {
                let spacing = p.burstSeconds / Double(max(1, p.burstSize))
                clock = burstStart + spacing * Double(p.burstSize - burstRemaining)
                burstRemaining -= 1
                if burstRemaining == 0 { burstStart += p.burstEverySeconds }
            } else {
                clock = pendingBackground!
                pendingBackground = nil
            }
        }
        guard clock < end else { return nil }
        count += 1
        return Request(arrival: clock, inputTokens: size.0, outputTokens: size.1)
    }

}

extension TrafficProfile {
    /// Checks that the profile asks for work within `Limits`: request sizes within `Limits.tokensPerRequest`, bursts
    /// within `Limits.burstSize`, and at most `Limits.simulatedRequests` requests expected.
    /// - Throws: `InfracostError.invalidQuantity` for a size out of range; `InfracostError.invalidUsage` for too many
    ///   requests.
    public func validate() throws(InfracostError) {
        try Self.checkRequestSizes(input: inputTokensPerRequest, output: outputTokensPerRequest)
        guard Limits.burstSize.contains(burstSize) else {
            throw .invalidQuantity(label: "\(Setting.burstSize)", value: String(burstSize), reason: "must be \(Limits.between(Limits.burstSize))")
        }
        if expectedRequests > Limits.simulatedRequests {
            throw .invalidUsage(message: "that is about \(Int(expectedRequests)) requests; simulate at most 1e9 (lower \(Setting.rate) or \(Setting.days))")
        }
    }

    /// Both request sizes within `Limits.tokensPerRequest`.
    /// - Throws: `InfracostError.invalidQuantity` naming the size out of range.
    static func checkRequestSizes(input: Int, output: Int) throws(InfracostError) {
        for (setting, value) in [(Setting.inputTokensPerRequest, input), (.outputTokensPerRequest, output)] where !Limits.tokensPerRequest.contains(value) {
            throw .invalidQuantity(label: "\(setting)", value: String(value), reason: "must be \(Limits.between(Limits.tokensPerRequest))")
        }
    }
}

extension ClosedLoopTraffic {
    /// Checks that the loop can run: clients within `Limits.closedLoopClients`, requests with tokens (a request of
    /// none takes no time, so the loop would never move on), sizes within `Limits.tokensPerRequest`.
    /// - Throws: `InfracostError.invalidQuantity` for a count or size out of range; `InfracostError.invalidUsage` for
    ///   requests of no tokens.
    public func validate() throws(InfracostError) {
        guard Limits.closedLoopClients.contains(clients) else {
            throw .invalidQuantity(label: "\(Setting.clients)", value: String(clients), reason: "must be \(Limits.between(Limits.closedLoopClients))")
        }
        if inputTokensPerRequest == 0, outputTokensPerRequest == 0 {
            throw .invalidUsage(message: "\(Setting.traffic) closed needs requests with tokens: a request of none takes no time, so the loop would never move on")
        }
        try TrafficProfile.checkRequestSizes(input: inputTokensPerRequest, output: outputTokensPerRequest)
    }
}

extension TrafficSource {
    /// Checks that simulating this traffic asks for work within `Limits` (a trace was bounded when it was read).
    /// - Throws: what `TrafficProfile.validate()` or `ClosedLoopTraffic.validate()` throws.
    public func validate() throws(InfracostError) {
        switch self {
        case .synthetic(let profile): try profile.validate()
        case .closedLoop(let loop): try loop.validate()
        case .trace: break
        }
    }
}

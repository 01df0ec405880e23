import ArgumentParser
import Foundation
import InfracostKit

/// When requests arrive: a synthetic pattern or a recorded trace.
struct TrafficOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Arrival pattern: steady, poisson, business-hours or bursty; closed (simulate only) for a closed loop of --clients.", valueName: "pattern"))
    var traffic: String?

    @Option(help: ArgumentHelp("Clients of a closed loop (--traffic closed), each sending its next request when its last completes, as benchmark tools do.", valueName: "n"))
    var clients: Int?

    @Option(help: ArgumentHelp("Time a closed-loop client waits after a response before its next request, e.g. 2s. (default: 0s)", valueName: "duration"))
    var thinkTime: String?

    @Option(help: ArgumentHelp("Requests per unit of time: 30/h, 5/s, 1000/min, 100/d (inside business hours for that pattern).", valueName: "rate"))
    var rate: String?

    @Option(help: "Input tokens of each synthetic request.")
    var inputTokensPerRequest: Int = 1000

    @Option(help: "Output tokens of each synthetic request.")
    var outputTokensPerRequest: Int = 250

    @Option(help: ArgumentHelp("Business hours, local time, Monday to Friday. (default: 09:00-18:00)", valueName: "HH:MM-HH:MM"))
    var businessHours: String?

    @Option(help: ArgumentHelp("Local time zone as a UTC offset, for business hours and keep-warm schedules. (default: UTC)", valueName: "offset"))
    var timezone: String?

    @Option(help: "Requests in each burst (bursty).")
    var burstSize: Int = 100

    @Option(help: ArgumentHelp("Time between bursts (bursty), e.g. 1h. (default: 1h)", valueName: "duration"))
    var burstEvery: String?

    @Option(help: ArgumentHelp("How long a burst lasts (bursty), e.g. 10s. (default: 10s)", valueName: "duration"))
    var burstDuration: String?

    @Option(help: "Random seed: the same seed gives the same run.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Days to simulate. (default: 30; 1 for a closed loop)", valueName: "days"))
    var days: String?

    @Option(help: ArgumentHelp("Replay a request log: Azure trace format (TIMESTAMP,ContextTokens,GeneratedTokens) or CSV with timestamp,input_tokens,output_tokens.", valueName: "file.csv"))
    var trace: String?

    @Flag(help: "Leave out bad trace rows (counted in a warning) instead of failing.")
    var skipBadRows = false

    /// Whether any traffic was described.
    var isGiven: Bool { traffic != nil || trace != nil }

    /// The traffic source the flags describe; a closed loop only where `allowsClosedLoop` (simulate).
    func source(allowsClosedLoop: Bool = false) throws(InfracostError) -> TrafficSource {
        if traffic != "closed", clients != nil || thinkTime != nil {
            throw .invalidUsage(message: "--clients and --think-time describe a closed loop: add --traffic closed")
        }
        if let trace {
            if traffic != nil || rate != nil { throw .invalidUsage(message: "give --trace or --traffic/--rate, not both") }
            return .trace(try TraceReader.read(contentsOf: trace, skipBadRows: skipBadRows))
        }
        guard let name = traffic else {
            throw .invalidUsage(message: "missing traffic: give --traffic poisson --rate 10/s (or steady, business-hours, bursty), or --trace FILE")
        }
        if name == "closed" { return try closedLoop(allowed: allowsClosedLoop) }
        guard let pattern = TrafficProfile.Pattern(rawValue: name) else {
            throw .invalidQuantity(label: "--traffic", value: name, reason: "use one of: \(TrafficProfile.Pattern.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let rateText = rate else { throw .invalidUsage(message: "--traffic \(name) needs --rate (e.g. --rate 10/s)") }
        let rate = try RateText.parse(rateText)
        let days = try simulatedDays(default: TrafficProfile.defaultDays)
        let profile = TrafficProfile(
            pattern: pattern, requestsPerSecond: rate, inputTokensPerRequest: inputTokensPerRequest, outputTokensPerRequest: outputTokensPerRequest,
            businessHours: try businessHours.map { text throws(InfracostError) in try TimeOfDay.parseWindow(text, label: "--business-hours") } ?? TrafficProfile.defaultBusinessHours,
            utcOffset: try timezone.map { text throws(InfracostError) in try TimeOfDay.parseOffset(text) } ?? 0,
            burstSize: burstSize,
            burstEverySeconds: try positiveDuration(burstEvery, label: "--burst-every") ?? TrafficProfile.defaultBurstEverySeconds,
            burstSeconds: try positiveDuration(burstDuration, label: "--burst-duration") ?? TrafficProfile.defaultBurstSeconds,
            seed: seed, days: days)
        try profile.validate()
        return .synthetic(profile)
    }

    /// `--traffic closed --clients N [--think-time D]`: a closed loop for `--days`.
    func closedLoop(allowed: Bool) throws(InfracostError) -> TrafficSource {
        guard allowed else {
            throw .invalidUsage(message: "--traffic closed is for simulate: a closed loop's volume depends on the endpoint's speed; give an open pattern (poisson, steady, business-hours, bursty) with --rate")
        }
        if rate != nil { throw .invalidUsage(message: "--traffic closed takes --clients, not --rate: each client waits for its last response") }
        guard let clients else { throw .invalidUsage(message: "--traffic closed needs --clients (e.g. --clients 25)") }
        let think = try thinkTime.map { text throws(InfracostError) in try DurationText.seconds(text, label: "--think-time") } ?? 0
        let days = try simulatedDays(default: ClosedLoopTraffic.defaultDays)
        let loop = ClosedLoopTraffic(clients: clients, thinkSeconds: think, inputTokensPerRequest: inputTokensPerRequest,
                                     outputTokensPerRequest: outputTokensPerRequest, seconds: days * 86400)
        try loop.validate()
        return .closedLoop(loop)
    }

    /// `--days`, within `Limits.simulatedDays`, or `fallback` when not given.
    func simulatedDays(default fallback: Double) throws(InfracostError) -> Double {
        guard let days else { return fallback }
        let range = Limits.simulatedDays
        return NSDecimalNumber(decimal: try PlainNumber.parse(days, label: "--days", range: range, rangeText: Limits.positive(upTo: range))).doubleValue
    }

    func positiveDuration(_ text: String?, label: String) throws(InfracostError) -> Double? {
        guard let text else { return nil }
        let seconds = try DurationText.seconds(text, label: label)
        guard seconds > 0 else { throw .invalidQuantity(label: label, value: text, reason: "must be more than 0") }
        return seconds
    }
}

/// How the simulated endpoint behaves.
struct EndpointOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The serverless-gpu offer. (default: the cheapest per second that fits --model-size)", valueName: "id"))
    var offer: String?

    @Option(help: ArgumentHelp("Requests routed to one replica at once. (default: the most that meet the latency target in the serving model, else 1)", valueName: "n"))
    var concurrency: Int?

    @Option(help: ArgumentHelp("Measured time per request, e.g. 5s, instead of computing it from token counts.", valueName: "duration"))
    var serviceTime: String?

    @Option(help: "Service times fixed or exponential (around --service-time or the computed time).")
    var serviceDistribution: EndpointConfiguration.Distribution = .fixed

    @Option(help: ArgumentHelp("Prompt tokens per second per request. (default: the replica's throughput)", valueName: "tok/s"))
    var prefillRate: Double?

    @Option(help: ArgumentHelp("Generated tokens per second per request. (default: throughput / concurrency)", valueName: "tok/s"))
    var decodeRate: Double?

    @Option(help: ArgumentHelp("Seconds to boot a replica, e.g. 45s. (default: the published figure for the model size)", valueName: "duration"))
    var coldStart: String?

    @Option(help: ArgumentHelp("Idle time before a replica is removed, e.g. 5m. (default: the offer's, else 5m)", valueName: "duration"))
    var idleTimeout: String?

    @Option(help: "The most replicas at once; requests queue beyond.")
    var maxReplicas: Int = 1000

    @Option(help: ArgumentHelp("Replicas kept warm: N, or N@HH:MM-HH:MM for a daily local window. (default: 0)", valueName: "n[@window]"))
    var keepWarm: String?

    /// The choices the flags make.
    func choices() throws(InfracostError) -> SimulationPlan.Choices {
        var choices = SimulationPlan.Choices()
        choices.offerID = offer
        if let concurrency, !Limits.concurrency.contains(concurrency) {
            throw .invalidQuantity(label: "--concurrency", value: String(concurrency), reason: "must be \(Limits.between(Limits.concurrency))")
        }
        choices.concurrency = concurrency
        choices.serviceTimeSeconds = try serviceTime.map { text throws(InfracostError) in
            let seconds = try DurationText.seconds(text, label: "--service-time")
            guard seconds > 0 else { throw .invalidQuantity(label: "--service-time", value: text, reason: "must be more than 0") }
            return seconds
        }
        for (flag, rate) in [("--prefill-rate", prefillRate), ("--decode-rate", decodeRate)] {
            if let rate, !(rate > 0 && rate < 1e9) {
                throw .invalidQuantity(label: flag, value: String(rate), reason: "must be more than 0 tokens per second")
            }
        }
        choices.prefillRate = prefillRate
        choices.decodeRate = decodeRate
        choices.distribution = serviceDistribution
        choices.coldStartSeconds = try coldStart.map { text throws(InfracostError) in try DurationText.seconds(text, label: "--cold-start") }
        choices.idleTimeoutSeconds = try idleTimeout.map { text throws(InfracostError) in try DurationText.seconds(text, label: "--idle-timeout") }
        guard Limits.maxReplicas.contains(maxReplicas) else {
            throw .invalidQuantity(label: "--max-replicas", value: String(maxReplicas), reason: "must be \(Limits.between(Limits.maxReplicas))")
        }
        choices.maxReplicas = maxReplicas
        if let keepWarm {
            let parts = keepWarm.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
            guard let count = Int(parts[0]), Limits.keepWarmReplicas.contains(count) else {
                throw .invalidQuantity(label: "--keep-warm", value: keepWarm, reason: "write a count, optionally with a window: 1 or 1@09:00-18:00")
            }
            choices.keepWarm = count
            if parts.count == 2 { choices.keepWarmWindow = try TimeOfDay.parseWindow(String(parts[1]), label: "--keep-warm") }
        }
        return choices
    }
}


import ArgumentParser
import Foundation
import InfracostKit

/// When requests arrive: a synthetic pattern or a recorded trace.
struct TrafficOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Arrival pattern: steady, poisson, business-hours or bursty; closed (simulate only) for a closed loop of --clients.", valueName: "pattern"),
            transform: ArgumentValue.reading { text throws(InfracostError) in try TrafficSettings.Kind(parsing: text) })
    var traffic: TrafficSettings.Kind?

    @Option(help: ArgumentHelp("Clients of a closed loop (--traffic closed), each sending its next request when its last completes, as benchmark tools do.", valueName: "n"))
    var clients: Int?

    @Option(help: ArgumentHelp("Time a closed-loop client waits after a response before its next request, e.g. 2s. (default: 0s)", valueName: "duration"),
            transform: ArgumentValue.seconds)
    var thinkTime: Double?

    @Option(name: .customLong("rate"),
            help: ArgumentHelp("Requests per unit of time: 30/h, 5/s, 1000/min, 100/d (inside business hours for that pattern).", valueName: "rate"),
            transform: ArgumentValue.rate)
    var requestsPerSecond: Double?

    @Option(help: "Input tokens of each synthetic request.")
    var inputTokensPerRequest: Int = 1000

    @Option(help: "Output tokens of each synthetic request.")
    var outputTokensPerRequest: Int = 250

    @Option(help: ArgumentHelp("Business hours, local time, Monday to Friday. (default: 09:00-18:00)", valueName: "HH:MM-HH:MM"),
            transform: ArgumentValue.window)
    var businessHours: ClosedRange<Double>?

    @Option(help: ArgumentHelp("Local time zone as a UTC offset, for business hours and keep-warm schedules. (default: UTC)", valueName: "offset"),
            transform: ArgumentValue.utcOffset)
    var timezone: Double?

    @Option(help: "Requests in each burst (bursty).")
    var burstSize: Int = 100

    @Option(help: ArgumentHelp("Time between bursts (bursty), e.g. 1h. (default: 1h)", valueName: "duration"),
            transform: ArgumentValue.positiveSeconds)
    var burstEvery: Double?

    @Option(help: ArgumentHelp("How long a burst lasts (bursty), e.g. 10s. (default: 10s)", valueName: "duration"),
            transform: ArgumentValue.positiveSeconds)
    var burstDuration: Double?

    @Option(help: "Random seed: the same seed gives the same run.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Days to simulate. (default: 30; 1 for a closed loop)", valueName: "days"),
            transform: ArgumentValue.number(in: Limits.simulatedDays, Limits.positive(upTo: Limits.simulatedDays)))
    var days: Decimal?

    @Option(help: ArgumentHelp("Replay a request log: Azure trace format (TIMESTAMP,ContextTokens,GeneratedTokens) or CSV with timestamp,input_tokens,output_tokens.", valueName: "file.csv"))
    var trace: String?

    @Flag(help: "Leave out bad trace rows (counted in a warning) instead of failing.")
    var skipBadRows = false

    /// The traffic settings the flags give.
    var settings: TrafficSettings {
        var settings = TrafficSettings()
        settings.kind = traffic
        settings.requestsPerSecond = requestsPerSecond
        settings.clients = clients
        settings.thinkSeconds = thinkTime
        settings.inputTokensPerRequest = inputTokensPerRequest
        settings.outputTokensPerRequest = outputTokensPerRequest
        settings.businessHours = businessHours
        settings.utcOffset = timezone
        settings.burstSize = burstSize
        settings.burstEverySeconds = burstEvery
        settings.burstSeconds = burstDuration
        settings.seed = seed
        settings.days = days
        settings.tracePath = trace
        settings.skipBadRows = skipBadRows
        return settings
    }

    /// Whether any traffic was described.
    var isGiven: Bool { settings.isGiven }
}

/// How the simulated endpoint behaves.
struct EndpointOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The serverless-gpu offer. (default: the cheapest per second that fits --model-size)", valueName: "id"))
    var offer: String?

    @Option(help: ArgumentHelp("Requests routed to one replica at once. (default: the most that meet the latency target in the serving model, else 1)", valueName: "n"),
            transform: ArgumentValue.integer(in: Limits.concurrency))
    var concurrency: Int?

    @Option(help: ArgumentHelp("Measured time per request, e.g. 5s, instead of computing it from token counts.", valueName: "duration"),
            transform: ArgumentValue.positiveSeconds)
    var serviceTime: Double?

    @Option(help: "Service times fixed or exponential (around --service-time or the computed time).")
    var serviceDistribution: EndpointConfiguration.Distribution = .fixed

    @Option(help: ArgumentHelp("Prompt tokens per second per request. (default: the replica's throughput)", valueName: "tok/s"),
            transform: ArgumentValue.tokenRate)
    var prefillRate: Double?

    @Option(help: ArgumentHelp("Generated tokens per second per request. (default: throughput / concurrency)", valueName: "tok/s"),
            transform: ArgumentValue.tokenRate)
    var decodeRate: Double?

    @Option(help: ArgumentHelp("Seconds to boot a replica, e.g. 45s. (default: the published figure for the model size)", valueName: "duration"),
            transform: ArgumentValue.seconds)
    var coldStart: Double?

    @Option(help: ArgumentHelp("Idle time before a replica is removed, e.g. 5m. (default: the offer's, else 5m)", valueName: "duration"),
            transform: ArgumentValue.seconds)
    var idleTimeout: Double?

    @Option(help: "The most replicas at once; requests queue beyond. (default: 1000)", transform: ArgumentValue.integer(in: Limits.maxReplicas))
    var maxReplicas: Int = 1000

    @Option(help: ArgumentHelp("Replicas kept warm: N, or N@HH:MM-HH:MM for a daily local window. (default: 0)", valueName: "n[@window]"),
            transform: ArgumentValue.keepWarmSchedule)
    var keepWarm: ArgumentValue.KeepWarmSchedule?

    /// The choices the flags make.
    var choices: SimulationPlan.Choices {
        var choices = SimulationPlan.Choices()
        choices.offerID = offer
        choices.concurrency = concurrency
        choices.serviceTimeSeconds = serviceTime
        choices.prefillRate = prefillRate
        choices.decodeRate = decodeRate
        choices.distribution = serviceDistribution
        choices.coldStartSeconds = coldStart
        choices.idleTimeoutSeconds = idleTimeout
        choices.maxReplicas = maxReplicas
        choices.keepWarm = keepWarm?.replicas ?? 0
        choices.keepWarmWindow = keepWarm?.window
        return choices
    }
}

public import Foundation

/// Where simulated requests come from.
public enum TrafficSource: Equatable, Sendable {
    case synthetic(TrafficProfile)
    case trace(Trace)
    /// Clients in a closed loop, as benchmark tools drive a server (`simulate` only: its volume depends on the
    /// endpoint's speed, so it prices no month of tokens before it is simulated).
    case closedLoop(ClosedLoopTraffic)

    /// Input and output tokens of a typical request: the synthetic size, or a trace's means.
    var typicalRequest: (input: Int, output: Int) {
        switch self {
        case .synthetic(let profile): return (profile.inputTokensPerRequest, profile.outputTokensPerRequest)
        case .closedLoop(let loop): return (loop.inputTokensPerRequest, loop.outputTokensPerRequest)
        case .trace(let trace):
            let count = max(1, trace.requests.count)
            let input = trace.requests.reduce(0) { $0 + Int($1.inputTokens) } / count
            let output = trace.requests.reduce(0) { $0 + Int($1.outputTokens) } / count
            return (input, output)
        }
    }
}

/// Everything a simulation needs, with every default resolved and recorded.
public struct SimulationPlan: Equatable, Sendable {
    public var offer: Offer
    /// The offer's price per GPU, checked present when the plan was made (an unpriced offer is never simulated
    /// at $0).
    public var rate: Offer.GPUTimeRate
    public var configuration: EndpointConfiguration
    public var traffic: TrafficSource
    public var hoursPerMonth: Decimal
    /// Each setting and where its value came from, for the report.
    public var assumptions: [Assumption]


    /// The user's choices; nil means "use the default".
    public struct Choices: Equatable, Sendable {
        public var offerID: String?
        public var concurrency: Int?
        public var serviceTimeSeconds: Double?
        public var prefillRate: Double?
        public var decodeRate: Double?
        public var distribution: EndpointConfiguration.Distribution = .fixed
        public var coldStartSeconds: Double?
        public var idleTimeoutSeconds: Double?
        public var maxReplicas: Int = 1000
        public var keepWarm: Int = 0
        public var keepWarmWindow: ClosedRange<Double>?

        /// Every setting at its default: the cheapest fitting offer, the serving model's concurrency and times.
        public init() {}
    }

    /// Resolves the plan for a workload shape (model size, month) and traffic.
    /// - Throws: `InfracostError.invalidUsage` when no serverless-gpu offer fits or a needed figure is missing.
    public static func make(
        choices: Choices, shape: Workload, traffic: TrafficSource, catalog: PriceCatalog
    ) throws(InfracostError) -> SimulationPlan {
        var assumptions: [Assumption] = []
        let pricers = OfferPricer.all(catalog: catalog, shape: shape, tiers: [.serverlessGPU])
        let pricer: OfferPricer
        if let id = choices.offerID {
            guard let found = pricers.first(where: { $0.offer.id == id }) else {
                if let offer = catalog.offer(id: id) {
                    throw .invalidUsage(message: "\(Setting.offer) \(id): simulate needs a serverless-gpu offer, not \(offer.tier.rawValue)")
                }
                let hint = Suggestions.hint(for: id, in: catalog.offers.map(\.id))
                throw .invalidUsage(message: "\(Setting.offer) \(id): no offer has this id\(hint)")
            }
            if let reason = found.exclusionReason { throw .invalidUsage(message: "\(Setting.offer) \(id): \(reason)") }
            pricer = found
            assumptions.append(Assumption("offer", "\(id) (\(Setting.offer))", settings: [.offer]))
        } else {
            let usable = pricers.filter { $0.exclusionReason == nil && (try? $0.throughput?.get()) != nil && pricePerSecond($0.offer) != nil }
            guard let cheapest = usable.min(by: { (pricePerSecond($0.offer)! * Decimal($0.offer.gpuCount), $0.offer.id) < (pricePerSecond($1.offer)! * Decimal($1.offer.gpuCount), $1.offer.id) }) else {
                throw .invalidUsage(message: "no serverless-gpu offer fits a \(Numbers.exact(shape.modelParamsB))B model; choose one with \(Setting.offer) or add one with \(Setting.pricing)")
            }
            pricer = cheapest
            assumptions.append(Assumption("offer", "\(cheapest.offer.id) (cheapest serverless-gpu per second that fits \(Numbers.exact(shape.modelParamsB))B; \(Setting.offer))", settings: [.offer]))
        }
        let offer = pricer.offer
        // Only a chosen --offer can lack a price: the default choice is among priced offers.
        guard let rate = offer.pricing.gpuTime?.rate else {
            throw .invalidUsage(message: "\(Setting.offer) \(offer.id): \(offer.priceGap ?? "no price (per_second or per_hour is missing)")")
        }
        let throughput = try? pricer.throughput?.get()
        let request = traffic.typicalRequest
        let usesRates = choices.serviceTimeSeconds != nil || choices.prefillRate != nil || choices.decodeRate != nil
        var batching: (profile: BatchingProfile, target: ServingPoint?)?
        var noBatching = "\(Setting.serviceTime) or token rates given"
        if !usesRates {
            switch try batchingProfile(offer: offer, shape: shape, request: request, catalog: catalog) {
            case .success(let found): batching = found
            case .failure(let reason): noBatching = reason.message
            }
            if batching != nil, choices.distribution == .exponential {
                throw .invalidUsage(message: "\(Setting.serviceDistribution) exponential needs \(Setting.serviceTime) or \(Setting.prefillRate)/\(Setting.decodeRate): continuous batching times each request by its own tokens")
            }
        }
        // Batching: the most requests that meet the latency target (the router calls a replica full there).
        // Otherwise the serving model's concurrency at the target; the roofline's batch; else one at a time.
        let concurrency: Int
        if let chosen = choices.concurrency {
            concurrency = chosen
        } else if let batching {
            concurrency = shape.serving.maxThroughput ? batching.profile.maxRunning : max(1, batching.target?.running ?? 1)
        } else {
            concurrency = throughput?.concurrency ?? (throughput?.isEstimate == true ? Throughput.rooflineBatch : 1)
        }
        var concurrencyText = "\(concurrency) requests per replica"
        if choices.concurrency == nil {
            if let batching {
                concurrencyText += shape.serving.maxThroughput
                    ? " (the KV cache's limit; \(Setting.concurrency))"
                    : batching.target == nil
                        ? " (default: even one request misses \(shape.serving.targetText); \(Setting.concurrency))"
                        : " (default: the most at \(shape.serving.targetText) in the serving model; \(Setting.concurrency), \(Setting.maxITL), \(Setting.maxTTFT))"
            } else {
                concurrencyText += " (default; \(Setting.concurrency))"
            }
        }
        assumptions.append(Assumption("concurrency", concurrencyText, settings: [.concurrency, .maxITL, .maxTTFT]))
        let service: EndpointConfiguration.ServiceTime
        if let batching {
            service = .batching(batching.profile)
            let model = batching.profile.model
            let configuration = model.configuration
            let gpus = configuration.gpus == 1 ? "1 x \(configuration.gpu.name)" : "\(configuration.gpus) x \(configuration.gpu.name) (tensor parallel)"
            assumptions.append(Assumption("serving", "continuous batching (estimate, serving performance model): \(configuration.architecture.name) at \(configuration.precision.rawValue) on \(gpus);"
                + " each step decodes every running request, its time from the model for the batch's size and KV cache;"
                + " prompts prefill in chunks sharing the \(model.efficiencies.stepTokenBudget)-token step; the KV cache holds \(batching.profile.maxRunning) requests of \(request.input) in / \(request.output) out, the rest wait", settings: [.model, .precision, .offer]))
        } else if let seconds = choices.serviceTimeSeconds {
            service = .measured(seconds: seconds)
            assumptions.append(Assumption("service time", "\(format(seconds)) s per request, \(choices.distribution.rawValue) (\(Setting.serviceTime))", settings: [.serviceTime, .serviceDistribution, .prefillRate, .decodeRate]))
        } else {
            guard let throughput else {
                throw .invalidUsage(message: "\(offer.id) has no throughput figure; give \(Setting.serviceTime), or \(Setting.prefillRate) and \(Setting.decodeRate)")
            }
            let total = NSDecimalNumber(decimal: throughput.tokensPerSecond).doubleValue
            let prefill = choices.prefillRate ?? total
            let decode = choices.decodeRate ?? total / Double(concurrency)
            service = .tokens(prefillRate: prefill, decodeRate: decode)
            assumptions.append(Assumption("service time", "input / \(format(prefill)) tok/s + output / \(format(decode)) tok/s per request"
                + (choices.prefillRate == nil && choices.decodeRate == nil
                    ? " (prefill at the replica's \(throughput.isEstimate ? "estimated " : "")\(format(total)) tok/s, decode at its 1/\(concurrency) share;"
                        + " not continuously batched: \(noBatching))" : ""), settings: [.serviceTime, .serviceDistribution, .prefillRate, .decodeRate]))
        }
        let coldStart: Double
        if let seconds = choices.coldStartSeconds {
            coldStart = seconds
            assumptions.append(Assumption("cold start", "\(format(seconds)) s (\(Setting.coldStart))", settings: [.coldStart]))
        } else if let figure = pricer.coldStart {
            coldStart = NSDecimalNumber(decimal: figure.seconds).doubleValue
            assumptions.append(Assumption("cold start", "\(format(coldStart)) s: \(figure.origin)", settings: [.coldStart]))
        } else {
            throw .invalidUsage(message: "no published cold start for a \(Numbers.exact(shape.modelParamsB))B model on \(offer.provider); give \(Setting.coldStart)")
        }
        let platformIdle = catalog.idleTimeout(of: offer)
        let idle = choices.idleTimeoutSeconds ?? NSDecimalNumber(decimal: platformIdle ?? Workload.defaultIdleTimeoutSeconds).doubleValue
        let idleOrigin = choices.idleTimeoutSeconds != nil ? ""
            : offer.pricing.gpuTime?.idleTimeoutSeconds != nil ? " (the offer's; \(Setting.idleTimeout))"
            : platformIdle != nil ? " (\(offer.provider)'s published default, see prices show; \(Setting.idleTimeout))"
            : " (default; \(Setting.idleTimeout))"
        assumptions.append(Assumption("idle timeout", "\(format(idle)) s" + idleOrigin, settings: [.idleTimeout]))
        assumptions.append(Assumption("max replicas", "\(choices.maxReplicas)", settings: [.maxReplicas]))
        var keepWarm = "\(choices.keepWarm)"
        if let window = choices.keepWarmWindow { keepWarm += " from \(clock(window.lowerBound)) to \(clock(window.upperBound)) local time" }
        assumptions.append(Assumption("keep-warm", keepWarm, settings: [.keepWarm]))
        var origin = 0.0
        switch traffic {
        case .synthetic(let profile):
            assumptions.append(Assumption("traffic", describe(profile), settings: [.traffic, .trace, .rate]))
        case .closedLoop(let loop):
            assumptions.append(Assumption("traffic", "closed loop: \(loop.clients) clients, each sending its next request \(format(loop.thinkSeconds)) s after the last completes, \(loop.inputTokensPerRequest) in / \(loop.outputTokensPerRequest) out tokens per request, \(format(loop.seconds / 86400)) days", settings: [.traffic, .trace, .rate]))
        case .trace(let trace):
            // Local Monday 00:00 before the trace's start: 1970-01-01 was a Thursday.
            let local = trace.startEpoch
            let days = (local / 86400).rounded(.down)
            let weekday = (Int(days) + 3) % 7
            origin = Double(weekday) * 86400 + (local - days * 86400)
            assumptions.append(Assumption("traffic", "trace \(trace.file) (\(trace.format), \(trace.requests.count) requests over \(format(trace.span)) s)", settings: [.traffic, .trace, .rate]))
        }
        assumptions.append(Assumption("month", "\(Numbers.exact(shape.hoursPerMonth)) h", settings: [.hoursPerMonth]))
        assumptions.append(Assumption("billing", "per GPU-second for loading, serving, idle and keep-warm time; each line rounded to the cent"))
        let configuration = EndpointConfiguration(
            concurrency: concurrency, serviceTime: service, distribution: choices.distribution, coldStartSeconds: coldStart,
            idleTimeoutSeconds: idle, maxReplicas: choices.maxReplicas, keepWarm: choices.keepWarm, keepWarmWindow: choices.keepWarmWindow,
            clockOrigin: origin, seed: seed(of: traffic))
        return SimulationPlan(offer: offer, rate: rate, configuration: configuration, traffic: traffic, hoursPerMonth: shape.hoursPerMonth, assumptions: assumptions)
    }

    /// The continuous-batching profile for `offer`: the workload's model at its precision on all the offer's GPUs
    /// (one engine per replica), and the point at the latency target; nil when the GPU has no compute figures or
    /// the model no architecture, with the reason (the plan then times requests by token rates).
    /// - Throws: `InfracostError.invalidUsage` when the model does not fit the offer's GPUs.
    static func batchingProfile(
        offer: Offer, shape: Workload, request: (input: Int, output: Int), catalog: PriceCatalog
    ) throws(InfracostError) -> Result<(profile: BatchingProfile, target: ServingPoint?), NoServingModel> {
        guard let spec = catalog.gpu(named: offer.gpu ?? "") else { return .failure(NoServingModel(message: "no specification for GPU '\(offer.gpu ?? "")'")) }
        guard let compute = spec.compute else { return .failure(NoServingModel(message: "\(spec.name) has no compute figures to model serving from")) }
        guard let architecture = shape.servingArchitecture(in: catalog) else { return .failure(NoServingModel(message: "no architecture for the model")) }
        let precision = shape.serving.precision ?? compute.defaultPrecision
        let model = ServingModel(ServingConfiguration(architecture: architecture, gpu: spec, compute: compute, gpus: max(1, offer.gpuCount), precision: precision),
                                 efficiencies: catalog.performance.efficiencies(for: spec).efficiencies)
        let input = max(1, request.input), output = max(1, request.output)
        if let reason = model.memory(inputTokens: input, outputTokens: output).reason {
            throw .invalidUsage(message: "\(offer.id): \(architecture.name) at \(precision.rawValue) cannot be served: \(reason)")
        }
        let target = model.largestConcurrency(maxITLms: shape.serving.maxITLms, maxTTFTms: shape.serving.maxTTFTms, inputTokens: input, outputTokens: output)
        return .success((BatchingProfile(model: model, inputTokens: input, outputTokens: output), target))
    }

    /// Why an offer's requests cannot be continuously batched.
    struct NoServingModel: Error {
        var message: String
    }

    static func seed(of traffic: TrafficSource) -> UInt64 {
        if case .synthetic(let profile) = traffic { return profile.seed &+ 0x5EED }
        return 0x5EED
    }

    static func pricePerSecond(_ offer: Offer) -> Decimal? {
        offer.pricing.gpuTime?.rate?.perGPUSecond
    }

    static func describe(_ profile: TrafficProfile) -> String {
        var text = "\(profile.pattern.rawValue) at \(format(profile.requestsPerSecond))/s"
        switch profile.pattern {
        case .businessHours: text += " from \(clock(profile.businessHours.lowerBound)) to \(clock(profile.businessHours.upperBound)), Monday to Friday"
        case .bursty: text += " plus \(profile.burstSize) requests within \(format(profile.burstSeconds)) s every \(format(profile.burstEverySeconds)) s"
        default: break
        }
        return text + ", \(profile.inputTokensPerRequest) in / \(profile.outputTokensPerRequest) out tokens per request, \(format(profile.days)) days, seed \(profile.seed)"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.4g", value)
    }

    static func clock(_ seconds: Double) -> String {
        let minutes = Int(seconds / 60)
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}

/// The result of `infracost simulate`: what one serverless-gpu endpoint did and what it costs a month.
public struct SimulationResult: Equatable, Sendable {
    public var plan: SimulationPlan
    public var run: EndpointRun
    /// Month seconds / simulated seconds: 1 for a 30-day simulation of a 720 h month.
    public var projection: Decimal
    /// The monthly bill, one line per state (loading, serving, idle, keep-warm), each rounded to the cent.
    public var lineItems: [LineItem]
    public var currency: String
    public var warnings: [Notice]

    public var total: Decimal { lineItems.reduce(0) { $0 + $1.amount } }

    /// Cold starts as a share of requests.
    public var coldStartShare: Double { run.requests == 0 ? 0 : Double(run.coldStarts) / Double(run.requests) }

    /// Cold starts per simulated day.
    public var coldStartsPerDay: Double { run.duration == 0 ? 0 : Double(run.coldStarts) / (run.duration / 86400) }

    /// Replicas up on average over the simulated time.
    /// Spread over the whole span replicas lived (the simulated time and any tail after it), so it never
    /// exceeds the peak.
    public var averageReplicas: Double {
        let span = max(run.duration, run.span)
        return span == 0 ? 0 : run.replicaSeconds / span
    }

    /// Output tokens per second per GPU while replicas were serving: completed output tokens over serving
    /// replica-seconds x GPUs per replica. Nil with no serving time or no token timing (`--service-time`).
    public var outputTokensPerSecondPerGPU: Double? {
        guard run.servingSeconds > 0, run.completedOutputTokens > 0 else { return nil }
        return Double(run.completedOutputTokens) / (run.servingSeconds * Double(max(1, plan.offer.gpuCount)))
    }

    /// Whether requests were timed token by token (continuous batching or token rates), so first-token and
    /// inter-token latency mean something.
    public var hasTokenTiming: Bool { run.timeToFirstToken.total > 0 }

    /// Tokens per month after projection.
    public var monthlyTokens: Decimal { Decimal(run.inputTokens + run.outputTokens) * projection }

    /// Monthly cost per 1M tokens, to 4 decimals.
    public var costPerMillionTokens: Decimal? {
        monthlyTokens > 0 ? Money.rounded(total * 1_000_000 / monthlyTokens, scale: 4) : nil
    }
}

/// Runs simulation plans and prices what they simulate.
public enum Simulation {
    /// Runs the plan and prices the result for a month; `progress` (its part `part`) is told how far the run is.
    public static func run(_ plan: SimulationPlan, progress: WorkProgress? = nil, part: Int = 0) -> SimulationResult {
        let report: ((Double) -> Void)? = progress.map { progress in { progress.update(part: part, $0) } }
        let run: EndpointRun
        var warnings: [Notice] = []
        switch plan.traffic {
        case .synthetic(let profile):
            var stream = RequestStream(profile: profile)
            if profile.requestsPerSecond * profile.days * 86400 >= Double(RequestPipeline.minimumRequests) {
                // A long run generates its arrivals on a second thread (the same requests in the same order).
                let pipeline = RequestPipeline(stream: stream)
                defer { pipeline.cancel() }
                run = EndpointSimulator.run(plan.configuration, duration: profile.days * 86400, progress: report) { pipeline.next() }
            } else {
                run = EndpointSimulator.run(plan.configuration, duration: profile.days * 86400, progress: report) { stream.next() }
            }
        case .closedLoop(let loop):
            run = EndpointSimulator.run(plan.configuration, closedLoop: loop, progress: report)
        case .trace(let trace):
            var index = 0
            let requests = trace.requests
            // Arrivals end just after the last request; requests then in flight are finished.
            run = EndpointSimulator.run(plan.configuration, duration: max(trace.span + 1e-6, trace.span.nextUp), progress: report) {
                guard index < requests.count else { return nil }
                defer { index += 1 }
                return requests[index]
            }
            if trace.skippedRows > 0 {
                warnings.append(Notice(.skippedRows, "\(trace.skippedRows) bad rows of \(trace.file) were skipped (\(Setting.skipBadRows))",
                                       setting: .skipBadRows, figure: Decimal(trace.skippedRows)))
            }
            if trace.wasUnsorted { warnings.append(Notice(.unsortedTrace, "\(trace.file) was not in time order; its rows were sorted", setting: .trace)) }
        }
        let monthSeconds = plan.hoursPerMonth * 3600
        let simulated = decimal(run.duration, places: 6)
        let projection = simulated > 0 ? monthSeconds / simulated : 1
        if case .trace(let trace) = plan.traffic, simulated < monthSeconds {
            warnings.append(Notice(.projectedToMonth, "the trace covers \(SimulationPlan.format(trace.span)) s; its costs and counts are projected to a \(Numbers.exact(plan.hoursPerMonth)) h month (x\(Money.plain(projection, scale: 2)))",
                                   setting: .hoursPerMonth, figure: projection))
        }
        let offer = plan.offer
        let gpus = Decimal(offer.gpuCount)
        var items: [LineItem] = []
        let states: [(String, Double)] = [
            ("cold-start loading", run.loadingSeconds), ("serving", run.servingSeconds),
            ("idle before scale-down", run.idleSeconds), ("keep-warm", run.keepWarmSeconds),
        ]
        for (label, seconds) in states where seconds > 0 || label == "serving" {
            let monthly = decimal(seconds, places: 3) * gpus * projection
            var line = item(label, gpuSeconds: monthly, rate: plan.rate, seconds: decimal(seconds, places: 3) * gpus, monthSeconds: monthSeconds, simulated: simulated)
            line.derivation = "\(Numbers.formatted(decimal(seconds, places: 3), scale: 3)) replica-seconds simulated x \(offer.gpuCount) GPU"
                + (offer.gpuCount == 1 ? "" : "s") + " x (\(Numbers.formatted(monthSeconds)) s month / \(Numbers.formatted(simulated, scale: 3)) s simulated)"
                + (plan.rate.isPerSecond ? "" : " / 3,600 s per hour")
            items.append(line)
        }
        return SimulationResult(plan: plan, run: run, projection: projection, lineItems: items, currency: offer.currency, warnings: warnings)
    }

    static func decimal(_ value: Double, places: Int) -> Decimal {
        Decimal(string: String(format: "%.\(places)f", value)) ?? 0
    }

    /// A line of `gpuSeconds` a month: exact as (simulated GPU-seconds x price x month / simulated time), to the cent.
    ///
    /// A run that simulated no time (one instant of a trace) is billed as simulated, not projected.
    ///
    /// The amount always fits: prices are at most 1e18 (the loader's bound), a month at most 744 h, replicas at
    /// most `Limits.maxReplicas` of at most 1,000,000 GPUs, so a line is below 3e37 cents (`Int128` holds 1.7e38);
    /// the wide evaluation makes it exact whatever the digits.
    static func item(_ label: String, gpuSeconds: Decimal, rate: Offer.GPUTimeRate, seconds: Decimal, monthSeconds: Decimal, simulated: Decimal) -> LineItem {
        let (month, span): (Decimal, Decimal) = simulated > 0 ? (monthSeconds, simulated) : (1, 1)
        func amount<N: ExactArithmetic>(_: N.Type) throws(ExactNumber.ArithmeticError) -> Int128 {
            try (N.exactly(seconds) * .exactly(rate.price) * .exactly(month))
                .rounded(scale: 2, dividedBy: N.exactly(span) * .integer(rate.secondsPerUnit))
        }
        do {
            return rate.item(label, seconds: gpuSeconds, cents: try Exact.evaluate { try amount(ExactNumber.self) } wide: { try amount(WideNumber.self) })
        } catch {
            preconditionFailure("a simulated line item of \(gpuSeconds) GPU-seconds has no exact amount (\(error)): the bounds above were broken")
        }
    }
}

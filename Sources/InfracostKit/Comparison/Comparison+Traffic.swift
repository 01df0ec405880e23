public import Foundation

extension TrafficSource {
    /// The input and output tokens this traffic brings in a month of `hoursPerMonth` hours.
    public func monthlyTokens(hoursPerMonth: Decimal) -> (input: Decimal, output: Decimal) {
        let monthSeconds = NSDecimalNumber(decimal: hoursPerMonth * 3600).doubleValue
        switch self {
        case .synthetic(let profile):
            let requests = profile.expectedRequests * monthSeconds / (profile.days * 86400)
            return (Decimal(UInt64((requests * Double(profile.inputTokensPerRequest)).rounded())),
                    Decimal(UInt64((requests * Double(profile.outputTokensPerRequest)).rounded())))
        case .trace(let trace):
            let input = trace.requests.reduce(0) { $0 + Int($1.inputTokens) }
            let output = trace.requests.reduce(0) { $0 + Int($1.outputTokens) }
            let scale = monthSeconds / max(trace.span, 1)
            return (Decimal(UInt64((Double(input) * scale).rounded())), Decimal(UInt64((Double(output) * scale).rounded())))
        case .closedLoop:
            // Unknown before simulation (the loop's pace is the endpoint's); the CLI gives closed loops to simulate only.
            return (0, 0)
        }
    }
}

extension Comparison {
    /// Replaces the flat-average price of every serverless-gpu option by a simulation of `traffic` on it.
    ///
    /// An option that cannot be simulated (no throughput, no cold-start figure) keeps its model price and says why;
    /// an unpriced one stays unpriced. The workload's keep-warm replicas and idle timeout (as the flat-average model
    /// reads them) hold in the simulation where `choices` leave them at their defaults.
    public mutating func priceServerlessGPUBySimulation(
        traffic: TrafficSource, catalog: PriceCatalog, choices: SimulationPlan.Choices = .init(), targets: LatencyTargets = .init()
    ) {
        latencyTargets = targets
        var choices = choices
        if choices.keepWarm == 0 { choices.keepWarm = workload.keepWarmReplicas }
        if choices.idleTimeoutSeconds == nil, let idle = workload.idleTimeoutSeconds { choices.idleTimeoutSeconds = NSDecimalNumber(decimal: idle).doubleValue }
        var plans: [(index: Int, plan: SimulationPlan)] = []
        // An offer with no price (none known on the --as-of day, or none given) stays unpriced with its reason: a
        // simulation would bill its GPU time at nothing.
        for (index, option) in options.enumerated() where option.offer.tier == .serverlessGPU && option.offer.pricing.gpuTime?.rate != nil {
            var offerChoices = choices
            offerChoices.offerID = option.offer.id
            do {
                plans.append((index, try SimulationPlan.make(choices: offerChoices, shape: workload, traffic: traffic, catalog: catalog)))
            } catch {
                options[index].notes.append(Notice(.notSimulated, "not simulated (\(error.errorDescription ?? "error")); priced by the flat-average model"))
            }
        }
        var results = Simulation.runAll(plans.map(\.plan))
        var choicesMade: [Int: LatencyTargets.Choice] = [:]
        if !targets.isEmpty {
            for (position, entry) in plans.enumerated() {
                let choice = targets.choose(entry.plan, first: results[position])
                results[position] = choice.result
                choicesMade[entry.index] = choice
            }
        }
        for ((index, _), result) in zip(plans, results) {
            let old = options[index]
            var simulated = OptionCost(offer: old.offer, lineItems: result.lineItems, gpus: old.gpus, gpuSeconds: nil, throughput: old.throughput, notes: [
                Notice(.simulation, "priced by simulating the traffic: \(result.run.coldStarts) cold starts (\(String(format: "%.2f", result.coldStartShare * 100))% of requests), p95 latency \(String(format: "%.1f", result.run.latency.quantile(0.95))) s, peak \(result.run.peakReplicas) replicas",
                         figure: Decimal(result.run.latency.quantile(0.95))),
            ] + result.warnings)
            simulated.method = .simulation
            simulated.simulatedLatency = SimulatedLatency(
                p95: result.run.latency.quantile(0.95),
                p95TimeToFirstToken: result.hasTokenTiming ? result.run.timeToFirstToken.quantile(0.95) : nil,
                p95InterTokenLatency: result.hasTokenTiming ? result.run.interTokenLatency.quantile(0.95) : nil)
            if result.hasTokenTiming {
                simulated.notes.append(Notice(.simulatedTokenLatency, String(format: "simulated p95 first token %.0f ms, p95 inter-token latency %.1f ms (continuous batching)",
                                                             result.run.timeToFirstToken.quantile(0.95) * 1000, result.run.interTokenLatency.quantile(0.95) * 1000)))
            }
            if let choice = choicesMade[index] {
                simulated.notes.append(Notice(.latencyTargets, choice.summary(targets)))
                simulated.simulatedLatency?.concurrency = choice.concurrency
                simulated.simulatedLatency?.bindingConstraint = choice.binding
                simulated.simulatedLatency?.meetsTargets = choice.meets
            }
            options[index] = simulated
        }
        options.sort(by: Comparison.ranksBefore)
        if !plans.isEmpty {
            // Cold starts a day are the flat-average model's input; a simulation counts its own.
            let coldStarts = workload.coldStartsPerDay > 0
                ? "; \(Setting.coldStartsPerDay) \(Numbers.exact(workload.coldStartsPerDay)) applies only to the others: a simulation counts its own cold starts" : ""
            warnings.append(Notice(.simulatedOptions, "\(plans.count) serverless-gpu option\(plans.count == 1 ? " was" : "s were") priced by simulating the traffic (the others by the flat-average model)\(coldStarts)",
                                   setting: .traffic, figure: Decimal(plans.count)))
        }
    }
}

extension Comparison {
    /// The options not dominated on monthly cost and p95 latency: no other is at most as dear and as slow and better
    /// on one. Only options priced by simulating traffic have a latency; the frontier is cheapest first.
    /// O(n log n): sorted by cost, an option is on the frontier when it is faster than every cheaper one.
    public func paretoFrontier() -> [OptionCost] {
        let candidates = options.compactMap { option -> (option: OptionCost, cost: Decimal, p95: Double)? in
            guard let total = option.total, let latency = option.simulatedLatency, latency.p95.isFinite else { return nil }
            return (option, total, latency.p95)
        }.sorted { ($0.cost, $0.p95, $0.option.offer.id) < ($1.cost, $1.p95, $1.option.offer.id) }
        var frontier: [OptionCost] = []
        var fastest = Double.infinity
        for candidate in candidates where candidate.p95 < fastest {
            frontier.append(candidate.option)
            fastest = candidate.p95
        }
        return frontier
    }
}

extension TrafficSource {
    /// When in the UTC day the traffic's tokens arrive: business hours (shifted by the UTC offset), every minute
    /// alike for the other synthetic patterns, or the trace's tokens by minute.
    public var dayProfile: DayProfile? {
        switch self {
        case .synthetic(let profile):
            guard profile.pattern == .businessHours else { return .uniform(origin: "\(profile.pattern.rawValue) traffic: every minute alike") }
            let from = Int(((profile.businessHours.lowerBound - profile.utcOffset) / 60).rounded())
            let to = Int(((profile.businessHours.upperBound - profile.utcOffset) / 60).rounded())
            return DayProfile.window(fromMinute: from, toMinute: to, origin: "business-hours traffic, \(TimeOfDayText.clock(from))-\(TimeOfDayText.clock(to)) UTC")
        case .trace(let trace):
            var weights = [Int64](repeating: 0, count: 1440)
            for request in trace.requests {
                let seconds = (trace.startEpoch + request.arrival).truncatingRemainder(dividingBy: 86_400)
                let minute = min(1439, max(0, Int((seconds < 0 ? seconds + 86_400 : seconds) / 60)))
                weights[minute] += Int64(request.inputTokens) + Int64(request.outputTokens)
            }
            return DayProfile(weights: weights, origin: "tokens by minute of \(trace.file)")
        case .closedLoop:
            return .uniform(origin: "closed-loop traffic: every minute alike")
        }
    }

    /// The sizes of a trace's requests one by one; nil for synthetic traffic (all the same size).
    public var requestSizes: RequestSizeProfile? {
        guard case .trace(let trace) = self else { return nil }
        return RequestSizeProfile(requests: trace.requests.map { (Int64($0.inputTokens), Int64($0.outputTokens)) }, origin: trace.file)
    }

    /// Input tokens per request when every request has the same size (synthetic traffic); nil for a trace.
    public var inputTokensPerRequest: Decimal? {
        switch self {
        case .synthetic(let profile): return Decimal(profile.inputTokensPerRequest)
        case .closedLoop(let loop): return Decimal(loop.inputTokensPerRequest)
        case .trace: return nil
        }
    }
}

/// `HH:MM` for minutes after midnight (wrapping).
enum TimeOfDayText {
    static func clock(_ minute: Int) -> String { OffPeakWindow.clock(((minute % 1440) + 1440) % 1440) }
}

/// Latency targets for `compare --traffic`/`--trace`, held at p95 in the simulation: each serverless-gpu option's
/// per-replica concurrency is the largest that meets them (replicas then scale out to carry the traffic).
public struct LatencyTargets: Equatable, Sendable {
    /// p95 end-to-end latency, seconds (`--p95-latency`).
    public var p95Seconds: Double?
    /// p95 time to first token and inter-token latency, milliseconds (`--max-ttft`, `--max-itl`), when given.
    public var ttftMs: Double?
    public var itlMs: Double?
    /// Simulations tried per option at most (a binary search over the concurrency).
    public static let maximumTrials = 10

    /// Latency targets: end-to-end p95 in seconds, time to first token and inter-token latency in milliseconds;
    /// nil leaves that target unset. Each given value must be positive.
    public init(p95Seconds: Double? = nil, ttftMs: Double? = nil, itlMs: Double? = nil) {
        self.p95Seconds = p95Seconds
        self.ttftMs = ttftMs
        self.itlMs = itlMs
    }

    public var isEmpty: Bool { p95Seconds == nil && ttftMs == nil && itlMs == nil }

    /// Each target's simulated p95 over its limit (1 is exactly at the limit), with its name.
    func ratios(_ result: SimulationResult) -> [(name: String, ratio: Double)] {
        var ratios: [(String, Double)] = []
        if let p95Seconds { ratios.append(("p95 latency", result.run.latency.quantile(0.95) / p95Seconds)) }
        if let ttftMs, result.hasTokenTiming { ratios.append(("p95 time to first token", result.run.timeToFirstToken.quantile(0.95) * 1000 / ttftMs)) }
        if let itlMs, result.hasTokenTiming { ratios.append(("p95 inter-token latency", result.run.interTokenLatency.quantile(0.95) * 1000 / itlMs)) }
        return ratios
    }

    func meets(_ result: SimulationResult) -> Bool { ratios(result).allSatisfy { $0.ratio <= 1 } }

    /// The concurrency chosen for one option, its simulation, and the target that binds (the one nearest its
    /// limit, or past it when even one request per replica misses).
    public struct Choice: Sendable {
        public var concurrency: Int
        public var result: SimulationResult
        public var binding: String?
        public var meets: Bool
        public var trials: Int
        /// When nothing met the targets: the smallest concurrency tried.
        public var lowestTried: Int? = nil

        func summary(_ targets: LatencyTargets) -> String {
            let what = binding.map { "; binding: \($0)" } ?? ""
            if meets, trials == 1 { return "per-replica concurrency \(concurrency) as planned meets the latency targets at p95\(what)" }
            return meets
                ? "per-replica concurrency \(concurrency), the largest tried that meets the latency targets at p95 (\(trials) simulation\(trials == 1 ? "" : "s"))\(what)"
                : "misses the latency targets at p95 at every per-replica concurrency tried (down to \(lowestTried ?? concurrency)); priced at \(concurrency) as planned\(what)"
        }
    }

    /// The largest per-replica concurrency up to the plan's that meets the targets (binary search), simulated.
    func choose(_ plan: SimulationPlan, first: SimulationResult) -> Choice {
        func binding(_ result: SimulationResult) -> String? { ratios(result).max { $0.ratio < $1.ratio }?.name }
        let start = plan.configuration.concurrency
        if meets(first) { return Choice(concurrency: start, result: first, binding: binding(first), meets: true, trials: 1) }
        func simulate(_ concurrency: Int) -> SimulationResult {
            var trial = plan
            trial.configuration.concurrency = concurrency
            return Simulation.run(trial)
        }
        // The largest in 1 ..< start that meets them; a miss at 1 is known when the search reaches it.
        var trials = 1
        var best: (concurrency: Int, result: SimulationResult)?
        var low = 1
        var high = start - 1
        var lowestTried = start
        while low <= high, trials < Self.maximumTrials {
            let middle = (low + high + 1) / 2
            let result = simulate(middle)
            trials += 1
            if meets(result) {
                best = (middle, result)
                low = middle + 1
            } else {
                lowestTried = min(lowestTried, middle)
                high = middle - 1
            }
        }
        if let best { return Choice(concurrency: best.concurrency, result: best.result, binding: binding(best.result), meets: true, trials: trials) }
        if lowestTried > 1 {
            // The trials ran out above one request per replica: try it last.
            let one = simulate(1)
            trials += 1
            lowestTried = 1
            if meets(one) { return Choice(concurrency: 1, result: one, binding: binding(one), meets: true, trials: trials) }
        }
        // Nothing tried meets them: priced as planned, with the target that misses most named.
        return Choice(concurrency: start, result: first, binding: binding(first), meets: false, trials: trials, lowestTried: lowestTried)
    }
}

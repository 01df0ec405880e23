public import Foundation

/// The result of `infracost analyze`: what a usage log says about cost, cold starts and cheaper options.
public struct UsageAnalysis: Equatable, Sendable {
    public var trace: Trace
    /// The offer the logged requests ran on.
    public var offer: OptionCost
    /// Every option at the same monthly volume (serverless-gpu ones simulated on the log).
    public var comparison: Comparison
    /// Month seconds / log seconds.
    public var projection: Decimal
    public var monthlyRequests: Decimal
    /// Requests per hour of day (UTC), 24 counts.
    public var requestsByHour: [Int]
    public var perModel: [ModelUsage]
    /// Cold starts marked in the log's cold_start column, if it has one.
    public var loggedColdStarts: Int?
    /// p50 and p95 of the log's latency_ms column, if it has one.
    public var latencyP50Ms: Double?
    public var latencyP95Ms: Double?
    /// Savings recommendations in plain words.
    public var recommendations: [String]
    public var warnings: [Notice]

    /// One model's traffic in the analysed log: requests and input and output tokens.
    public struct ModelUsage: Equatable, Sendable {
        public var model: String
        public var requests: Int
        public var inputTokens: Int
        public var outputTokens: Int
    }

    /// The monthly cost on the current offer.
    public var monthlyCost: Decimal? { offer.total }

    public var costPerRequest: Decimal? {
        guard let cost = monthlyCost, monthlyRequests > 0 else { return nil }
        return Money.rounded(cost / monthlyRequests, scale: 6)
    }

    /// Analyzes `trace` as if it ran on `offerID` (or the cheapest per-token serverless offer for the model size).
    /// - Throws: `InfracostError.invalidUsage` for an unknown or unsuitable offer.
    public static func make(trace: Trace, offerID: String?, shape: Workload, catalog: PriceCatalog) throws(InfracostError) -> UsageAnalysis {
        let monthSeconds = shape.hoursPerMonth * 3600
        let span = Decimal(string: String(format: "%.6f", max(trace.span, 1)))!
        let projection = monthSeconds / span
        var workload = shape
        (workload.inputTokens, workload.outputTokens) = TrafficSource.trace(trace).monthlyTokens(hoursPerMonth: shape.hoursPerMonth)
        var comparison = try Comparison.make(ComparisonRequest(workload: workload), catalog: catalog)
        comparison.priceServerlessGPUBySimulation(traffic: .trace(trace), catalog: catalog)
        let chosen: OptionCost
        if let offerID {
            guard let option = comparison.options.first(where: { $0.offer.id == offerID }) else {
                if let reason = comparison.excluded.first(where: { $0.id == offerID })?.reason {
                    throw .invalidUsage(message: "\(Setting.offer) \(offerID): \(reason)")
                }
                let hint = Suggestions.hint(for: offerID, in: catalog.offers.map(\.id))
                throw .invalidUsage(message: "\(Setting.offer) \(offerID): no offer has this id\(hint)")
            }
            chosen = option
        } else {
            guard let option = comparison.options.first(where: { $0.offer.tier == .serverless && $0.total != nil }) else {
                throw .invalidUsage(message: "no serverless offer serves a \(Numbers.exact(shape.modelParamsB))B model; name the offer the log ran on with \(Setting.offer)")
            }
            chosen = option
        }
        var byHour = Array(repeating: 0, count: 24)
        for request in trace.requests {
            let epoch = trace.startEpoch + request.arrival
            let hour = Int((epoch / 3600).rounded(.down)) % 24
            byHour[(hour + 24) % 24] += 1
        }
        var perModel: [UsageAnalysis.ModelUsage] = []
        if !trace.modelNames.isEmpty {
            perModel = trace.modelNames.map { ModelUsage(model: $0, requests: 0, inputTokens: 0, outputTokens: 0) }
            for (request, extra) in zip(trace.requests, trace.extras) where extra.model >= 0 {
                perModel[Int(extra.model)].requests += 1
                perModel[Int(extra.model)].inputTokens += Int(request.inputTokens)
                perModel[Int(extra.model)].outputTokens += Int(request.outputTokens)
            }
        }
        var loggedColdStarts: Int?
        if trace.hasColdStart { loggedColdStarts = trace.extras.filter { $0.coldStart == 1 }.count }
        var p50: Double?
        var p95: Double?
        if trace.hasLatency {
            let latencies = trace.extras.map(\.latencyMs).filter { $0 >= 0 }.sorted()
            if !latencies.isEmpty {
                p50 = Double(latencies[Int(Double(latencies.count - 1) * 0.5)])
                p95 = Double(latencies[Int(Double(latencies.count - 1) * 0.95)])
            }
        }
        var recommendations: [String] = []
        let tokens = TokenCount.abbreviated(workload.totalTokens)
        let subject = trace.modelNames.count == 1 ? "\(trace.modelNames[0]) on \(chosen.offer.provider)" : "The logged traffic on \(chosen.offer.id)"
        if let cost = chosen.total {
            // Open-model traffic is compared with ways to serve the same model, not with a proprietary API model.
            let cheaper = comparison.options.filter { ($0.total ?? cost) < cost && (chosen.offer.tier == .api || $0.offer.tier != .api) }
            if let best = cheaper.first, let bestCost = best.total {
                let saving = cost - bestCost
                let percent = Money.plain(saving * 100 / cost, scale: 0)
                let what = best.offer.tier == .dedicated ? "a dedicated \(best.offer.subject)" : "\(best.offer.id) (\(best.offer.tier.rawValue))"
                recommendations.append("\(subject) processed \(tokens) tokens at \(Money.formatted(cost)); \(what) at \(Money.formatted(bestCost))/month would save \(Money.formatted(saving)) (\(percent)%).")
                if let sameTier = cheaper.first(where: { $0.offer.tier == chosen.offer.tier && $0.offer.id != best.offer.id }), let sameCost = sameTier.total {
                    recommendations.append("Without changing tier, \(sameTier.offer.id) would cost \(Money.formatted(sameCost))/month, saving \(Money.formatted(cost - sameCost)).")
                }
            } else {
                recommendations.append("\(subject) processed \(tokens) tokens at \(Money.formatted(cost)); no option in the catalog is cheaper at this volume.")
            }
        }
        var warnings: [Notice] = []
        if projection != 1 {
            warnings.append(Notice(.projectedToMonth, "the log covers \(SimulationPlan.format(trace.span)) s; counts and costs are projected to a \(Numbers.exact(shape.hoursPerMonth)) h month (x\(Money.plain(projection, scale: 2)))",
                                   setting: .hoursPerMonth, figure: projection))
        }
        return UsageAnalysis(
            trace: trace, offer: chosen, comparison: comparison, projection: projection,
            monthlyRequests: Decimal(trace.requests.count) * projection, requestsByHour: byHour, perModel: perModel,
            loggedColdStarts: loggedColdStarts, latencyP50Ms: p50, latencyP95Ms: p95, recommendations: recommendations, warnings: warnings)
    }
}

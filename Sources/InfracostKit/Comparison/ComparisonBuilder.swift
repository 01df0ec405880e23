import Foundation

/// What to compare: the workload, which tiers, which baseline, and the traffic that prices serverless-gpu offers by
/// simulation.
public struct ComparisonRequest: Equatable, Sendable {
    public var workload: Workload
    /// Tiers to include; empty means all.
    public var tiers: Set<Tier>
    /// Offer id to measure savings against.
    public var baselineID: String?
    /// When requests arrive: with it, serverless-gpu offers are priced by simulating it, its time of day drives
    /// off-peak prices, and its request sizes long-context tiers (where the workload states no request size).
    public var traffic: TrafficSource?
    /// Whether the traffic sets the month's volume (the workload's tokens are then a placeholder for its shape).
    public var volumeFromTraffic: Bool
    /// Latency targets each simulated option's per-replica concurrency is chosen to meet (held at p95).
    public var latencyTargets: LatencyTargets

    /// A request to compare every offer of `tiers` (all tiers when empty) for `workload`, against `baselineID`'s
    /// offer when given; with `traffic`, simulated for serverless-gpu offers, its volume the workload's unless
    /// `volumeFromTraffic`, each simulated option meeting `latencyTargets`.
    /// - Precondition: `latencyTargets` has no target unless `traffic` is given (`validate()` says so).
    public init(
        workload: Workload, tiers: Set<Tier> = [], baselineID: String? = nil, traffic: TrafficSource? = nil,
        volumeFromTraffic: Bool = false, latencyTargets: LatencyTargets = .init()
    ) {
        self.workload = workload
        self.tiers = tiers
        self.baselineID = baselineID
        self.traffic = traffic
        self.volumeFromTraffic = volumeFromTraffic
        self.latencyTargets = latencyTargets
    }

    /// The request a caller's settings describe: the workload of `settings` (its volume from the traffic when no volume
    /// is given and traffic is), the traffic of `traffic` when any is described, and the latency targets given
    /// (a p95 end-to-end latency in seconds; `settings`' time to first token and inter-token latency when set, which
    /// the simulation then holds at p95 as well).
    /// - Throws: what `WorkloadSettings.workload(volumeRequired:)` and `TrafficSettings.source()` throw.
    public init(
        settings: WorkloadSettings, traffic: TrafficSettings, tiers: Set<Tier> = [], baselineID: String? = nil, p95LatencySeconds: Double? = nil
    ) throws(InfracostError) {
        let shape = try settings.workload(volumeRequired: !traffic.isGiven)
        let source = traffic.isGiven ? try traffic.source() : nil
        // Targets the user gave are held at p95 in the simulation (the default inter-token target only sizes).
        let targets = LatencyTargets(
            p95Seconds: p95LatencySeconds,
            ttftMs: settings.maxTTFTSeconds != nil ? shape.serving.maxTTFTms : nil,
            itlMs: settings.maxITLSeconds != nil ? shape.serving.maxITLms : nil)
        self.init(workload: shape, tiers: tiers, baselineID: baselineID, traffic: source,
                  volumeFromTraffic: settings.tokens == nil && settings.inputTokens == nil, latencyTargets: targets)
    }

    /// The workload as compared: with traffic, its volume (when the traffic sets it), time of day and request sizes
    /// taken from the traffic.
    public var trafficWorkload: Workload {
        guard let traffic else { return workload }
        var shape = workload
        if volumeFromTraffic {
            (shape.inputTokens, shape.outputTokens) = traffic.monthlyTokens(hoursPerMonth: shape.hoursPerMonth)
        }
        // The traffic's time profile and request size drive off-peak prices and long-context tiers.
        shape.tokenPricing.dayProfile = traffic.dayProfile
        if shape.tokenPricing.inputTokensPerRequest == nil {
            shape.tokenPricing.inputTokensPerRequest = traffic.inputTokensPerRequest
            shape.tokenPricing.requestSizes = traffic.requestSizes
        }
        return shape
    }

    /// Checks that the request asks for nothing it cannot answer.
    /// - Throws: `InfracostError.invalidUsage` when a p95 latency target is given without traffic (only simulated
    ///   options have a p95 latency), or what `TrafficSource.validate()` throws for traffic past the limits.
    public func validate() throws(InfracostError) {
        if traffic == nil, latencyTargets.p95Seconds != nil {
            throw .invalidUsage(message: "\(Setting.p95Latency) needs \(Setting.traffic) or \(Setting.trace): only simulated options have a p95 latency")
        }
        try traffic?.validate()
    }
}

extension Comparison {
    /// Prices every offer of `catalog` that can serve the workload and ranks them; with traffic, serverless-gpu offers
    /// by simulating it.
    ///
    /// API offers are always included (they are alternatives, whatever the model size); serverless offers only
    /// when they serve the workload's model size; GPU offers only when the model fits their GPUs.
    /// - Throws: `InfracostError.invalidUsage` when the baseline is unknown or cannot be priced, or the request is
    ///   invalid (`ComparisonRequest.validate()`).
    public static func make(_ request: ComparisonRequest, catalog: PriceCatalog) throws(InfracostError) -> Comparison {
        try request.validate()
        var comparison = try priced(request, catalog: catalog)
        if let traffic = request.traffic {
            comparison.priceServerlessGPUBySimulation(traffic: traffic, catalog: catalog, targets: request.latencyTargets)
        }
        return comparison
    }

    /// Every offer priced by its cost model (no simulation), ranked, with the baseline checked.
    static func priced(_ request: ComparisonRequest, catalog: PriceCatalog) throws(InfracostError) -> Comparison {
        let workload = try request.trafficWorkload.resolvingModel(in: catalog)
        try workload.validate()
        var options: [OptionCost] = []
        var excluded: [Exclusion] = []
        let volume = PerTokenModel.Volume(workload)
        let pricers = OfferPricer.all(catalog: catalog, shape: workload, tiers: request.tiers)
        options.reserveCapacity(pricers.count)
        for pricer in pricers {
            if let reason = pricer.exclusionReason {
                excluded.append(Exclusion(id: pricer.offer.id, tier: pricer.offer.tier, reason: reason))
            } else {
                options.append(pricer.cost(for: workload, volume: volume))
            }
        }
        options = ranked(options)
        var comparison = Comparison(
            workload: workload, currency: "USD", options: options, excluded: excluded,
            baselineID: request.baselineID, warnings: [])
        comparison.retired = catalog.retired.filter { request.tiers.isEmpty || request.tiers.contains($0.tier) }
        if let baselineID = request.baselineID {
            try checkBaseline(baselineID, comparison: comparison, catalog: catalog)
        }
        var estimatedCount = 0
        var roofline = false
        for option in options where option.total != nil {
            guard let throughput = option.throughput, throughput.isEstimate else { continue }
            estimatedCount += 1
            roofline = roofline || throughput.method == .roofline
        }
        if estimatedCount > 0 {
            let how = roofline ? "the serving performance model, or a decode roofline at batch \(Throughput.rooflineBatch) for GPUs without compute figures"
                : "the serving performance model, sized for \(workload.serving.targetText)"
            comparison.warnings.append(Notice(.estimatedThroughput,
                "\(estimatedCount) GPU option\(estimatedCount == 1 ? " is" : "s are") priced from an estimated throughput (\(how)); \(Setting.explain) shows how",
                setting: .explain, figure: Decimal(estimatedCount)))
        }
        if options.isEmpty {
            comparison.warnings.append(Notice(.noOfferServes, "no offer in the catalog can serve this workload (\(excluded.count) left out)", figure: Decimal(excluded.count)))
        }
        return comparison
    }

    /// `options` in ranking order, sorting small keys rather than the options themselves (an option is a large
    /// value; moving keys keeps 100,000 offers fast).
    static func ranked(_ options: [OptionCost]) -> [OptionCost] {
        // Totals compared as integer cents (Decimal comparisons would dominate sorting 100,000 offers); unpriced last.
        struct Key {
            var cents: Int128?
            var id: String
            var index: Int
        }
        let keys = options.indices.map { Key(cents: options[$0].totalCents, id: options[$0].offer.id, index: $0) }
        let order = keys.sorted { a, b in
            switch (a.cents, b.cents) {
            case (let p?, let q?): return p != q ? p < q : a.id < b.id
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.id < b.id
            }
        }
        return order.map { options[$0.index] }
    }

    static func ranksBefore(_ a: OptionCost, _ b: OptionCost) -> Bool {
        switch (a.total, b.total) {
        case (let x?, let y?): return x != y ? x < y : a.offer.id < b.offer.id
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a.offer.id < b.offer.id
        }
    }

    static func checkBaseline(_ id: String, comparison: Comparison, catalog: PriceCatalog) throws(InfracostError) {
        if let option = comparison.options.first(where: { $0.offer.id == id }) {
            if let reason = option.unpricedReason {
                throw .invalidUsage(message: "\(Setting.baseline) \(id): the offer cannot be priced (\(reason))")
            }
            return
        }
        if let exclusion = comparison.excluded.first(where: { $0.id == id }) {
            throw .invalidUsage(message: "\(Setting.baseline) \(id): the offer is left out of this comparison (\(exclusion.reason))")
        }
        if let retired = catalog.retired.first(where: { $0.id == id }) {
            throw .invalidUsage(message: "\(Setting.baseline) \(id): the model was retired on \(retired.retiredOn?.text ?? "?") and is no longer priced")
        }
        if catalog.offer(id: id) != nil {
            throw .invalidUsage(message: "\(Setting.baseline) \(id): the offer is filtered out by \(Setting.tier)")
        }
        let hint = Suggestions.hint(for: id, in: catalog.offers.map(\.id))
        throw .invalidUsage(message: "\(Setting.baseline) \(id): no offer has this id\(hint); see 'infracost prices list'")
    }
}

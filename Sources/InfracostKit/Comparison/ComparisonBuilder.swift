import Foundation

/// What to compare: which tiers, which baseline.
public struct ComparisonRequest: Equatable, Sendable {
    public var workload: Workload
    /// Tiers to include; empty means all.
    public var tiers: Set<Tier>
    /// Offer id to measure savings against.
    public var baselineID: String?

    /// A request to compare every offer of `tiers` (all tiers when empty) for `workload`, against `baselineID`'s
    /// offer when given.
    public init(workload: Workload, tiers: Set<Tier> = [], baselineID: String? = nil) {
        self.workload = workload
        self.tiers = tiers
        self.baselineID = baselineID
    }
}

extension Comparison {
    /// Prices every offer of `catalog` that can serve the workload and ranks them.
    ///
    /// API offers are always included (they are alternatives, whatever the model size); serverless offers only
    /// when they serve the workload's model size; GPU offers only when the model fits their GPUs.
    /// - Throws: `InfracostError.invalidUsage` when the baseline is unknown or cannot be priced.
    public static func make(_ request: ComparisonRequest, catalog: PriceCatalog) throws(InfracostError) -> Comparison {
        let workload = try request.workload.resolvingModel(in: catalog)
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
            comparison.warnings.append(
                "\(estimatedCount) GPU option\(estimatedCount == 1 ? " is" : "s are") priced from an estimated throughput (\(how)); \(Setting.explain) shows how")
        }
        if options.isEmpty {
            comparison.warnings.append("no offer in the catalog can serve this workload (\(excluded.count) left out)")
        }
        return comparison
    }

    /// `options` in ranking order, sorting small keys rather than the options themselves (an option is a large
    /// value; moving keys keeps 100,000 offers fast).
    static func ranked(_ options: [OptionCost]) -> [OptionCost] {
        // Totals compared as integer cents where known (Decimal comparisons dominate sorting 100,000 offers), else
        // as exact numbers, else as Decimals.
        struct Key {
            var total: Decimal?
            var cents: Int128?
            var id: String
            var index: Int
        }
        let keys = options.indices.map { Key(total: options[$0].total, cents: options[$0].totalCents, id: options[$0].offer.id, index: $0) }
        let order = keys.sorted { a, b in
            switch (a.total, b.total) {
            case (let x?, let y?):
                if let p = a.cents, let q = b.cents { return p != q ? p < q : a.id < b.id }
                if let p = ExactNumber(x), let q = ExactNumber(y), let order = try? ExactNumber.compare(p, q) { return order != 0 ? order < 0 : a.id < b.id }
                return x != y ? x < y : a.id < b.id
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
            throw .invalidUsage(message: "\(Setting.baseline) \(id): the model was retired on \(retired.retiredOn ?? "?") and is no longer priced")
        }
        if catalog.offer(id: id) != nil {
            throw .invalidUsage(message: "\(Setting.baseline) \(id): the offer is filtered out by \(Setting.tier)")
        }
        let hint = Suggestions.hint(for: id, in: catalog.offers.map(\.id))
        throw .invalidUsage(message: "\(Setting.baseline) \(id): no offer has this id\(hint); see 'infracost prices list'")
    }
}

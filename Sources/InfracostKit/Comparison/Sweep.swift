public import Foundation

/// The result of `infracost sweep`: the monthly cost of each option (or of the best per tier) at many volumes.
public struct Sweep: Equatable, Sendable {
    public var workload: Workload
    public var currency: String
    /// Whether columns are tiers (best offer per tier) rather than offers.
    public var perTier: Bool
    public var columns: [Column]
    public var rows: [Row]
    public var excluded: [Comparison.Exclusion]

    /// One priced series: an offer, or the best offer of a tier.
    public struct Column: Equatable, Sendable {
        /// The offer id, or the tier name when per tier.
        public var name: String
        public var tier: Tier
    }

    /// The costs at one volume.
    public struct Row: Equatable, Sendable {
        /// Tokens per month.
        public var volume: Decimal
        /// Monthly cost per column (same order) in whole cents, nil where the column has no price at this volume.
        public var cents: [Int128?]
        /// The same costs as `Decimal` amounts.
        public var costs: [Decimal?] { cents.map { $0.map(Money.fromCents) } }
        /// The offer behind each cost (equal to the column name unless per tier).
        public var offerIDs: [String?]
        /// The index of the cheapest column, if any is priced.
        public var cheapest: Int?
    }

    /// The most volumes one sweep computes.
    public static let maximumSteps = 100_000
    /// The lowest volume swept when none is given: 10M tokens a month.
    public static let defaultLow: Decimal = 10_000_000
    /// The highest volume swept when none is given: 20B tokens a month.
    public static let defaultHigh: Decimal = 20_000_000_000

    /// Volumes from `from` to `to` inclusive: `steps` of them, log-spaced (or evenly spaced), whole tokens.
    ///
    /// The spacing is computed in floating point (volumes are quantities, not money); each volume is then a whole
    /// number of tokens, and the first and last are exactly `from` and `to`.
    public static func volumes(from: Decimal, to: Decimal, steps: Int, linear: Bool) -> [Decimal] {
        guard steps > 1 else { return [from] }
        let low = NSDecimalNumber(decimal: from).doubleValue
        let high = NSDecimalNumber(decimal: to).doubleValue
        return (0..<steps).map { index in
            if index == 0 { return from }
            if index == steps - 1 { return to }
            let fraction = Double(index) / Double(steps - 1)
            let volume = linear ? low + (high - low) * fraction : exp(log(low) + (log(high) - log(low)) * fraction)
            return Decimal(UInt64(volume.rounded()))
        }
    }

    /// A volume as a whole number of tokens, when it is one below 2^63.
    static func wholeTokens(_ volume: Decimal) -> Int64? {
        guard volume >= 0, volume < 9_000_000_000_000_000_000 else { return nil }
        let whole = NSDecimalNumber(decimal: volume).int64Value
        return Decimal(whole) == volume ? whole : nil
    }

    /// Prices every option at every volume.
    /// - Throws: `InfracostError.invalidUsage` for a bad range or step count.
    public static func make(
        _ request: ComparisonRequest, catalog: PriceCatalog, from: Decimal, to: Decimal, steps: Int, linear: Bool = false,
        perTier: Bool = false, onlyIDs: [String]? = nil, progress: WorkProgress? = nil
    ) throws(InfracostError) -> Sweep {
        var request = request
        request.workload = try request.workload.resolvingModel(in: catalog)
        try request.workload.validate()
        guard from > 0, from < to else {
            throw .invalidUsage(message: "the sweep needs \(Setting.lowestVolume) below \(Setting.highestVolume) (got \(Numbers.formatted(from)) to \(Numbers.formatted(to)))")
        }
        guard (2...maximumSteps).contains(steps) else {
            throw .invalidQuantity(label: "\(Setting.steps)", value: String(steps), reason: "must be between 2 and \(maximumSteps)")
        }
        var pricers: [OfferPricer] = []
        var excluded: [Comparison.Exclusion] = []
        for pricer in OfferPricer.all(catalog: catalog, shape: request.workload, tiers: request.tiers)
        where onlyIDs?.contains(pricer.offer.id) ?? true {
            if let reason = pricer.exclusionReason {
                excluded.append(Comparison.Exclusion(id: pricer.offer.id, tier: pricer.offer.tier, reason: reason))
            } else {
                pricers.append(pricer)
            }
        }
        pricers.sort { ($0.offer.tier, $0.offer.id) < ($1.offer.tier, $1.offer.id) }
        let tiers = Tier.allCases.filter { tier in pricers.contains { $0.offer.tier == tier } }
        let columns = perTier
            ? tiers.map { Column(name: $0.rawValue, tier: $0) }
            : pricers.map { Column(name: $0.offer.id, tier: $0.offer.tier) }
        var rows: [Row] = []
        rows.reserveCapacity(steps)
        let inputShare = request.workload.inputShare
        let share = ExactNumber(inputShare)
        let tiersOfPricers = pricers.map(\.offer.tier)
        let idsOfPricers = pricers.map(\.offer.id)
        for (step, volume) in volumes(from: from, to: to, steps: steps, linear: linear).enumerated() {
            if step & 0x3FF == 0 { progress?.update(Double(step) / Double(steps)) }
            // Exact token counts for the 128-bit fast path; the cost models (which widen) where it overflows.
            let total = Sweep.wholeTokens(volume).map { ExactNumber(mantissa: Int128($0)) } ?? ExactNumber(volume)
            var input: ExactNumber?
            var output: ExactNumber?
            if let total, let share {
                input = try? total * share
                output = input.flatMap { try? total - $0 }
            }
            let totals: [Int128?] = pricers.map { pricer in
                if let total, let input, let output, let cents = pricer.totalCents(input: input, output: output, total: total) {
                    return cents
                }
                var workload = request.workload
                (workload.inputTokens, workload.outputTokens) = Workload.split(tokens: volume, inputShare: inputShare)
                return pricer.cost(for: workload).totalCents
            }
            var costs: [Int128?]
            var ids: [String?]
            if perTier {
                costs = []
                ids = []
                for tier in tiers {
                    var best: (cost: Int128, id: String)?
                    for index in totals.indices where tiersOfPricers[index] == tier {
                        guard let cost = totals[index] else { continue }
                        if best == nil || cost < best!.cost || (cost == best!.cost && idsOfPricers[index] < best!.id) {
                            best = (cost, idsOfPricers[index])
                        }
                    }
                    costs.append(best?.cost)
                    ids.append(best?.id)
                }
            } else {
                costs = totals
                ids = totals.indices.map { totals[$0] == nil ? nil : idsOfPricers[$0] }
            }
            let cheapest = costs.indices.filter { costs[$0] != nil }.min { (costs[$0]!, ids[$0] ?? "") < (costs[$1]!, ids[$1] ?? "") }
            rows.append(Row(volume: volume, cents: costs, offerIDs: ids, cheapest: cheapest))
        }
        return Sweep(workload: request.workload, currency: "USD", perTier: perTier, columns: columns, rows: rows, excluded: excluded)
    }
}

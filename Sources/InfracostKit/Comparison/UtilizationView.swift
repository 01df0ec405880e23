public import Foundation

/// The result of `infracost utilization`: what capacity paid for all month costs per token at each utilization.
///
/// A dedicated instance (or a keep-warm serverless-gpu replica) costs the same whether busy or idle, so its
/// effective cost per 1M tokens is its monthly cost divided by the tokens it actually serves: at utilization u it
/// is 1/u times its full-utilization rate (20% costs 5x). Against a per-token offer, the break-even utilization is
/// where the two rates meet; below it the per-token offer is cheaper.
public struct UtilizationView: Equatable, Sendable {
    public var offer: Offer
    /// The per-token offer compared against, if any.
    public var against: Offer?
    public var workload: Workload
    public var currency: String
    /// The cost of one instance (or replica) for the whole month.
    public var monthlyCost: Decimal
    /// Tokens one instance serves in the month at 100% utilization.
    public var fullCapacityTokens: Decimal
    public var throughput: ThroughputEstimate
    /// Cost per 1M tokens at 100% utilization.
    public var fullRatePerMillion: Decimal
    /// The against offer's blended cost per 1M tokens at the workload's input share.
    public var againstRatePerMillion: Decimal?
    /// The utilization (0...1, or above 1 when it is never reached) below which the against offer is cheaper.
    public var breakEvenUtilization: Decimal?
    public var rows: [Row]

    /// One utilization level: the tokens served there and each option's monthly cost at that level (exact).
    public struct Row: Equatable, Sendable {
        /// Utilization, 0 < u <= 1.
        public var utilization: Decimal
        public var tokensServed: Decimal
        /// Effective cost per 1M tokens served.
        public var costPerMillion: Decimal
        /// costPerMillion / fullRatePerMillion = 1 / u.
        public var multiple: Decimal
    }

    /// The utilizations tabulated: 10% to 100% in steps of 10.
    public static let defaultUtilizations: [Decimal] = (1...10).map { Decimal($0) / 10 }

    /// Builds the view for `offerID` (dedicated or serverless-gpu), against `againstID` or else the cheapest
    /// per-token serverless offer for the model size.
    /// - Throws: `InfracostError.invalidUsage` for unknown or unsuitable offers.
    public static func make(
        offerID: String, againstID: String?, workload: Workload, catalog: PriceCatalog,
        utilizations: [Decimal] = defaultUtilizations
    ) throws(InfracostError) -> UtilizationView {
        let workload = try workload.resolvingModel(in: catalog)
        let offer = try lookUp(offerID, setting: .offer, catalog: catalog)
        guard offer.tier == .dedicated || offer.tier == .serverlessGPU else {
            throw .invalidUsage(message: "\(Setting.offer) \(offerID): utilization applies to capacity paid for by time (dedicated or serverless-gpu), not to a \(offer.tier.rawValue) offer")
        }
        let pricer = OfferPricer(offer: offer, shape: workload, catalog: catalog)
        if let reason = pricer.exclusionReason { throw .invalidUsage(message: "\(Setting.offer) \(offerID): \(reason)") }
        guard case .success(let throughput)? = pricer.throughput else {
            throw .invalidUsage(message: "\(Setting.offer) \(offerID): \(pricer.cost(for: workload).unpricedReason ?? "no throughput")")
        }
        let gpus = Decimal(offer.gpuCount)
        let monthly: Decimal
        let noPrice = InfracostError.invalidUsage(message: "\(Setting.offer) \(offerID): no price")
        switch offer.pricing {
        case .dedicated(let pricing):
            guard let rate = pricing.rate else { throw noPrice }
            monthly = rate.perMonth(hours: workload.hoursPerMonth)
        case .serverlessGPU(let pricing):
            guard let rate = pricing.rate else { throw noPrice }
            monthly = rate.perGPUSecond * 3600 * workload.hoursPerMonth * gpus
        case .api, .serverless:
            throw noPrice
        }
        let capacity = throughput.tokensPerSecond * 3600 * workload.hoursPerMonth
        let fullRate = monthly * 1_000_000 / capacity

        var against: Offer?
        if let againstID {
            against = try lookUp(againstID, setting: .against, catalog: catalog)
        } else {
            against = catalog.offers
                .filter { $0.tier == .serverless && ($0.modelParamsB == nil || $0.modelParamsB == workload.modelParamsB) }
                .compactMap { offer in blendedRate(offer, workload: workload).map { (offer, $0) } }
                .min { ($0.1, $0.0.id) < ($1.1, $1.0.id) }?.0
        }
        var againstRate: Decimal?
        if let against {
            guard let rate = blendedRate(against, workload: workload) else {
                throw .invalidUsage(message: "\(Setting.against) \(against.id): a per-token offer with input and output prices is needed")
            }
            againstRate = rate
        }
        let breakEven = againstRate.map { monthly * 1_000_000 / (capacity * $0) }
        let rows = utilizations.map { u in
            Row(utilization: u, tokensServed: capacity * u, costPerMillion: fullRate / u, multiple: 1 / u)
        }
        return UtilizationView(
            offer: offer, against: against, workload: workload, currency: "USD", monthlyCost: monthly, fullCapacityTokens: capacity,
            throughput: throughput, fullRatePerMillion: fullRate, againstRatePerMillion: againstRate,
            breakEvenUtilization: breakEven, rows: rows)
    }

    /// A per-token offer's cost per 1M tokens at the workload's input share.
    static func blendedRate(_ offer: Offer, workload: Workload) -> Decimal? {
        guard let rates = offer.pricing.tokens?.standard else { return nil }
        return workload.inputShare * rates.input + (1 - workload.inputShare) * rates.output
    }

    static func lookUp(_ id: String, setting: Setting, catalog: PriceCatalog) throws(InfracostError) -> Offer {
        if let offer = catalog.offer(id: id) { return offer }
        let hint = Suggestions.hint(for: id, in: catalog.offers.map(\.id))
        throw .invalidUsage(message: "\(setting) \(id): no offer has this id\(hint); see 'infracost prices list'")
    }
}

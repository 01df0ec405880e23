public import Foundation

/// The result of `infracost compare`: every option's monthly cost for one workload, ranked.
///
/// Every renderer (table, JSON, CSV, Markdown) reads this value; none computes a number of its own.
public struct Comparison: Equatable, Sendable {
    /// The version of the JSON report's layout.
    public static let schemaVersion = 1

    public var workload: Workload
    public var currency: String
    /// Priced options by total (cheapest first, ties by id), then unpriced options by id.
    public var options: [OptionCost]
    /// Offers left out because they cannot serve the workload, with the reason.
    public var excluded: [Exclusion]
    /// The offer savings are measured against, when `--baseline` was given.
    public var baselineID: String?
    /// Caveats about the whole comparison (estimates used, stale prices).
    public var warnings: [String]
    /// Offers of the requested tiers whose model was shut down by the day priced: never priced or ranked.
    public var retired: [Offer] = []
    /// The day whose prices were used (`--as-of`), when given.
    public var pricesAsOf: String?
    /// The rate amounts were converted with, when not in USD (`--currency`).
    public var exchangeRate: ExchangeRate?

    /// An offer left out of a comparison and why.
    public struct Exclusion: Equatable, Sendable {
        public var id: String
        public var tier: Tier
        public var reason: String
    }

    /// The saving of one option against the baseline.
    public struct Saving: Equatable, Sendable {
        /// Baseline total minus this option's total (negative when the option costs more).
        public var amount: Decimal
        /// `amount` as a percentage of the baseline total, to one decimal.
        public var percent: Decimal
    }

    /// The cheapest priced option, if any.
    public var cheapest: OptionCost? { options.first { $0.total != nil } }

    /// The cheapest priced option of each tier that has one, in tier order.
    public var cheapestPerTier: [(tier: Tier, option: OptionCost)] {
        Tier.allCases.compactMap { tier in
            options.first { $0.offer.tier == tier && $0.total != nil }.map { (tier, $0) }
        }
    }

    /// The baseline option, when there is one.
    public var baseline: OptionCost? {
        baselineID.flatMap { id in options.first { $0.offer.id == id } }
    }

    /// The saving of `option` against the baseline; nil without a baseline or a price.
    public func saving(of option: OptionCost) -> Saving? {
        guard let base = baseline?.total, base > 0, let total = option.total else { return nil }
        let amount = base - total
        return Saving(amount: amount, percent: Money.rounded(amount * 100 / base, scale: 1))
    }

    /// Whether `option` is the cheapest overall.
    public func isCheapest(_ option: OptionCost) -> Bool { cheapest?.offer.id == option.offer.id }

    /// Whether `option` is the cheapest of its tier.
    public func isCheapestInTier(_ option: OptionCost) -> Bool {
        cheapestPerTier.contains { $0.option.offer.id == option.offer.id }
    }

    /// The oldest `verified_on` among the priced options, `YYYY-MM-DD`.
    public var oldestPriceDate: String? {
        options.filter { $0.total != nil }.compactMap(\.offer.provenance.verifiedOn).min()
    }

    /// The assumptions behind every figure, as (name, value) pairs in words.
    public var assumptions: [(name: String, value: String)] {
        let share = Money.plain(workload.inputShare * 100, scale: 1)
        var list: [(String, String)] = [
            ("tokens per month", "\(Numbers.formatted(workload.totalTokens)) (\(TokenCount.abbreviated(workload.totalTokens)))"),
            ("input / output", "\(Numbers.formatted(workload.inputTokens)) / \(Numbers.formatted(workload.outputTokens)) (\(share)% input)"),
            ("model size", "\(Numbers.exact(workload.modelParamsB))B" + (workload.modelSizeIsDefault ? " (default; --model-size)" : "")),
            ("month", "\(Numbers.exact(workload.hoursPerMonth)) h"),
            ("dedicated sizing", "target utilization \(Money.plain(workload.targetUtilization * 100, scale: 0))%"),
            ("serverless-gpu", "\(Numbers.exact(workload.coldStartsPerDay)) cold starts/day, \(workload.keepWarmReplicas) keep-warm replicas"),
        ]
        let pricing = workload.tokenPricing
        if pricing.mode != .standard { list.append(("per-token mode", "\(pricing.mode.rawValue) (--mode); offers without a \(pricing.mode.rawValue) price are unpriced")) }
        if pricing.cachedShare > 0 { list.append(("cached input", "\(Money.plain(pricing.cachedShare * 100, scale: 1))% of input tokens read from the prompt cache (--cached-share)")) }
        if let size = pricing.inputTokensPerRequest { list.append(("request size", "\(Numbers.formatted(size, scale: 0)) input tokens per request (for long-context tiers)")) }
        if pricing.inputTokensPerRequest == nil, let sizes = pricing.requestSizes { list.append(("request size", "each request's own, from \(sizes.origin) (for long-context tiers)")) }
        if let profile = pricing.dayProfile { list.append(("time of day", "tokens by UTC minute: \(profile.origin) (for off-peak prices)")) }
        if options.contains(where: { $0.offer.purchase == "spot" && $0.total != nil }) {
            list.append(("spot", "\(Money.plain(workload.spotInterruption * 100, scale: 0))% of hours assumed lost to interruptions (--spot-interruption; an assumption)"))
        }
        if workload.coldStartsPerDay > 0 {
            let idle = workload.idleTimeoutSeconds.map { "\(Numbers.exact($0)) s" } ?? "offer's, else \(Numbers.exact(Workload.defaultIdleTimeoutSeconds)) s"
            list.append(("idle timeout", idle))
        }
        if let pricesAsOf { list.append(("prices as of", "\(pricesAsOf) (--as-of)")) }
        if let exchangeRate { list.append(("currency", "\(exchangeRate.currency): \(exchangeRate.text); each line converted once from its exact USD amount")) }
        list.append(("rounding", "each line item to the cent, half up; totals are exact sums"))
        return list
    }
}

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
    public var options: [OptionCost] { didSet { marks = Marks(options, baselineID: baselineID) } }
    /// Which options are cheapest overall and in their tier, and where each id is: found once per change of
    /// `options`, so renderers ask per row in constant time (100,000 offers render in linear time).
    private(set) var marks: Marks
    /// Offers left out because they cannot serve the workload, with the reason.
    public var excluded: [Exclusion]
    /// The offer savings are measured against, when `--baseline` was given.
    public var baselineID: String? { didSet { marks = Marks(options, baselineID: baselineID) } }
    /// Caveats about the whole comparison (estimates used, stale prices).
    public var warnings: [Notice]
    /// Offers of the requested tiers whose model was shut down by the day priced: never priced or ranked.
    public var retired: [Offer] = []
    /// Whether `options` holds only the options a portfolio summary needs (planned, cheapest serving, cheapest
    /// overall) rather than every offer (`Portfolio.Detail.summary`).
    public var isSummary = false
    /// The day whose prices were used (`--as-of`), when given.
    public var pricesAsOf: Day?
    /// The rate amounts were converted with, when not in USD (`--currency`).
    public var exchangeRate: ExchangeRate?
    /// The options on the cost / p95-latency frontier (`compare --pareto`), cheapest first; nil when not asked.
    public var pareto: [OptionCost]?
    /// The latency targets the simulated options were sized for (`--p95-latency`, `--max-ttft`, `--max-itl`); empty
    /// when none was given or nothing was simulated.
    public var latencyTargets = LatencyTargets()

    /// A comparison of `options` for `workload`, money in `currency` (exact; an unpriced option has no total and
    /// ranks last), with the offers excluded and why, the baseline when one was named, and warnings to show.
    public init(
        workload: Workload, currency: String, options: [OptionCost], excluded: [Exclusion], baselineID: String?,
        warnings: [Notice], retired: [Offer] = [], pricesAsOf: Day? = nil, exchangeRate: ExchangeRate? = nil
    ) {
        self.workload = workload
        self.currency = currency
        self.options = options
        self.marks = Marks(options, baselineID: baselineID)
        self.excluded = excluded
        self.baselineID = baselineID
        self.warnings = warnings
        self.retired = retired
        self.pricesAsOf = pricesAsOf
        self.exchangeRate = exchangeRate
    }

    /// The cheapest option overall and per tier, and each option's index by id.
    struct Marks: Equatable, Sendable {
        var cheapestIndex: Int?
        /// The cheapest priced option that serves the requested model (serverless, serverless-gpu, dedicated).
        var servingIndex: Int?
        /// The cheapest priced API option (another model).
        var apiIndex: Int?
        /// Index of the cheapest priced option of each tier, in tier order.
        var tierBest: [(tier: Tier, index: Int)]
        var tierBestIDs: Set<String>
        /// The first option with the baseline's id.
        var baselineIndex: Int?

        init(_ options: [OptionCost], baselineID: String?) {
            cheapestIndex = options.firstIndex { $0.total != nil }
            var best: [Tier: Int] = [:]
            baselineIndex = nil
            for (index, option) in options.enumerated() {
                if baselineIndex == nil, let baselineID, option.offer.id == baselineID { baselineIndex = index }
                if option.total != nil, best[option.offer.tier] == nil { best[option.offer.tier] = index }
            }
            tierBest = Tier.allCases.compactMap { tier in best[tier].map { (tier, $0) } }
            servingIndex = [best[.serverless], best[.serverlessGPU], best[.dedicated]].compactMap { $0 }.min()
            apiIndex = best[.api]
            tierBestIDs = Set(tierBest.map { options[$0.index].offer.id })
        }

        static func == (lhs: Marks, rhs: Marks) -> Bool {
            lhs.cheapestIndex == rhs.cheapestIndex && lhs.tierBest.map(\.index) == rhs.tierBest.map(\.index) && lhs.baselineIndex == rhs.baselineIndex
        }
    }

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
    public var cheapest: OptionCost? { marks.cheapestIndex.map { options[$0] } }

    /// The cheapest way to serve the requested model: the cheapest priced serverless, serverless-gpu or dedicated
    /// option (each runs the workload's model or model class). The verdict break-even, sweeps, checks and advice
    /// use.
    public var cheapestServingModel: OptionCost? { marks.servingIndex.map { options[$0] } }

    /// The cheapest API alternative: another model behind a per-token API, its quality not compared.
    public var cheapestAPIAlternative: OptionCost? { marks.apiIndex.map { options[$0] } }

    /// The cheapest priced option of each tier that has one, in tier order.
    public var cheapestPerTier: [(tier: Tier, option: OptionCost)] {
        marks.tierBest.map { ($0.tier, options[$0.index]) }
    }

    /// The baseline option, when there is one.
    public var baseline: OptionCost? {
        marks.baselineIndex.map { options[$0] }
    }

    /// The saving of `option` against the baseline; nil without a baseline or a price.
    public func saving(of option: OptionCost) -> Saving? {
        guard let base = baseline?.total, base > 0, let total = option.total else { return nil }
        let amount = base - total
        return Saving(amount: amount, percent: Money.rounded(amount * 100 / base, scale: 1))
    }

    /// Whether `option` is the cheapest overall.
    public func isCheapest(_ option: OptionCost) -> Bool {
        marks.cheapestIndex.map { options[$0].offer.id == option.offer.id } ?? false
    }

    /// Whether `option` is the cheapest of its tier.
    public func isCheapestInTier(_ option: OptionCost) -> Bool {
        marks.tierBestIDs.contains(option.offer.id)
    }

    /// The oldest `verified_on` among the priced options, `YYYY-MM-DD`.
    public var oldestPriceDate: Day? {
        var oldest: Day?
        for option in options where option.total != nil {
            if let day = option.offer.provenance.verifiedOn, oldest.map({ day < $0 }) ?? true { oldest = day }
        }
        return oldest
    }

    /// The assumptions behind every figure, as (name, value) pairs in words.
    public var assumptions: [Assumption] {
        let share = Money.plain(workload.inputShare * 100, scale: 1)
        var list: [Assumption] = [
            Assumption("tokens per month", "\(Numbers.formatted(workload.totalTokens)) (\(TokenCount.abbreviated(workload.totalTokens)))", settings: [.tokens, .inputTokens, .outputTokens]),
            Assumption("input / output", "\(Numbers.formatted(workload.inputTokens)) / \(Numbers.formatted(workload.outputTokens)) (\(share)% input)", settings: [.inputShare, .inputTokens, .outputTokens]),
            Assumption("model size", "\(Numbers.exact(workload.modelParamsB))B" + (workload.modelSizeIsDefault ? " (default; \(Setting.modelSize))" : ""), settings: [.modelSize, .model]),
            Assumption("month", "\(Numbers.exact(workload.hoursPerMonth)) h", settings: [.hoursPerMonth]),
        ]
        // Tier assumptions only for tiers in the comparison (`--tier api` has no GPUs to size).
        // One pass over the options for all three questions (a comparison can hold 100,000).
        var tiers = Set(excluded.map(\.tier))
        var modelSized = false
        var pricedSpot = false
        // Serverless-gpu options priced by the flat-average model (which reads cold starts a day and keep-warm) and
        // by simulating the traffic (whose cold starts and idle time are the simulation's own).
        var flatServerless = false, simulatedServerless = false
        for option in options {
            if tiers.count < Tier.allCases.count { tiers.insert(option.offer.tier) }
            if !modelSized, option.throughput?.method == .model { modelSized = true }
            if !pricedSpot, option.total != nil, option.offer.purchase == .spot { pricedSpot = true }
            if option.offer.tier == .serverlessGPU, option.total != nil {
                if option.method == .simulation { simulatedServerless = true } else { flatServerless = true }
            }
        }
        if tiers.contains(.dedicated) {
            list.append(Assumption("dedicated sizing", "target utilization \(Money.plain(workload.targetUtilization * 100, scale: 0))%", settings: [.targetUtilization]))
        }
        if tiers.contains(.serverlessGPU) {
            let keepWarm = "\(workload.keepWarmReplicas) keep-warm replica\(workload.keepWarmReplicas == 1 ? "" : "s")"
            // No cold starts means no scale-to-zero: the flat model bills whole replicas all month.
            let flat = workload.coldStartsPerDay == 0
                ? "0 cold starts/day: replicas never scale to zero, so each is billed all month (steady traffic), as many as carry the load at \(Money.plain(workload.targetUtilization * 100, scale: 0))% utilization; \(Setting.coldStartsPerDay) prices idle gaps, \(Setting.traffic) simulates arrivals; \(keepWarm)"
                : "\(Numbers.exact(workload.coldStartsPerDay)) cold starts/day (busy time at full batches, loading and idle tails billed), \(keepWarm)"
            let simulated = "cold starts and idle time from simulating the traffic, \(keepWarm)"
            if simulatedServerless, !flatServerless {
                list.append(Assumption("serverless-gpu", simulated, settings: [.traffic, .trace, .keepWarm]))
            } else if simulatedServerless {
                list.append(Assumption("serverless-gpu", "\(simulated); options not simulated: \(flat)", settings: [.traffic, .trace, .coldStartsPerDay, .keepWarm]))
            } else {
                list.append(Assumption("serverless-gpu", flat, settings: [.coldStartsPerDay, .keepWarm, .targetUtilization, .traffic]))
            }
        }
        if modelSized {
            let (input, output) = workload.requestShape
            let model = workload.serving.model ?? "a generic \(Numbers.exact(workload.modelParamsB))B model (\(Setting.model) names one)"
            let precision = workload.serving.precision.map { "\($0.rawValue) (\(Setting.precision))" } ?? "fp8 where the GPU has it, else bf16 (\(Setting.precision))"
            let size = workload.tokenPricing.inputTokensPerRequest == nil ? " (default \(ServingChoices.defaultTokensPerRequest) tokens; \(Setting.tokensPerRequest))" : ""
            list.append(Assumption("GPU sizing", "serving performance model: \(model), \(precision), requests of \(input) in / \(output) out\(size),"
                + " each replica at the most concurrent requests that keep \(workload.serving.targetText) (\(Setting.maxITL), \(Setting.maxTTFT), \(Setting.maxThroughput))",
                settings: [.model, .precision, .tokensPerRequest, .maxITL, .maxTTFT, .maxThroughput]))
        }
        let pricing = workload.tokenPricing
        if pricing.mode != .standard { list.append(Assumption("per-token mode", "\(pricing.mode.rawValue) (\(Setting.mode)); offers without a \(pricing.mode.rawValue) price are unpriced", settings: [.mode])) }
        if pricing.cachedShare > 0 { list.append(Assumption("cached input", "\(Money.plain(pricing.cachedShare * 100, scale: 1))% of input tokens read from the prompt cache (\(Setting.cachedShare))", settings: [.cachedShare])) }
        if let size = pricing.inputTokensPerRequest { list.append(Assumption("request size", "\(Numbers.formatted(size, scale: 0)) input tokens per request (for long-context tiers)", settings: [.tokensPerRequest])) }
        if pricing.inputTokensPerRequest == nil, let sizes = pricing.requestSizes { list.append(Assumption("request size", "each request's own, from \(sizes.origin) (for long-context tiers)", settings: [.trace, .tokensPerRequest])) }
        if let profile = pricing.dayProfile { list.append(Assumption("time of day", "tokens by UTC minute: \(profile.origin) (for off-peak prices)", settings: [.traffic, .trace])) }
        if pricedSpot {
            list.append(Assumption("spot", "\(Money.plain(workload.spotInterruption * 100, scale: 0))% of hours assumed lost to interruptions (\(Setting.spotInterruption); an assumption)",
                                   settings: [.spotInterruption]))
        }
        if workload.coldStartsPerDay > 0 || simulatedServerless {
            let idle = workload.idleTimeoutSeconds.map { "\(Numbers.exact($0)) s" } ?? "offer's, else \(Numbers.exact(Workload.defaultIdleTimeoutSeconds)) s"
            list.append(Assumption("idle timeout", idle, settings: [.idleTimeout]))
        }
        if let pricesAsOf { list.append(Assumption("prices as of", "\(pricesAsOf) (\(Setting.asOf))", settings: [.asOf])) }
        if let exchangeRate { list.append(Assumption("currency", "\(exchangeRate.currency): \(exchangeRate.text); each line converted once from its exact USD amount")) }
        list.append(Assumption("rounding", "each line item to the cent, half up; totals are exact sums"))
        return list
    }
}

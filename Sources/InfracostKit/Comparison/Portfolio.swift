public import Foundation

/// Every workload of a workload file priced: on the offer it runs on today, or on its cheapest option.
public struct Portfolio: Equatable, Sendable {
    /// One workload of the file: its specification, its comparison, and what it costs today and at best.
    public struct Entry: Equatable, Sendable {
        public var spec: WorkloadSpec
        /// All options for this workload (within its tiers, plus its current offer).
        public var comparison: Comparison
        /// The option the workload is planned on: its current offer when it names one, else the cheapest.
        public var chosen: OptionCost?
        public var chosenIsCurrent: Bool
        /// Why the workload has no price, when it has none.
        public var problem: String?

        /// The planned monthly cost, if priced.
        public var cost: Decimal? { problem == nil ? chosen?.total : nil }
    }

    public var file: String
    public let entries: [Entry]
    /// The total budget written in the file, if any.
    public var budget: Decimal?
    public var currency: String
    /// The sum of every priced workload's planned cost (a workload without a price adds nothing: see `missing`),
    /// summed once, in cents.
    public let total: Decimal

    /// The portfolio of `entries` read from `file`; `total` is the exact sum of each entry's monthly cost, checked
    /// against `budget` (in `currency`) when there is one.
    public init(file: String, entries: [Entry], budget: Decimal?, currency: String) {
        self.file = file
        self.entries = entries
        self.budget = budget
        self.currency = currency
        // Planned costs are whole cents: summed as integers, they are exact and 60,000 of them cost nothing.
        var cents: Int128 = 0
        var exact = true
        for cost in entries.lazy.compactMap(\.cost) {
            guard let value = try? ExactNumber(cost)?.rounded(scale: 2), Money.fromCents(value) == cost else { exact = false; break }
            cents += value
        }
        total = exact ? Money.fromCents(cents) : entries.compactMap(\.cost).reduce(0, +)
    }

    /// Workloads that could not be priced.
    public var missing: [Entry] { entries.filter { $0.problem != nil } }

    /// How much of each workload's comparison a portfolio keeps.
    public enum Detail: Sendable {
        /// Every option with its line items (`compare --workload` shows them all).
        case full
        /// Only the planned option, the cheapest way to serve the model and the cheapest overall, each with its
        /// line items; the others are ranked by their exact totals in cents and not kept (`check`, `diff`,
        /// `report`: 60,000 workloads in seconds).
        case summary
    }

    /// Prices every workload of `file`.
    /// - Throws: `InfracostError.invalidData` when a workload names an offer the catalog does not have.
    public static func make(_ file: WorkloadFile, catalog: PriceCatalog, detail: Detail = .full) throws(InfracostError) -> Portfolio {
        var entries: [Entry] = []
        entries.reserveCapacity(file.workloads.count)
        var pricerCache: [ShapeKey: PricerSet] = [:]
        for spec in file.workloads {
            if let model = spec.workload.serving.model, catalog.model(named: model) == nil {
                let hint = Suggestions.hint(for: model, in: catalog.models.map(\.id))
                throw .invalidData(problems: [DataProblem(file: file.file, line: spec.line, entry: spec.name, entryKind: "workload", field: "model",
                                                          message: "no model architecture has the id '\(TextSafety.excerpt(model))'\(hint)")])
            }
            var tiers = spec.tiers
            if let id = spec.offerID {
                guard let offer = catalog.offer(id: id) else {
                    let hint = Suggestions.hint(for: id, in: catalog.offers.map(\.id))
                    throw .invalidData(problems: [DataProblem(file: file.file, line: spec.line, entry: spec.name, entryKind: "workload", field: "offer",
                                                              message: "no offer has the id '\(id)'\(hint)")])
                }
                if !tiers.isEmpty { tiers.insert(offer.tier) }
            }
            let comparison: Comparison
            switch detail {
            case .full:
                comparison = try Comparison.make(ComparisonRequest(workload: spec.workload, tiers: tiers), catalog: catalog)
            case .summary:
                comparison = try summaryComparison(spec.workload, tiers: tiers, keep: spec.offerID, catalog: catalog, cache: &pricerCache)
            }
            var entry = Entry(spec: spec, comparison: comparison, chosen: nil, chosenIsCurrent: false, problem: nil)
            if let id = spec.offerID {
                entry.chosenIsCurrent = true
                if let option = comparison.options.first(where: { $0.offer.id == id }) {
                    entry.chosen = option
                    if let reason = option.unpricedReason { entry.problem = "its offer \(id) has no price: \(reason)" }
                } else {
                    let reason = comparison.excluded.first { $0.id == id }?.reason ?? "not in the comparison"
                    entry.problem = "its offer \(id) cannot serve it: \(reason)"
                }
            } else if let cheapest = comparison.cheapestServingModel ?? comparison.cheapest {
                entry.chosen = cheapest
            } else {
                entry.problem = "no offer in the catalog can serve it"
            }
            entries.append(entry)
        }
        return Portfolio(file: file.file, entries: entries, budget: file.budget, currency: "USD")
    }

    /// A portfolio of one workload already compared (the one-line `check --tokens 2B --budget 1000`), planned on the
    /// cheapest way to serve its model, else the cheapest option.
    public static func single(_ comparison: Comparison, name: String) -> Portfolio {
        let spec = WorkloadSpec(name: name, workload: comparison.workload, tiers: [], offerID: nil, budget: nil, line: 0)
        var entry = Entry(spec: spec, comparison: comparison, chosen: comparison.cheapestServingModel ?? comparison.cheapest, chosenIsCurrent: false, problem: nil)
        if entry.chosen == nil { entry.problem = "no offer in the catalog can serve it" }
        return Portfolio(file: "the command line", entries: [entry], budget: nil, currency: comparison.currency)
    }

    /// What pricers depend on: the workload without its volume, and the tiers. Workloads of one shape share them.
    struct ShapeKey: Hashable {
        /// The input share as a Double (a cache key, not a money figure: exact division per workload cost more
        /// than the pricing; shares equal to 16 digits price alike, request sizes being whole tokens).
        var inputShare: Double
        var modelParamsB: Decimal
        var hours: Decimal
        var utilization: Decimal
        var coldStarts: Decimal
        var keepWarm: Int
        var idleTimeout: Decimal?
        var spot: Decimal
        var mode: String
        var cachedShare: Decimal
        var inputTokensPerRequest: Decimal?
        var model: String?
        var activeParamsB: Decimal?
        var precision: String?
        var maxITL: Double?
        var maxTTFT: Double?
        var maxThroughput: Bool
        var tiers: [String]

        /// nil for a workload with a time profile or per-request sizes (those are not compared here).
        init?(_ w: Workload, tiers: Set<Tier>) {
            guard w.tokenPricing.dayProfile == nil, w.tokenPricing.requestSizes == nil else { return nil }
            let total = NSDecimalNumber(decimal: w.totalTokens).doubleValue
            inputShare = total == 0 ? 0 : NSDecimalNumber(decimal: w.inputTokens).doubleValue / total
            modelParamsB = w.modelParamsB
            hours = w.hoursPerMonth
            utilization = w.targetUtilization
            coldStarts = w.coldStartsPerDay
            keepWarm = w.keepWarmReplicas
            idleTimeout = w.idleTimeoutSeconds
            spot = w.spotInterruption
            mode = w.tokenPricing.mode.rawValue
            cachedShare = w.tokenPricing.cachedShare
            inputTokensPerRequest = w.tokenPricing.inputTokensPerRequest
            model = w.serving.model
            activeParamsB = w.serving.activeParamsB
            precision = w.serving.precision?.rawValue
            maxITL = w.serving.maxITLms
            maxTTFT = w.serving.maxTTFTms
            maxThroughput = w.serving.maxThroughput
            self.tiers = tiers.map(\.rawValue).sorted()
        }
    }

    /// The pricers of one shape with what the ranking reads of each, kept apart so that ranking 60,000 workloads
    /// does not copy an offer (dozens of reference-counted fields) per workload and offer.
    struct PricerSet {
        var pricers: [OfferPricer]
        /// Indices of the pricers that can serve the shape.
        var usable: [Int]
        var ids: [String]
        var isServing: [Bool]

        init(_ pricers: [OfferPricer]) {
            self.pricers = pricers
            usable = pricers.indices.filter { pricers[$0].exclusionReason == nil }
            ids = pricers.map(\.offer.id)
            isServing = pricers.map { $0.offer.tier != .api }
        }
    }

    /// A comparison holding only the options a summary needs (see `Detail.summary`), ranked as `Comparison.make`
    /// ranks: by exact total, then id. Totals come from `OfferPricer.totalCents`, the same exact line amounts as the
    /// full cost; the kept options are priced in full.
    static func summaryComparison(
        _ workload: Workload, tiers: Set<Tier>, keep id: String?, catalog: PriceCatalog, cache: inout [ShapeKey: PricerSet]
    ) throws(InfracostError) -> Comparison {
        let workload = try workload.resolvingModel(in: catalog)
        try workload.validate()
        let key = ShapeKey(workload, tiers: tiers)
        let set: PricerSet
        if let key, let known = cache[key] {
            set = known
        } else {
            set = PricerSet(OfferPricer.all(catalog: catalog, shape: workload, tiers: tiers))
            if let key { cache[key] = set }
        }
        let pricers = set.pricers
        let exact = (ExactNumber(workload.inputTokens), ExactNumber(workload.outputTokens), ExactNumber(workload.totalTokens))
        var best: (index: Int, cents: Int128)?
        var bestServing: (index: Int, cents: Int128)?
        var kept: Int?
        func better(_ candidate: (index: Int, cents: Int128), than current: (index: Int, cents: Int128)?) -> Bool {
            guard let current else { return true }
            return candidate.cents != current.cents ? candidate.cents < current.cents : set.ids[candidate.index] < set.ids[current.index]
        }
        for index in set.usable {
            if let id, set.ids[index] == id { kept = index }
            var cents: Int128?
            if let input = exact.0, let output = exact.1, let total = exact.2 {
                cents = pricers[index].totalCents(input: input, output: output, total: total)
            }
            if cents == nil { cents = pricers[index].cost(for: workload).totalCents }
            guard let cents else { continue }
            let candidate = (index, cents)
            if better(candidate, than: best) { best = candidate }
            if set.isServing[index], better(candidate, than: bestServing) { bestServing = candidate }
        }
        var indices = Set([best?.index, bestServing?.index, kept].compactMap { $0 })
        if let id, kept == nil, let excludedIndex = set.ids.firstIndex(of: id) { indices.insert(excludedIndex) }
        var options: [OptionCost] = []
        var excluded: [Comparison.Exclusion] = []
        for index in indices.sorted() {
            let pricer = pricers[index]
            if let reason = pricer.exclusionReason {
                excluded.append(Comparison.Exclusion(id: pricer.offer.id, tier: pricer.offer.tier, reason: reason))
            } else {
                options.append(pricer.cost(for: workload))
            }
        }
        var comparison = Comparison(workload: workload, currency: "USD", options: ranked(options), excluded: excluded, baselineID: nil, warnings: [])
        comparison.isSummary = true
        return comparison
    }

    static func ranked(_ options: [OptionCost]) -> [OptionCost] { Comparison.ranked(options) }
}

/// The result of `infracost check`: whether a portfolio fits its budgets, and by how much it does not.
public struct BudgetCheck: Equatable, Sendable {
    public var portfolio: Portfolio
    /// The total budget applied (the flag's, else the file's).
    public var budget: Decimal?
    public var baselineTotal: Decimal?
    /// The largest allowed increase over the baseline, as a fraction (0.1 for 10%).
    public var maxIncrease: Decimal?
    /// Each reason the check failed, in words.
    public var failures: [String]
    public var allowMissingPrices: Bool
    /// The stale-price warning for the prices the check used, when stale prices warn rather than fail.
    public var warnings: [Notice] = []

    public var passed: Bool { failures.isEmpty }

    /// How the check treats the age of the prices it used: older than `maxAgeDays` on `day` (YYYY-MM-DD) is stale,
    /// and stale prices fail the check when `failOnStale`, else they are a warning.
    public struct PriceAgeRule: Equatable, Sendable {
        public var day: Day
        public var maxAgeDays: Int
        public var failOnStale: Bool

        /// The rule that prices older than `maxAgeDays` on `day` warn, or fail the check when `failOnStale`.
        public init(day: Day, maxAgeDays: Int, failOnStale: Bool) {
            self.day = day
            self.maxAgeDays = maxAgeDays
            self.failOnStale = failOnStale
        }
    }

    /// Applies every budget to `portfolio`. A missing price fails the check unless `allowMissingPrices`: it never
    /// passes by counting as $0. With `priceAge`, the prices of the options chosen are checked for age: stale ones
    /// are the last failure (`failOnStale`) or `warnings`.
    public static func run(
        _ portfolio: Portfolio, budget: Decimal?, baseline: Portfolio?, maxIncrease: Decimal?, allowMissingPrices: Bool,
        priceAge: PriceAgeRule? = nil
    ) -> BudgetCheck {
        let c = portfolio.currency
        var failures: [String] = []
        for entry in portfolio.missing where !allowMissingPrices {
            failures.append("workload \(entry.spec.name) has no price (\(entry.problem ?? "")); a missing price never counts as $0 (\(Setting.allowMissingPrices) to skip it)")
        }
        let budget = budget ?? portfolio.budget
        let total = portfolio.total
        if let budget, total > budget {
            failures.append("total \(Money.formatted(total, currency: c))/month is over the \(Money.formatted(budget, currency: c)) budget by \(Money.formatted(total - budget, currency: c))\(percentText(total - budget, of: budget))")
        }
        for entry in portfolio.entries {
            guard let limit = entry.spec.budget, let cost = entry.cost, cost > limit else { continue }
            failures.append("workload \(entry.spec.name) at \(Money.formatted(cost, currency: c))/month is over its \(Money.formatted(limit, currency: c)) budget by \(Money.formatted(cost - limit, currency: c))\(percentText(cost - limit, of: limit))")
        }
        let baselineTotal = baseline?.total
        if let maxIncrease, let before = baselineTotal {
            let increase = total - before
            if before > 0, increase > before * maxIncrease {
                failures.append("total rose \(Money.formatted(increase, currency: c))\(percentText(increase, of: before)) over the baseline \(Money.formatted(before, currency: c)), more than the allowed \(Money.plain(maxIncrease * 100, scale: 1))%")
            } else if before == 0, increase > 0 {
                failures.append("total rose from $0.00 to \(Money.formatted(total, currency: c)) over the baseline")
            }
        }
        var warnings: [Notice] = []
        if let priceAge {
            let used = portfolio.entries.compactMap(\.chosen).filter { $0.total != nil }.map(\.offer)
            let stale = PriceAge.staleWarnings(used, day: priceAge.day, maxAgeDays: priceAge.maxAgeDays)
            if priceAge.failOnStale { failures += stale.map { "stale prices: \($0.text)" } } else { warnings = stale }
        }
        return BudgetCheck(portfolio: portfolio, budget: budget, baselineTotal: baselineTotal, maxIncrease: maxIncrease, failures: failures,
                           allowMissingPrices: allowMissingPrices, warnings: warnings)
    }

    static func percentText(_ part: Decimal, of whole: Decimal) -> String {
        whole > 0 ? " (\(Money.plain(part * 100 / whole, scale: 1))%)" : ""
    }

    /// The one-line summary for CI logs.
    public var summary: String {
        let c = portfolio.currency
        if !passed { return "infracost check: FAIL: " + failures.joined(separator: "; ") }
        var text = "infracost check: OK: \(portfolio.entries.count) workloads, total \(Money.formatted(portfolio.total, currency: c))/month"
        if let budget { text += " within the \(Money.formatted(budget, currency: c)) budget (\(Money.plain(budget > 0 ? portfolio.total * 100 / budget : 0, scale: 1))% used)" }
        if let before = baselineTotal { text += ", \(Money.formatted(portfolio.total - before, currency: c)) against the baseline" }
        if !portfolio.missing.isEmpty { text += "; \(portfolio.missing.count) workload(s) without a price left out (\(Setting.allowMissingPrices))" }
        return text
    }
}

/// The result of `infracost diff`: the cost of each workload before and after a change.
public struct PortfolioDiff: Equatable, Sendable {
    /// One workload before and after: monthly costs (exact; nil when unpriced on that side) and their change.
    public struct Row: Equatable, Sendable {
        public var name: String
        public var before: Decimal?
        public var after: Decimal?
        public var beforeOffer: String?
        public var afterOffer: String?

        public var delta: Decimal { (after ?? 0) - (before ?? 0) }
        public var percent: Decimal? { before.flatMap { $0 > 0 ? Money.rounded(delta * 100 / $0, scale: 1) : nil } }
        public var offerChanged: Bool { beforeOffer != afterOffer }
    }

    public var rows: [Row]
    public var currency: String

    public var totalBefore: Decimal { rows.compactMap(\.before).reduce(0, +) }
    public var totalAfter: Decimal { rows.compactMap(\.after).reduce(0, +) }
    public var delta: Decimal { totalAfter - totalBefore }
    public var percent: Decimal? { totalBefore > 0 ? Money.rounded(delta * 100 / totalBefore, scale: 1) : nil }

    /// Matches workloads by name; added and removed workloads have one side only.
    public static func make(baseline: Portfolio, proposed: Portfolio) -> PortfolioDiff {
        var rows: [Row] = []
        for entry in baseline.entries {
            let after = proposed.entries.first { $0.spec.name == entry.spec.name }
            rows.append(Row(name: entry.spec.name, before: entry.cost, after: after?.cost, beforeOffer: entry.chosen?.offer.id, afterOffer: after?.chosen?.offer.id))
        }
        for entry in proposed.entries where !baseline.entries.contains(where: { $0.spec.name == entry.spec.name }) {
            rows.append(Row(name: entry.spec.name, before: nil, after: entry.cost, beforeOffer: nil, afterOffer: entry.chosen?.offer.id))
        }
        return PortfolioDiff(rows: rows, currency: baseline.currency)
    }
}

/// The result of `infracost report`: month-by-month cost of every workload, for finance.
public struct FinanceReport: Equatable, Sendable {
    /// One workload in one month: its cost (exact, in the report's currency) and the quantities behind it.
    public struct Row: Equatable, Sendable {
        /// `YYYY-MM`.
        public var month: String
        public var workload: String
        public var model: String
        public var tier: Tier
        public var offer: String
        public var inputTokens: Decimal
        public var outputTokens: Decimal
        /// GPU-hours billed (GPU tiers), nil for per-token offers.
        public var gpuHours: Decimal?
        public var cost: Decimal
        public var currency: String
        public var priceAsOf: Day?
        /// The offer's provider, purchase kind (on-demand, reserved, spot), price source and start, for FOCUS.
        public var provider: String = ""
        public var purchase: String? = nil
        public var priceSource: String? = nil
        public var priceEffectiveFrom: Day? = nil
    }

    /// The documented, stable CSV columns.
    public static let columns = ["month", "workload", "model", "tier", "offer", "input_tokens", "output_tokens", "gpu_hours", "monthly_cost", "currency", "price_verified_on"]

    public var rows: [Row]
    public var growth: Decimal
    public var currency: String

    public var totalCost: Decimal { rows.reduce(0) { $0 + $1.cost } }
    public var totalInputTokens: Decimal { rows.reduce(0) { $0 + $1.inputTokens } }
    public var totalOutputTokens: Decimal { rows.reduce(0) { $0 + $1.outputTokens } }
    public var totalGPUHours: Decimal { rows.compactMap(\.gpuHours).reduce(0, +) }

    /// The first month of a report: the month `text` names (YYYY-MM), or the current month (UTC) when nil.
    /// - Throws: `InfracostError.invalidQuantity` naming `Setting.startMonth` when `text` is not a month.
    public static func startMonth(_ text: String?) throws(InfracostError) -> (year: Int, month: Int) {
        guard let text else {
            let now = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
            return (now.year ?? 2026, now.month ?? 1)
        }
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else {
            throw .invalidQuantity(label: "\(Setting.startMonth)", value: text, reason: "write YYYY-MM, e.g. 2027-01")
        }
        return (year, month)
    }

    /// Projects `months` months (within `Limits.reportMonths`) from `start` (year, month): volumes grow by `growth` a
    /// month, compounded and rounded to whole tokens; each workload stays on its planned offer, re-priced every
    /// month (dedicated offers add instances as volume grows).
    /// - Throws: `InfracostError.invalidUsage` for a month count out of range, `InfracostError.invalidQuantity` for
    ///   growth outside `Limits.monthlyGrowth`; pricing errors of the re-priced months.
    public static func make(
        _ portfolio: Portfolio, catalog: PriceCatalog, months: Int, growth: Decimal, start: (year: Int, month: Int)
    ) throws(InfracostError) -> FinanceReport {
        guard Limits.reportMonths.contains(months) else {
            throw .invalidUsage(message: "\(Setting.months) must be \(Limits.between(Limits.reportMonths))")
        }
        guard Limits.monthlyGrowth.contains(growth) else {
            throw .invalidQuantity(label: "\(Setting.growth)", value: "\(growth)", reason: "must be between -100% and 1000%")
        }
        var rows: [Row] = []
        var factor: Decimal = 1
        for index in 0..<months {
            let monthNumber = (start.month - 1 + index) % 12 + 1
            let year = start.year + (start.month - 1 + index) / 12
            let label = String(format: "%04d-%02d", year, monthNumber)
            for entry in portfolio.entries {
                guard let chosen = entry.chosen, entry.problem == nil else { continue }
                var workload = entry.spec.workload
                workload.inputTokens = Money.rounded(workload.inputTokens * factor, scale: 0)
                workload.outputTokens = Money.rounded(workload.outputTokens * factor, scale: 0)
                if workload.totalTokens > TokenCount.maximum {
                    throw .invalidUsage(message: "\(Setting.growth): by \(label) workload \(entry.spec.name) would reach \(TokenCount.abbreviated(workload.totalTokens)) tokens a month, more than the 1e15 limit; lower \(Setting.growth) or \(Setting.months)")
                }
                let cost = OfferPricer(offer: chosen.offer, shape: workload, catalog: catalog).cost(for: workload)
                guard let total = cost.total else { continue }
                var gpuHours: Decimal?
                if chosen.offer.tier == .dedicated, let gpus = cost.gpus { gpuHours = Decimal(gpus) * workload.hoursPerMonth }
                if chosen.offer.tier == .serverlessGPU, let seconds = cost.gpuSeconds { gpuHours = Money.rounded(seconds / 3600, scale: 3) }
                rows.append(Row(
                    month: label, workload: entry.spec.name,
                    model: chosen.offer.model ?? "\(Numbers.exact(workload.modelParamsB))B", tier: chosen.offer.tier, offer: chosen.offer.id,
                    inputTokens: workload.inputTokens, outputTokens: workload.outputTokens, gpuHours: gpuHours, cost: total,
                    currency: portfolio.currency, priceAsOf: chosen.offer.provenance.verifiedOn, provider: chosen.offer.provider,
                    purchase: chosen.offer.purchase?.name, priceSource: chosen.offer.provenance.source, priceEffectiveFrom: chosen.offer.currentFrom))
            }
            factor *= 1 + growth
        }
        return FinanceReport(rows: rows, growth: growth, currency: portfolio.currency)
    }
}

import Foundation

/// Turns an `AdviceInput` into `Advice` by running the cost engine and the rule tables of `AdviceRules`.
public enum Advisor {
    /// The advice for `input`, priced with `catalog`.
    /// - Throws: `InfracostError` when the workload is invalid.
    public static func advise(_ input: AdviceInput, catalog: PriceCatalog) throws(InfracostError) -> Advice {
        let workload = input.workload
        let comparison = try Comparison.make(ComparisonRequest(workload: workload, tiers: input.tiers), catalog: catalog)
        // Runtime and target rules weigh the ways to serve the model itself: API offers are other models.
        let serving = comparison.cheapestServingModel ?? comparison.cheapest
        var facts = AdviceFacts(input: input, coldStartSeconds: coldStart(for: workload.modelParamsB, catalog: catalog), cheapestTier: serving?.offer.tier)
        facts.cheapestIsAlwaysOn = serving?.offer.tier == .dedicated || serving?.notes.contains { $0.topic == .alwaysUp } == true
        return Advice(
            input: input, cost: try costSummary(comparison, tiers: input.tiers, catalog: catalog), endpoint: endpoint(facts), runtime: runtime(facts, input: input),
            target: target(facts), migration: try migration(comparison, catalog: catalog),
            conflicts: AdviceRules.conflicts.compactMap { rule in rule.test(facts).map { .init(id: rule.id, reason: $0) } },
            currency: comparison.currency)
    }

    /// The longest published cold start for a model of this size across platforms (a cautious figure), else 60 s.
    static func coldStart(for params: Decimal, catalog: PriceCatalog) -> Decimal {
        catalog.coldStarts.filter { $0.holds(params) }.map(\.seconds).max() ?? 60
    }

    static func costSummary(_ comparison: Comparison, tiers: Set<Tier>, catalog: PriceCatalog) throws(InfracostError) -> Advice.CostSummary {
        func ranked(_ option: OptionCost?) -> Advice.CostSummary.Ranked? {
            guard let option, let total = option.total else { return nil }
            return .init(id: option.offer.id, tier: option.offer.tier, monthly: total)
        }
        // The verdict is the cheapest way to serve the model (API offers are other models), as everywhere else.
        let cheapest = comparison.cheapestServingModel ?? comparison.cheapest
        let runnerUp = comparison.options.first { $0.total != nil && $0.offer.tier != .api && $0.offer.tier != cheapest?.offer.tier }
            ?? comparison.cheapestAPIAlternative.flatMap { $0.offer.id == cheapest?.offer.id ? nil : $0 }
        var summary = Advice.CostSummary(cheapest: ranked(cheapest), runnerUp: ranked(runnerUp))
        let volume = comparison.workload.totalTokens
        // Where the cheapest way to serve the model changes, as `breakeven` answers it: API offers (other models)
        // only when the tiers ask for them.
        let breakEven = try BreakEven.solve(ComparisonRequest(workload: comparison.workload, tiers: Tier.servingByDefault(tiers)), catalog: catalog)
        summary.crossoverBelow = breakEven.crossovers.last { $0.volume < volume }
        summary.crossoverAbove = breakEven.crossovers.first { $0.volume >= volume }
        return summary
    }

    static func endpoint(_ facts: AdviceFacts) -> Advice.EndpointChoice {
        var points: [EndpointType: Int] = [:]
        var excluded: [EndpointType: [String]] = [:]
        var fired: [Advice.FiredRule] = []
        for rule in AdviceRules.endpoint {
            guard let reason = rule.test(facts) else { continue }
            fired.append(.init(id: rule.id, reason: reason))
            switch rule.effect {
            case .excludes(let type): excluded[type, default: []].append(reason)
            case .favors(let type, let value): points[type, default: 0] += value
            }
        }
        let open = EndpointType.allCases.filter { excluded[$0] == nil }
        // Most points wins; ties go to the earlier type in the table (real-time, serverless, asynchronous, batch).
        let chosen = open.max { (points[$0] ?? 0, index(of: $1)) < (points[$1] ?? 0, index(of: $0)) }
        var arrangements: [Advice.FiredRule] = []
        let input = facts.input
        if input.models >= 3, input.workload.modelParamsB <= 13 {
            arrangements.append(.init(id: "multi-model", reason: "\(input.models) models of \(facts.size) share traffic: host them on one multi-model endpoint"))
        }
        if input.pipelineStages > 1 {
            arrangements.append(.init(id: "serial-pipeline", reason: "\(input.pipelineStages) stages (pre-processing, model, post-processing) per request: chain them in a serial inference pipeline"))
        }
        var choice = Advice.EndpointChoice(chosen: chosen, points: points, excluded: excluded, fired: fired, arrangements: arrangements)
        if let chosen { choice.tiedWith = open.filter { $0 != chosen && (points[$0] ?? 0) == (points[chosen] ?? 0) } }
        return choice
    }

    static func index(of type: EndpointType) -> Int { EndpointType.allCases.firstIndex(of: type) ?? 0 }

    static func runtime(_ facts: AdviceFacts, input: AdviceInput) -> Advice.RuntimeChoice {
        var scores: [RuntimeCriterion: [Runtime: Int]] = [:]
        var reasons: [RuntimeCriterion: String] = [:]
        for criterion in RuntimeCriterion.allCases {
            for rule in AdviceRules.runtime where rule.criterion == criterion {
                guard let reason = rule.test(facts) else { continue }
                scores[criterion] = Dictionary(uniqueKeysWithValues: zip(Runtime.allCases, rule.scores))
                reasons[criterion] = reason
                break
            }
        }
        var totals: [Runtime: Decimal] = [:]
        for runtime in Runtime.allCases {
            totals[runtime] = RuntimeCriterion.allCases.reduce(Decimal(0)) { sum, criterion in
                sum + input.weight(criterion) * Decimal(scores[criterion]?[runtime] ?? 0)
            }
        }
        let ranking = Runtime.allCases.enumerated().sorted { a, b in
            let x = totals[a.element] ?? 0, y = totals[b.element] ?? 0
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
        let top = totals[ranking[0]] ?? 0
        let second = totals[ranking[1]] ?? 0
        return .init(scores: scores, reasons: reasons, totals: totals, ranking: ranking, isCloseCall: top - second <= input.closeCallMargin * top)
    }

    static func target(_ facts: AdviceFacts) -> Advice.TargetChoice {
        for rule in AdviceRules.target {
            if let reason = rule.test(facts) { return .init(chosen: rule.target, reason: reason) }
        }
        return .init(chosen: .managedFlex, reason: "no rule fired")
    }

    /// API -> serverless -> dedicated. Each step starts from the cheapest offer of its stage at this volume and goes to
    /// the offer of the next stage that is cheaper at this volume, else the first to become cheaper as volume grows
    /// from here (solved exactly), or, when none does up to 1T, to the next stage's cheapest offer at this volume.
    static func migration(_ comparison: Comparison, catalog: PriceCatalog) throws(InfracostError) -> [Advice.MigrationStep] {
        let stages: [Set<Tier>] = [[.api], [.serverless, .serverlessGPU], [.dedicated]]
        func priced(_ tiers: Set<Tier>) -> [OptionCost] { comparison.options.filter { $0.total != nil && tiers.contains($0.offer.tier) } }
        var steps: [Advice.MigrationStep] = []
        for (fromTiers, toTiers) in zip(stages, stages.dropFirst()) {
            guard let from = priced(fromTiers).first else { continue }
            let candidates = priced(toTiers)
            guard let cheapestNow = candidates.first else { continue }
            let solved = try BreakEven.solve(
                ComparisonRequest(workload: comparison.workload), catalog: catalog, onlyIDs: [from.offer.id] + candidates.map(\.offer.id))
            var to = cheapestNow
            var threshold: Decimal?
            var everywhere = false
            // The region holding this volume (each runs from its low end, exclusive, to its high end): a candidate
            // cheaper there saves now; otherwise the first crossover above this volume away from `from`.
            let volume = comparison.workload.totalTokens
            if let here = solved.regions.first(where: { volume <= $0.to }) ?? solved.regions.last, here.id != from.offer.id,
               let option = candidates.first(where: { $0.offer.id == here.id }) {
                to = option
                threshold = 0
                everywhere = solved.regions.allSatisfy { $0.id == here.id }
            } else if let crossing = solved.crossovers.first(where: { $0.fromID == from.offer.id && $0.volume >= volume }),
                      let option = candidates.first(where: { $0.offer.id == crossing.toID }) {
                to = option
                threshold = crossing.firstWholeToken
            }
            steps.append(.init(
                fromID: from.offer.id, fromTier: from.offer.tier, toID: to.offer.id, toTier: to.offer.tier, threshold: threshold,
                savingNow: (from.total ?? 0) - (to.total ?? 0), cheaperEverywhere: everywhere))
        }
        return steps
    }
}

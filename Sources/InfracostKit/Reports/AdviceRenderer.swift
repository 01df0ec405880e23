import Foundation

/// Renders `Advice` as a table (for a terminal), JSON, CSV (the runtime matrix) or Markdown (for a design review).
public enum AdviceRenderer {
    /// `advice` in `format`, ending in a newline; renders the result only and computes nothing.
    public static func render(_ advice: Advice, format: OutputFormat) -> String {
        switch format {
        // Prose wrapped for the terminal; the runtime table (74 columns) fits.
        case .table: return TextWrap.lines(text(advice, markdown: false))
        case .markdown: return text(advice, markdown: true)
        case .json: return JSONWriter.string(value(advice))
        case .csv:
            var rows = [["criterion", "weight"] + Runtime.allCases.map(\.rawValue) + ["reason"]]
            for criterion in RuntimeCriterion.allCases {
                rows.append([criterion.rawValue, Numbers.exact(advice.input.weight(criterion))]
                    + Runtime.allCases.map { String(advice.runtime.scores[criterion]?[$0] ?? 0) } + [advice.runtime.reasons[criterion] ?? ""])
            }
            rows.append(["total", ""] + Runtime.allCases.map { Numbers.exact(advice.runtime.totals[$0] ?? 0) } + [""])
            return CSVWriter.render(rows)
        }
    }

    static let shortNames: [Runtime: String] = [
        .functions: "functions", .containers: "containers", .serverlessContainers: "svl containers", .hybrid: "hybrid",
    ]

    static func heading(_ input: AdviceInput) -> String {
        var parts = ["\(TokenCount.abbreviated(input.workload.totalTokens)) tokens/month", "\(Numbers.exact(input.workload.modelParamsB))B model"]
        if input.models > 1 { parts.append("\(input.models) models") }
        parts.append("\(input.shape.rawValue) traffic")
        if let p95 = input.p95LatencySeconds { parts.append("p95 \(DurationWords.text(p95))") }
        parts.append("payload \(ByteSize.text(input.payloadBytes))")
        if let deadline = input.deadlineSeconds { parts.append("results within \(DurationWords.text(deadline))") }
        return parts.joined(separator: ", ")
    }

    static func text(_ advice: Advice, markdown: Bool) -> String {
        let c = advice.currency
        let h = markdown ? "## " : ""
        let bullet = markdown ? "- " : "  - "
        var out = markdown ? "# Deployment advice\n\n\(heading(advice.input))\n" : "infracost advise: \(heading(advice.input))\n"
        if !advice.conflicts.isEmpty {
            out += "\n\(h)Conflicts: these inputs cannot all be met\n"
            for conflict in advice.conflicts { out += "\(bullet)\(conflict.reason)\n" }
        }
        // 1. Cost
        out += "\n\(h)1. Cost\n"
        if let cheapest = advice.cost.cheapest {
            out += "\(bullet)cheapest: \(cheapest.id) (\(cheapest.tier.rawValue)) at \(Money.formatted(cheapest.monthly, currency: c))/month\n"
        } else {
            out += "\(bullet)no offer can be priced for this workload\n"
        }
        if let runnerUp = advice.cost.runnerUp {
            out += "\(bullet)runner-up tier: \(runnerUp.id) (\(runnerUp.tier.rawValue)) at \(Money.formatted(runnerUp.monthly, currency: c))/month\n"
        }
        let volume = TokenCount.abbreviated(advice.input.workload.totalTokens)
        if let below = advice.cost.crossoverBelow {
            out += "\(bullet)\(volume) tokens/month is above the \(TokenCount.abbreviated(below.firstWholeToken)) break-even where \(below.toID) overtook \(below.fromID)\n"
        }
        if let above = advice.cost.crossoverAbove {
            out += "\(bullet)from \(TokenCount.abbreviated(above.firstWholeToken)) tokens/month \(above.toID) becomes cheaper than \(above.fromID)\n"
        } else {
            out += "\(bullet)no break-even above \(volume) tokens/month up to 1T\n"
        }
        // 2. Endpoint type
        let endpoint = advice.endpoint
        out += "\n\(h)2. Endpoint type: \(endpoint.chosen?.rawValue ?? "none fits (see conflicts)")\n"
        if let chosen = endpoint.chosen {
            out += "\(bullet)made for: \(chosen.summary)\n"
            if !endpoint.tiedWith.isEmpty {
                let others = endpoint.tiedWith.map(\.rawValue).joined(separator: ", ")
                out += "\(bullet)a tie: \(others) \(endpoint.tiedWith.count == 1 ? "has" : "have") as many points (\(endpoint.points[chosen] ?? 0)); \(chosen.rawValue) is taken as the first in the table, so weigh them yourself\n"
            }
        }
        for type in EndpointType.allCases {
            if let reasons = endpoint.excluded[type] {
                out += "\(bullet)\(type.rawValue): ruled out: \(reasons.joined(separator: "; "))\n"
            } else {
                let why = endpoint.fired.filter { rule in AdviceRules.endpoint.contains { $0.id == rule.id && $0.effect.favors == type } }.map(\.reason)
                out += "\(bullet)\(type.rawValue): \(endpoint.points[type] ?? 0) point\((endpoint.points[type] ?? 0) == 1 ? "" : "s")\(why.isEmpty ? "" : ": " + why.joined(separator: "; "))\n"
            }
        }
        for arrangement in endpoint.arrangements { out += "\(bullet)also: \(arrangement.reason)\n" }
        if endpoint.chosen == nil, advice.conflicts.isEmpty {
            out += "\(bullet)every endpoint type is ruled out by the rules above: relax the payload, deadline or latency target\n"
        }
        // 3. Runtime
        let runtime = advice.runtime
        let best = runtime.ranking[0]
        out += "\n\(h)3. Runtime: \(best.rawValue) (\(Numbers.exact(runtime.totals[best] ?? 0)) points)\n"
        let headers = ["criterion", "weight"] + Runtime.allCases.map { shortNames[$0] ?? $0.rawValue }
        var rows: [[String]] = []
        for criterion in RuntimeCriterion.allCases {
            rows.append([criterion.rawValue, Numbers.exact(advice.input.weight(criterion))] + Runtime.allCases.map { String(runtime.scores[criterion]?[$0] ?? 0) })
        }
        rows.append(["weighted total", ""] + Runtime.allCases.map { Numbers.exact(runtime.totals[$0] ?? 0) })
        if markdown {
            out += "\n| " + headers.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: headers.count) + "\n"
            for row in rows { out += "| " + row.map(TextSafety.markdownCell).joined(separator: " | ") + " |\n" }
            out += "\n"
        } else {
            var table = TextTable(headers: headers, alignments: [.left, .right, .right, .right, .right, .right])
            table.rows = rows
            out += table.render(indent: "  ")
        }
        out += "\(bullet)scores 1-5; why:\n"
        for criterion in RuntimeCriterion.allCases { out += (markdown ? "  - " : "      ") + "\(criterion.rawValue): \(runtime.reasons[criterion] ?? "")\n" }
        let second = runtime.ranking[1]
        if runtime.isCloseCall {
            out += "\(bullet)close call: \(best.rawValue) \(Numbers.exact(runtime.totals[best] ?? 0)) vs \(second.rawValue) \(Numbers.exact(runtime.totals[second] ?? 0))"
            out += " (within \(Money.plain(advice.input.closeCallMargin * 100, scale: 0))%): pick the one that reaches a pilot faster, and pilot both for 2 weeks:\n"
            for phase in Advice.pilotPhases { out += (markdown ? "  - " : "      ") + phase + "\n" }
            out += (markdown ? "  - " : "      ") + "record: \(Advice.pilotMetrics.joined(separator: ", "))\n"
        } else {
            out += "\(bullet)runner-up: \(second.rawValue) (\(Numbers.exact(runtime.totals[second] ?? 0)) points)\n"
        }
        // 4. Deployment target
        out += "\n\(h)4. Deployment target: \(advice.target.chosen.rawValue)\n"
        out += "\(bullet)\(advice.target.chosen.summary)\n"
        out += "\(bullet)because: \(advice.target.reason)\n"
        // 5. Migration path
        out += "\n\(h)5. Migration path\n"
        if advice.migration.isEmpty { out += "\(bullet)only one tier can serve this workload\n" }
        for step in advice.migration {
            guard step.pays else {
                // Not a step: say so, with what it would cost, rather than offering it.
                out += "\(bullet)stay on \(step.fromTier.rawValue): no \(step.toTier.rawValue) offer becomes cheaper than \(step.fromID) between 1M and 1T tokens/month"
                out += " (the cheapest, \(step.toID), would cost \(Money.formatted(-step.savingNow, currency: c))/month more at \(volume))\n"
                continue
            }
            out += "\(bullet)\(step.fromTier.rawValue) -> \(step.toTier.rawValue): \(step.fromID) -> \(step.toID): "
            switch step.threshold {
            case nil: out += "never cheaper between 1M and 1T tokens/month"
            case 0?: out += step.cheaperEverywhere ? "cheaper at every volume" : "cheaper at this volume"
            case let volume?: out += "cheaper from \(Numbers.formatted(volume)) tokens/month (\(TokenCount.abbreviated(volume)))"
            }
            if step.savingNow >= 0 {
                out += "; at \(volume) it saves \(Money.formatted(step.savingNow, currency: c))/month\n"
            } else {
                out += "; at \(volume) it would cost \(Money.formatted(-step.savingNow, currency: c))/month more\n"
            }
        }
        if advice.migration.contains(where: \.pays) { out += "\(bullet)each step: shift \(Advice.ramp.map { "\($0)%" }.joined(separator: " -> ")) of traffic, holding each stage until p95 latency, errors and cost per request match the old path\n" }
        return out
    }

    static func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(pairs.map { JSONValue.Member(key: $0.0, value: $0.1, line: 0) })
    }

    static func rule(_ fired: Advice.FiredRule, key: String = "rule") -> JSONValue {
        .fields([key: .string(fired.id), "reason": .string(fired.reason)])
    }

    static func costValue(_ cost: Advice.CostSummary) -> JSONValue {
        func ranked(_ r: Advice.CostSummary.Ranked?) -> JSONValue {
            guard let r else { return .null }
            return .fields(["id": .string(r.id), "tier": .string(r.tier.rawValue), "monthly_cost": .string(Money.plain(r.monthly))])
        }
        func crossover(_ x: BreakEven.Crossover?) -> JSONValue {
            guard let x else { return .null }
            return .fields(["tokens": .string(Numbers.exact(x.firstWholeToken)), "from": .string(x.fromID), "to": .string(x.toID)])
        }
        return .fields([
            "cheapest": ranked(cost.cheapest), "runner_up": ranked(cost.runnerUp),
            "crossover_below": crossover(cost.crossoverBelow), "crossover_above": crossover(cost.crossoverAbove),
        ])
    }

    static func endpointValue(_ endpoint: Advice.EndpointChoice) -> JSONValue {
        let points: [(String, JSONValue)] = EndpointType.allCases.map { type in
            (type.rawValue, endpoint.excluded[type] == nil ? JSONValue.number(String(endpoint.points[type] ?? 0)) : JSONValue.null)
        }
        return .fields([
            "chosen": endpoint.chosen.map { JSONValue.string($0.rawValue) } ?? .null,
            "points": object(points),
            "tied_with": .list(endpoint.tiedWith.map { .string($0.rawValue) }),
            "rules_fired": .list(endpoint.fired.map { rule($0) }),
            "arrangements": .list(endpoint.arrangements.map { rule($0, key: "kind") }),
        ])
    }

    static func runtimeValue(_ runtime: Advice.RuntimeChoice, input: AdviceInput) -> JSONValue {
        let criteria: [JSONValue] = RuntimeCriterion.allCases.map { criterion in
            let scores: [(String, JSONValue)] = Runtime.allCases.map { ($0.rawValue, JSONValue.number(String(runtime.scores[criterion]?[$0] ?? 0))) }
            return .fields([
                "criterion": .string(criterion.rawValue), "weight": .string(Numbers.exact(input.weight(criterion))),
                "scores": object(scores), "reason": .string(runtime.reasons[criterion] ?? ""),
            ])
        }
        let totals: [(String, JSONValue)] = Runtime.allCases.map { ($0.rawValue, JSONValue.string(Numbers.exact(runtime.totals[$0] ?? 0))) }
        let pilot: JSONValue = runtime.isCloseCall
            ? .fields(["phases": .list(Advice.pilotPhases.map { .string($0) }), "metrics": .list(Advice.pilotMetrics.map { .string($0) })]) : .null
        return .fields([
            "chosen": .string(runtime.ranking[0].rawValue), "ranking": .list(runtime.ranking.map { .string($0.rawValue) }),
            "close_call": .bool(runtime.isCloseCall), "criteria": .list(criteria), "totals": object(totals), "pilot": pilot,
        ])
    }

    static func migrationValue(_ step: Advice.MigrationStep) -> JSONValue {
        .fields([
            "from": .string(step.fromID), "from_tier": .string(step.fromTier.rawValue), "to": .string(step.toID), "to_tier": .string(step.toTier.rawValue),
            "cheaper_from_tokens": step.threshold.map { .string(Numbers.exact($0)) } ?? .null,
            "saving_now": .string(Money.plain(step.savingNow)),
            "pays": .bool(step.pays),
        ])
    }

    static func value(_ advice: Advice) -> JSONValue {
        .fields([
            "schema_version": .number("1"),
            "currency": .string(advice.currency),
            "conflicts": .list(advice.conflicts.map { rule($0) }),
            "cost": costValue(advice.cost),
            "endpoint": endpointValue(advice.endpoint),
            "runtime": runtimeValue(advice.runtime, input: advice.input),
            "target": .fields(["chosen": .string(advice.target.chosen.rawValue), "reason": .string(advice.target.reason)]),
            "migration": .list(advice.migration.map(migrationValue)),
            "ramp_percent": .list(Advice.ramp.map { .number(String($0)) }),
        ])
    }
}

extension EndpointEffect {
    /// The type a `favors` effect favours.
    var favors: EndpointType? {
        if case .favors(let type, _) = self { return type }
        return nil
    }
}

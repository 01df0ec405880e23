import Foundation

/// Renders a `BreakEven` as a table, JSON, CSV or Markdown.
public enum BreakEvenRenderer {
    /// The result in `format`; `explain` adds to the table the arithmetic behind each crossover.
    public static func render(_ result: BreakEven, format: OutputFormat, explain: Bool = false) -> String {
        switch format {
        case .table: return table(result) + (explain ? explanation(result) : "")
        case .json: return JSONWriter.string(value(result))
        case .csv: return csv(result)
        case .markdown: return markdown(result)
        }
    }

    static func heading(_ result: BreakEven) -> String {
        let w = result.workload
        return "\(TokenCount.abbreviated(result.low)) to \(TokenCount.abbreviated(result.high)) tokens/month, "
            + "\(Numbers.exact(w.modelParamsB))B model, \(Money.plain(w.inputShare * 100, scale: 0))% input, "
            + "\(Numbers.exact(w.hoursPerMonth)) h month, dedicated at \(Money.plain(w.targetUtilization * 100, scale: 0))% utilization"
    }

    static func table(_ result: BreakEven) -> String {
        var output = TextWrap.hanging("infracost breakeven: \(heading(result))") + "\n\n"
        guard !result.regions.isEmpty else {
            return output + "No offer can be priced for this workload.\n"
        }
        output += "Cheapest by volume:\n"
        var regions = TextTable(headers: ["from", "to", "cheapest", "tier"], alignments: [.right, .right, .left, .left])
        for region in result.regions {
            regions.rows.append([TokenCount.abbreviated(region.from), TokenCount.abbreviated(region.to), region.id, region.tier.rawValue])
        }
        output += regions.render(indent: "  ")
        if result.crossovers.isEmpty {
            output += "\nNo crossover: \(result.regions[0].id) is cheapest over the whole range.\n"
        } else {
            output += "\nCrossovers (first whole-token volume where the new option is cheaper):\n"
            var table = TextTable(headers: ["tokens/month", "from", "to", "cost there"], alignments: [.right, .left, .left, .right])
            for crossover in result.crossovers {
                table.rows.append([Numbers.formatted(crossover.firstWholeToken), crossover.fromID, crossover.toID,
                                   Money.formatted(crossover.toCost, currency: result.currency)])
            }
            output += table.render(indent: "  ")
        }
        output += "\n\(result.optionIDs.count) options compared"
        if !result.excluded.isEmpty { output += ", \(result.excluded.count) left out (\(Setting.format) json lists them)" }
        return output + ".\n"
    }

    /// How each crossover volume is found: where two lines meet, or where a curve steps.
    public static func explanation(_ result: BreakEven) -> String {
        guard !result.crossovers.isEmpty else { return "" }
        let currency = result.currency
        func describe(_ line: BreakEven.Line) -> String {
            if line.slope == 0 { return "\(Money.formatted(line.intercept, currency: currency)) a month, whatever the volume" }
            let slope = "\(Money.formattedPrice(line.slopePerMillion, currency: currency)) per 1M tokens"
            if line.intercept == 0 { return slope }
            let sign = line.intercept < 0 ? "-" : "+"
            return "\(Money.formatted(abs(line.intercept), currency: currency)) \(sign) \(slope)"
        }
        var output = "\nHow each crossover is found (V = tokens a month):\n"
        for crossover in result.crossovers {
            output += "\n  \(crossover.fromID) -> \(crossover.toID) at \(Numbers.formatted(crossover.volume, scale: 2)) tokens\n"
            output += "    \(crossover.fromID): \(describe(crossover.fromLine))\n"
            output += "    \(crossover.toID): \(describe(crossover.toLine))\n"
            if crossover.isCrossing {
                let a = crossover.fromLine
                let b = crossover.toLine
                output += TextWrap.hanging("    equal where V = (\(Money.formatted(b.intercept, currency: currency)) - \(Money.formatted(a.intercept, currency: currency)))"
                    + " / (\(Money.formattedPrice(a.slopePerMillion, currency: currency)) - \(Money.formattedPrice(b.slopePerMillion, currency: currency))) x 1M"
                    + " = \(Numbers.formatted(crossover.volume, scale: 2)); both cost \(Money.formatted(crossover.fromCost, currency: currency)) there") + "\n"
            } else {
                output += TextWrap.hanging("    a step at V = \(Numbers.formatted(crossover.volume, scale: 2)) (one more instance or replica, or a keep-warm knee):"
                    + " \(crossover.fromID) costs \(Money.formatted(crossover.fromCost, currency: currency)) up to it,"
                    + " \(crossover.toID) \(Money.formatted(crossover.toCost, currency: currency))") + "\n"
            }
            output += "    first whole token where \(crossover.toID) is cheaper: \(Numbers.formatted(crossover.firstWholeToken))\n"
        }
        return output
    }

    static func value(_ result: BreakEven) -> JSONValue {
        .fields([
            "schema_version": .number("1"),
            "currency": .string(result.currency),
            "workload": .fields([
                "input_share": .string(Numbers.exact(result.workload.inputShare)),
                "model_params_b": .string(Numbers.exact(result.workload.modelParamsB)),
                "hours_per_month": .string(Numbers.exact(result.workload.hoursPerMonth)),
                "target_utilization": .string(Numbers.exact(result.workload.targetUtilization)),
            ]),
            "range": .fields(["from": .string(Numbers.exact(result.low)), "to": .string(Numbers.exact(result.high))]),
            "crossovers": .list(result.crossovers.map { crossover in
                .fields([
                    "volume": .string(Money.plain(crossover.volume, scale: 3)),
                    "first_whole_token": .string(Numbers.exact(crossover.firstWholeToken)),
                    "from": .fields(["id": .string(crossover.fromID), "tier": .string(crossover.fromTier.rawValue),
                                     "monthly_cost": .string(Money.plain(crossover.fromCost))]),
                    "to": .fields(["id": .string(crossover.toID), "tier": .string(crossover.toTier.rawValue),
                                   "monthly_cost": .string(Money.plain(crossover.toCost))]),
                ])
            }),
            "regions": .list(result.regions.map { region in
                .fields(["from": .string(Money.plain(region.from, scale: 3)), "to": .string(Money.plain(region.to, scale: 3)),
                         "id": .string(region.id), "tier": .string(region.tier.rawValue)])
            }),
            "options": .list(result.optionIDs.map(JSONValue.string)),
            "excluded": .list(result.excluded.map { .fields(["id": .string($0.id), "reason": .string($0.reason)]) }),
        ])
    }

    static func csv(_ result: BreakEven) -> String {
        var rows = [["volume", "first_whole_token", "from_id", "from_tier", "from_cost", "to_id", "to_tier", "to_cost", "currency"]]
        for c in result.crossovers {
            rows.append([Money.plain(c.volume, scale: 3), Numbers.exact(c.firstWholeToken), c.fromID, c.fromTier.rawValue,
                         Money.plain(c.fromCost), c.toID, c.toTier.rawValue, Money.plain(c.toCost), result.currency])
        }
        return CSVWriter.render(rows)
    }

    static func markdown(_ result: BreakEven) -> String {
        var output = "### infracost breakeven\n\n\(heading(result))\n\n| from | to | cheapest | tier |\n|---:|---:|---|---|\n"
        for region in result.regions {
            output += "| \(TokenCount.abbreviated(region.from)) | \(TokenCount.abbreviated(region.to)) | `\(region.id)` | \(region.tier.rawValue) |\n"
        }
        if !result.crossovers.isEmpty {
            output += "\n| tokens/month | from | to | cost there |\n|---:|---|---|---:|\n"
            for c in result.crossovers {
                output += "| \(Numbers.formatted(c.firstWholeToken)) | `\(c.fromID)` | `\(c.toID)` | \(Money.formatted(c.toCost, currency: result.currency)) |\n"
            }
        }
        return output
    }

    /// The answer to `--between A B`, in words.
    public static func between(_ result: BreakEven, _ a: String, _ b: String) -> String {
        var output = "infracost breakeven \(Setting.between) \(a) \(b): \(heading(result))\n\n"
        let range = "between \(TokenCount.abbreviated(result.low)) and \(TokenCount.abbreviated(result.high)) tokens/month"
        if result.sameCostThroughout {
            output += "They cost the same at every volume \(range) (the same prices); \(result.regions.first?.id ?? a) is listed first by id.\n"
            return output
        }
        if result.crossovers.isEmpty, let only = result.regions.first {
            output += "They never cost the same \(range): \(only.id) is cheaper throughout.\n"
            return output
        }
        let c = result.currency
        for crossover in result.crossovers {
            output += "At \(Numbers.formatted(crossover.firstWholeToken)) tokens/month (\(TokenCount.abbreviated(crossover.volume)))"
            output += " \(crossover.toID) becomes cheaper than \(crossover.fromID)"
            if !crossover.isCrossing { output += " (\(crossover.stepReason))" }
            guard let to = crossover.toTotal, let from = crossover.fromTotal else {
                output += ".\n"
                continue
            }
            if to == from {
                // Equal to the cent there: say what makes the difference past it.
                let slope = crossover.fromLine.slopePerMillion - crossover.toLine.slopePerMillion
                output += ": both \(Money.formatted(to, currency: c)) at that volume; past it \(crossover.fromID) costs"
                output += " \(Money.formattedPrice(Money.rounded(slope, scale: 4), currency: c)) more for each further 1M tokens.\n"
            } else {
                output += ": \(Money.formatted(to, currency: c)) vs \(Money.formatted(from, currency: c)) there.\n"
            }
        }
        return output
    }
}

import Foundation

/// Renders a `Comparison` as an aligned text table for a terminal (fits 80 columns; `wide` adds columns).
public enum ComparisonTableRenderer {
    /// GPUs billed and, when known, their precision: "2 fp8".
    static func gpuText(_ option: OptionCost) -> String {
        guard let gpus = option.gpus else { return "-" }
        return option.throughput?.precision.map { "\(gpus) \($0.rawValue)" } ?? String(gpus)
    }

    /// The report: a heading, one row per option, the cheapest, unpriced reasons and the assumptions.
    /// - Parameters:
    ///   - explain: adds each option's line items with their arithmetic.
    ///   - wide: adds the throughput used, how the option was priced, and each price's date and source.
    /// The cost / p95-latency frontier (`--pareto`) as a table.
    static func paretoSection(_ pareto: [OptionCost], currency: String) -> String {
        let output = "\nPareto frontier (monthly cost against simulated p95 latency; only options priced by simulation have one):\n"
        guard !pareto.isEmpty else { return output + "  none: no option was priced by simulating the traffic\n" }
        var table = TextTable(headers: ["offer", "monthly", "p95", "p95 first token", "p95 inter-token"], alignments: [.left, .right, .right, .right, .right])
        for option in pareto {
            let latency = option.simulatedLatency
            table.rows.append([option.offer.id, option.total.map { Money.formatted($0, currency: currency) } ?? "",
                               latency.map { SimulationRenderer.seconds($0.p95) } ?? "",
                               latency?.p95TimeToFirstToken.map(SimulationRenderer.milliseconds) ?? "-",
                               latency?.p95InterTokenLatency.map(SimulationRenderer.milliseconds) ?? "-"])
        }
        return output + table.render(indent: "  ")
    }

    /// `comparison` as a terminal table; `explain` adds each option's line items, `wide` every column.
    public static func render(_ comparison: Comparison, explain: Bool = false, wide: Bool = false) -> String {
        let workload = comparison.workload
        var output = "infracost compare: \(TokenCount.abbreviated(workload.totalTokens)) tokens/month"
        output += " (\(TokenCount.abbreviated(workload.inputTokens)) in, \(TokenCount.abbreviated(workload.outputTokens)) out),"
        output += " \(Numbers.exact(workload.modelParamsB))B model, \(Numbers.exact(workload.hoursPerMonth)) h month\n\n"
        let hasBaseline = comparison.baseline != nil
        var headers = ["", "#", "offer", "tier", "GPUs", "monthly", "per 1M"]
        var alignments: [TextTable.Alignment] = [.left, .right, .left, .left, .right, .right, .right]
        if hasBaseline {
            headers.append("saving")
            alignments.append(.right)
        }
        if wide {
            headers += ["tok/s", "priced by", "verified", "source"]
            alignments += [.right, .left, .left, .left]
        }
        // Rows from the offer column on; the marks and the rank join the offer's cell once their widths are known.
        var rows: [[String]] = []
        var marks: [String] = []
        var ranks: [String] = []
        rows.reserveCapacity(comparison.options.count)
        marks.reserveCapacity(comparison.options.count)
        ranks.reserveCapacity(comparison.options.count)
        var markWidth = TextTable.width(headers[0])
        var rankWidth = TextTable.width(headers[1])
        var rank = 0
        let tokens = ExactNumber(workload.totalTokens)
        // One pass over the options gathers what the notes below the table need.
        var deprecated: [String] = []
        var unpriced: [String] = []
        var simulated = false
        for option in comparison.options {
            if option.offer.deprecationDue { deprecated.append("\(option.offer.id) on \(option.offer.deprecatedOn?.text ?? "?")") }
            if option.total == nil { unpriced.append("  \(option.offer.id): \(option.unpricedReason ?? "")\n") }
            if option.method == .simulation { simulated = true }
            var mark = comparison.isCheapest(option) ? "*" : comparison.isCheapestInTier(option) ? "+" : ""
            if option.throughput?.isEstimate == true, option.total != nil { mark += "~" }
            if option.method == .simulation { mark += "s" }
            if option.offer.deprecationDue { mark += "!" }
            var row: [String]
            if let total = option.total {
                rank += 1
                let perMillion = option.costPerMillionUnits(tokens: tokens).map { Money.plain(units: $0, scale: 4) }
                    ?? option.costPerMillionTokens(workload).map { Money.plain($0, scale: 4) } ?? ""
                let monthly = option.totalCents.map { Money.formatted(cents: $0, currency: comparison.currency) }
                    ?? Money.formatted(total, currency: comparison.currency)
                ranks.append(String(rank))
                row = [option.offer.id, option.offer.tier.rawValue, gpuText(option), monthly, perMillion]
            } else {
                ranks.append("-")
                row = [option.offer.id, option.offer.tier.rawValue, gpuText(option), "no price", ""]
            }
            marks.append(mark)
            markWidth = max(markWidth, TextTable.width(mark))
            rankWidth = max(rankWidth, TextTable.width(ranks[ranks.count - 1]))
            if hasBaseline {
                if option.offer.id == comparison.baselineID {
                    row.append("baseline")
                } else if let saving = comparison.saving(of: option) {
                    // Amount and share saved against the baseline (negative: it costs more).
                    row.append("\(Money.formatted(saving.amount, currency: comparison.currency)) (\(Money.plain(saving.percent, scale: 1))%)")
                } else {
                    row.append("")
                }
            }
            if wide {
                let throughput = option.throughput.map { Numbers.formatted($0.tokensPerSecond, scale: 0) + ($0.isEstimate ? " (est.)" : "") } ?? "-"
                let pricedBy = option.throughput.map { "\(option.method.rawValue), \($0.method.rawValue)" } ?? option.method.rawValue
                row += [throughput, pricedBy, option.offer.provenance.verifiedOn?.text ?? "undated", option.offer.provenance.source ?? "no source"]
            }
            rows.append(row)
        }
        // The marks, the rank and the offer share one column, a space apart (so the precision fits 80 columns).
        func lead(_ mark: String, _ rank: String, _ offer: String) -> String {
            mark + String(repeating: " ", count: markWidth - TextTable.width(mark)) + " "
                + String(repeating: " ", count: rankWidth - TextTable.width(rank)) + rank + " " + offer
        }
        for index in rows.indices { rows[index][0] = lead(marks[index], ranks[index], rows[index][0]) }
        let table = TextTable(headers: [lead(headers[0], headers[1], headers[2])] + headers.dropFirst(3), alignments: [.left] + alignments.dropFirst(3))
            .with(rows: rows)
        output += table.render()
        output += "\n* cheapest overall   + cheapest in its tier   ~ throughput estimated\n"
        if simulated { output += "s priced by simulating the traffic (\(Setting.explain) shows the details)\n" }
        if !deprecated.isEmpty {
            output += wrapped("! deprecated: ", deprecated)
        }
        output += "\n" + ComparisonTableRenderer.verdicts(comparison).map { $0 + "\n" }.joined()
        if let baseline = comparison.baseline, let cheapest = comparison.cheapest, cheapest.offer.id != baseline.offer.id,
           let saving = comparison.saving(of: cheapest) {
            output += "Against \(baseline.offer.id): saves \(Money.formatted(saving.amount, currency: comparison.currency))/month"
            output += " (\(Money.plain(saving.percent, scale: 1))%)\n"
        }
        if !unpriced.isEmpty {
            output += "\nNo price:\n" + unpriced.joined()
        }
        if !comparison.retired.isEmpty {
            output += "\n" + wrapped("Retired (not priced): ", comparison.retired.map { "\($0.id) on \($0.retiredOn?.text ?? "?")" })
        }
        if !comparison.excluded.isEmpty {
            output += "\n\(comparison.excluded.count) offer\(comparison.excluded.count == 1 ? "" : "s") left out"
            output += " (other model sizes, GPUs too small);\n\(Setting.format) json lists them.\n"
        }
        if let pareto = comparison.pareto { output += paretoSection(pareto, currency: comparison.currency) }
        if explain { output += explanation(comparison) }
        output += "\nAssumptions:\n"
        for a in comparison.assumptions { output += TextWrap.hanging("  \(a.name): \(a.value)") + "\n" }
        if let oldest = comparison.oldestPriceDate { output += "  oldest price used: \(oldest)\n" }
        return output
    }

    /// `items` after `lead`, comma-separated, wrapped at 80 columns between items with a two-space indent.
    static func wrapped(_ lead: String, _ items: [String]) -> String {
        TextWrap.hanging(lead + items.joined(separator: ", "), continuation: 2, separator: ", ") + "\n"
    }

    /// The two answers, one line each: the cheapest way to serve the requested model, and the cheapest API
    /// alternative (another model, quality not compared). Shared by the text and Markdown reports.
    public static func verdicts(_ comparison: Comparison, width: Int? = 80, markup: (String) -> String = { $0 }) -> [String] {
        let model = "the \(Numbers.exact(comparison.workload.modelParamsB))B model"
        var lines: [String] = []
        if let serving = comparison.cheapestServingModel, let total = serving.total {
            let line = "Cheapest way to serve \(model): \(markup(serving.offer.id)) (\(serving.offer.tier.rawValue))"
            let price = "at \(Money.formatted(total, currency: comparison.currency))/month"
            lines.append(width.map { line.count + price.count + 1 > $0 } ?? false ? line + "\n  " + price : line + " " + price)
        } else if comparison.options.contains(where: { $0.offer.tier != .api }) || !comparison.excluded.isEmpty {
            lines.append("Cheapest way to serve \(model): none priced")
        }
        if let api = comparison.cheapestAPIAlternative, let total = api.total {
            let line = "Cheapest API alternative: \(markup(api.offer.id)) at \(Money.formatted(total, currency: comparison.currency))/month"
            let caveat = "(another model; quality not compared)"
            lines.append(width.map { line.count + caveat.count + 1 > $0 } ?? false ? line + "\n  " + caveat : line + " " + caveat)
        }
        return lines
    }

    /// Each priced option's line items with their arithmetic, its throughput and its price source.
    public static func explanation(_ comparison: Comparison) -> String {
        var output = "\nHow each figure is made:\n"
        for option in comparison.options where option.total != nil {
            output += "\n  \(option.offer.id) = \(Money.formatted(option.total ?? 0, currency: comparison.currency))\n"
            if let throughput = option.throughput { output += TextWrap.hanging("    throughput: \(throughput.detail)") + "\n" }
            if option.offer.tier == .dedicated, let throughput = option.throughput, let gpus = option.gpus {
                let workload = comparison.workload
                let instances = gpus / max(1, option.offer.gpuCount)
                output += TextWrap.hanging("    instances: max(1, ceil(\(Numbers.formatted(workload.totalTokens)) / (\(Numbers.formatted(throughput.tokensPerSecond)) tok/s"
                    + " x 3,600 x \(Numbers.exact(workload.hoursPerMonth)) h x \(Numbers.exact(workload.targetUtilization))))) = \(instances)") + "\n"
            }
            for item in option.lineItems {
                output += TextWrap.hanging("    \(item.label): \(Numbers.formatted(item.quantity, scale: item.quantity.isWhole ? 0 : 2))"
                    + " x \(Money.formattedPrice(item.unitPrice, currency: comparison.currency))/\(item.unit)"
                    + " = \(Money.formatted(item.amount, currency: comparison.currency))") + "\n"
            }
            for note in option.notes { output += TextWrap.hanging("    note: \(note.text)") + "\n" }
            output += TextWrap.hanging("    price: \(option.offer.provenance.source ?? "no source given"), \(option.offer.provenance.verifiedOn?.text ?? "undated")") + "\n"
        }
        return output
    }
}

extension Decimal {
    /// Whether the value has no fractional part.
    var isWhole: Bool { Money.rounded(self, scale: 0) == self }
}

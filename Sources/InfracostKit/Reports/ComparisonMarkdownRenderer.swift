import Foundation

/// Renders a `Comparison` as a Markdown summary line and table, for pull requests and docs.
public enum ComparisonMarkdownRenderer {
    /// `comparison` as Markdown: a summary line and a table, every cell escaped so no text can end a cell or forge
    /// a row.
    public static func render(_ comparison: Comparison) -> String {
        let workload = comparison.workload
        var output = "### infracost: \(TokenCount.abbreviated(workload.totalTokens)) tokens/month, \(Numbers.exact(workload.modelParamsB))B model\n\n"
        for line in ComparisonTableRenderer.verdicts(comparison, width: nil, markup: TextSafety.markdownCell) {
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            output += "**\(line[..<colon])**\(line[colon...])\n\n"
        }
        let hasBaseline = comparison.baseline != nil
        output += "| # | offer | tier | GPUs | monthly | per 1M |" + (hasBaseline ? " saving |" : "") + "\n"
        output += "|---:|---|---|---:|---:|---:|" + (hasBaseline ? "---:|" : "") + "\n"
        var rank = 0
        for option in comparison.options {
            // Ids and reasons come from pricing files: escaped so a "|" or a newline cannot forge cells or rows.
            let id = TextSafety.markdownCell(option.offer.id)
            let name = comparison.isCheapest(option) ? "**\(id)**" : id
            var cells: [String]
            if let total = option.total {
                rank += 1
                var cost = Money.formatted(total, currency: comparison.currency)
                if option.throughput?.isEstimate == true { cost += " ~" }
                cells = [String(rank), name, option.offer.tier.rawValue, option.gpus.map(String.init) ?? "",
                         cost, option.costPerMillionTokens(workload).map { Money.plain($0, scale: 4) } ?? ""]
            } else {
                cells = ["", name, option.offer.tier.rawValue, option.gpus.map(String.init) ?? "",
                         "no price", TextSafety.markdownCell(option.unpricedReason ?? "")]
            }
            if hasBaseline {
                cells.append(option.offer.id == comparison.baselineID
                    ? "baseline" : comparison.saving(of: option).map { "\(Money.plain($0.percent, scale: 1))%" } ?? "")
            }
            output += "| " + cells.joined(separator: " | ") + " |\n"
        }
        output += "\n~ throughput estimated (serving performance model, or a decode roofline for a GPU without compute figures). Assumptions: "
        output += comparison.assumptions.map { "\($0.name) \(TextSafety.markdownCell($0.value))" }.joined(separator: "; ")
        if let oldest = comparison.oldestPriceDate { output += "; oldest price \(oldest)" }
        return output + ".\n"
    }
}

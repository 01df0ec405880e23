import Foundation

/// Renders a `UtilizationView` as a table, JSON, CSV or Markdown.
public enum UtilizationRenderer {
    /// `view` in `format`: one row per utilization level.
    public static func render(_ view: UtilizationView, format: OutputFormat) -> String {
        switch format {
        case .table: return table(view)
        case .json: return JSONWriter.string(value(view))
        case .csv: return csv(view)
        case .markdown: return markdown(view)
        }
    }

    static func percent(_ share: Decimal) -> String { "\(Money.plain(share * 100, scale: 0))%" }

    static func summary(_ view: UtilizationView) -> [String] {
        let c = view.currency
        var lines = [
            "\(view.offer.id): \(Money.formatted(view.monthlyCost, currency: c))/month for one \(view.offer.tier == .dedicated ? "instance" : "replica kept warm"),"
                + " \(TokenCount.abbreviated(view.fullCapacityTokens)) tokens at 100% (\(Numbers.formatted(view.throughput.tokensPerSecond)) tok/s"
                + "\(view.throughput.isEstimate ? ", estimated" : "")), \(Money.formattedPrice(Money.rounded(view.fullRatePerMillion, scale: 4), currency: c)) per 1M at full use.",
        ]
        if let against = view.against, let rate = view.againstRatePerMillion, let breakEven = view.breakEvenUtilization {
            if breakEven > 1 {
                lines.append("\(against.id) at \(Money.formattedPrice(rate, currency: c)) per 1M is cheaper at every utilization (it would take \(percent(breakEven))).")
            } else {
                lines.append("Below \(Money.plain(breakEven * 100, scale: 1))% utilization \(against.id) (\(Money.formattedPrice(rate, currency: c)) per 1M) is cheaper.")
            }
        }
        return lines
    }

    static func table(_ view: UtilizationView) -> String {
        var output = "infracost utilization: \(Numbers.exact(view.workload.modelParamsB))B model, \(Numbers.exact(view.workload.hoursPerMonth)) h month\n\n"
        var table = TextTable(headers: ["utilization", "tokens/month", "per 1M", "x full rate"] + (view.against == nil ? [] : ["cheaper"]),
                              alignments: [.right, .right, .right, .right, .left])
        for row in view.rows {
            var cells = [percent(row.utilization), TokenCount.abbreviated(row.tokensServed),
                         Money.formattedPrice(Money.rounded(row.costPerMillion, scale: 4), currency: view.currency),
                         "\(Money.plain(row.multiple, scale: 2))x"]
            if let against = view.against, let rate = view.againstRatePerMillion {
                cells.append(row.costPerMillion <= rate ? view.offer.id : against.id)
            }
            table.rows.append(cells)
        }
        output += table.render() + "\n" + summary(view).map { TextWrap.hanging($0) }.joined(separator: "\n") + "\n"
        if view.throughput.isEstimate { output += TextWrap.hanging("Throughput: \(view.throughput.detail).") + "\n" }
        return output
    }

    static func value(_ view: UtilizationView) -> JSONValue {
        .fields([
            "schema_version": .number("1"),
            "currency": .string(view.currency),
            "offer": .string(view.offer.id),
            "against": view.against.map { .string($0.id) } ?? .null,
            "monthly_cost": .string(Money.plain(view.monthlyCost)),
            "full_capacity_tokens": .string(Money.plain(view.fullCapacityTokens, scale: 0)),
            "full_rate_per_mtok": .string(Money.plain(view.fullRatePerMillion, scale: 4)),
            "against_rate_per_mtok": view.againstRatePerMillion.map { .string(Money.plain($0, scale: 4)) } ?? .null,
            "break_even_utilization": view.breakEvenUtilization.map { .string(Money.plain($0, scale: 4)) } ?? .null,
            "throughput": .fields(["tokens_per_second": .string(Numbers.exact(view.throughput.tokensPerSecond)),
                                   "estimate": .bool(view.throughput.isEstimate), "detail": .string(view.throughput.detail)]),
            "rows": .list(view.rows.map { row in
                .fields(["utilization": .string(Numbers.exact(row.utilization)),
                         "tokens": .string(Money.plain(row.tokensServed, scale: 0)),
                         "cost_per_mtok": .string(Money.plain(row.costPerMillion, scale: 4)),
                         "multiple": .string(Money.plain(row.multiple, scale: 2))])
            }),
        ])
    }

    static func csv(_ view: UtilizationView) -> String {
        var rows = [["utilization", "tokens", "cost_per_mtok", "multiple", "against_cost_per_mtok", "currency"]]
        for row in view.rows {
            rows.append([Numbers.exact(row.utilization), Money.plain(row.tokensServed, scale: 0), Money.plain(row.costPerMillion, scale: 4),
                         Money.plain(row.multiple, scale: 2), view.againstRatePerMillion.map { Money.plain($0, scale: 4) } ?? "", view.currency])
        }
        return CSVWriter.render(rows)
    }

    static func markdown(_ view: UtilizationView) -> String {
        var output = summary(view).joined(separator: "\n\n") + "\n\n| utilization | tokens/month | per 1M | x full rate |\n|---:|---:|---:|---:|\n"
        for row in view.rows {
            output += "| \(percent(row.utilization)) | \(TokenCount.abbreviated(row.tokensServed)) | \(Money.formattedPrice(Money.rounded(row.costPerMillion, scale: 4), currency: view.currency)) | \(Money.plain(row.multiple, scale: 2))x |\n"
        }
        return output
    }
}

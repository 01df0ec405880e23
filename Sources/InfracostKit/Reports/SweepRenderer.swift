import Foundation

/// Renders a `Sweep` as a table, JSON, CSV or Markdown.
public enum SweepRenderer {
    /// `sweep` in `format`: one row per volume, one column per offer or tier.
    public static func render(_ sweep: Sweep, format: OutputFormat) -> String {
        switch format {
        case .table: return table(sweep)
        case .json: return JSONWriter.string(value(sweep))
        case .csv: return csv(sweep)
        case .markdown: return markdown(sweep)
        }
    }

    static func cell(_ cents: Int128?, _ currency: String) -> String {
        cents.map { Money.formatted(cents: $0, currency: currency) } ?? "no price"
    }

    static func table(_ sweep: Sweep) -> String {
        let w = sweep.workload
        let output = "infracost sweep: \(Numbers.exact(w.modelParamsB))B model, \(Money.plain(w.inputShare * 100, scale: 0))% input, \(Numbers.exact(w.hoursPerMonth)) h month\n\n"
        var table = TextTable(headers: ["tokens/month"] + sweep.columns.map(\.name) + ["cheapest"],
                              alignments: [.right] + sweep.columns.map { _ in .right } + [.left])
        for row in sweep.rows {
            // Per tier, the cheapest column is named by its tier to stay within 80 columns; CSV and JSON name the offer.
            let cheapest = row.cheapest.flatMap { sweep.perTier ? sweep.columns[$0].name : row.offerIDs[$0] } ?? "-"
            table.rows.append([TokenCount.abbreviated(row.volume)] + row.cents.map { cell($0, sweep.currency) } + [cheapest])
        }
        return output + table.render()
    }

    static func csv(_ sweep: Sweep) -> String {
        var header = ["tokens"] + sweep.columns.map(\.name)
        if sweep.perTier { header += sweep.columns.map { "\($0.name)_offer" } }
        header += ["cheapest", "cheapest_cost", "currency"]
        var rows = [header]
        for row in sweep.rows {
            var cells = [Sweep.wholeTokens(row.volume).map { String($0) } ?? Numbers.exact(row.volume)] + row.cents.map { $0.map { Money.plain(cents: $0) } ?? "" }
            if sweep.perTier { cells += row.offerIDs.map { $0 ?? "" } }
            cells.append(row.cheapest.flatMap { row.offerIDs[$0] } ?? "")
            cells.append(row.cheapest.flatMap { row.cents[$0] }.map { Money.plain(cents: $0) } ?? "")
            cells.append(sweep.currency)
            rows.append(cells)
        }
        return CSVWriter.render(rows)
    }

    static func value(_ sweep: Sweep) -> JSONValue {
        .fields([
            "schema_version": .number("1"),
            "currency": .string(sweep.currency),
            "per_tier": .bool(sweep.perTier),
            "columns": .list(sweep.columns.map { .fields(["name": .string($0.name), "tier": .string($0.tier.rawValue)]) }),
            "rows": .list(sweep.rows.map { row in
                .fields([
                    "tokens": .string(Numbers.exact(row.volume)),
                    "costs": .list(row.cents.map { $0.map { .string(Money.plain(cents: $0)) } ?? .null }),
                    "offers": sweep.perTier ? .list(row.offerIDs.map { $0.map(JSONValue.string) ?? .null }) : nil,
                    "cheapest": row.cheapest.flatMap { row.offerIDs[$0] }.map(JSONValue.string) ?? .null,
                ])
            }),
        ])
    }

    static func markdown(_ sweep: Sweep) -> String {
        var output = "| tokens/month | " + sweep.columns.map { TextSafety.markdownCell($0.name) }.joined(separator: " | ") + " | cheapest |\n"
        output += "|---:|" + String(repeating: "---:|", count: sweep.columns.count) + "---|\n"
        for row in sweep.rows {
            let cheapest = row.cheapest.flatMap { row.offerIDs[$0] } ?? "-"
            output += "| \(TokenCount.abbreviated(row.volume)) | " + row.cents.map { cell($0, sweep.currency) }.joined(separator: " | ") + " | \(TextSafety.markdownCell(cheapest)) |\n"
        }
        return output
    }
}

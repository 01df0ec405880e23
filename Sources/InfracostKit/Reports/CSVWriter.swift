/// Writes RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break.
///
/// A text cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
/// return) gets a leading apostrophe, as OWASP recommends; a number stays a number (`-12.50` is written as is).
public enum CSVWriter {
    /// The rows (the first is the header) as CSV text.
    public static func render(_ rows: [[String]]) -> String {
        var output = ""
        output.reserveCapacity(rows.count * (rows.first?.count ?? 1) * 10)
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { output += "," }
                output += field(neutralized(cell))
            }
            output += "\r\n"
        }
        return output
    }

    /// The cell, or for a text cell that a spreadsheet would run, the cell behind an apostrophe.
    public static func neutralized(_ cell: String) -> String {
        guard let first = cell.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=")
                || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D else { return cell }
        if (first == UInt8(ascii: "-") || first == UInt8(ascii: "+")), (try? DecimalText.parse(cell)) != nil { return cell }
        return TextSafety.spreadsheetText(cell)
    }

    /// One field, quoted and with quotes doubled when needed.
    public static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension Comparison {
    /// The CSV report's columns, in order. Money is plain (no `$`, no separators) so spreadsheets read it exactly.
    public static let csvColumns = [
        "rank", "id", "tier", "provider", "subject", "gpus", "monthly_cost", "currency", "cost_per_mtok", "status",
        "unpriced_reason", "cheapest", "throughput_tokens_per_second", "throughput_method", "saving", "saving_percent",
        "price_verified_on", "source",
    ]
}

/// Renders a `Comparison` as CSV, one row per option.
public enum ComparisonCSVReport {
    /// `comparison` as CSV (RFC 4180, a header row then one row per option in rank order), text that could start
    /// a spreadsheet formula made inert.
    public static func render(_ comparison: Comparison) -> String {
        var rows = [Comparison.csvColumns]
        var rank = 0
        for option in comparison.options {
            let saving = comparison.saving(of: option)
            var rankText = ""
            if option.total != nil {
                rank += 1
                rankText = String(rank)
            }
            rows.append([
                rankText, option.offer.id, option.offer.tier.rawValue, option.offer.provider, option.offer.subject,
                option.gpus.map(String.init) ?? "",
                option.total.map { Money.plain($0) } ?? "",
                comparison.currency,
                option.costPerMillionTokens(comparison.workload).map { Money.plain($0, scale: 4) } ?? "",
                option.total == nil ? "no_price" : "priced",
                option.unpricedReason ?? "",
                comparison.isCheapest(option) ? "yes" : "",
                option.throughput.map { Numbers.exact($0.tokensPerSecond) } ?? "",
                option.throughput?.method.rawValue ?? "",
                saving.map { Money.plain($0.amount) } ?? "",
                saving.map { Money.plain($0.percent, scale: 1) } ?? "",
                option.offer.provenance.verifiedOn?.text ?? "",
                option.offer.provenance.source ?? "",
            ])
        }
        return CSVWriter.render(rows)
    }
}

import Foundation

/// Renders a `PriceCrossCheck` as a table, JSON, CSV or Markdown.
public enum PriceCrossCheckRenderer {
    /// `check` in `format`: each price beside the registries' and the verdict.
    public static func render(_ check: PriceCrossCheck, format: OutputFormat) -> String {
        switch format {
        case .table: return table(check)
        case .json: return JSONWriter.string(value(check))
        case .csv: return CSVWriter.render([header] + check.matches.map(row))
        case .markdown:
            var output = "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: header.count) + "\n"
            for match in check.matches { output += "| " + row(match).map(TextSafety.markdownCell).joined(separator: " | ") + " |\n" }
            return output
        }
    }

    static let header = ["offer", "matched as", "ours in", "theirs in", "ours out", "theirs out", "agrees"]

    static func price(_ value: Decimal?) -> String { value.map { Numbers.exact($0) } ?? "none" }

    static func row(_ match: PriceCrossCheck.Match) -> [String] {
        [match.offerID, match.key, Numbers.exact(match.ours.input), price(match.theirs.input),
         Numbers.exact(match.ours.output), price(match.theirs.output), match.agrees ? "yes" : "no"]
    }

    static func table(_ check: PriceCrossCheck) -> String {
        var output = "infracost prices check: against \(check.file) (\(check.registry.displayName), \(check.modelsInFile) models), tolerance \(Money.plain(check.tolerance * 100, scale: 1))%\n\n"
        var table = TextTable(headers: header, alignments: [.left, .left, .right, .right, .right, .right, .left])
        for match in check.matches { table.rows.append(row(match)) }
        output += table.render()
        output += "\nUSD per 1M tokens. \(check.matches.count) offers matched, \(check.disagreements.count) disagree"
        output += ", \(check.lifecycleDisagreements.count) with another lifecycle"
        output += check.unmatched.isEmpty ? ".\n" : "; not found in the file (\(check.unmatched.count)): \(check.unmatched.joined(separator: ", ")).\n"
        for match in check.disagreements {
            output += "  \(match.offerID): ours \(Numbers.exact(match.ours.input)) / \(Numbers.exact(match.ours.output)), "
            output += "\(check.registry.displayName) \(price(match.theirs.input)) / \(price(match.theirs.output)) (as \(match.key))\n"
        }
        for match in check.lifecycleDisagreements {
            output += "  \(match.offerID): \(match.lifecycle ?? "")\n"
        }
        return output
    }

    static func value(_ check: PriceCrossCheck) -> JSONValue {
        .fields([
            "schema_version": .number("1"),
            "file": .string(check.file),
            "registry": .string(check.registry.rawValue),
            "tolerance": .string(Numbers.exact(check.tolerance)),
            "matches": .list(check.matches.map { match in
                .fields([
                    "offer": .string(match.offerID), "matched_as": .string(match.key),
                    "ours": .fields(["input_per_mtok": .string(Numbers.exact(match.ours.input)), "output_per_mtok": .string(Numbers.exact(match.ours.output))]),
                    "theirs": .fields(["input_per_mtok": .string(Numbers.exact(match.theirs.input)), "output_per_mtok": .string(Numbers.exact(match.theirs.output))]),
                    "agrees": .bool(match.agrees),
                    "lifecycle": match.lifecycle.map(JSONValue.string),
                ])
            }),
            "unmatched": .list(check.unmatched.map { .string($0) }),
        ])
    }
}

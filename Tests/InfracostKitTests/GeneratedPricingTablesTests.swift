import Foundation
import Testing

@testable import InfracostKit

/// `pricing-data/` is the source of truth; the Swift file compiled into the binary must match it exactly.
/// Run with `INFRACOST_RECORD_GENERATED=1` (scripts/generate-pricing-tables.sh) to rewrite the file.
struct GeneratedPricingTablesTests {
    static let generatedFile = PackagePaths.root
        .appendingPathComponent("Sources/InfracostKit/Pricing/PricingTables+Generated.swift")

    @Test func generatedFileMatchesPricingData() throws {
        let expected = PricingTablesGenerator.render(files: try PackagePaths.pricingFiles())
        if ProcessInfo.processInfo.environment["INFRACOST_RECORD_GENERATED"] == "1" {
            try expected.write(to: Self.generatedFile, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        #expect(actual == expected, "PricingTables+Generated.swift is out of date: run scripts/generate-pricing-tables.sh")
    }

    @Test func compiledTablesAreTheFilesInPricingData() throws {
        let files = try PackagePaths.pricingFiles()
        #expect(PricingTables.all.map(\.name) == files.map(\.name))
        for (table, file) in zip(PricingTables.all, files) {
            // The raw string drops the final newline; the JSON is otherwise identical.
            #expect(table.json + "\n" == file.json, "\(table.name) differs from pricing-data/\(file.name)")
        }
    }

    @Test func rawDelimiterGrowsPastQuotesInTheText() {
        #expect(PricingTablesGenerator.rawDelimiter(for: #"{"a": "b"}"#) == "#")
        #expect(PricingTablesGenerator.rawDelimiter(for: "{\"a#\": \"#\"}") == "##")
        #expect(PricingTablesGenerator.rawDelimiter(for: "\"\"\"##") == "###")
    }
}

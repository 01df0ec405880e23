import Foundation
import InfracostKit
import Testing

/// `infracost compare` run as a process, its output read back by independent readers.
struct CompareCommandTests {
    static let seed = CLI.fixtures.appendingPathComponent("seed-offers.json").path
    static let together = CLI.fixtures.appendingPathComponent("together.json").path

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func options(_ report: [String: Any]) throws -> [[String: Any]] {
        try #require(report["options"] as? [[String: Any]])
    }

    /// The published table, through the binary with only the three seed offers.
    @Test(arguments: [
        ("50M", "375.00", "54.00", "929.00", 1, "acme/llama-70b", "serverless", "54.00"),
        ("500M", "3750.00", "540.00", "929.00", 1, "acme/llama-70b", "serverless", "540.00"),
        ("2B", "15000.00", "2160.00", "929.00", 1, "acme/a100", "dedicated", "929.00"),
        ("10B", "75000.00", "10800.00", "1858.00", 2, "acme/a100", "dedicated", "1858.00"),
    ])
    func reproducesThePublishedTable(
        tokens: String, api: String, serverless: String, dedicated: String, gpus: Int, cheapestID: String, cheapestTier: String, cheapestCost: String
    ) throws {
        let report = try json(["compare", "--tokens", tokens, "--pricing", Self.seed, "--no-bundled", "--target-utilization", "0.8"])
        #expect(report["schema_version"] as? Int == 1)
        #expect(report["currency"] as? String == "USD")
        let byID = Dictionary(uniqueKeysWithValues: try options(report).map { ($0["id"] as? String ?? "", $0) })
        #expect(byID["acme/gpt-4o"]?["monthly_cost"] as? String == api)
        #expect(byID["acme/gpt-4o"]?["tier"] as? String == "api")
        #expect(byID["acme/llama-70b"]?["monthly_cost"] as? String == serverless)
        #expect(byID["acme/a100"]?["monthly_cost"] as? String == dedicated)
        #expect(byID["acme/a100"]?["gpus"] as? Int == gpus)
        let cheapest = try #require(report["cheapest"] as? [String: Any])
        #expect(cheapest["id"] as? String == cheapestID)
        #expect(cheapest["tier"] as? String == cheapestTier)
        #expect(cheapest["monthly_cost"] as? String == cheapestCost)
        let workload = try #require(report["workload"] as? [String: Any])
        #expect(workload["tokens"] as? String == String(describing: Decimal(string: ["50M": "50000000", "500M": "500000000", "2B": "2000000000", "10B": "10000000000"][tokens]!)!))
    }

    @Test func reportsSavingsAgainstABaseline() throws {
        let report = try json([
            "compare", "--tokens", "3.2B", "--pricing", Self.seed, "--pricing", Self.together, "--no-bundled",
            "--baseline", "together/llama-3.1-70b",
        ])
        let byID = Dictionary(uniqueKeysWithValues: try options(report).map { ($0["id"] as? String ?? "", $0) })
        #expect(byID["together/llama-3.1-70b"]?["monthly_cost"] as? String == "1728.00")
        let saving = try #require(byID["acme/a100"]?["saving"] as? [String: Any])
        #expect(saving["amount"] as? String == "799.00")
        #expect(saving["percent"] as? String == "46.2")
        let table = try CLI.run(["compare", "--tokens", "3.2B", "--pricing", Self.seed, "--pricing", Self.together, "--no-bundled", "--baseline", "together/llama-3.1-70b"])
        #expect(table.stdout.contains("Against together/llama-3.1-70b: saves $799.00/month (46.2%)"))
    }

    @Test func jsonMoneyIsExactAndLineItemsAddUp() throws {
        let report = try json(["compare", "--tokens", "2B"])
        var priced = 0
        for option in try options(report) {
            guard let cost = option["monthly_cost"] as? String else {
                #expect(option["status"] as? String == "no_price")
                continue
            }
            priced += 1
            let items = try #require(option["line_items"] as? [[String: Any]])
            let sum = items.compactMap { $0["amount"] as? String }.map { Decimal(string: $0)! }.reduce(0, +)
            #expect(sum == Decimal(string: cost)!, "\(option["id"] ?? "")")
            #expect(cost.split(separator: ".").last?.count == 2)
        }
        #expect(priced >= 30)
        // Round trip: the options come back in rank order, cheapest first.
        let costs = try options(report).compactMap { $0["monthly_cost"] as? String }.map { Decimal(string: $0)! }
        #expect(costs == costs.sorted())
        #expect((report["cheapest"] as? [String: Any])?["monthly_cost"] as? String == (try options(report).first?["monthly_cost"] as? String))
    }

    /// A line item's quantity is printed to a millionth of its unit (a division by a throughput gave ~38 digits), and a
    /// GPU option's GPU-seconds item agrees with its `gpu_seconds` field (3 places).
    @Test func lineItemQuantitiesAreRoundedToAMillionth() throws {
        let report = try json(["compare", "--tokens", "2B", "--tier", "serverless-gpu", "--as-of", "2026-11-23"] + CLI.frozenPricing)
        var checked = 0
        for option in try options(report) {
            for item in option["line_items"] as? [[String: Any]] ?? [] {
                let quantity = try #require(item["quantity"] as? String)
                #expect((quantity.split(separator: ".").dropFirst().first?.count ?? 0) <= 6, "\(quantity)")
                guard item["unit"] as? String == "GPU-second", let gpuSeconds = option["gpu_seconds"] as? String else { continue }
                #expect(Money.plain(Decimal(string: quantity)!, scale: 3) == gpuSeconds, "\(option["id"] ?? "")")
                checked += 1
            }
        }
        #expect(checked >= 2)
    }

    @Test func csvReadsBackWithTheSameFiguresAsJSON() throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--format", "csv"])
        #expect(result.status == 0)
        let rows = CSVReader.parse(result.stdout)
        let header = try #require(rows.first)
        #expect(header.prefix(7) == ["rank", "id", "tier", "provider", "subject", "gpus", "monthly_cost"])
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        let costColumn = try #require(header.firstIndex(of: "monthly_cost"))
        let idColumn = try #require(header.firstIndex(of: "id"))
        let fromCSV = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[idColumn], $0[costColumn]) })
        let report = try json(["compare", "--tokens", "2B"])
        for option in try options(report) {
            let id = option["id"] as? String ?? ""
            #expect(fromCSV[id] == (option["monthly_cost"] as? String ?? ""), "\(id)")
        }
        // Sources hold commas, so the writer must have quoted them for the columns to line up.
        #expect(result.stdout.contains("\"pydantic/genai-prices 0.2.3 (genai-prices-0.2.3.json), provider"))
        #expect(result.stdout.contains("\r\n"))
    }

    @Test func theBinaryWorksCopiedAloneIntoAnEmptyFolder() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("infracost")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let result = try CLI.run(["compare", "--tokens", "2B", "--format", "json"], executable: copy, in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["options"] as? [Any])?.count ?? 0 >= 30)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["infracost"])
    }

    @Test func writesTheReportAtomicallyToOut() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report.csv").path
        let result = try CLI.run(["compare", "--tokens", "2B", "--format", "csv", "--out", out])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("wrote \(out)"))
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("rank,id,tier"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.csv"])
    }

    @Test func tableMarksTheCheapestAndStatesAssumptions() throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--pricing", Self.seed, "--no-bundled"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Cheapest way to serve the 70B model: acme/a100 (dedicated) at $929.00/month"))
        #expect(result.stdout.contains("Cheapest API alternative: acme/gpt-4o at $15,000.00/month"))
        #expect(result.stdout.contains("model size: 70B (default; --model-size)"))
        #expect(result.stdout.contains("month: 730 h"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func defaultTableFitsEightyColumns() throws {
        let result = try CLI.run(["compare", "--tokens", "2B"])
        let tableLines = result.stdout.split(separator: "\n").prefix { !$0.hasPrefix("* cheapest") }
        #expect(tableLines.allSatisfy { $0.count <= 80 })
    }
}

/// Output formats pinned by golden files (re-record with INFRACOST_RECORD_GOLDEN=1).
struct CompareGoldenTests {
    static let seedArguments = ["compare", "--tokens", "2B", "--pricing", CompareCommandTests.seed, "--no-bundled", "--target-utilization", "0.8"]

    @Test(arguments: [("table", "compare-seed-2B.txt"), ("json", "compare-seed-2B.json"), ("csv", "compare-seed-2B.csv"), ("markdown", "compare-seed-2B.md")])
    func seedTableInEveryFormat(format: String, golden: String) throws {
        let result = try CLI.run(Self.seedArguments + ["--format", format])
        #expect(result.status == 0)
        try CLI.expectGolden(result.stdout.replacingOccurrences(of: CompareCommandTests.seed, with: "seed-offers.json"), golden)
    }

    @Test func explainShowsTheArithmetic() throws {
        let result = try CLI.run(Self.seedArguments + ["--tokens", "10B", "--explain"])
        #expect(result.stdout.contains("input tokens: 7,500 x $5.00/1M tokens = $37,500.00"))
        #expect(result.prose.contains("instances: max(1, ceil(10,000,000,000 / (2,500 tok/s x 3,600 x 730 h x 0.8))) = 2"))
        try CLI.expectGolden(result.stdout, "compare-seed-10B-explain.txt")
    }

    /// The bundled catalog on the day it was verified (a fixed day: deprecation flags depend on it).
    @Test func bundledCatalogAtTwoBillionTokens() throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--as-of", "2026-12-01"])
        #expect(result.status == 0)
        try CLI.expectGolden(result.stdout, "compare-bundled-2B.txt")
    }

    @Test func helpDocumentsEveryFlag() throws {
        let result = try CLI.run(["compare", "--help"])
        #expect(result.status == 0)
        for flag in ["--tokens", "--input-share", "--model-size", "--hours-per-month", "--target-utilization", "--pricing", "--no-bundled", "--tier", "--baseline", "--format", "--out"] {
            #expect(result.stdout.contains(flag), "\(flag) missing from help")
        }
        try CLI.expectGolden(result.stdout, "compare-help.txt")
    }
}

extension CompareGoldenTests {
    /// The default table fits 80 columns; --wide adds throughput, method and provenance columns and may not.
    @Test func wideAddsColumnsTheDefaultLeavesOut() throws {
        let narrow = try CLI.run(["compare", "--tokens", "2B"])
        let tableLines = narrow.stdout.split(separator: "\n").prefix { !$0.hasPrefix("* cheapest") }
        #expect(tableLines.allSatisfy { $0.count <= 80 })
        #expect(!narrow.stdout.contains("verified"))
        let wide = try CLI.run(Self.seedArguments + ["--tokens", "2B", "--wide"])
        #expect(wide.status == 0)
        try CLI.expectGolden(wide.stdout, "compare-seed-2B-wide.txt")
    }

    /// A misspelt tier is a usage error with a suggestion and the list of tiers.
    @Test func unknownTierSuggestsTheClosest() throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--tier", "serverles"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown tier 'serverles' (did you mean 'serverless'?); tiers: api, serverless, serverless-gpu, dedicated"))
        #expect(result.stdout.isEmpty)
    }
}

extension CompareCommandTests {
    /// The same id in two of the user's --pricing files is named on stderr; the later file's offer is used.
    @Test func theSameIdInTwoPricingFilesIsNamed() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.json").path, b = folder.appendingPathComponent("b.json").path
        try #"{"schema_version":1,"offers":[{"id":"x/m","tier":"api","input_per_mtok":1,"output_per_mtok":1}]}"#.write(toFile: a, atomically: true, encoding: .utf8)
        try #"{"schema_version":1,"offers":[{"id":"x/m","tier":"api","input_per_mtok":2,"output_per_mtok":2}]}"#.write(toFile: b, atomically: true, encoding: .utf8)
        let result = try CLI.run(["compare", "--tokens", "1M", "--no-bundled", "--pricing", a, "--pricing", b, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: offer x/m is in both \(a) and \(b); the one in \(b) is used"))
        #expect(result.stdout.contains("\"monthly_cost\": \"2.00\""))
    }
}

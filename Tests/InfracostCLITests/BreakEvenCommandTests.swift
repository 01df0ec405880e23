import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

struct BreakEvenCommandTests {
    static let seed = CompareCommandTests.seed

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func findsThePublishedCrossoverToTheToken() throws {
        let report = try json(["breakeven", "--pricing", Self.seed, "--no-bundled", "--target-utilization", "0.8"])
        let crossovers = try #require(report["crossovers"] as? [[String: Any]])
        #expect(crossovers.count == 1)
        #expect(crossovers[0]["first_whole_token"] as? String == "860185186")
        #expect(crossovers[0]["volume"] as? String == "860185185.185")
        #expect((crossovers[0]["from"] as? [String: Any])?["id"] as? String == "acme/llama-70b")
        #expect((crossovers[0]["to"] as? [String: Any])?["id"] as? String == "acme/a100")
        #expect((crossovers[0]["to"] as? [String: Any])?["monthly_cost"] as? String == "929.00")
        let regions = try #require(report["regions"] as? [[String: Any]])
        #expect(!regions.contains { $0["tier"] as? String == "api" })
    }

    @Test func betweenTwoOffersInWords() throws {
        let never = try CLI.run(["breakeven", "--pricing", Self.seed, "--no-bundled", "--between", "acme/gpt-4o", "acme/llama-70b"])
        #expect(never.stdout.contains("They never cost the same between 1M and 1T tokens/month: acme/llama-70b is cheaper throughout."))
        let once = try CLI.run(["breakeven", "--pricing", Self.seed, "--no-bundled", "--between", "acme/llama-70b", "acme/a100"])
        // Equal to the cent at the first whole token: the sentence says what differs past it ($1.08 per 1M).
        #expect(once.stdout.contains("At 860,185,186 tokens/month (860M) acme/a100 becomes cheaper than acme/llama-70b: both $929.00 at that volume; past it acme/llama-70b costs $1.08 more for each further 1M tokens."))
        let bad = try CLI.run(["breakeven", "--between", "acme/llama-70b"])
        #expect(bad.status == 64)
    }

    @Test func svgChartParsesAndMarksTheCrossoverWhereItWasComputed() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("chart.svg").path
        let result = try CLI.run(["breakeven", "--pricing", Self.seed, "--no-bundled", "--chart", path])
        #expect(result.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let collector = SVGCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "the SVG is not well-formed XML")
        // One path per series: the two seed offers that serve the 70B model (the API one is another model).
        #expect(collector.seriesNames == ["acme/llama-70b", "acme/a100"])
        // The crossover marker sits at the computed volume, 929 / 1.08 per 1M tokens.
        let marker = try #require(collector.crossovers.first)
        #expect(Decimal(string: marker.volume) == Decimal(929) / Decimal(string: "1.08")! * 1_000_000)
        // x = left + width x (log10(v) - 6) / 6 on the 1M..1T axis: 80 + 660 x (8.9346 - 6) / 6 = 402.8.
        #expect(abs(marker.x - (80 + 660 * (log10(860_185_185.185) - 6) / 6)) < 0.1)
        #expect(!data.contains(Data("<script".utf8)))
        #expect(String(decoding: data, as: UTF8.self).contains("stroke-dasharray"))
    }

    @Test func terminalChartFitsEightyColumns() throws {
        let result = try CLI.run(["breakeven", "--pricing", Self.seed, "--no-bundled", "--format", "chart"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try CLI.expectGolden(result.stdout, "breakeven-seed-chart.txt")
    }
}

/// Collects the series paths and crossover markers of an SVG chart.
final class SVGCollector: NSObject, XMLParserDelegate {
    var seriesNames: [String] = []
    var crossovers: [(volume: String, x: Double)] = []

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if element == "path", attributes["class"] == "series", let name = attributes["data-name"] { seriesNames.append(name) }
        if element == "line", attributes["class"] == "crossover", let volume = attributes["data-volume"], let x = attributes["x1"].flatMap(Double.init) {
            crossovers.append((volume, x))
        }
    }
}

struct SweepCommandTests {
    @Test func csvHasOneRowPerVolumeWithTheSeedFigures() throws {
        let result = try CLI.run(["sweep", "--from", "50M", "--to", "10B", "--steps", "3", "--pricing", CompareCommandTests.seed, "--no-bundled", "--format", "csv",
                                  "--tier", "api", "--tier", "serverless", "--tier", "dedicated"])
        #expect(result.status == 0)
        let rows = CSVReader.parse(result.stdout)
        #expect(rows.first == ["tokens", "acme/gpt-4o", "acme/llama-70b", "acme/a100", "cheapest", "cheapest_cost", "currency"])
        #expect(rows.count == 4)
        #expect(rows[1] == ["50000000", "375.00", "54.00", "929.00", "acme/llama-70b", "54.00", "USD"])
        #expect(rows[3] == ["10000000000", "75000.00", "10800.00", "1858.00", "acme/a100", "1858.00", "USD"])
    }

    @Test func sweepAgreesWithCompareAtEveryVolume() throws {
        let sweep = try CLI.run(["sweep", "--from", "1M", "--to", "100B", "--steps", "7", "--format", "csv", "--cold-starts-per-day", "24", "--keep-warm", "1"])
        let rows = CSVReader.parse(sweep.stdout)
        let header = try #require(rows.first)
        for row in rows.dropFirst() {
            let compare = try CLI.run(["compare", "--tokens", row[0], "--format", "json", "--cold-starts-per-day", "24", "--keep-warm", "1"])
            let report = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
            for option in report["options"] as? [[String: Any]] ?? [] {
                guard let id = option["id"] as? String, let column = header.firstIndex(of: id) else { continue }
                #expect(row[column] == (option["monthly_cost"] as? String ?? ""), "\(id) at \(row[0])")
            }
        }
    }

    @Test func tableOfManyOffersShowsTheBestPerTier() throws {
        let result = try CLI.run(["sweep", "--steps", "3"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("note: 3 tiers shown"))
        #expect(result.stdout.contains("serverless-gpu"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}

struct UtilizationCommandTests {
    @Test func printsTheBreakEvenUtilization() throws {
        let result = try CLI.run(["utilization", "--offer", "acme/a100", "--against", "acme/llama-70b", "--pricing", CompareCommandTests.seed, "--no-bundled"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Below 13.1% utilization acme/llama-70b ($1.08 per 1M) is cheaper."))
        #expect(result.stdout.contains("20%"))
        #expect(result.stdout.contains("5.00x"))
        try CLI.expectGolden(result.stdout, "utilization-seed.txt")
    }
}

extension BreakEvenCommandTests {
    /// --explain shows the two lines and the equation that gives the published crossover: 929 / 1.08 per 1M.
    @Test func explainSolvesThePublishedCrossoverInWords() throws {
        let result = try CLI.run(["breakeven", "--pricing", Self.seed, "--no-bundled", "--target-utilization", "0.8", "--explain"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("acme/llama-70b -> acme/a100 at 860,185,185.19 tokens"))
        #expect(result.stdout.contains("acme/llama-70b: $1.08 per 1M tokens"))
        #expect(result.stdout.contains("acme/a100: $929.00 a month, whatever the volume"))
        #expect(result.prose.contains("equal where V = ($929.00 - $0.00) / ($1.08 - $0.00) x 1M = 860,185,185.19; both cost $929.00 there"))
        #expect(result.stdout.contains("first whole token where acme/a100 is cheaper: 860,185,186"))
        let plain = try CLI.run(["breakeven", "--pricing", Self.seed, "--no-bundled", "--target-utilization", "0.8"])
        #expect(!plain.stdout.contains("How each crossover is found"))
    }

    /// A dedicated option that needs a second instance hands back to the per-token option at a step, not a crossing.
    @Test func explainNamesASteppedCrossover() throws {
        let result = try CLI.run(["breakeven", "--between", "together/llama-3.1-70b", "crusoe/h200", "--explain"] + CLI.frozenPricing)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // crusoe/h200 at 3,131.70 a month (4.29 x 730 h) against 0.54 per 1M: equal at 5,799,444,444.44 tokens.
        #expect(result.prose.contains("equal where V = ($3,131.70 - $0.00) / ($0.54 - $0.00) x 1M = 5,799,444,444.44"))
        #expect(result.stdout.contains("a step at V = "))
    }

    /// A dedicated GPU of 10 tok/s at $150 a month (21,024,000 tokens an instance at 80%) against $10 per 1M: the
    /// GPU wins from 15M, loses at 21,024,001 when it needs a second instance, wins again from 30M.
    static let stepping = """
        {"schema_version": 1, "offers": [
          {"id": "s/x", "tier": "serverless", "model_params_b": 70, "input_per_mtok": "10", "output_per_mtok": "10"},
          {"id": "d/x", "tier": "dedicated", "gpu": "H100", "per_month": "150", "tokens_per_second": 10}
        ]}
        """

    @Test func atAStepTheSentenceQuotesThePriceAfterTheStepAsCompareDoes() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("p.json").path
        try Self.stepping.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["breakeven", "--pricing", file, "--no-bundled", "--between", "s/x", "d/x", "--to", "40M"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("At 15,000,001 tokens/month (15M) d/x becomes cheaper than s/x: $150.00 vs $150.00 there.")
                || result.stdout.contains("At 15,000,001 tokens/month (15M) d/x becomes cheaper than s/x:"))
        #expect(result.stdout.contains("At 21,024,001 tokens/month (21M) s/x becomes cheaper than d/x (d/x needs one more instance there): $210.24 vs $300.00 there."),
                "\(result.stdout)")
        // compare at that volume prints the same two totals.
        let compare = try CLI.run(["compare", "--tokens", "21024001", "--pricing", file, "--no-bundled", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
        let options = try #require(report["options"] as? [[String: Any]])
        #expect(options.first { $0["id"] as? String == "d/x" }?["monthly_cost"] as? String == "300.00")
        #expect(options.first { $0["id"] as? String == "s/x" }?["monthly_cost"] as? String == "210.24")
    }

    @Test func twoOffersAtTheSamePricesCostTheSameThroughout() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("p.json").path
        try """
            {"schema_version": 1, "offers": [
              {"id": "a/x", "tier": "serverless", "model_params_b": 70, "input_per_mtok": "1", "output_per_mtok": "2"},
              {"id": "b/x", "tier": "serverless", "model_params_b": 70, "input_per_mtok": "1", "output_per_mtok": "2"}
            ]}
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["breakeven", "--pricing", file, "--no-bundled", "--between", "a/x", "b/x"])
        #expect(result.stdout.contains("They cost the same at every volume between 1M and 1T tokens/month"))
        #expect(!result.stdout.contains("cheaper throughout"))
    }
}

/// Break-even and sweep answer "where should this model run?": API offers (other models) only when asked for.
struct ServingVerdictChartTests {
    static let cheapAPI = """
        {"schema_version": 1, "offers": [
          {"id": "a/cheap", "tier": "api", "input_per_mtok": "0.01", "output_per_mtok": "0.01"},
          {"id": "acme/llama-70b", "tier": "serverless", "model_params_b": 70, "input_per_mtok": "1.08", "output_per_mtok": "1.08"},
          {"id": "acme/a100", "tier": "dedicated", "gpu": "A100", "per_month": "929", "tokens_per_second": 2500}
        ]}
        """

    @Test func anAPIOfAnotherModelDoesNotShadeTheChartOrWinTheBreakEven() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("p.json").path
        try Self.cheapAPI.write(toFile: file, atomically: true, encoding: .utf8)
        let breakeven = try CLI.run(["breakeven", "--pricing", file, "--no-bundled"])
        #expect(breakeven.stdout.contains("860,185,186"), "the serving crossover: \(breakeven.stdout)")
        #expect(!breakeven.stdout.contains("a/cheap"))
        #expect(breakeven.stderr.contains("--tier api"))
        let chart = folder.appendingPathComponent("c.svg").path
        let sweep = try CLI.run(["sweep", "--pricing", file, "--no-bundled", "--chart", chart])
        #expect(sweep.status == 0)
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(!svg.contains("a/cheap"))
        #expect(svg.contains("acme/a100"))
        // Asked for, the API alternative is compared again.
        let asked = try CLI.run(["breakeven", "--pricing", file, "--no-bundled", "--tier", "api", "--tier", "serverless", "--tier", "dedicated"])
        #expect(asked.stdout.contains("a/cheap"))
    }
}

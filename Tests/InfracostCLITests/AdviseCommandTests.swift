import Foundation
import Testing

/// `infracost advise` through the binary.
struct AdviseCommandTests {
    static let ctScan = ["advise", "--tokens", "50M", "--payload", "500MB", "--deadline", "15m", "--as-of", "2026-11-23"] + CLI.frozenPricing

    @Test func ctScanAdviceInEveryFormat() throws {
        let table = try CLI.run(Self.ctScan)
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(table.stdout.contains("2. Endpoint type: asynchronous"))
        try CLI.expectGolden(table.stdout, "advise-ct-scan.txt")
        let markdown = try CLI.run(Self.ctScan + ["--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Deployment advice\n"))
        #expect(markdown.stdout.contains("| latency | 1 | 5 | 5 | 5 | 5 |"))
        let json = try CLI.run(Self.ctScan + ["--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((report["endpoint"] as? [String: Any])?["chosen"] as? String == "asynchronous")
        #expect((report["runtime"] as? [String: Any])?["close_call"] as? Bool == true)
        let csv = CSVReader.parse(try CLI.run(Self.ctScan + ["--format", "csv"]).stdout)
        #expect(csv.first == ["criterion", "weight", "serverless functions", "containers", "serverless containers (min instances)", "hybrid (serverless glue + warm containers)", "reason"])
        #expect(csv.last?.prefix(6) == ["total", "", "28", "30", "31", "29"])
    }

    @Test func workloadFileSettingsAndTheirErrors() throws {
        let example = CLI.root.appendingPathComponent("examples/infracost.yml").path
        let result = try CLI.run(["advise", "--workload", example, "--name", "reasoning", "--as-of", "2026-11-23"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.prose.hasPrefix("infracost advise: 1.75B tokens/month, 70B model, bursty traffic, p95 5 s, payload 10 KB\n"))
        let unnamed = try CLI.run(["advise", "--workload", example])
        #expect(unnamed.status == 64)
        #expect(unnamed.stderr.contains("has 2 workloads; pick one with --name (classifier, reasoning)"))
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.yml").path
        try "version: 1\nworkloads:\n  - name: scans\n    tokens_per_month: 50M\n    advise:\n      payload: 500MB\n      traffic_shape: burst\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let failed = try CLI.run(["advise", "--workload", bad])
        #expect(failed.status == 65)
        #expect(failed.stderr.contains("bad.yml:7"))
        #expect(failed.stderr.contains("advise.traffic_shape"))
        #expect(failed.stderr.contains("did you mean 'bursty'?"))
        let unknown = folder.appendingPathComponent("unknown.yml").path
        try "version: 1\nworkloads:\n  - name: scans\n    tokens_per_month: 50M\n    advise:\n      p95_latncy: 2s\n".write(toFile: unknown, atomically: true, encoding: .utf8)
        let unknownResult = try CLI.run(["advise", "--workload", unknown])
        #expect(unknownResult.status == 65)
        #expect(unknownResult.stderr.contains("unknown setting (did you mean 'p95_latency'?)"))
    }

    @Test func badFlagsAreUsageErrors() throws {
        for arguments in [["--payload", "lots"], ["--traffic-shape", "spiky"], ["--weight", "speed=2"], ["--on-call-engineers", "-1"], ["--p95-latency", "fast"]] {
            let result = try CLI.run(["advise", "--tokens", "1B"] + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(arguments[0]), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }
}

/// advise's sections follow from the same inputs (issue 16, part 1).
struct AdviseConsistencyTests {
    @Test func aStepThatNeverPaysIsNotOfferedAndATieSaysItIsATie() throws {
        let report = try CLI.run(["advise", "--workload", "examples/infracost.yml", "--name", "reasoning", "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let endpoint = try #require(json["endpoint"] as? [String: Any])
        let points = try #require(endpoint["points"] as? [String: Any])
        let chosen = try #require(endpoint["chosen"] as? String)
        let tied = try #require(endpoint["tied_with"] as? [String])
        // Every open type with the chosen one's points is named as tied, and only those.
        let chosenPoints = points[chosen] as? Int
        for (type, value) in points where type != chosen {
            #expect(tied.contains(type) == ((value as? Int) == chosenPoints), "\(type)")
        }
        let text = try CLI.run(["advise", "--workload", "examples/infracost.yml", "--name", "reasoning"]).stdout
        if !tied.isEmpty { #expect(text.contains("a tie: ")) }
        #expect(!text.contains("steady traffic,") || text.contains("made for:"))
    }

    @Test func migrationNamesNoStepThatCostsMoreThroughout() throws {
        let text = try CLI.run(["advise", "--tokens", "2B"]).stdout
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try CLI.run(["advise", "--tokens", "2B", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let steps = try #require(json["migration"] as? [[String: Any]])
        for step in steps where step["pays"] as? Bool == false {
            let from = try #require(step["from"] as? String), to = try #require(step["to"] as? String)
            #expect(!text.contains("\(from) -> \(to)"), "a step that never pays is offered: \(from) -> \(to)")
            #expect(text.contains("stay on "))
        }
        #expect(!text.contains("never cheaper between 1M and 1T tokens/month; at"))
    }

    @Test func endpointAndTargetDoNotGiveOppositeReasonsForTheSameTraffic() throws {
        let text = try CLI.run(["advise", "--tokens", "2B"]).stdout
        // The old text chose always-on instances and scale to zero, both "because: steady traffic".
        #expect(!(text.contains("always-on instances") && text.contains("because: steady traffic")))
    }
}

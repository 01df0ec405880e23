import Foundation
import Testing

/// Inputs from other people's files, outputs that land in terminals, spreadsheets and pull requests: each case
/// of the hostile-input issue through the binary, with its exit code, message, stdout and the folder afterwards.
struct HostileInputTests {
    /// Runs `arguments` (with `$D` for a fresh folder holding `files`) and returns the result and the folder's files.
    func run(_ arguments: [String], files: [String: String] = [:]) throws -> (CLI.Result, [String], URL) {
        let folder = try CLI.temporaryFolder()
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let result = try CLI.run(arguments.map { $0.replacingOccurrences(of: "$D", with: folder.path) })
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return (result, names, folder)
    }

    static let seed = CLI.fixtures.appendingPathComponent("seed-offers.json").path

    static func offers(_ ids: [String]) -> String {
        "{\"schema_version\": 1, \"offers\": [" + ids.enumerated().map { index, id in
            let escaped = id.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
                .replacingOccurrences(of: "\"", with: "\\\"")
            return "{\"id\": \"\(escaped)\", \"tier\": \"api\", \"input_per_mtok\": \(index + 1), \"output_per_mtok\": \(index + 1)}"
        }.joined(separator: ", ") + "]}"
    }

    // MARK: Crashes and hangs

    @Test func deeplyNestedYAMLIsAnErrorNotACrash() throws {
        let yaml = "version: 1\nworkloads:\n  - name: a\n    tokens_per_month: 1B\n    tiers: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n"
        let (result, _, folder) = try run(["check", "--workload", "$D/w.yml"], files: ["w.yml": yaml])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 65)
        #expect(result.stderr.contains("w.yml:5: nesting deeper than 64 levels"))
        #expect(result.stdout.isEmpty)
        let blocks = "version: 1\nworkloads:\n" + (0..<200).map { String(repeating: " ", count: 2 * $0 + 2) + "- x:\n" }.joined()
        let (deep, _, other) = try run(["check", "--workload", "$D/w.yml"], files: ["w.yml": blocks])
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(deep.status == 65)
        #expect(deep.stderr.contains("nesting deeper than 64 levels"))
    }

    /// A throughput of 1e-11 tokens/s is refused by the loader; 0.001 tokens/s needs more instances than any
    /// quote at 1e15 tokens and is unpriced, never a crash or a loop; a GPU of 1 GB/s likewise.
    @Test func absurdThroughputIsRefusedOrUnpricedNeverACrash() throws {
        let tiny = #"{"schema_version":1,"offers":[{"id":"s/x","tier":"dedicated","gpu":"A100","per_month":"929","tokens_per_second":"1e-11"}]}"#
        let (refused, _, f1) = try run(["compare", "--tokens", "1e15", "--pricing", "$D/p.json", "--no-bundled"], files: ["p.json": tiny])
        defer { try? FileManager.default.removeItem(at: f1) }
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("field 'tokens_per_second': 0.00000000001 is outside 0.001 to 100,000,000 tokens per second per instance"))
        let (validated, _, f2) = try run(["prices", "validate", "$D/p.json"], files: ["p.json": tiny])
        defer { try? FileManager.default.removeItem(at: f2) }
        #expect(validated.status == 65)
        let slow = #"{"schema_version":1,"gpus":[{"name":"Z1","memory_gb":80,"bandwidth_gb_s":1}],"offers":[{"id":"s/x","tier":"dedicated","gpu":"A100","per_month":"929","tokens_per_second":"0.001"},{"id":"u/z","tier":"dedicated","gpu":"Z1","per_hour":"1"}]}"#
        for arguments in [["compare", "--tokens", "1e15"], ["sweep", "--steps", "20"], ["breakeven"]] {
            let (result, _, folder) = try run(arguments + ["--pricing", "$D/p.json", "--no-bundled"], files: ["p.json": slow])
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"))
        }
        let (compare, _, f3) = try run(["compare", "--tokens", "1e15", "--pricing", "$D/p.json", "--no-bundled"], files: ["p.json": slow])
        defer { try? FileManager.default.removeItem(at: f3) }
        #expect(compare.stdout.contains("s/x: would need more than 100,000 instances at 0.001 tokens/s each: the throughput figure is too low to price"))
    }

    /// 300 requests/s into one replica serving one request per 10 s: reported as overloaded, memory bounded.
    @Test func anOverloadedEndpointIsReportedAsSuch() throws {
        let (result, _, folder) = try run(["simulate", "--traffic", "poisson", "--rate", "300/s", "--max-replicas", "1", "--concurrency", "1",
                                           "--service-time", "10s", "--days", "0.1", "--format", "json"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["overloaded"] as? Bool == true)
        #expect((report["turned_away_requests"] as? Int ?? 0) > 2_000_000)
        #expect(report["unserved_at_end"] as? Int == 100_000)
        let replicas = try #require(report["replicas"] as? [String: Any])
        #expect(Double(replicas["average"] as? String ?? "99") ?? 99 <= Double(replicas["peak"] as? Int ?? 0))
        let table = try CLI.run(["simulate", "--traffic", "poisson", "--rate", "300/s", "--max-replicas", "1", "--concurrency", "1", "--service-time", "10s", "--days", "0.01"])
        #expect(table.stdout.contains("OVERLOADED"))
        #expect(table.prose.contains("the latency above depends on the run's length"))
    }

    @Test func keepWarmWorkIsBounded() throws {
        let timeouts = (1...1000).map { "\($0)s" }.joined(separator: ",")
        let result = try CLI.run(["keepwarm", "--traffic", "poisson", "--rate", "1/s", "--idle-timeouts", timeouts])
        #expect(result.status == 64)
        #expect(result.stderr.contains("ask for 4000 simulations (4 keep-warm counts x 1000 idle timeouts); the limit is 64"))
        #expect(result.stdout.isEmpty)
    }

    // MARK: Output that cannot be turned against its reader

    @Test func csvTextCellsCannotRunAsFormulas() throws {
        let (result, _, folder) = try run(["compare", "--tokens", "1M", "--pricing", "$D/p.json", "--no-bundled", "--format", "csv",
                                           "--baseline", "=cmd|calc"], files: ["p.json": Self.offers(["=cmd|calc", "@sum/x", "+1/x", "-2/x"])])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = CSVReader.parse(result.stdout)
        let ids = rows.dropFirst().map { $0[1] }
        #expect(Set(ids) == ["'=cmd|calc", "'@sum/x", "'+1/x", "'-2/x"])
        // A negative saving is still a number.
        let saving = try #require(rows.first?.firstIndex(of: "saving"))
        #expect(rows.dropFirst().contains { $0[saving].hasPrefix("-") && Decimal(string: $0[saving]) != nil })
    }

    @Test func markdownCellsCannotForgeRowsOrRunHTML() throws {
        let names = ["evil|injected|cells", "<script>alert(1)</script>", "`code`@everyone![x](http://e/x.png)"]
        let (result, _, folder) = try run(["compare", "--tokens", "1M", "--pricing", "$D/p.json", "--no-bundled", "--format", "markdown"],
                                          files: ["p.json": Self.offers(names)])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| #") }
        #expect(rows.count == 3)
        for row in rows { #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 7, "\(row)") }
        #expect(!result.stdout.contains("<script>"))
        #expect(!result.stdout.contains("@everyone"))
        #expect(!result.stdout.contains("![x]"))
        #expect(!result.stdout.contains("`code`"))
        // A workload name with a newline and pipes, in a pull-request comment.
        let before = #"{"version": 1, "workloads": [{"name": "a | b\n| forged | row |", "tokens_per_month": "1B", "offer": "acme/gpt-4o"}]}"#
        let after = before.replacingOccurrences(of: "1B", with: "2B")
        let (diff, _, other) = try run(["diff", "--baseline", "$D/a.json", "--proposed", "$D/b.json", "--format", "markdown", "--pricing", Self.seed, "--no-bundled"],
                                       files: ["a.json": before, "b.json": after])
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(diff.status == 0, "stderr: \(diff.stderr)")
        let tableRows = diff.stdout.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(tableRows.count == 3, "\(diff.stdout)")
        #expect(diff.stdout.contains(#"| a \| b\\n\| forged \| row \| |"#))
    }

    @Test func controlBytesAreShownNeverSent() throws {
        let evil = "x/\u{1B}[2J\u{1B}]0;owned\u{07}\u{0}"
        let (result, _, folder) = try run(["compare", "--tokens", "1M", "--pricing", "$D/p.json", "--no-bundled"], files: ["p.json": Self.offers([evil])])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(result.stdout.contains("x/\\e[2J\\e]0;owned\\x07\\x00"))
        let (shown, _, f2) = try run(["prices", "show", evil, "--pricing", "$D/p.json", "--no-bundled"], files: ["p.json": Self.offers([evil])])
        defer { try? FileManager.default.removeItem(at: f2) }
        #expect(!shown.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let missing = try CLI.run(["prices", "show", "a/\u{1B}[2Jb"])
        #expect(missing.status == 64)
        #expect(!missing.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(missing.stderr.contains("a/\\e[2Jb"))
    }

    /// The argument parser's own errors quote the value or flag given; they reach stderr with its control bytes
    /// shown, as the library's errors do, and keep their wording, exit code and usage lines.
    @Test(arguments: [
        ["compare", "--tokens", "2B", "--format", "\u{1B}]0;owned\u{07}"],
        ["compare", "--tokens", "2B", "--bogus\u{1B}[2J"],
        ["compare", "--tier", "\u{1B}[31mred", "--tokens", "2B"],
        ["prices", "list", "--tier", "x\u{9B}2J"],
    ])
    func parserErrorsShowControlBytes(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }, "\(result.stderr.debugDescription)")
        #expect(result.stderr.hasPrefix("Error: "))
        #expect(result.stderr.contains("\\e") || result.stderr.contains("\\x9B"), "\(result.stderr.debugDescription)")
        #expect(result.stderr.contains("Usage: infracost "))
    }

    /// Help is still printed whole on stdout, exit 0.
    @Test func helpStillGoesToStdout() throws {
        let result = try CLI.run(["compare", "--help"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("OVERVIEW: Compare the monthly cost of a workload on every offer"))
        #expect(result.stdout.contains("\n  --tokens <count>"))
    }

    @Test func errorMessagesQuoteAShortPrefix() throws {
        let huge = String(repeating: "9", count: 200_000) + "x"
        let trace = "timestamp,input_tokens,output_tokens\n2026-01-01T00:00:00Z,\(huge),10\n"
        let (result, _, folder) = try run(["simulate", "--trace", "$D/t.csv"], files: ["t.csv": trace])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 65)
        #expect(result.stderr.utf8.count < 3_000, "stderr has \(result.stderr.utf8.count) bytes")
    }

    // MARK: Files: nothing lost, nothing left behind

    @Test(arguments: [
        ["compare", "--tokens", "2B", "--pricing", "$D/p.json", "--out", "$D/p.json"],
        ["compare", "--tokens", "2B", "--pricing", "$D/p.json", "--out", "$D/link.json"],
        ["report", "--workload", "$D/w.yml", "--out", "$D/w.yml"],
        ["simulate", "--trace", "$D/t.csv", "--out", "$D/t.csv"],
    ])
    func outOntoAnInputIsRefusedBeforeAnyWrite(arguments: [String]) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pricing = try String(contentsOfFile: Self.seed, encoding: .utf8)
        let workload = "version: 1\nworkloads:\n  - name: a\n    tokens_per_month: 1B\n"
        let trace = "timestamp,input_tokens,output_tokens\n2026-01-01T00:00:00Z,100,10\n2026-01-01T00:00:05Z,100,10\n"
        for (name, text) in [("p.json", pricing), ("w.yml", workload), ("t.csv", trace)] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.json").path, withDestinationPath: "p.json")
        let result = try CLI.run(arguments.map { $0.replacingOccurrences(of: "$D", with: folder.path) })
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("choose another file so the input is not overwritten"))
        #expect(try String(contentsOf: folder.appendingPathComponent("p.json"), encoding: .utf8) == pricing)
        #expect(try String(contentsOf: folder.appendingPathComponent("w.yml"), encoding: .utf8) == workload)
        #expect(try String(contentsOf: folder.appendingPathComponent("t.csv"), encoding: .utf8) == trace)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.json", "p.json", "t.csv", "w.yml"])
    }

    @Test func outNamesAreCheckedAndDashIsStdout() throws {
        let empty = try CLI.run(["compare", "--tokens", "2B", "--out", ""])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("--out needs a file name"))
        let chart = try CLI.run(["breakeven", "--chart", "/tmp/x-infracost.svg", "--out", "/tmp/x-infracost.svg"])
        #expect(chart.status == 64)
        #expect(chart.stderr.contains("--chart and --out name the same file"))
        let dash = try CLI.run(["compare", "--tokens", "2B", "--pricing", Self.seed, "--no-bundled", "--out", "-"])
        #expect(dash.status == 0)
        #expect(dash.stdout.hasPrefix("infracost compare: 2B tokens/month"))
        #expect(!FileManager.default.fileExists(atPath: CLI.root.appendingPathComponent("-").path))
        let long = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: long) }
        let name = String(repeating: "a", count: 246) + ".csv"
        let written = try CLI.run(["compare", "--tokens", "2B", "--format", "csv", "--out", long.appendingPathComponent(name).path])
        #expect(written.status == 0, "stderr: \(written.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: long.path) == [name])
    }

    @Test func anExistingReportKeepsItsModeAndItsLink() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("report.txt").path
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        chmod(target, 0o600)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("latest.txt").path, withDestinationPath: "report.txt")
        let result = try CLI.run(["compare", "--tokens", "2B", "--out", folder.appendingPathComponent("latest.txt").path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("latest.txt").path) == "report.txt")
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("infracost compare"))
        let devnull = try CLI.run(["compare", "--tokens", "2B", "--out", "/dev/null"])
        #expect(devnull.status == 0)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    /// A writer killed mid-run leaves no temporary file: SIGTERM and SIGINT at several moments of a large write.
    @Test func aKilledWriterLeavesNothingBehind() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, delay) in [0.05, 0.1, 0.2, 0.3, 0.45, 0.6].enumerated() {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["sweep", "--from", "1M", "--to", "1T", "--steps", "20000", "--format", "csv",
                                 "--out", folder.appendingPathComponent("sweep.csv").path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, index.isMultiple(of: 2) ? SIGTERM : SIGINT)
            process.waitUntilExit()
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
            #expect(left.isEmpty, "after a signal at \(delay) s: \(left)")
        }
    }

    // MARK: Wrong answers at the edges

    @Test func crlfWorkloadFilesReadLikeAnyOther() throws {
        let example = try String(contentsOf: CLI.root.appendingPathComponent("examples/infracost.yml"), encoding: .utf8)
        let crlf = example.replacingOccurrences(of: "\n", with: "\r\n")
        let (result, _, folder) = try run(["check", "--workload", "$D/w.yml", "--format", "json"] + CLI.frozenPricing, files: ["w.yml": crlf])
        defer { try? FileManager.default.removeItem(at: folder) }
        let lf = try CLI.run(["check", "--workload", CLI.root.appendingPathComponent("examples/infracost.yml").path, "--format", "json"] + CLI.frozenPricing)
        #expect(result.status == lf.status)
        #expect(result.stdout.replacingOccurrences(of: folder.appendingPathComponent("w.yml").path, with: "F")
            == lf.stdout.replacingOccurrences(of: CLI.root.appendingPathComponent("examples/infracost.yml").path, with: "F"))
    }

    @Test func volumesPastTheLimitAreRefused() throws {
        let example = CLI.root.appendingPathComponent("examples/infracost.yml").path
        let report = try CLI.run(["report", "--workload", example, "--months", "120", "--growth", "100%"])
        #expect(report.status == 64)
        #expect(report.stderr.contains("more than the 1e15 limit; lower --growth or --months"))
        #expect(report.stdout.isEmpty)
        let yaml = "version: 1\nworkloads:\n  - name: a\n    requests_per_second: 1000000\n    input_tokens_per_request: 1000000\n    output_tokens_per_request: 1000000\n"
        let (rate, _, folder) = try run(["check", "--workload", "$D/w.yml"], files: ["w.yml": yaml])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(rate.status != 0)
        #expect(rate.stderr.contains("1e15"))
    }

    @Test func validateRefusesWhatCompareCannotUse() throws {
        let unknown = #"{"schema_version":1,"offers":[{"id":"a/b","tier":"dedicated","gpu":"TPU9","per_hour":1}]}"#
        let overlap = #"{"schema_version":1,"offers":[{"id":"a/b","tier":"api","input_per_mtok":1,"output_per_mtok":1,"history":[{"from":"2025-01-01","to":"2025-06-01","input_per_mtok":2},{"from":"2025-03-01","to":"2025-09-01","input_per_mtok":3}]}]}"#
        let (result, _, folder) = try run(["prices", "validate", "$D/u.json", "$D/o.json"], files: ["u.json": unknown, "o.json": overlap])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 65)
        #expect(result.stderr.contains("field 'gpu': 'TPU9' is not a known GPU"))
        #expect(result.stderr.contains("field 'history': entries overlap: one runs 2025-01-01 to 2025-06-01, the next starts 2025-03-01"))
    }
}

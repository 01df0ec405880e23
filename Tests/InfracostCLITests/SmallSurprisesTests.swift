import Foundation
import Testing

/// The smaller surprises a new user met (issue 16, part 4), each through the binary.
struct SmallSurprisesTests {
    @Test func aMisspelledSubcommandIsNamedWithASuggestion() throws {
        let result = try CLI.run(["compar", "--tokens", "2B"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown subcommand 'compar' (did you mean 'compare'?)"))
    }

    @Test(arguments: [["check", "--workload", "examples/infracost.yml", "--format", "csv"],
                      ["check", "--workload", "examples/infracost.yml", "--format", "markdown"],
                      ["report", "--workload", "examples/infracost.yml", "--format", "markdown"]])
    func formatsACommandCannotWriteAreRefused(arguments: [String]) throws {
        let result = try CLI.run(arguments, in: CLI.root)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func pricesListCSVHasPricesAsNumbers() throws {
        let result = try CLI.run(["prices", "list", "--format", "csv", "--pricing", CompareCommandTests.seed, "--no-bundled"])
        #expect(result.status == 0)
        // CSV rows end in CRLF (RFC 4180), one Character in Swift: split on newlines, not on "\n".
        let lines = result.stdout.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first?.hasPrefix("id,tier,provider,subject,input_per_mtok,output_per_mtok,per_second,per_hour,per_month,currency,") == true)
        // The seed's GPT-4o at 5.00 / 15.00 per 1M tokens and its A100 at 929 a month, as numbers.
        #expect(lines.contains { $0.hasPrefix("acme/gpt-4o,api,") && $0.contains(",5,15,,,,USD,") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("acme/a100,dedicated,") && $0.contains(",,,,,929,USD,") }, "\(lines)")
        #expect(!result.stdout.contains("$"))
    }

    @Test func initNamesTheFileItWrote() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("starter.yml").path
        let result = try CLI.run(["init", "--file", file])
        #expect(result.status == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("infracost check --workload starter.yml"))
        #expect(!text.contains("--workload infracost.yml"))
    }

    @Test func apiOnlyComparisonStatesNoGPUAssumptions() throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--tier", "api"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("dedicated sizing"))
        #expect(!result.stdout.contains("serverless-gpu:"))
        #expect(!result.stdout.contains("GPU sizing"))
    }

    @Test func messagesSayWhatIsWrong() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("w.yml").path
        try "version: \"1\"\nworkloads:\n  - name: a\n    tokens_per_month: 1M\n".write(toFile: file, atomically: true, encoding: .utf8)
        let version = try CLI.run(["check", "--workload", file])
        #expect(version.status == 65)
        #expect(version.stderr.contains("must be the number 1, found the string \"1\" (write 1 without quotes)"))
        let share = try CLI.run(["compare", "--tokens", "2B", "--input-share", "0.1234567890123456789012345678901"])
        #expect(share.status == 64)
        #expect(share.stderr.contains("more than 30 significant digits"))
        let tokens = try CLI.run(["compare", "--tokens", "1e19"])
        #expect(tokens.stderr.contains("1e15"))
        #expect(!tokens.stderr.contains("1e18"))
    }

    @Test func baselineSavingsShowAmountAndPercent() throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--pricing", CompareCommandTests.seed, "--no-bundled", "--baseline", "acme/gpt-4o"])
        #expect(result.status == 0)
        // $15,000.00 - $929.00 = $14,071.00, 93.8% of the baseline.
        #expect(result.stdout.contains("$14,071.00 (93.8%)"))
    }

    @Test func compareHelpListsTheWorkloadBeforeTheTraffic() throws {
        let help = try CLI.run(["compare", "--help"]).stdout
        let tokens = try #require(help.range(of: "--tokens <count>"))
        let traffic = try #require(help.range(of: "--traffic <pattern>"))
        #expect(tokens.lowerBound < traffic.lowerBound)
    }

    @Test(arguments: ["compare", "advise", "breakeven", "sweep", "utilization", "simulate", "keepwarm", "throughput", "check", "diff", "report",
                      "analyze", "init"])
    func helpExamplesFitEightyColumns(command: String) throws {
        let help = try CLI.run([command, "--help"]).stdout
        let examples = help.split(separator: "\n").filter { $0.hasPrefix("  infracost ") }
        #expect(!examples.isEmpty, "\(command) has examples")
        for line in examples { #expect(line.count <= 80, "\(command): \(line)") }
        // A wrapped example would leave its tail on a line of its own, indented like a continuation.
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() where line.hasPrefix("  infracost ") && index + 1 < lines.count {
            let next = lines[index + 1]
            #expect(next.isEmpty || next.hasPrefix("  infracost ") || !next.hasPrefix("  ") || next.hasPrefix("  -"), "\(command) wraps: \(line) / \(next)")
        }
    }
}

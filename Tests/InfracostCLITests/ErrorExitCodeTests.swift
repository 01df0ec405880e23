import Foundation
import Testing

/// Every class of bad input gets a message naming what is wrong and the documented exit code.
struct ErrorExitCodeTests {
    static let bad = CLI.fixtures.appendingPathComponent("bad-offers.json").path
    static let truncated = CLI.fixtures.appendingPathComponent("truncated.json").path

    /// A value its flag cannot take is refused as ArgumentParser reads the flag (typed options): the first line names
    /// the flag, quotes the value and gives the library's reason; the flag's help and the usage follow.
    @Test(arguments: [
        (["compare", "--tokens", "2X"], "Error: The value '2X' is invalid for '--tokens <count>': it is not a token count (write e.g. 750k, 50M, 2B, 1.5e9 or 10000000)"),
        (["compare", "--tokens=-5"], "Error: The value '-5' is invalid for '--tokens <count>': a token count cannot be negative"),
        (["compare", "--tokens", "0"], "Error: The value '0' is invalid for '--tokens <count>': a token count must be greater than zero"),
        (["compare", "--tokens", "NaN"], "Error: The value 'NaN' is invalid for '--tokens <count>': it is not a token count (write e.g. 750k, 50M, 2B, 1.5e9 or 10000000)"),
        (["compare", "--tokens", "1e999"], "Error: The value '1e999' is invalid for '--tokens <count>': it is more than 1e15 tokens"),
        (["compare", "--tokens", ""], "Error: The value '' is invalid for '--tokens <count>': it is empty"),
        (["compare", "--tokens", "2B", "--input-share", "1.5"], "Error: The value '1.5' is invalid for '--input-share <share>': must be at least 0 and at most 1 (0% to 100%)"),
        (["compare", "--tokens", "2B", "--target-utilization", "0"], "Error: The value '0' is invalid for '--target-utilization <share>': must be more than 0 and at most 1 (0% to 100%)"),
        (["compare", "--tokens", "2B", "--hours-per-month", "800"], "Error: The value '800' is invalid for '--hours-per-month <hours>': must be more than 0 and at most 744 (31 days)"),
        (["compare", "--tokens", "2B", "--model-size", "huge"], "Error: The value 'huge' is invalid for '--model-size <size>': it is not a model size (write e.g. 8B, 70B or 1.5B)"),
    ])
    func badValuesExit64NamingTheFlag(arguments: [String], firstLine: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == firstLine)
        #expect(lines.count > 2 && lines[1].hasPrefix("Help:  --") && lines[2].hasPrefix("Usage: infracost "), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["compare"], "error: missing volume: give --tokens (e.g. --tokens 2B), or --input-tokens and --output-tokens"),
        (["compare", "--tokens", "2B", "--input-tokens", "1B"], "error: give --tokens, or --input-tokens and --output-tokens, not both"),
        (["compare", "--tokens", "2B", "--baseline", "togther/llama-3.1-70b"], "error: --baseline togther/llama-3.1-70b: no offer has this id (did you mean 'together/llama-3.1-70b'?); see 'infracost prices list'"),
        (["prices", "show", "together/llama-70b"], "error: no offer has the id 'together/llama-70b' (did you mean 'together/llama-3.1-70b'?); see 'infracost prices list'"),
    ])
    func usageErrorsExit64NamingTheFlag(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == message + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [["compare", "--tokens"], ["compare", "--tokens", "2B", "--tier", "gpu"], ["compare", "--tokens", "2B", "--no-bundled"], ["compare", "--frobnicate"], ["compare", "--tokens", "2B", "--format", "xml"]])
    func argumentParserErrorsExit64(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: "))
    }

    @Test func badPricingFileExits65ListingEveryProblem() throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--pricing", Self.bad])
        #expect(result.status == 65)
        #expect(result.stderr == """
            error: \(Self.bad):2: offer 'acme/gpt-4o', field 'input_per_mtok': must not be negative, found -5.00
            error: \(Self.bad):3: offer 'acme/llama', field 'tier': unknown tier 'serverles' (use one of: api, serverless, serverless-gpu, dedicated)

            """)
        #expect(result.stdout.isEmpty)
    }

    @Test func truncatedPricingFileExits65WithItsLine() throws {
        let result = try CLI.run(["prices", "validate", Self.truncated])
        #expect(result.status == 65)
        #expect(result.stderr == "error: \(Self.truncated):2: not valid JSON: the JSON ends early inside an object (truncated file?) (column 34)\n")
    }

    @Test func validPricingFileValidates() throws {
        let result = try CLI.run(["prices", "validate", CompareCommandTests.seed])
        #expect(result.status == 0)
        #expect(result.stdout == "\(CompareCommandTests.seed): valid (3 offers)\n")
    }

    @Test func strictValidationAsksForSourcesAndDates() throws {
        let result = try CLI.run(["prices", "validate", "--strict", CompareCommandTests.seed])
        #expect(result.status == 65)
        #expect(result.stderr.contains("offer 'acme/gpt-4o', field 'source': is missing: every bundled price needs a source"))
    }

    @Test func missingPricingFileExits74() throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--pricing", "/nonexistent/prices.json"])
        #expect(result.status == 74)
        #expect(result.stderr == "error: /nonexistent/prices.json: no such file\n")
    }

    @Test func pricingFolderInsteadOfFileExits74() throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--pricing", CLI.fixtures.path])
        #expect(result.status == 74)
        #expect(result.stderr == "error: \(CLI.fixtures.path): is a folder, not a file\n")
    }

    @Test(arguments: ["/nonexistent-folder/report.json", "/dev/null/report.json"])
    func unwritableOutExits74AndLeavesNothing(path: String) throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--format", "json", "--out", path])
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("error: \(path): cannot write"))
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func outOntoAFolderExits74() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["compare", "--tokens", "2B", "--out", folder.path])
        #expect(result.status == 74)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

import Foundation
import Testing

struct PricesCommandTests {
    @Test func listsEveryBundledOfferWithItsDate() throws {
        let result = try CLI.run(["prices", "list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("together/llama-3.1-70b"))
        #expect(result.stdout.contains("$0.88 / $0.88 per 1M in/out"))
        #expect(result.stdout.contains("$0.001097/GPU-s"))
        #expect(result.stdout.contains("$31.92/h"))
        try CLI.expectGolden(result.stdout, "prices-list.txt")
    }

    @Test func filtersByTier() throws {
        let result = try CLI.run(["prices", "list", "--tier", "dedicated", "--format", "csv"])
        let rows = CSVReader.parse(result.stdout)
        #expect(rows.first == ["id", "tier", "provider", "subject", "input_per_mtok", "output_per_mtok", "per_second", "per_hour", "per_month", "currency", "effective_from", "verified_on", "source"])
        #expect(rows.dropFirst().allSatisfy { $0[1] == "dedicated" })
        #expect(rows.count == 19)
    }

    @Test func showsEveryFieldWithSourceAndHistory() throws {
        let result = try CLI.run(["prices", "show", "modal/a100-80gb"])
        #expect(result.status == 0)
        try CLI.expectGolden(result.stdout, "prices-show-modal-a100.txt")
        #expect(result.stdout.contains("per_hour"))
        #expect(result.stdout.contains("Price history"))
        #expect(result.stdout.contains("$0.001092"))
    }

    @Test func showsJSONWithExactPrices() throws {
        let result = try CLI.run(["prices", "show", "modal/b200", "--format", "json"])
        let offer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(offer["per_second"] as? String == "0.001736")
        #expect(offer["verified_on"] as? String == "2026-07-01")
        #expect(offer["effective_from"] == nil)
    }

    /// Both dates and the source, and the lifecycle, in words: the day a price took effect is unknown unless published.
    @Test func showsBothDatesAndTheLifecycle() throws {
        func field(_ result: CLI.Result, _ name: String) -> String? {
            result.stdout.split(separator: "\n").first { $0.hasPrefix(name + "  ") }.map { $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces) }
        }
        let o3 = try CLI.run(["prices", "show", "openai/o3"])
        #expect(field(o3, "effective from") == "2025-06-10")
        #expect(field(o3, "verified on") == "2026-12-01")
        #expect(field(o3, "deprecated on") == "2026-12-11")
        let modal = try CLI.run(["prices", "show", "modal/h100"])
        #expect(field(modal, "effective from") == "unknown (the day the price took effect was not published)")
        #expect(field(modal, "verified on") == "2026-07-01")
        let gemini = try CLI.run(["prices", "show", "vertex/gemini-2.0-flash", "--as-of", "2026-12-01"])
        #expect(gemini.status == 0)
        #expect(field(gemini, "retired on") == "2026-06-01 (not priced from that day)")
    }
}

/// `infracost prices import` and `prices check` through the binary.
struct PricesImportCommandTests {
    static let litellm = """
        {"together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo": {"input_cost_per_token": 8.8e-07, "output_cost_per_token": 8.8e-07,
          "litellm_provider": "together_ai", "mode": "chat", "deprecation_date": "2026-10-22"},
         "text-embedding-3-small": {"input_cost_per_token": 2e-08, "output_cost_per_token": 0, "litellm_provider": "openai", "mode": "embedding"}}
        """

    @Test func importsALiteLLMFileThatCompareThenUses() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("litellm.json").path
        let output = folder.appendingPathComponent("pricing.json").path
        try Self.litellm.write(toFile: input, atomically: true, encoding: .utf8)
        let result = try CLI.run(["prices", "import", input, "--from", "litellm", "--verified-on", "2026-12-01", "--out", output, "--verbose"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("imported 1 offers from \(input) (LiteLLM); 1 entries could not be represented"))
        #expect(result.stderr.contains("skipped text-embedding-3-small: mode 'embedding' is not text generation"))
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("\"input_per_mtok\": \"0.88\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["litellm.json", "pricing.json"])
        let compare = try CLI.run(["compare", "--tokens", "1B", "--pricing", output, "--no-bundled", "--as-of", "2026-12-01", "--format", "json"])
        #expect(compare.status == 0, "stderr: \(compare.stderr)")
        #expect(compare.stdout.contains("\"monthly_cost\": \"880.00\""))
        #expect(compare.stdout.contains("\"deprecated_on\": \"2026-10-22\""))
    }

    @Test(arguments: [
        (["prices", "import", "$D/litellm.json", "--from", "helicone"], 64, "The value 'helicone' is invalid for '--from <registry>'"),
        (["prices", "import", "$D/litellm.json", "--from", "genai-prices"], 65, "this is a LiteLLM file, not genai-prices (use --from litellm)"),
        (["prices", "import", "$D/litellm.json", "--from", "litellm", "--out", "$D/litellm.json"], 64, "is the input file"),
        (["prices", "import", "$D/litellm.json", "--from", "litellm", "--out", ""], 64, "--out needs a file name"),
        (["prices", "import", "$D/bad.json", "--from", "litellm"], 65, "bad.json:1: model 'x', field 'input_cost_per_token': is not a price"),
        (["prices", "import", "$D/litellm.json", "--from", "litellm", "--provider", "nobody"], 65, "no per-token entry to import for --provider nobody"),
        (["prices", "check", "--against", "$D/bad.json"], 65, "is not a price"),
        (["prices", "import", "$D/litellm.json", "--from", "litellm", "--verified-on", "Dec 1"], 64, "must be a date in the form YYYY-MM-DD"),
    ])
    func badImportsAreRefused(arguments: [String], status: Int32, message: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.litellm.write(toFile: folder.appendingPathComponent("litellm.json").path, atomically: true, encoding: .utf8)
        try "{\"x\": {\"input_cost_per_token\": \"abc\", \"output_cost_per_token\": 1e-6, \"litellm_provider\": \"x\"}}"
            .write(toFile: folder.appendingPathComponent("bad.json").path, atomically: true, encoding: .utf8)
        let result = try CLI.run(arguments.map { $0.replacingOccurrences(of: "$D", with: folder.path) })
        #expect(result.status == status, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOfFile: folder.appendingPathComponent("litellm.json").path, encoding: .utf8) == Self.litellm)
    }
}

/// `prices validate pricing-data/*.json` validates each file as what it is.
struct ValidateEveryBundledFileTests {
    @Test func eachFileIsValidatedAsWhatItIs() throws {
        let folder = CLI.root.appendingPathComponent("pricing-data")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { folder.appendingPathComponent($0).path }
        let result = try CLI.run(["prices", "validate"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("schema.json: a JSON Schema (10 definitions), not a pricing file; valid JSON"))
        #expect(result.stdout.contains("gpus.json: valid (14 GPU specifications)"))
        #expect(result.stdout.contains("models.json: valid (17 model architectures)"))
        #expect(result.stdout.contains("exchange-rates.json: valid (1 exchange rate)"))
        #expect(!result.stdout.contains("(0 offers"))
    }
}

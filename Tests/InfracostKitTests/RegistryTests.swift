import Foundation
import Testing

@testable import InfracostKit

/// Reading the two price registries, importing them, and checking the bundled catalog against their snapshots.
struct RegistryTests {
    static let litellm = """
        {
          "sample_spec": {"input_cost_per_token": 0.0, "output_cost_per_token": 0.0, "litellm_provider": "one of the providers"},
          "together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo": {"input_cost_per_token": 8.8e-07, "output_cost_per_token": 8.8e-07,
            "litellm_provider": "together_ai", "mode": "chat", "deprecation_date": "2026-02-25"},
          "gpt-6.1-sol": {"input_cost_per_token": 2e-06, "output_cost_per_token": 1e-05, "cache_read_input_token_cost": 1e-07,
            "input_cost_per_token_batches": 1e-06, "output_cost_per_token_batches": 5e-06,
            "input_cost_per_token_above_272k_tokens": 4e-06, "output_cost_per_token_above_272k_tokens": 1.5e-05,
            "litellm_provider": "openai", "mode": "chat"},
          "text-embedding-3-small": {"input_cost_per_token": 2e-08, "output_cost_per_token": 0, "litellm_provider": "openai", "mode": "embedding"}
        }
        """

    /// The published interchange format (no `type` tags, numbers as numbers).
    static let genaiData = """
        [{"id": "openai", "name": "OpenAI", "pricing_urls": ["https://openai.com/api/pricing/"], "models": [
          {"id": "o3", "name": "o3", "prices": [{"prices": {"input_mtok": 10, "cache_read_mtok": 0.5, "output_mtok": 40}},
                                                {"constraint": {"start_date": "2025-06-10"}, "prices": {"input_mtok": 2, "cache_read_mtok": 0.5, "output_mtok": 8}}]},
          {"id": "dall-e-3", "prices": {"output_image": 0.04}}
        ]}]
        """

    /// The 0.2.3 package's data as JSON: type-tagged constraints, tiers and price variants.
    static let genaiPackage = """
        {"generator": "dump of genai-prices 0.2.3", "providers": [
          {"id": "deepseek", "models": [{"id": "deepseek-chat", "prices": [
            {"prices": {"input_mtok": "0.135", "output_mtok": "0.55"}},
            {"constraint": {"type": "TimeOfDateConstraint", "start_time": "00:30:00+00:00", "end_time": "16:30:00+00:00"},
             "prices": {"input_mtok": "0.27", "output_mtok": "1.1"}}]}]},
          {"id": "google", "models": [{"id": "gemini-3.8-flash", "name": "Gemini 3.8 Flash", "deprecated": false, "prices": [
            {"prices": {"input_mtok": "0.75", "output_mtok": "3.75"}},
            {"constraint": {"type": "StartDateConstraint", "start_date": "2027-01-01"}, "prices": {"input_mtok": "1.5", "output_mtok": "7.5"}}],
            "price_variants": [{"when": {"processing": "batch"}, "prices": {"input_mtok": "0.375", "output_mtok": "1.875"},
                                "constraint": {"type": "StartDateConstraint", "start_date": "2026-10-14"}}]},
            {"id": "gemini-3.1-pro-preview", "prices": {"input_mtok": {"base": "2", "tiers": [{"start": 200000, "price": "4"}]},
                                                         "output_mtok": {"base": "12", "tiers": [{"start": 200000, "price": "18"}]}}}]},
          {"id": "aws", "models": [{"id": "openai.gpt-oss-120b-1:0", "name": "gpt-oss-120b", "prices": {"input_mtok": "0.15", "output_mtok": "0.6"}}]}
        ]}
        """

    func read(_ text: String, _ expected: PriceRegistry? = nil, day: Day = "2026-12-01") throws -> RegistryFile {
        try RegistryFile.read(Array(text.utf8), file: "registry.json", expected: expected, day: day)
    }

    /// 8.8e-07 USD per token is exactly 0.88 per 1M tokens; LiteLLM's batch, cached and above-272k prices and its
    /// deprecation date come along; an embedding model is listed as not imported, never dropped silently.
    @Test func liteLLMConvertsExactly() throws {
        let file = try read(Self.litellm, .litellm)
        let together = try #require(file.entry(key: "together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo"))
        #expect(together.rates == TokenRates(input: Decimal(string: "0.88")!, output: Decimal(string: "0.88")!))
        #expect(Numbers.exact(together.rates.input) == "0.88")
        #expect(together.deprecatedOn == "2026-02-25")
        let sol = try #require(file.entry(key: "gpt-6.1-sol"))
        #expect(sol.cachedInputPerMTok == Decimal(string: "0.1"))
        #expect(sol.modeRates[.batch] == TokenRates(input: 1, output: 5))
        #expect(sol.contextTier == ContextTier(aboveInputTokens: 272_000, rates: TokenRates(input: 4, output: 15)))
        #expect(file.skipped.map(\.key) == ["text-embedding-3-small"])
        #expect(file.skipped.first?.reason == "mode 'embedding' is not text generation")
    }

    /// An import keeps provenance and lifecycle, names the open model and its size so it competes as serverless.
    @Test func importKeepsProvenanceLifecycleAndModelClass() throws {
        let result = PriceImport.make(try read(Self.litellm), verifiedOn: "2026-12-01")
        let together = try #require(result.offers.first { $0.id == "together/meta-llama-3.1-70b-instruct-turbo" })
        #expect(together.tier == .serverless)
        #expect(together.modelParamsB == 70)
        #expect(together.deprecatedOn == "2026-02-25")
        #expect(together.provenance.verifiedOn == "2026-12-01")
        #expect(together.provenance.source == "LiteLLM (registry.json), key together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo")
        #expect(together.registryKeys[.litellm] == "together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo")
        let sol = try #require(result.offers.first { $0.id == "openai/gpt-6.1-sol" })
        #expect(sol.tier == .api)
        // The written file loads back with the same prices.
        let reloaded = try CatalogLoader.load(Array(result.pricingFile().utf8), file: "imported.json")
        #expect(reloaded.offer(id: "openai/gpt-6.1-sol")?.pricing.tokens?.modeRates[.batch] == TokenRates(input: 1, output: 5))
        #expect(reloaded.offer(id: "together/meta-llama-3.1-70b-instruct-turbo")?.pricing.tokens?.inputPerMTok == Decimal(string: "0.88"))
        #expect(PriceImport.make(try read(Self.litellm), providers: ["together_ai"]).offers.map(\.id) == ["together/meta-llama-3.1-70b-instruct-turbo"])
    }

    /// genai-prices' start dates become history: o3 was 10 / 40 until 2025-06-10, 2 / 8 from then.
    @Test func genaiPricesStartDatesBecomeHistory() throws {
        let file = try read(Self.genaiData, .genaiPrices)
        let o3 = try #require(file.entry(key: "openai/o3"))
        #expect(o3.rates == TokenRates(input: 2, output: 8))
        #expect(o3.effectiveFrom == "2025-06-10")
        #expect(o3.history.map(\.to) == ["2025-06-10"])
        #expect(o3.pricingURL == "https://openai.com/api/pricing/")
        #expect(file.skipped.map(\.key) == ["openai/dall-e-3"])
        let offer = try #require(PriceImport.make(file).offers.first)
        let workload = try Fixtures.workload(tokens: "2B")
        #expect(PerTokenModel.cost(of: offer.asOf("2025-06-09"), for: workload).total == 35_000)
        #expect(PerTokenModel.cost(of: offer.asOf("2025-06-10"), for: workload).total == 7_000)
    }

    /// The package data: an announced change after the day read, a batch variant, a long-context tier, and
    /// time-of-day prices (kept for comparison, not imported).
    @Test func genaiPackageDataWithVariantsTiersAndTimeOfDay() throws {
        let file = try read(Self.genaiPackage, day: "2026-12-01")
        #expect(file.version == "dump of genai-prices 0.2.3")
        let flash = try #require(file.entry(key: "google/gemini-3.8-flash"))
        #expect(flash.rates == TokenRates(input: Decimal(string: "0.75")!, output: Decimal(string: "3.75")!))
        #expect(flash.history.map(\.from) == ["2027-01-01"])
        #expect(flash.modeRates[.batch] == TokenRates(input: Decimal(string: "0.375")!, output: Decimal(string: "1.875")!))
        let pro = try #require(file.entry(key: "google/gemini-3.1-pro-preview"))
        #expect(pro.contextTier == ContextTier(aboveInputTokens: 200_000, rates: TokenRates(input: 4, output: 18)))
        let chat = try #require(file.entry(key: "deepseek/deepseek-chat"))
        #expect(chat.timeOfDayRates == [TokenRates(input: Decimal(string: "0.27")!, output: Decimal(string: "1.1")!)])
        let imported = PriceImport.make(file)
        #expect(imported.offers.map(\.id) == ["deepseek/deepseek-chat", "google/gemini-3.8-flash", "google/gemini-3.1-pro-preview", "bedrock/gpt-oss-120b"])
        #expect(imported.offers.last?.tier == .serverless)
        #expect(imported.offers.last?.modelParamsB == 117)
        let announced = try #require(imported.offers.first { $0.id == "google/gemini-3.8-flash" })
        #expect(announced.asOf("2027-01-01").pricing.tokens?.inputPerMTok == Decimal(string: "1.5"))
        #expect(announced.asOf("2026-12-31").pricing.tokens?.inputPerMTok == Decimal(string: "0.75"))
    }

    @Test(arguments: [
        ("[1, 2]", nil as PriceRegistry?, "registry.json:1: neither a genai-prices file"),
        (RegistryTests.litellm, PriceRegistry.genaiPrices, "registry.json:1: this is a LiteLLM file, not genai-prices (use registry litellm)"),
        ("{\"m\": {\"input_cost_per_token\": \"abc\", \"output_cost_per_token\": 1e-6, \"litellm_provider\": \"x\"}}", nil,
         "registry.json:1: model 'm', field 'input_cost_per_token': is not a price"),
        ("{\"m\": {\"input_cost_per_token\": -1, \"output_cost_per_token\": 1e-6, \"litellm_provider\": \"x\"}}", nil,
         "registry.json:1: model 'm', field 'input_cost_per_token': is not a price"),
        ("{\"m\": {\"input_cost_per_token\": null, \"output_cost_per_token\": 1e-6, \"litellm_provider\": \"x\"}}", nil,
         "registry.json:1: model 'm', field 'input_cost_per_token': is not a price"),
    ])
    func badRegistryFilesAreRefused(text: String, expected: PriceRegistry?, message: String) throws {
        do {
            _ = try read(text, expected)
            Issue.record("accepted a bad file")
        } catch let error as InfracostError {
            guard case .invalidData(let problems) = error else { throw error }
            #expect(problems.first?.description.hasPrefix(message) == true, "\(problems.map(\.description))")
        }
    }

    /// Spelling variants of the same model map to the same words.
    @Test func matcherSetsSpellingVariantsAside() {
        let words = RegistryMatcher.words("llama-3.3-70b")
        #expect(RegistryMatcher.words("llama-v3p3-70b-instruct") == words)
        #expect(RegistryMatcher.words("Llama-3.3-70B-Instruct-Turbo") == words)
        #expect(RegistryMatcher.words("llama3-3-70b-instruct-v1:0") == words)
        #expect(RegistryMatcher.words("claude-sonnet-4.5") == RegistryMatcher.words("claude-sonnet-4-5"))
        #expect(OpenModels.model(named: "meta.llama3-3-70b-instruct-v1:0")?.name == "Llama 3.3 70B")
        #expect(OpenModels.model(named: "Meta-Llama-3.1-70B-Instruct-Turbo")?.name == "Llama 3.1 70B")
        #expect(OpenModels.model(named: "Meta-Llama-3-70B-Instruct-Lite")?.name == "Llama 3 70B")
        #expect(OpenModels.model(named: "gpt-6.1-sol") == nil)
    }
}

/// The bundled catalog against the registry snapshots in ../shared/data/price-sources (skipped, visibly, when
/// that folder is absent).
struct RegistrySnapshotTests {
    static let folder = PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared/data/price-sources")
    static let genai = folder.appendingPathComponent("genai-prices-0.2.3.json")
    static let litellm = folder.appendingPathComponent("litellm-1.110.2-model_prices_and_context_window.json")
    static let genaiData = folder.appendingPathComponent("genai-prices-data.json")
    static let present = FileManager.default.fileExists(atPath: genai.path) && FileManager.default.fileExists(atPath: litellm.path)

    static func registry(_ url: URL) throws -> RegistryFile {
        try RegistryFile.read(Array(try Data(contentsOf: url)), file: url.lastPathComponent, day: "2026-12-01")
    }

    /// Every bundled per-token price agrees with both snapshots, or its note says what the other one says; an
    /// offer a registry lacks says so too.
    @Test(.enabled(if: present, "../shared/data/price-sources is not beside the package"), arguments: ["genai-prices", "LiteLLM"])
    func bundledPricesAgreeWithTheSnapshotsOrSayWhy(registry name: String) throws {
        let file = try Self.registry(name == "LiteLLM" ? Self.litellm : Self.genai)
        let catalog = try CatalogLoader.bundled().asOf("2026-12-01")
        let check = PriceCrossCheck.run(catalog: catalog, against: file, tolerance: 0)
        #expect(check.matches.count >= 30)
        let all = catalog.offers + catalog.retired
        for match in check.disagreements {
            let notes = all.first { $0.id == match.offerID }?.notes ?? ""
            #expect(notes.contains("\(name)"), "\(match.offerID): \(name) says \(match.theirs), ours \(match.ours), and the note does not say why")
        }
        for id in check.unmatched {
            let notes = all.first { $0.id == id }?.notes ?? ""
            #expect(notes.contains("\(name) 1.110.2 has no entry") || notes.contains("\(name) 0.2.3 has no entry"), "\(id) is not in \(name) and its note does not say so")
        }
        #expect(check.lifecycleDisagreements.isEmpty, "\(check.lifecycleDisagreements.map { "\($0.offerID): \($0.lifecycle ?? "")" })")
    }

    /// A handful of current prices pinned to the snapshots: 1B tokens at 3:1 (750M in, 250M out).
    @Test(.enabled(if: present, "../shared/data/price-sources is not beside the package"), arguments: [
        ("openai/gpt-6.1-sol", "openai/gpt-6.1-sol", "gpt-6.1-sol", "4000"),  // 750 x 2 + 250 x 10
        ("anthropic/claude-sonnet-5.5", "anthropic/claude-sonnet-5-5", "claude-sonnet-5-5", "4000"),  // 750 x 2 + 250 x 10
        ("google/gemini-3.8-flash", "google/gemini-3.8-flash", "gemini/gemini-3.8-flash", "1500"),  // 750 x 0.75 + 250 x 3.75
        ("bedrock/llama-3.3-70b", "aws/meta.llama3-3-70b-instruct-v1:0", "meta.llama3-3-70b-instruct-v1:0", "720"),  // 1,000 x 0.72
        ("groq/gpt-oss-120b", "groq/openai/gpt-oss-120b", "groq/openai/gpt-oss-120b", "262.5"),  // 750 x 0.15 + 250 x 0.60
    ])
    func currentPricesMatchBothSnapshots(id: String, genaiKey: String, litellmKey: String, monthly: String) throws {
        let workload = try Fixtures.workload(tokens: "1B")
        let offer = try #require(try CatalogLoader.bundled().asOf("2026-12-01").offer(id: id))
        #expect(PerTokenModel.cost(of: offer, for: workload).total == Decimal(string: monthly))
        for (url, key) in [(Self.genai, genaiKey), (Self.litellm, litellmKey)] {
            let entry = try #require(try Self.registry(url).entry(key: key))
            let imported = Offer(id: id, pricing: .api(.init(inputPerMTok: entry.rates.input, outputPerMTok: entry.rates.output)))
            #expect(PerTokenModel.cost(of: imported, for: workload).total == Decimal(string: monthly), "\(url.lastPathComponent) \(key)")
        }
    }

    /// The catalog of March 2026, which names no registry keys, is matched through provider prefixes and name
    /// variants: the offers the issue found skipped (together_ai/, fireworks_ai/accounts/fireworks/models/,
    /// vertex_ai/) are found, and every offer not found is listed.
    @Test(.enabled(if: present, "../shared/data/price-sources is not beside the package"))
    func prefixedNamesAreMatchedAndNothingIsSkippedSilently() throws {
        let catalog = try Fixtures.frozenCatalog().asOf("2026-03-16")
        let check = PriceCrossCheck.run(catalog: catalog, against: try Self.registry(Self.litellm), tolerance: Decimal(string: "0.01")!)
        let keys = Dictionary(uniqueKeysWithValues: check.matches.map { ($0.offerID, $0.key) })
        #expect(keys["together/llama-3.1-70b"] == "together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo")
        #expect(keys["fireworks/llama-3.1-70b"] == "fireworks_ai/accounts/fireworks/models/llama-v3p1-70b-instruct")
        #expect(keys["vertex/gemini-2.0-flash"] == "vertex_ai/gemini-2.0-flash")
        #expect(keys["bedrock/llama-3.1-70b"] == "meta.llama3-1-70b-instruct-v1:0")
        let perToken = catalog.offers.filter { $0.pricing.tokens?.standard != nil }.count
        #expect(check.matches.count + check.unmatched.count == perToken)
        #expect(Set(check.disagreements.map(\.offerID)).isSuperset(of: ["together/llama-3.1-70b", "fireworks/llama-3.1-70b", "vertex/gemini-2.0-flash"]))
    }

    /// Both genai-prices files import whole, and the import validates.
    @Test(.enabled(if: present, "../shared/data/price-sources is not beside the package"))
    func theSnapshotsImportAndValidate() throws {
        for url in [Self.genai, Self.genaiData, Self.litellm] where FileManager.default.fileExists(atPath: url.path) {
            let result = PriceImport.make(try Self.registry(url), verifiedOn: "2026-12-01")
            #expect(result.offers.count > 500, "\(url.lastPathComponent)")
            let catalog = try CatalogLoader.load(Array(result.pricingFile().utf8), file: url.lastPathComponent)
            #expect(catalog.offers.count == result.offers.count)
        }
    }
}

import Foundation
import Testing

@testable import InfracostKit

struct CatalogLoaderTests {
    @Test func acceptsTheMinimalForm() throws {
        let catalog = try Fixtures.catalog()
        #expect(catalog.offers.map(\.id) == ["acme/gpt-4o", "acme/llama-70b", "acme/a100", "acme/a100-s"])
        let api = try #require(catalog.offer(id: "acme/gpt-4o"))
        #expect(api.tier == .api)
        #expect(api.provider == "acme")
        #expect(api.pricing.tokens?.inputPerMTok == 5)
        #expect(api.currency == "USD")
        let gpu = try #require(catalog.offer(id: "acme/a100-s"))
        #expect(gpu.pricing.gpuTime?.rate == .perSecond(Decimal(string: "0.0014")!))
        #expect(gpu.pricing.gpuTime?.coldStartSeconds == 60)
    }

    @Test func readsStringsAndNumbersAsTheSameExactDecimal() throws {
        let catalog = try Fixtures.catalog("""
            {"schema_version": 1, "offers": [
              {"id": "a/x", "tier": "serverless-gpu", "gpu": "A40", "per_second": 0.000575},
              {"id": "a/y", "tier": "serverless-gpu", "gpu": "A40", "per_second": "0.000575"}
            ]}
            """)
        #expect(catalog.offers[0].pricing == catalog.offers[1].pricing)
        #expect(catalog.offers[0].pricing.gpuTime?.rate == .perSecond(Decimal(string: "0.000575")!))
    }

    func problems(_ text: String, requireProvenance: Bool = false) -> [DataProblem] {
        do {
            _ = try CatalogLoader.load(Array(text.utf8), file: "bad.json", requireProvenance: requireProvenance)
            return []
        } catch {
            guard case .invalidData(let problems) = error else { return [] }
            return problems
        }
    }

    @Test(arguments: [
        (#"{"schema_version": 2, "offers": []}"#, "bad.json:1: field 'schema_version': must be 1, found 2"),
        (#"{"offers": []}"#, "bad.json:1: field 'schema_version': is missing (this version reads schema_version 1)"),
        (#"{"schema_version": 1}"#, "bad.json:1: field 'offers': is missing: a pricing file needs an \"offers\" array"),
        (#"[]"#, "bad.json:1: the file must hold a JSON object with \"schema_version\" and \"offers\""),
        (#"{"schema_version": 1, "offers": {}}"#, "bad.json:1: field 'offers': must be an array, found an object"),
        (#"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "gpu", "input_per_mtok": 1, "output_per_mtok": 1}]}"#,
         "bad.json:1: offer 'a/b', field 'tier': unknown tier 'gpu' (use one of: api, serverless, serverless-gpu, dedicated)"),
        (#"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "input_per_mtok": "-1", "output_per_mtok": 1}]}"#,
         "bad.json:1: offer 'a/b', field 'input_per_mtok': must not be negative, found -1"),
        (#"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "input_per_mtok": "cheap", "output_per_mtok": 1}]}"#,
         "bad.json:1: offer 'a/b', field 'input_per_mtok': 'cheap' is not a valid amount: it is not a number"),
        (#"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "input_per_mtok": true, "output_per_mtok": 1}]}"#,
         "bad.json:1: offer 'a/b', field 'input_per_mtok': must be a number or a numeric string, found a boolean"),
        (#"{"schema_version": 1, "offers": [{"tier": "api"}]}"#, "bad.json:1: field 'id': is missing"),
        (#"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "input_per_mtoken": 1}]}"#,
         "bad.json:1: offer 'a/b', field 'input_per_mtoken': unknown offer field (did you mean 'input_per_mtok'?)"),
        (#"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "per_hour": 1}]}"#,
         "bad.json:1: offer 'a/b', field 'per_hour': does not apply to tier 'api' (its prices are input_per_mtok and output_per_mtok)"),
        (#"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "dedicated", "per_hour": 1}]}"#,
         "bad.json:1: offer 'a/b', field 'gpu': is missing: a dedicated offer names its GPU"),
        (#"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "dedicated", "gpu": "A10", "per_hour": 1, "gpu_count": 0}]}"#,
         "bad.json:1: offer 'a/b', field 'gpu_count': must be a whole number of at least 1, found 0"),
        (#"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "input_per_mtok": 1, "output_per_mtok": 1, "currency": "EUR"}]}"#,
         "bad.json:1: offer 'a/b', field 'currency': only USD prices are supported in this version, found 'EUR'"),
        (#"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "input_per_mtok": 1, "output_per_mtok": 1, "as_of": "2025-02-30"}]}"#,
         "bad.json:1: offer 'a/b', field 'as_of': '2025-02-30' is not a date in the form YYYY-MM-DD"),
        (#"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "input_per_mtok": "1e999", "output_per_mtok": 1}]}"#,
         "bad.json:1: offer 'a/b', field 'input_per_mtok': '1e999' is not a valid amount: it is too large (the limit is 1e18)"),
        (#"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "dedicated", "gpu": "A10", "per_hour": 1, "tokens_per_second": 0}]}"#,
         "bad.json:1: offer 'a/b', field 'tokens_per_second': must be greater than zero"),
        ("{\"schema_version\": 1, \"offers\": [\n{\"id\": \"a/b\", \"tier\": \"api\"", "bad.json:2: not valid JSON: the JSON ends early inside an object (truncated file?) (column 28)"),
    ])
    func reportsEachProblemWithFileLineOfferAndField(text: String, expected: String) {
        #expect(problems(text).map(\.description) == [expected])
    }

    @Test func reportsDuplicateIds() {
        let text = """
            {"schema_version": 1, "offers": [
              {"id": "a/b", "tier": "api", "input_per_mtok": 1, "output_per_mtok": 1},
              {"id": "a/b", "tier": "api", "input_per_mtok": 2, "output_per_mtok": 2}
            ]}
            """
        #expect(problems(text).map(\.description) == ["bad.json:3: offer 'a/b', field 'id': duplicate id: the offer on line 2 has it too"])
    }

    @Test func collectsEveryProblemInOneRun() {
        let text = """
            {"schema_version": 1, "offers": [
              {"id": "a/b", "tier": "api", "input_per_mtok": -1, "output_per_mtok": "x"},
              {"id": "a/c", "tier": "nope"}
            ]}
            """
        #expect(problems(text).map(\.line) == [2, 2, 3])
    }

    @Test func bundledRulesRequireSourceAndDate() {
        let text = #"{"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "input_per_mtok": 1, "output_per_mtok": 1}]}"#
        #expect(problems(text, requireProvenance: true).map(\.description) == [
            "bad.json:1: offer 'a/b', field 'source': is missing: every bundled price needs a source",
            "bad.json:1: offer 'a/b', field 'verified_on': is missing: every bundled price needs the day it was checked",
        ])
    }

    @Test func userOffersReplaceBundledOnesWithTheSameId() throws {
        var catalog = try CatalogLoader.bundled()
        let count = catalog.offers.count
        catalog.merge(try Fixtures.catalog("""
            {"schema_version": 1, "offers": [
              {"id": "together/llama-3.1-70b", "tier": "serverless", "model_params_b": 70, "input_per_mtok": "0.50", "output_per_mtok": "0.50"},
              {"id": "mine/llama", "tier": "serverless", "model_params_b": 70, "input_per_mtok": "0.30", "output_per_mtok": "0.30"}
            ]}
            """))
        #expect(catalog.offers.count == count + 1)
        #expect(catalog.offer(id: "together/llama-3.1-70b")?.pricing.tokens?.inputPerMTok == Decimal(string: "0.50")!)
    }

    @Test func findsGPUsByAliasIgnoringCaseSpacesAndDashes() throws {
        let catalog = try CatalogLoader.bundled()
        #expect(catalog.gpu(named: "a100 80gb")?.name == "A100-80GB")
        #expect(catalog.gpu(named: "H100_SXM")?.name == "H100-SXM")
        #expect(catalog.gpu(named: "b200 sxm6")?.name == "B200")
        #expect(catalog.gpu(named: "MI355X") == nil)
    }

    /// Dates: verified_on (the day checked) and effective_from (the day a price took effect) are separate facts;
    /// as_of and from, their older names, are still read in user files but refused in the bundled tables.
    @Test func readsVerifiedOnAndEffectiveFromAndTheirOlderNames() throws {
        let current = try Fixtures.catalog("""
            {"schema_version": 1, "offers": [
              {"id": "a/b", "tier": "api", "input_per_mtok": 1, "output_per_mtok": 2, "effective_from": "2026-03-01",
               "verified_on": "2026-11-30", "deprecated_on": "2027-01-15", "retired_on": "2027-03-01", "source": "s"}]}
            """)
        let offer = try #require(current.offer(id: "a/b"))
        #expect(offer.effectiveFrom == "2026-03-01")
        #expect(offer.provenance.verifiedOn == "2026-11-30")
        #expect(offer.deprecatedOn == "2027-01-15")
        #expect(offer.retiredOn == "2027-03-01")
        let legacy = try Fixtures.catalog("""
            {"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "input_per_mtok": 1, "output_per_mtok": 2, "from": "2026-03-01", "as_of": "2026-11-30"}]}
            """)
        #expect(legacy.offer(id: "a/b")?.effectiveFrom == "2026-03-01")
        #expect(legacy.offer(id: "a/b")?.provenance.verifiedOn == "2026-11-30")
        let both = """
            {"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "input_per_mtok": 1, "output_per_mtok": 2, "as_of": "2026-11-30", "verified_on": "2026-11-30"}]}
            """
        #expect(problems(both).map(\.description) == ["bad.json:1: offer 'a/b', field 'as_of': give verified_on only ('as_of' is its older name)"])
        let bundledLegacy = """
            {"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "input_per_mtok": 1, "output_per_mtok": 2, "as_of": "2026-11-30", "source": "s"}]}
            """
        #expect(problems(bundledLegacy, requireProvenance: true).map(\.description) == [
            "bad.json:1: offer 'a/b', field 'as_of': bundled figures say verified_on (the day checked) and, for prices, effective_from"
        ])
        let backwards = """
            {"schema_version": 1, "offers": [{"id": "a/b", "tier": "api", "input_per_mtok": 1, "output_per_mtok": 2, "deprecated_on": "2027-02-01", "retired_on": "2027-01-01"}]}
            """
        #expect(problems(backwards).map(\.description) == ["bad.json:1: offer 'a/b', field 'retired_on': 2027-01-01 is before deprecated_on 2027-02-01"])
    }
}

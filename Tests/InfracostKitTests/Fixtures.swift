import Foundation

@testable import InfracostKit

/// Small catalogs and workloads built by hand for tests.
enum Fixtures {
    /// The minimal pricing file of the core issue: the published three-offer table plus a per-second GPU.
    static let minimalPricingFile = """
        {"schema_version": 1, "offers": [
          {"id": "acme/gpt-4o", "tier": "api", "input_per_mtok": "5.00", "output_per_mtok": "15.00"},
          {"id": "acme/llama-70b", "tier": "serverless", "model_params_b": 70, "input_per_mtok": "1.08", "output_per_mtok": "1.08"},
          {"id": "acme/a100", "tier": "dedicated", "gpu": "A100", "per_month": "929", "tokens_per_second": 2500},
          {"id": "acme/a100-s", "tier": "serverless-gpu", "gpu": "A100", "per_second": "0.0014", "tokens_per_second": 2500, "cold_start_s": 60}
        ]}
        """

    static func catalog(_ text: String = minimalPricingFile) throws -> PriceCatalog {
        try CatalogLoader.load(Array(text.utf8), file: "test.json")
    }

    /// The first three offers only: the published seed table.
    static func seedCatalog() throws -> PriceCatalog {
        var catalog = try catalog()
        catalog.offers.removeAll { $0.id == "acme/a100-s" }
        return catalog
    }

    /// The catalog of March 2026 (Tests/Fixtures/catalog-2026-03), loaded as user files: mechanics tests use it so
    /// that a price refresh does not change what they assert.
    static func frozenCatalog() throws -> PriceCatalog {
        let names = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.frozenCatalog.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        var catalog = PriceCatalog()
        for name in names {
            catalog.merge(try CatalogLoader.load(contentsOf: PackagePaths.frozenCatalog.appendingPathComponent(name).path))
        }
        return catalog
    }

    static func workload(tokens: String, utilization: String = "0.8") throws -> Workload {
        let (input, output) = Workload.split(tokens: try TokenCount.parse(tokens, label: "--tokens"))
        return Workload(inputTokens: input, outputTokens: output, targetUtilization: Decimal(string: utilization)!)
    }
}

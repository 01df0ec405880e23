import Foundation
import Testing

@testable import InfracostKit

/// pricing-data/schema.json documents exactly the fields the loader reads.
struct PricingSchemaTests {
    static func schema() throws -> JSONValue {
        let bytes = try Array(Data(contentsOf: PackagePaths.pricingData.appendingPathComponent("schema.json")))
        return try JSONValue.parse(bytes)
    }

    static func propertyNames(_ value: JSONValue?) -> Set<String> {
        guard case .object(let members)? = value?["properties"] else { return [] }
        return Set(members.map(\.key))
    }

    @Test func schemaListsTheFieldsTheLoaderReads() throws {
        let schema = try Self.schema()
        let defs = schema["$defs"]
        #expect(Self.propertyNames(schema) == CatalogFileReader.topLevelKeys)
        #expect(Self.propertyNames(defs?["offer"]) == CatalogFileReader.offerKeys)
        #expect(Self.propertyNames(defs?["gpu"]) == CatalogFileReader.gpuKeys)
        #expect(Self.propertyNames(defs?["model"]) == CatalogFileReader.modelKeys)
        #expect(Self.propertyNames(defs?["throughput"]) == CatalogFileReader.throughputKeys)
        #expect(Self.propertyNames(defs?["coldStart"]) == CatalogFileReader.coldStartKeys)
        #expect(Self.propertyNames(defs?["offer"]?["properties"]?["history"]?["items"]) == CatalogFileReader.historyKeys)
        #expect(Self.propertyNames(defs?["exchangeRate"]) == CatalogFileReader.exchangeRateKeys)
        #expect(Self.propertyNames(defs?["platform"]) == CatalogFileReader.platformKeys)
        #expect(Self.propertyNames(defs?["offer"]?["properties"]?["long_context"]) == CatalogFileReader.longContextKeys)
        #expect(Self.propertyNames(defs?["offer"]?["properties"]?["off_peak"]) == CatalogFileReader.offPeakKeys)
        #expect(Self.propertyNames(defs?["offer"]?["properties"]?["batch"]) == CatalogFileReader.modeKeys)
    }

    @Test func schemaListsEveryTier() throws {
        guard case .array(let tiers)? = try Self.schema()["$defs"]?["offer"]?["properties"]?["tier"]?["enum"] else {
            Issue.record("no tier enum")
            return
        }
        #expect(tiers.map(\.value) == Tier.allCases.map { .string($0.rawValue) })
    }
}

/// examples/workload.schema.json documents exactly the fields the workload loader reads, and the example passes.
struct WorkloadSchemaTests {
    @Test func schemaListsTheFieldsTheLoaderReads() throws {
        let bytes = try Array(Data(contentsOf: PackagePaths.root.appendingPathComponent("examples/workload.schema.json")))
        let schema = try JSONValue.parse(bytes)
        #expect(PricingSchemaTests.propertyNames(schema) == WorkloadFile.topKeys)
        #expect(PricingSchemaTests.propertyNames(schema["$defs"]?["workload"]) == WorkloadFile.workloadKeys)
        #expect(PricingSchemaTests.propertyNames(schema["$defs"]?["workload"]?["properties"]?["advise"]) == Set(AdviceInput.settingNames))
    }

    @Test func theExampleFileLoads() throws {
        let file = try WorkloadFile.load(contentsOf: PackagePaths.root.appendingPathComponent("examples/infracost.yml").path)
        #expect(file.workloads.map(\.name) == ["classifier", "reasoning"])
        // 1,000 requests a minute for 730 h: 43,800,000 requests x 400 input tokens.
        #expect(file.workloads[0].workload.inputTokens == 17_520_000_000)
        #expect(file.budget == 5000)
    }
}

import Foundation
import Testing

@testable import InfracostKit

/// The bundled tables load under the strict rules and hold the published figures of shared/pricing-facts.md.
struct BundledCatalogTests {
    @Test func everyBundledFileIsValidUnderTheStrictRules() throws {
        for file in try PackagePaths.pricingFiles() {
            _ = try CatalogLoader.load(Array(file.json.utf8), file: file.name, requireProvenance: true)
        }
    }

    @Test func everyPriceHasASourceAndADate() throws {
        let catalog = try CatalogLoader.bundled()
        #expect(catalog.offers.count >= 40)
        for offer in catalog.offers {
            #expect(offer.provenance.source?.isEmpty == false, "\(offer.id) has no source")
            #expect(offer.provenance.verifiedOn.map(IsoDate.isValid) == true, "\(offer.id) has no valid as_of")
            for point in offer.history {
                #expect(point.provenance.source != nil && point.provenance.verifiedOn != nil, "\(offer.id) history lacks provenance")
            }
        }
    }

    @Test func everyTierIsRepresented() throws {
        let tiers = Set(try CatalogLoader.bundled().offers.map(\.tier))
        #expect(tiers == Set(Tier.allCases))
    }

    /// Per-token prices, USD per 1M input / output tokens, from the published table.
    @Test(arguments: [
        ("together/llama-3.1-70b", "0.54", "0.54"), ("together/llama-3.1-8b", "0.10", "0.10"),
        ("fireworks/llama-3.1-70b", "0.40", "0.40"), ("fireworks/llama-3.1-8b", "0.10", "0.10"),
        ("groq/llama-3.1-70b", "0.59", "0.79"), ("bedrock/llama-3.1-70b", "0.72", "0.72"),
        ("bedrock/claude-3.5-sonnet", "3.00", "15.00"), ("vertex/gemini-2.0-flash", "0.10", "0.40"),
        ("openai/gpt-4o", "2.50", "10.00"), ("openai/o3", "2.00", "8.00"), ("anthropic/claude-sonnet-4.5", "3.00", "15.00"),
        ("deepseek/deepseek-chat", "0.27", "1.10"),
    ])
    func holdsThePublishedPerTokenPrices(id: String, input: String, output: String) throws {
        let offer = try #require(try CatalogLoader.bundled().offer(id: id))
        #expect(offer.inputPerMTok == Decimal(string: input)!)
        #expect(offer.outputPerMTok == Decimal(string: output)!)
    }

    /// GPU prices: per second, per hour or per month as published.
    @Test(arguments: [
        ("replicate/a40", "per_second", "0.000575"), ("replicate/a100-80gb", "per_second", "0.0014"),
        ("modal/a100-80gb", "per_hour", "2.50"), ("modal/h100", "per_hour", "3.95"), ("modal/l4", "per_hour", "0.80"),
        ("modal/b200", "per_hour", "6.25"), ("runpod/h100", "per_hour", "4.97"), ("baseten/h100", "per_hour", "6.50"),
        ("cerebrium/h100", "per_hour", "2.21"), ("cloudrun/l4", "per_hour", "0.84"),
        ("lambda/a100-monthly", "per_month", "929"), ("lambda/h100-pcie", "per_hour", "3.29"),
        ("lambda/a100-40gb", "per_hour", "1.99"), ("lambda/8x-a100-80gb-sxm4", "per_hour", "22.32"),
        ("lambda/a10", "per_hour", "1.29"), ("lambda/a6000", "per_hour", "1.09"),
        ("crusoe/h100-sxm", "per_hour", "3.90"), ("crusoe/h100-sxm-spot", "per_hour", "1.60"),
        ("crusoe/a100-80gb-sxm", "per_hour", "1.95"), ("crusoe/a100-80gb-sxm-spot", "per_hour", "1.30"),
        ("crusoe/h200", "per_hour", "4.29"), ("crusoe/l40s", "per_hour", "1.00"), ("crusoe/l40s-spot", "per_hour", "0.50"),
        ("crusoe/mi300x", "per_hour", "3.45"), ("crusoe/mi300x-spot", "per_hour", "0.95"),
    ])
    func holdsThePublishedGPUPrices(id: String, field: String, value: String) throws {
        let offer = try #require(try CatalogLoader.bundled().offer(id: id))
        let price = ["per_second": offer.perSecond, "per_hour": offer.perHour, "per_month": offer.perMonth][field] ?? nil
        #expect(price == Decimal(string: value)!)
    }

    @Test func keepsOlderPublishedPricesAsHistory() throws {
        let catalog = try CatalogLoader.bundled()
        let modal = try #require(catalog.offer(id: "modal/a100-80gb"))
        #expect(modal.history.first?.prices.first?.value == Decimal(string: "0.001092")!)
        // 0.001092 per second is the published 3.93 per hour.
        #expect(Money.rounded(Decimal(string: "0.001092")! * 3600) == Decimal(string: "3.93")!)
        let h100 = try #require(catalog.offer(id: "modal/h100"))
        #expect(h100.history.first?.prices.first?.value == Decimal(string: "0.002319")!)
        let gpt4o = try #require(catalog.offer(id: "openai/gpt-4o"))
        #expect(gpt4o.history.first?.prices.map(\.value) == [5, 15])
        let o3 = try #require(catalog.offer(id: "openai/o3"))
        #expect(o3.history.first?.prices.map(\.value) == [10, 40])
        #expect(o3.history.first?.to == "2025-06-10")
    }

    @Test(arguments: [
        ("A100-40GB", "40", "1555"), ("A100-80GB", "80", "2039"), ("H100-SXM", "80", "3350"), ("H100-PCIe", "80", "2000"),
        ("H200", "141", "4800"), ("L40S", "48", "864"), ("A40", "48", "696"), ("A10", "24", "600"), ("L4", "24", "300"),
    ])
    func holdsThePublishedGPUSpecifications(name: String, memory: String, bandwidth: String) throws {
        let gpu = try #require(try CatalogLoader.bundled().gpu(named: name))
        #expect(gpu.memoryGB == Decimal(string: memory)!)
        #expect(gpu.bandwidthGBs == Decimal(string: bandwidth)!)
    }

    @Test(arguments: [
        ("replicate", "2", "5"), ("replicate", "8", "10"), ("replicate", "13", "18"), ("replicate", "34", "35"), ("replicate", "70", "60"),
        ("modal", "3", "4"), ("modal", "7", "8"), ("modal", "13", "12"), ("modal", "30", "25"), ("modal", "70", "40"),
    ])
    func holdsThePublishedColdStarts(provider: String, size: String, seconds: String) throws {
        let catalog = try CatalogLoader.bundled()
        let offer = Offer(id: "\(provider)/x", tier: .serverlessGPU, gpu: "A100")
        let found = try #require(PerSecondGPUModel.coldStartSeconds(offer: offer, modelParamsB: Decimal(string: size)!, catalog: catalog))
        #expect(found.seconds == Decimal(string: seconds)!)
    }

    @Test func holdsThePublishedThroughputFigures() throws {
        let figures = try CatalogLoader.bundled().throughput
        let h200 = figures.filter { $0.gpu == "H200" }.map { "\($0.modelParamsB)B x\($0.gpuCount): \($0.tokensPerSecond)" }
        #expect(h200 == ["70B x1: 3014", "70B x4: 6616", "70B x2: 682", "70B x1: 303", "13B x1: 11819"])
        // 3,014 output tokens/s at 128 in / 128 out is 6,028 tokens/s in + out.
        #expect(figures.first { $0.gpu == "H200" }?.totalTokensPerSecond == 6028)
        // 303 output tokens/s at 2,048 in / 128 out is 303 x 2,176 / 128 = 5,151 tokens/s in + out.
        #expect(figures.first { $0.tokensPerSecond == 303 }?.totalTokensPerSecond == Decimal(string: "5151")!)
    }
}

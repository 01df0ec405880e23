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
            #expect(offer.provenance.verifiedOn != nil, "\(offer.id) has no valid verified_on")
            for point in offer.history {
                #expect(point.provenance.source != nil && point.provenance.verifiedOn != nil, "\(offer.id) history lacks provenance")
            }
        }
    }

    @Test func everyTierIsRepresented() throws {
        let tiers = Set(try CatalogLoader.bundled().offers.map(\.tier))
        #expect(tiers == Set(Tier.allCases))
    }

    /// Per-token prices, USD per 1M input / output tokens, as the registry snapshots of 2026-12-01 give them
    /// (genai-prices 0.2.3 first, LiteLLM 1.110.2 where genai-prices has no entry).
    @Test(arguments: [
        ("together/llama-3.1-70b", "0.88", "0.88"), ("together/llama-3.1-8b", "0.18", "0.18"),
        ("fireworks/llama-3.1-70b", "0.90", "0.90"), ("fireworks/llama-3.1-8b", "0.20", "0.20"),
        ("groq/llama-3.3-70b", "0.59", "0.79"), ("bedrock/llama-3.3-70b", "0.72", "0.72"),
        ("deepinfra/gpt-oss-120b", "0.037", "0.17"), ("groq/gpt-oss-20b", "0.075", "0.30"),
        ("bedrock/claude-3.5-sonnet", "3.00", "15.00"), ("vertex/gemini-2.0-flash", "0.10", "0.40"),
        ("openai/gpt-4o", "2.50", "10.00"), ("openai/o3", "2.00", "8.00"), ("anthropic/claude-sonnet-4.5", "3.00", "15.00"),
        ("openai/gpt-6-astra", "10", "50"), ("openai/gpt-6.1-sol", "2", "10"), ("openai/gpt-6-luna", "0.10", "0.50"),
        ("anthropic/claude-opus-5.5", "4", "20"), ("anthropic/claude-sonnet-5.5", "2", "10"), ("anthropic/claude-haiku-5.5", "0.10", "0.50"),
        ("google/gemini-3.1-pro-preview", "2", "12"), ("google/gemini-3.8-flash", "0.75", "3.75"),
        ("deepseek/deepseek-chat", "0.27", "1.10"), ("deepseek/deepseek-v4-pro", "1.32", "3.96"),
    ])
    func holdsThePublishedPerTokenPrices(id: String, input: String, output: String) throws {
        let offer = try #require(try CatalogLoader.bundled().offer(id: id))
        #expect(offer.pricing.tokens?.inputPerMTok == Decimal(string: input)!)
        #expect(offer.pricing.tokens?.outputPerMTok == Decimal(string: output)!)
    }

    /// GPU prices: per second, per hour or per month as published on the dated pages the offers cite.
    @Test(arguments: [
        ("modal/b200", "per_second", "0.001736"), ("modal/h200", "per_second", "0.001261"), ("modal/h100", "per_second", "0.001097"),
        ("modal/a100-80gb", "per_second", "0.000694"), ("modal/a100-40gb", "per_second", "0.000583"),
        ("modal/l40s", "per_second", "0.000542"), ("modal/a10", "per_second", "0.000306"), ("modal/l4", "per_second", "0.000222"),
        ("lambda/h100-sxm", "per_hour", "4.29"), ("lambda/8x-h100-sxm", "per_hour", "31.92"), ("lambda/h100-pcie", "per_hour", "3.29"),
        ("lambda/b200", "per_hour", "6.99"), ("lambda/gh200", "per_hour", "2.29"), ("lambda/8x-a100-80gb-sxm4", "per_hour", "22.32"),
        ("lambda/8x-a100-40gb-sxm4", "per_hour", "15.92"), ("lambda/a10", "per_hour", "1.29"), ("lambda/4x-a6000", "per_hour", "4.36"),
        ("runpod/h100-sxm", "per_hour", "2.69"), ("runpod/h100-sxm-secure", "per_hour", "3.99"), ("runpod/a100-80gb-sxm", "per_hour", "1.39"),
        ("crusoe/h100-sxm", "per_hour", "3.90"), ("crusoe/a100-80gb-sxm", "per_hour", "2.30"), ("crusoe/h200", "per_hour", "4.29"),
        ("crusoe/l40s", "per_hour", "1.50"), ("crusoe/mi300x", "per_hour", "3.45"),
    ])
    func holdsThePublishedGPUPrices(id: String, field: String, value: String) throws {
        let offer = try #require(try CatalogLoader.bundled().offer(id: id))
        let price = OfferRenderer.priceFields(offer).first { $0.0 == field }?.1
        #expect(price == Decimal(string: value)!)
    }

    /// Every bundled GPU offer names a GPU the table specifies, so none is unpriced for want of a spec.
    @Test func everyBundledGPUOfferHasASpecification() throws {
        let catalog = try CatalogLoader.bundled()
        for offer in catalog.offers where offer.gpu != nil {
            #expect(catalog.gpu(named: offer.gpu ?? "") != nil, "\(offer.id): no specification for \(offer.gpu ?? "")")
        }
    }

    /// No bundled price is stale on the day the catalog was verified, and none carries the old invented date.
    @Test func noBundledPriceIsStaleOnTheDayTheCatalogWasVerified() throws {
        let catalog = try CatalogLoader.bundled()
        #expect(PriceAge.stale(catalog.offers, day: "2026-12-01", maxAgeDays: PriceAge.defaultMaxDays).isEmpty)
        #expect(!catalog.offers.contains { $0.provenance.verifiedOn == "2026-01-01" || $0.effectiveFrom == "2026-01-01" })
    }

    @Test func keepsOlderPublishedPricesAsHistory() throws {
        let catalog = try CatalogLoader.bundled()
        let modal = try #require(catalog.offer(id: "modal/a100-80gb"))
        #expect(modal.history.map(\.price) == [.gpuTime(.perHour(Decimal(string: "2.50")!)), .gpuTime(.perSecond(Decimal(string: "0.001092")!))])
        // 0.001092 per second is the published 3.93 per hour.
        #expect(Money.rounded(Decimal(string: "0.001092")! * 3600) == Decimal(string: "3.93")!)
        let h100 = try #require(catalog.offer(id: "modal/h100"))
        #expect(h100.history.last?.price == .gpuTime(.perSecond(Decimal(string: "0.002319")!)))
        let gpt4o = try #require(catalog.offer(id: "openai/gpt-4o"))
        #expect(gpt4o.history.first?.price == .tokens(input: 5, output: 15, cachedInput: nil))
        let o3 = try #require(catalog.offer(id: "openai/o3"))
        #expect(o3.history.first?.price == .tokens(input: 10, output: 40, cachedInput: nil))
        #expect(o3.history.first?.to == "2025-06-10")
    }

    @Test(arguments: [
        ("A100-40GB", "40", "1555"), ("A100-80GB", "80", "2039"), ("H100-SXM", "80", "3350"), ("H100-PCIe", "80", "2000"),
        ("H200", "141", "4800"), ("L40S", "48", "864"), ("A40", "48", "696"), ("A10", "24", "600"), ("L4", "24", "300"),
        ("B200", "180", "8000"), ("GH200", "96", "4000"),
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
        let offer = Offer(id: "\(provider)/x", pricing: .serverlessGPU(.init(hardware: .init(gpu: "A100"), rate: nil)))
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

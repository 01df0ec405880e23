import Foundation
import Testing

@testable import InfracostKit

/// The serving performance model's arithmetic, figure by figure, on the bundled architectures and GPUs.
struct ServingModelTests {
    static func model(_ id: String, gpu: String, gpus: Int, precision: Precision? = nil) throws -> ServingModel {
        let catalog = try CatalogLoader.bundled()
        let architecture = try #require(catalog.model(named: id))
        let spec = try #require(catalog.gpu(named: gpu))
        let compute = try #require(spec.compute)
        return ServingModel(ServingConfiguration(
            architecture: architecture, gpu: spec, compute: compute, gpus: gpus, precision: precision ?? compute.defaultPrecision))
    }

    @Test func memoryOfLlama70BOnTwoH100sAtFP8() throws {
        let model = try Self.model("llama-3.3-70b", gpu: "H100", gpus: 2)
        #expect(model.configuration.precision == .fp8)
        let fit = model.memory(inputTokens: 5000, outputTokens: 500)
        // 70.6B weights at 1 byte; 2 x 80 GB x 0.9 usable, 1 GB per GPU reserved; K and V for 80 layers x 8 heads x
        // 128 dims at 1 byte.
        #expect(abs(fit.weightsGB - 70.6) < 1e-9)
        #expect(abs(fit.usableGB - 144) < 1e-9)
        #expect(abs(fit.reserveGB - 2) < 1e-9)
        #expect(abs(fit.kvCacheGB - 71.4) < 1e-9)
        #expect(fit.kvBytesPerToken == 163_840)
        // 5,000 + 250 tokens held on average: 0.86016 GB; 71.4 / 0.86016 = 83.01.
        #expect(abs(fit.kvPerRequestGB - 0.86016) < 1e-12)
        #expect(fit.maxConcurrency == 83)
        #expect(fit.fits)
    }

    @Test func precisionIsExplicitAndAMissingOneIsAReason() throws {
        let catalog = try CatalogLoader.bundled()
        #expect(try #require(catalog.gpu(named: "A100")?.compute).defaultPrecision == .bf16)
        #expect(try #require(catalog.gpu(named: "L40S")?.compute).defaultPrecision == .fp8)
        let fp4 = try Self.model("llama-3.3-70b", gpu: "H100", gpus: 2, precision: .fp4)
        #expect(fp4.memory(inputTokens: 1000, outputTokens: 1000).reason == "H100-SXM has no fp4 tensor cores")
        // A 70B model at 16 bits needs 141.2 GB: not one 48 GB A40 (43.2 GB usable); at 4 bits 35.3 GB does.
        let a40 = try Self.model("llama-3.3-70b", gpu: "A40", gpus: 1)
        #expect(a40.configuration.precision == .bf16)
        #expect(a40.memory(inputTokens: 1000, outputTokens: 1000).reason?.hasPrefix("141.2 GB of bf16 weights exceed the 43.2 GB usable") == true)
        let int4 = try Self.model("llama-3.3-70b", gpu: "A40", gpus: 1, precision: .int4)
        #expect(int4.memory(inputTokens: 1000, outputTokens: 1000).fits)
    }

    @Test func kvCacheOfA16BitModelIsTwoBytesAValue() throws {
        let model = try Self.model("llama-3.1-8b", gpu: "A100", gpus: 1)
        // 2 x 32 layers x 8 KV heads x 128 dims x 2 bytes.
        #expect(model.memory(inputTokens: 100, outputTokens: 100).kvBytesPerToken == 131_072)
    }

    @Test func mixtureOfExpertsReadsOnlyTheExpertsTheBatchTouches() throws {
        let model = try Self.model("mixtral-8x7b", gpu: "H100", gpus: 2)
        // One token uses 2 of 8 experts: exactly the 12.9B active parameters are read (1 byte each at fp8).
        #expect(abs(model.weightBytesRead(batch: 1) - 12.9e9) < 1e3)
        // A large batch touches every expert: all 46.7B.
        #expect(abs(model.weightBytesRead(batch: 10_000) - 46.7e9) < 1e3)
    }

    @Test func genericModelFollowsItsStatedRatios() {
        let generic = ModelArchitecture.generic(paramsB: 70)
        // layers = (70e9 / 196,608)^(1/3) = 70.9 -> 71; hidden = 128 x 71.
        #expect(generic.layers == 71)
        #expect(generic.hiddenSize == 9088)
        #expect(generic.kvHeads == 8)
        #expect(!generic.isMoE)
        let moe = ModelArchitecture.generic(paramsB: 109, activeParamsB: 17)
        #expect(moe.isMoE && moe.activeParamsB == 17)
    }

    @Test func latencyGrowsWithConcurrencyAndTheTargetIsTheLargestThatMeetsIt() throws {
        let model = try Self.model("llama-3.3-70b", gpu: "H100", gpus: 2)
        let one = model.point(concurrency: 1, inputTokens: 5000, outputTokens: 500)
        let many = model.point(concurrency: 25, inputTokens: 5000, outputTokens: 500)
        #expect(one.itlMs < many.itlMs)
        #expect(one.outputTokensPerSecondPerGPU < many.outputTokensPerSecondPerGPU)
        let target = try #require(model.largestConcurrency(maxITLms: 50, maxTTFTms: nil, inputTokens: 5000, outputTokens: 500))
        #expect(target.itlMs <= 50)
        #expect(model.point(concurrency: target.running + 1, inputTokens: 5000, outputTokens: 500).itlMs > 50)
        // Past the KV limit (83) the extra clients queue: throughput stops growing, time to first token does not.
        let past = model.point(concurrency: 250, inputTokens: 5000, outputTokens: 500)
        let limit = model.point(concurrency: 83, inputTokens: 5000, outputTokens: 500)
        #expect(past.running == 83)
        #expect(abs(past.outputTokensPerSecondPerGPU - limit.outputTokensPerSecondPerGPU) < 1e-9)
        #expect(past.ttftMs > 10 * limit.ttftMs)
    }

    @Test func anH200ServesAtMostItsBandwidthRatioMoreThanAnH100() throws {
        // The review's complaint: a 2023 figure made the H200 6.7x an H100 whose bandwidth is 1.43x smaller. With
        // memory to spare on both (an 8B model), the same physics gives at most that ratio. (A 70B at fp8 on one
        // H100 leaves 1.4 GB of KV cache, 9 requests: there the H200's memory, not a stale figure, makes the gap.)
        let catalog = try CatalogLoader.bundled()
        var shape = Workload(inputTokens: 750_000, outputTokens: 250_000)
        shape.serving.model = "llama-3.1-8b"
        func tokens(_ id: String) throws -> Double {
            let offer = try #require(catalog.offer(id: id))
            let estimate = try Throughput.resolve(offer: offer, shape: shape, catalog: catalog).get()
            #expect(estimate.method == .model)
            #expect(estimate.precision == .fp8)
            return NSDecimalNumber(decimal: estimate.tokensPerSecond).doubleValue / Double(offer.gpuCount)
        }
        let ratio = try tokens("crusoe/h200") / tokens("crusoe/h100-sxm")
        #expect(ratio > 1 && ratio <= 4800.0 / 3350, "H200 / H100 per GPU: \(ratio)")
    }

    @Test func compareAndThroughputAgreeOnOneOffer() throws {
        // The figure compare sizes with is the throughput command's at the same concurrency, times the GPUs.
        let catalog = try CatalogLoader.bundled()
        var shape = Workload(inputTokens: 750_000, outputTokens: 250_000)
        shape.serving.model = "llama-3.1-8b"
        let offer = try #require(catalog.offer(id: "crusoe/l40s"))
        let estimate = try Throughput.resolve(offer: offer, shape: shape, catalog: catalog).get()
        let concurrency = try #require(estimate.concurrency)
        let answer = try ThroughputAnswer.make(
            ThroughputQuery(model: "llama-3.1-8b", gpu: "L40S", gpus: 1, inputTokens: 750, outputTokens: 250, load: .concurrency(concurrency)),
            catalog: catalog)
        let perGPU = try #require(answer.point).totalTokensPerSecondPerGPU
        #expect(estimate.tokensPerSecond == Decimal(Int(perGPU * Double(offer.gpuCount))))
    }
}

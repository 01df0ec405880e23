import Foundation

/// The constants of the serving performance model that physics does not give: how much of each peak a serving
/// engine reaches. Fitted on `../shared/data/serving-benchmarks/calibration.csv` (see `ServingCalibrationTests`;
/// `INFRACOST_FIT=1 swift test --filter ServingCalibrationTests` re-runs the fit and prints the constants).
public struct ServingEfficiencies: Equatable, Sendable {
    /// Share of GPU memory the engine may use (vLLM's default `gpu_memory_utilization`).
    public var memoryFraction = 0.9
    /// GB per GPU kept back for activations and the runtime, on top of the weights and the KV cache.
    public var reserveGB = 1.0
    /// Share of peak memory bandwidth decode steps reach with 8- and 4-bit weights (their kernels dequantize and
    /// scale as they read) and with 16-bit weights.
    public var bandwidth = 0.6
    public var bandwidth16Bit = 0.8
    /// Share of peak tensor throughput a dense model's decode reaches when compute-bound (large batches).
    public var denseDecodeCompute = 0.4
    /// Tokens each expert must receive in a step for a mixture-of-experts model's matrix products to reach the
    /// dense efficiency: each expert sees only batch x k / E tokens, and below this its efficiency falls in
    /// proportion.
    public var moeTokensPerExpertAtPeak = 64.0
    /// Share of peak tensor throughput prefill reaches, dense and MoE.
    public var densePrefill = 0.6
    public var moePrefill = 0.3
    /// Latency of one all-reduce between tensor-parallel GPUs, microseconds (two per layer per step).
    public var allReduceMicroseconds = 5.0
    /// Share of the interconnect's bandwidth an all-reduce reaches.
    public var interconnect = 0.7
    /// Fixed time per decode step (scheduling, kernel launches), milliseconds.
    public var stepOverheadMs = 1.0
    /// The most sequences an engine batches at once (its max batch size).
    public var maxBatch = 512
    /// Tokens one continuous-batching step carries, decode and prefill chunks together (the engine's token budget,
    /// vLLM's `--max-num-batched-tokens`): while prompts wait, each step adds budget - running prompt tokens.
    /// Used only by the simulator; checked against the NIM and vLLM time-to-first-token rows, not fitted.
    public var stepTokenBudget = 2048

    /// The fitted constants (the defaults of each property).
    public init() {}

    /// The fitted constants: the defaults above.
    public static let fitted = ServingEfficiencies()

    /// The constants in words, for `--explain`.
    public var summary: [Assumption] {
        let pairs = [("memory", "\(percent(memoryFraction)) of GPU memory usable (vLLM's default), \(Numbers.exactDouble(reserveGB)) GB reserved per GPU"),
         ("decode", "\(percent(bandwidth)) of memory bandwidth; compute-bound at \(percent(denseDecodeCompute)) of peak, for MoE only once each expert gets \(Numbers.exactDouble(moeTokensPerExpertAtPeak)) tokens a step (less in proportion below)"),
         ("prefill", "\(percent(densePrefill)) of peak tensor throughput (dense), \(percent(moePrefill)) (MoE)"),
         ("tensor parallel", "2 all-reduces per layer per step: \(Numbers.exactDouble(allReduceMicroseconds)) us each plus the bytes at \(percent(interconnect)) of the interconnect"),
         ("batch", "at most \(maxBatch) sequences at once; \(Numbers.exactDouble(stepOverheadMs)) ms fixed per step"),
         ("fitted on", "../shared/data/serving-benchmarks/calibration.csv (published TensorRT-LLM, NIM, vLLM measurements)")]
        return pairs.map { Assumption($0.0, $0.1, settings: [.performance]) }
    }

    func percent(_ value: Double) -> String { "\(Numbers.exactDouble((value * 100).rounded()))%" }
}

/// One replica: a model on `gpus` GPUs of one kind in tensor parallel, at one precision.
public struct ServingConfiguration: Equatable, Sendable {
    public var architecture: ModelArchitecture
    public var gpu: GPUSpec
    public var compute: GPUCompute
    /// GPUs in the replica (its tensor-parallel degree).
    public var gpus: Int
    public var precision: Precision

    /// `architecture` served at `precision` on `gpus` x `gpu` (at least 1) with tensor parallelism across them.
    public init(architecture: ModelArchitecture, gpu: GPUSpec, compute: GPUCompute, gpus: Int, precision: Precision) {
        self.architecture = architecture
        self.gpu = gpu
        self.compute = compute
        self.gpus = gpus
        self.precision = precision
    }
}

/// Where a replica's memory goes.
public struct MemoryFit: Equatable, Sendable {
    public var usableGB: Double
    public var weightsGB: Double
    public var reserveGB: Double
    /// Memory left for the KV cache.
    public var kvCacheGB: Double
    public var kvBytesPerToken: Double
    /// KV cache one request needs on average (its input plus half its output), GB.
    public var kvPerRequestGB: Double
    /// The most requests the KV cache holds at once (capped by the engine's batch size).
    public var maxConcurrency: Int
    /// Why the configuration cannot serve the requests; nil when it fits.
    public var reason: String?
    public var fits: Bool { reason == nil }
}

/// Latency and throughput of one replica at one concurrency.
public struct ServingPoint: Equatable, Sendable {
    /// Requests in flight (clients); `running` of them are batched, the rest wait for KV memory.
    public var concurrency: Int
    public var running: Int
    public var ttftMs: Double
    public var itlMs: Double
    public var e2eMs: Double
    public var outputTokensPerSecondPerGPU: Double
    public var totalTokensPerSecondPerGPU: Double
}

/// The serving performance model: prefill is compute-bound, decode memory-bound (weights and the KV cache of
/// every running sequence read each step) until the batch makes it compute-bound, plus tensor-parallel
/// communication. Continuous batching with chunked prefill: each step decodes every running sequence and
/// carries the prefill of the requests that replace finished ones.
public struct ServingModel: Equatable, Sendable {
    public var configuration: ServingConfiguration
    public var efficiencies: ServingEfficiencies

    /// The model of `configuration` with `efficiencies` (the fitted ones unless a calibration moved them).
    public init(_ configuration: ServingConfiguration, efficiencies: ServingEfficiencies = .fitted) {
        self.configuration = configuration
        self.efficiencies = efficiencies
    }

    var architecture: ModelArchitecture { configuration.architecture }
    var tp: Double { Double(configuration.gpus) }

    /// Why the GPU cannot run this precision; nil when it can.
    public var precisionProblem: String? {
        configuration.precision.peakTFLOPS(on: configuration.compute) == nil
            ? "\(configuration.gpu.name) has no \(configuration.precision.rawValue) tensor cores" : nil
    }

    var peakFLOPS: Double { (configuration.precision.peakTFLOPS(on: configuration.compute) ?? configuration.compute.bf16TFLOPS) * 1e12 }

    /// The memory of one replica for requests of `inputTokens` in and `outputTokens` out.
    public func memory(inputTokens: Int, outputTokens: Int) -> MemoryFit {
        let e = efficiencies
        let usable = Double(configuration.gpus) * configuration.gpu.memoryGBDouble * e.memoryFraction
        let weights = architecture.weightBytes(at: configuration.precision) / 1e9
        let reserve = e.reserveGB * tp
        let kvToken = architecture.kvBytesPerToken(at: configuration.precision)
        let perRequest = kvToken * (Double(inputTokens) + Double(outputTokens) / 2) / 1e9
        let kvCache = usable - weights - reserve
        var maxConcurrency = kvCache > 0 && perRequest > 0 ? Int(min(1e9, (kvCache / perRequest).rounded(.down))) : 0
        maxConcurrency = min(maxConcurrency, e.maxBatch)
        var reason: String?
        if let problem = precisionProblem {
            reason = problem
        } else if inputTokens + outputTokens > architecture.contextLength {
            reason = "\(inputTokens + outputTokens) tokens per request exceed the model's \(architecture.contextLength)-token context"
        } else if kvCache <= 0 {
            reason = "\(format(weights)) GB of \(configuration.precision.rawValue) weights exceed the \(format(usable)) GB usable (\(Int(e.memoryFraction * 100))% of \(configuration.gpus) x \(configuration.gpu.name))"
        } else if maxConcurrency < 1 {
            reason = "after \(format(weights)) GB of weights, \(format(kvCache)) GB is left for the KV cache and one request needs \(format(perRequest)) GB"
        }
        return MemoryFit(usableGB: usable, weightsGB: weights, reserveGB: reserve, kvCacheGB: max(0, kvCache), kvBytesPerToken: kvToken,
                         kvPerRequestGB: perRequest, maxConcurrency: maxConcurrency, reason: reason)
    }

    /// Bytes of weights one decode step reads: all of a dense model; for MoE the shared part and the experts the
    /// batch touches (each expert is used by at least one of `batch` tokens with probability 1 - (1 - k/E)^batch).
    func weightBytesRead(batch: Double) -> Double {
        let total = architecture.weightBytes(at: configuration.precision)
        guard let split = architecture.expertSplit, let experts = architecture.experts, let perToken = architecture.expertsPerToken else { return total }
        let touched = 1 - pow(1 - Double(perToken) / Double(experts), batch)
        return total * (split.sharedB + Double(experts) * split.expertB * touched) / architecture.totalParamsB
    }

    /// Seconds of tensor-parallel communication for `tokens` tokens through every layer.
    func communicationSeconds(tokens: Double) -> Double {
        guard configuration.gpus > 1 else { return 0 }
        let e = efficiencies
        let bytes = 2 * (tp - 1) / tp * tokens * Double(architecture.hiddenSize) * 2
        let perAllReduce = e.allReduceMicroseconds * 1e-6 + bytes / (configuration.compute.interconnectGBs * 1e9 * e.interconnect)
        return 2 * Double(architecture.layers) * perAllReduce
    }

    /// Seconds of one decode step for `batch` running sequences holding `context` tokens each on average.
    public func stepSeconds(batch: Double, context: Double) -> Double {
        let parts = stepParts(batch: batch)
        return max(parts.weights + parts.perContextToken * batch * context, parts.compute) + parts.fixed
    }

    /// The parts of one decode step for `batch` running sequences, in seconds: reading the weights it touches,
    /// reading one token of KV cache, its matrix products, and what does not overlap (communication, overhead).
    /// A step takes max(weights + KV tokens x perContextToken, compute) + fixed.
    func stepParts(batch: Double) -> (weights: Double, perContextToken: Double, compute: Double, fixed: Double) {
        let e = efficiencies
        let share = configuration.precision.bytesPerWeight >= 2 ? e.bandwidth16Bit : e.bandwidth
        let bandwidth = tp * configuration.gpu.bandwidthGBsDouble * 1e9 * share
        var efficiency = e.denseDecodeCompute
        if let experts = architecture.experts, let perToken = architecture.expertsPerToken {
            efficiency *= min(1, batch * Double(perToken) / Double(experts) / e.moeTokensPerExpertAtPeak)
        }
        let compute = 2 * architecture.activeParamsB * 1e9 * batch / tp / (peakFLOPS * efficiency)
        return (weightBytesRead(batch: batch) / bandwidth, architecture.kvBytesPerToken(at: configuration.precision) / bandwidth,
                compute, communicationSeconds(tokens: batch) + e.stepOverheadMs / 1000)
    }

    /// Seconds of compute to prefill one request of `tokens` input tokens: 2 x active parameters per token plus
    /// causal attention (2 x layers x tokens² x heads x head dim).
    public func prefillSeconds(tokens: Int) -> Double {
        let e = efficiencies
        let n = Double(tokens)
        let flops = 2 * architecture.activeParamsB * 1e9 * n
            + 2 * Double(architecture.layers) * n * n * Double(architecture.attentionHeads * architecture.headDim)
        return flops / tp / (peakFLOPS * (architecture.isMoE ? e.moePrefill : e.densePrefill)) + communicationSeconds(tokens: n)
    }

    /// Latency and throughput with `concurrency` clients each sending its next request when the last completes
    /// (a closed loop, as benchmark tools run it). Above the KV cache's limit the extra requests queue.
    public func point(concurrency: Int, inputTokens: Int, outputTokens: Int) -> ServingPoint {
        let fit = memory(inputTokens: inputTokens, outputTokens: outputTokens)
        let clients = max(1, concurrency)
        let running = max(1, min(clients, fit.maxConcurrency))
        let output = Double(max(1, outputTokens))
        let prefill = prefillSeconds(tokens: inputTokens)
        let batch = Double(running)
        // Each step decodes every running sequence; on average batch / output requests finish per step, and the
        // prefill of those that replace them is chunked into the same steps.
        let itl = stepSeconds(batch: batch, context: Double(inputTokens) + output / 2) + batch * prefill / output
        let replicaOutputRate = batch / itl
        // Time to first token: the request's own prefill, waiting behind other prefills (M/D/1 at the share of
        // time spent prefilling), and one step.
        let busy = min(0.95, batch * prefill / (output * itl))
        var ttft = prefill * (1 + busy / (2 * (1 - busy))) + stepSeconds(batch: batch, context: Double(inputTokens))
        var e2e = ttft + output * itl
        if clients > running {
            // Closed loop past the KV limit: each request spends clients / throughput in the system (Little).
            e2e = Double(clients) * output / replicaOutputRate
            ttft = e2e - output * itl
        }
        let outputPerGPU = replicaOutputRate / tp
        return ServingPoint(
            concurrency: clients, running: running, ttftMs: ttft * 1000, itlMs: itl * 1000, e2eMs: e2e * 1000,
            outputTokensPerSecondPerGPU: outputPerGPU,
            totalTokensPerSecondPerGPU: outputPerGPU * (Double(inputTokens) + output) / output)
    }

    /// The saturated point: as many requests as the KV cache and the engine's batch allow.
    public func saturated(inputTokens: Int, outputTokens: Int) -> ServingPoint {
        point(concurrency: max(1, memory(inputTokens: inputTokens, outputTokens: outputTokens).maxConcurrency),
              inputTokens: inputTokens, outputTokens: outputTokens)
    }

    /// Latency and throughput at an open-loop arrival rate (requests per second): the concurrency is the rate
    /// times the time each request spends (Little's law), solved by iteration.
    public func point(requestsPerSecond arrivals: Double, inputTokens: Int, outputTokens: Int) -> ServingPoint {
        var concurrency = 1.0
        var result = point(concurrency: 1, inputTokens: inputTokens, outputTokens: outputTokens)
        for _ in 0..<60 {
            result = point(concurrency: max(1, Int(concurrency.rounded())), inputTokens: inputTokens, outputTokens: outputTokens)
            concurrency = 0.5 * concurrency + 0.5 * max(1, arrivals * result.e2eMs / 1000)
        }
        return result
    }

    /// End-to-end milliseconds of one fixed batch: its prefill, then every output step.
    public func batchLatencyMs(batch: Int, inputTokens: Int, outputTokens: Int) -> Double {
        let b = Double(max(1, batch))
        return (b * prefillSeconds(tokens: inputTokens)
            + Double(outputTokens) * stepSeconds(batch: b, context: Double(inputTokens) + Double(outputTokens) / 2)) * 1000
    }

    /// The largest concurrency whose point meets the targets (inter-token and first-token latency, ms); nil when
    /// even one request misses them. Binary search: latency grows with concurrency.
    public func largestConcurrency(maxITLms: Double?, maxTTFTms: Double?, inputTokens: Int, outputTokens: Int) -> ServingPoint? {
        let limit = max(1, memory(inputTokens: inputTokens, outputTokens: outputTokens).maxConcurrency)
        func meets(_ c: Int) -> ServingPoint? {
            let p = point(concurrency: c, inputTokens: inputTokens, outputTokens: outputTokens)
            if let maxITLms, p.itlMs > maxITLms { return nil }
            if let maxTTFTms, p.ttftMs > maxTTFTms { return nil }
            return p
        }
        guard var best = meets(1) else { return nil }
        var low = 1
        var high = limit
        while low < high {
            let middle = (low + high + 1) / 2
            if let p = meets(middle) { best = p; low = middle } else { high = middle - 1 }
        }
        return best
    }

    func format(_ gb: Double) -> String { String(format: "%.1f", gb) }
}

extension GPUSpec {
    var memoryGBDouble: Double { NSDecimalNumber(decimal: memoryGB).doubleValue }
    var bandwidthGBsDouble: Double { NSDecimalNumber(decimal: bandwidthGBs).doubleValue }
}

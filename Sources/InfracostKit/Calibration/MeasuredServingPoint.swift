import Foundation

/// A latency distribution as a benchmark tool summarizes it, milliseconds. The mean is always known; the
/// percentiles only where the tool wrote them (vLLM writes p99 unless asked for more).
public struct LatencySummary: Equatable, Sendable {
    public var mean: Double
    public var p50: Double?
    public var p95: Double?
    public var p99: Double?

    /// A measured distribution in the metric's unit (milliseconds for latencies): the mean and the quantiles given.
    public init(mean: Double, p50: Double? = nil, p95: Double? = nil, p99: Double? = nil) {
        self.mean = mean
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
    }
}

/// How a benchmark loaded the server.
public enum BenchmarkLoad: Equatable, Sendable, CustomStringConvertible {
    /// That many clients, each sending its next request when the last completes (a closed loop).
    case concurrency(Int)
    /// Requests arriving at this rate per second (an open loop, Poisson unless the tool says otherwise).
    case requestsPerSecond(Double)

    /// The clients of a closed loop; nil for an arrival rate.
    public var clients: Int? {
        if case .concurrency(let clients) = self { return clients }
        return nil
    }

    public var description: String {
        switch self {
        case .concurrency(let clients): "concurrency \(clients)"
        case .requestsPerSecond(let rate): "\(Numbers.exactDouble(rate)) requests/s"
        }
    }
}

/// One benchmark run as a tool's result file states it, before infracost knows the hardware it ran on.
public struct BenchmarkRun: Equatable, Sendable {
    /// The tool that wrote the file: `vllm bench serve`, `GuideLLM`, `AIPerf` or `GenAI-Perf`.
    public var tool: String
    /// The tool's version, when the file states it.
    public var toolVersion: String?
    /// The model as the file names it (a Hugging Face id, usually), when it does.
    public var model: String?
    public var load: BenchmarkLoad
    /// Mean input and output tokens per request.
    public var inputTokens: Double
    public var outputTokens: Double
    /// Output tokens per second over the run, all GPUs together.
    public var outputTokensPerSecond: Double
    public var requestsPerSecond: Double?
    public var ttftMs: LatencySummary
    public var itlMs: LatencySummary
    /// Requests completed, and the measured seconds, when stated.
    public var completed: Int?
    public var durationSeconds: Double?
    /// The day the run was made (`YYYY-MM-DD`), when the file states it.
    public var measuredOn: String?
    /// Where in which file the run was read: `bench.json`, `benchmarks.json benchmarks[2]`.
    public var location: String
}

/// A benchmark run on known hardware: the unit `infracost calibrate` writes and `--performance` reads.
public struct MeasuredServingPoint: Equatable, Sendable {
    /// A model architecture id of the catalog (`llama-3.1-8b`).
    public var model: String
    /// The GPU's canonical name (`H100-SXM`) and how many served one replica (tensor parallel).
    public var gpu: String
    public var gpus: Int
    public var precision: Precision
    public var run: BenchmarkRun

    /// A measured point: `run` on `gpus` (at least 1) x `gpu` serving `model` at `precision`.
    public init(model: String, gpu: String, gpus: Int, precision: Precision, run: BenchmarkRun) {
        self.model = model
        self.gpu = gpu
        self.gpus = gpus
        self.precision = precision
        self.run = run
    }

    /// Mean request shape, rounded to whole tokens.
    public var inputTokens: Int { max(1, Int(run.inputTokens.rounded())) }
    public var outputTokens: Int { max(1, Int(run.outputTokens.rounded())) }
    public var outputTokensPerSecondPerGPU: Double { run.outputTokensPerSecond / Double(gpus) }

    /// Whether this point measured the configuration `model` on `gpus` x `gpu` at `precision` with requests of
    /// about `input` in and `output` out (each within 10%: benchmark datasets vary around their target lengths).
    public func matches(model: String, gpu: String, gpus: Int, precision: Precision, input: Int, output: Int) -> Bool {
        func near(_ measured: Double, _ wanted: Int) -> Bool { abs(measured - Double(wanted)) <= 0.1 * Double(max(1, wanted)) }
        return self.model == model && GPUSpec.normalized(self.gpu) == GPUSpec.normalized(gpu) && self.gpus == gpus
            && self.precision == precision && near(run.inputTokens, input) && near(run.outputTokens, output)
    }

    /// A short label: `concurrency 16, 1000 in / 1000 out`.
    public var label: String { "\(run.load), \(inputTokens) in / \(outputTokens) out" }
}

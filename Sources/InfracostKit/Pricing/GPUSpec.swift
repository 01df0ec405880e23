public import Foundation

/// A GPU model's memory and bandwidth, for fit checks and roofline throughput estimates.
public struct GPUSpec: Equatable, Sendable {
    /// Canonical name, e.g. `A100-80GB`.
    public var name: String
    /// Other names offers may use, e.g. `A100 80GB`.
    public var aliases: [String]
    /// Memory in GB (10^9 bytes).
    public var memoryGB: Decimal
    /// Memory bandwidth in GB/s.
    public var bandwidthGBs: Decimal
    public var provenance: Provenance
    /// Peak tensor throughput and interconnect, for the serving performance model; nil when not given.
    public var compute: GPUCompute?
    /// The name and aliases reduced for matching (see `normalized`), computed once.
    public let matchKeys: Set<String>

    /// A GPU model: `memoryGB` of memory and `bandwidthGBs` GB/s of memory bandwidth (both positive), the names it
    /// also goes by, its compute figures when known, and where the figures come from.
    public init(name: String, aliases: [String] = [], memoryGB: Decimal, bandwidthGBs: Decimal, provenance: Provenance, compute: GPUCompute? = nil) {
        self.name = name
        self.compute = compute
        self.aliases = aliases
        self.matchKeys = Set(([name] + aliases).map(GPUSpec.normalized))
        self.memoryGB = memoryGB
        self.bandwidthGBs = bandwidthGBs
        self.provenance = provenance
    }
}

/// A published sustained throughput for a model size on a GPU configuration.
public struct ThroughputFigure: Equatable, Sendable {
    /// Model size in billions of parameters.
    public var modelParamsB: Decimal
    /// GPU name (canonical or alias).
    public var gpu: String
    /// GPUs the figure was measured on.
    public var gpuCount: Int
    /// Tokens per second, as published.
    public var tokensPerSecond: Decimal
    /// Whether `tokensPerSecond` counts only output tokens (`true`) or input + output tokens.
    public var countsOutputOnly: Bool
    /// Input tokens per request in the measurement, when published.
    public var inputLength: Int?
    /// Output tokens per request in the measurement, when published.
    public var outputLength: Int?
    /// Weight precision, e.g. `fp16`, `fp8`.
    public var precision: String?
    /// Batch size of the measurement.
    public var batch: Int?
    /// How the figure was measured and how infracost uses it.
    public var notes: String?
    public var provenance: Provenance
    /// The file the figure was read from (`bundled:throughput.json` for the bundled table): a figure from a user's
    /// file is their own measurement.
    public var file: String? = nil
    /// Whether the figure is the user's own measurement rather than a bundled published one.
    public var isMeasured: Bool { file.map { !$0.hasPrefix("bundled:") } ?? false }

    /// A published or measured throughput: `tokensPerSecond` (positive) for a `modelParamsB`-billion-parameter model
    /// on `gpuCount` x `gpu`, counting output tokens only when `countsOutputOnly`; the benchmark's lengths, precision
    /// and batch when stated.
    public init(
        modelParamsB: Decimal, gpu: String, gpuCount: Int = 1, tokensPerSecond: Decimal, countsOutputOnly: Bool = false,
        inputLength: Int? = nil, outputLength: Int? = nil, precision: String? = nil, batch: Int? = nil,
        notes: String? = nil, provenance: Provenance
    ) {
        self.countsOutputOnly = countsOutputOnly
        self.inputLength = inputLength
        self.outputLength = outputLength
        self.modelParamsB = modelParamsB
        self.gpu = gpu
        self.gpuCount = gpuCount
        self.tokensPerSecond = tokensPerSecond
        self.precision = precision
        self.batch = batch
        self.notes = notes
        self.provenance = provenance
    }
}

extension ThroughputFigure {
    /// Input + output tokens per second: an output-only figure scaled by (input + output) / output of its
    /// measurement; nil when an output-only figure does not say its lengths.
    public var totalTokensPerSecond: Decimal? {
        guard countsOutputOnly else { return tokensPerSecond }
        guard let inputLength, let outputLength, outputLength > 0 else { return nil }
        return tokensPerSecond * Decimal(inputLength + outputLength) / Decimal(outputLength)
    }

    /// The measurement's input share, input / (input + output), when its lengths are published.
    public var inputShare: Decimal? {
        guard let inputLength, let outputLength, inputLength + outputLength > 0 else { return nil }
        return Decimal(inputLength) / Decimal(inputLength + outputLength)
    }
}

/// Typical seconds billed for one cold start of a model size on a platform.
public struct ColdStartFigure: Equatable, Sendable {
    /// The platform (offer provider), or `*` for a figure that applies to any platform.
    public var provider: String
    /// The size bucket, in billions of parameters, inclusive at both ends.
    public var minParamsB: Decimal
    public var maxParamsB: Decimal
    /// Seconds from request to a ready replica.
    public var seconds: Decimal
    public var provenance: Provenance

    /// A published cold start: `seconds` (non-negative) on `provider` for models of `minParamsB` to `maxParamsB`
    /// billion parameters.
    public init(provider: String, minParamsB: Decimal, maxParamsB: Decimal, seconds: Decimal, provenance: Provenance) {
        self.provider = provider
        self.minParamsB = minParamsB
        self.maxParamsB = maxParamsB
        self.seconds = seconds
        self.provenance = provenance
    }

    /// Whether the bucket holds a model of `paramsB`: its bounds are sizes as models are named (a "70B" model has
    /// 70.6B parameters, an "8B" one 8.03B), so within 2% of a bound is inside.
    public func holds(_ paramsB: Decimal) -> Bool {
        minParamsB * Decimal(string: "0.98")! <= paramsB && paramsB <= maxParamsB * Decimal(string: "1.02")!
    }
}

import Foundation

/// What `infracost throughput` is asked: a model on a GPU configuration at a request shape and load.
public struct ThroughputQuery: Equatable, Sendable {
    /// How many requests are in flight.
    public enum Load: Equatable, Sendable {
        /// That many clients, each sending its next request when the last completes.
        case concurrency(Int)
        /// As many as the KV cache and the engine's batch hold (the saturated point).
        case max
    }

    /// A model of the catalog (`llama-3.1-8b`, a Hugging Face id), or nil for a generic model of `paramsB`.
    public var model: String?
    public var paramsB: Double
    public var activeParamsB: Double?
    public var gpu: String
    /// GPUs in the replica (tensor parallel); nil picks the fewest of 1, 2, 4, 8 that fit.
    public var gpus: Int?
    /// nil: the best the GPU runs natively among bf16 and fp8.
    public var precision: Precision?
    public var inputTokens: Int
    public var outputTokens: Int
    public var load: Load
    /// Answer from the model alone, even where a published figure matches.
    public var modelOnly: Bool

    /// A question about throughput: a named model or a generic one of `paramsB` billion parameters (active ones for
    /// MoE), on `gpus` x `gpu`, at `precision`, for requests of `inputTokens` in and `outputTokens` out (positive), at
    /// `load`.
    public init(
        model: String? = nil, paramsB: Double = 70, activeParamsB: Double? = nil, gpu: String, gpus: Int? = nil, precision: Precision? = nil,
        inputTokens: Int = 1000, outputTokens: Int = 1000, load: Load = .max, modelOnly: Bool = false
    ) {
        self.model = model
        self.paramsB = paramsB
        self.activeParamsB = activeParamsB
        self.gpu = gpu
        self.gpus = gpus
        self.precision = precision
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.load = load
        self.modelOnly = modelOnly
    }

    /// Tensor-parallel layouts tried when --gpus is not given, smallest first.
    public static let layouts = [1, 2, 4, 8]
}

/// The answer of `infracost throughput`: the memory of one replica and, when it fits, its latency and throughput.
public struct ThroughputAnswer: Equatable, Sendable {
    public var query: ThroughputQuery
    public var model: ServingModel
    public var fit: MemoryFit
    /// Latency and throughput at the requested load; nil when the configuration does not fit.
    public var point: ServingPoint?
    /// `model` (the serving performance model), `published` (a bundled figure for this configuration) or
    /// `measured` (the user's own figure, from a `--pricing` file's `throughput` section).
    public var basis: String
    /// The published or measured figure used, in words, when `basis` is `published` or `measured`.
    public var published: String?
    /// The performance file whose fitted efficiencies the model used, when the GPU has a fit there.
    public var fittedFrom: String? = nil

    /// The user's measured point for exactly this configuration and load: at `.concurrency(n)` one measured at n
    /// clients, at `.max` the one serving the most.
    static func measuredPoint(_ query: ThroughputQuery, configuration c: ServingConfiguration, catalog: PriceCatalog) -> MeasuredServingPoint? {
        let matching = catalog.performance.points.filter {
            $0.matches(model: c.architecture.id, gpu: c.gpu.name, gpus: c.gpus, precision: c.precision, input: query.inputTokens, output: query.outputTokens)
        }
        switch query.load {
        case .concurrency(let clients): return matching.first { $0.run.load == .concurrency(clients) }
        case .max: return matching.max { $0.outputTokensPerSecondPerGPU < $1.outputTokensPerSecondPerGPU }
        }
    }

    /// Answers `query` from `catalog`'s model architectures, GPU specifications and published figures.
    /// - Throws: `InfracostError.invalidUsage` for an unknown model or GPU, a GPU without compute figures, or a
    ///   GPU count outside 1...8.
    public static func make(_ query: ThroughputQuery, catalog: PriceCatalog) throws(InfracostError) -> ThroughputAnswer {
        let architecture = try ServingSetup.architecture(model: query.model, paramsB: query.paramsB, activeParamsB: query.activeParamsB, catalog: catalog)
        let (gpu, compute) = try ServingSetup.gpu(named: query.gpu, catalog: catalog)
        let precision = query.precision ?? compute.defaultPrecision
        let efficiencies = catalog.performance.efficiencies(for: gpu)
        func model(_ gpus: Int) -> ServingModel {
            ServingModel(ServingConfiguration(architecture: architecture, gpu: gpu, compute: compute, gpus: gpus, precision: precision),
                         efficiencies: efficiencies.efficiencies)
        }
        let chosen: ServingModel
        if let gpus = query.gpus {
            guard (1...8).contains(gpus) else { throw .invalidUsage(message: "\(Setting.gpus) \(gpus): a replica has 1 to 8 GPUs") }
            chosen = model(gpus)
        } else {
            chosen = ServingSetup.bestLayout(ThroughputQuery.layouts.map(model), inputTokens: query.inputTokens, outputTokens: query.outputTokens) { candidate in
                switch query.load {
                case .max: candidate.saturated(inputTokens: query.inputTokens, outputTokens: query.outputTokens)
                case .concurrency(let clients): candidate.point(concurrency: clients, inputTokens: query.inputTokens, outputTokens: query.outputTokens)
                }
            }
        }
        let fit = chosen.memory(inputTokens: query.inputTokens, outputTokens: query.outputTokens)
        var answer = ThroughputAnswer(query: query, model: chosen, fit: fit, point: nil, basis: "model", published: nil, fittedFrom: efficiencies.file)
        guard fit.fits else { return answer }
        var point: ServingPoint
        switch query.load {
        case .max: point = chosen.saturated(inputTokens: query.inputTokens, outputTokens: query.outputTokens)
        case .concurrency(let clients): point = chosen.point(concurrency: clients, inputTokens: query.inputTokens, outputTokens: query.outputTokens)
        }
        if !query.modelOnly, let measured = measuredPoint(query, configuration: chosen.configuration, catalog: catalog) {
            point.concurrency = measured.run.load.clients ?? point.concurrency
            point.itlMs = measured.run.itlMs.mean
            point.ttftMs = measured.run.ttftMs.mean
            point.e2eMs = measured.run.ttftMs.mean + Double(max(0, measured.outputTokens - 1)) * measured.run.itlMs.mean
            point.outputTokensPerSecondPerGPU = measured.outputTokensPerSecondPerGPU
            point.totalTokensPerSecondPerGPU = measured.outputTokensPerSecondPerGPU * (measured.run.inputTokens + measured.run.outputTokens) / measured.run.outputTokens
            answer.basis = "measured"
            answer.published = "\(Numbers.formatted(Decimal(measured.run.outputTokensPerSecond.rounded()))) output tokens/s measured on \(measured.gpus) x \(measured.gpu) at \(measured.run.load) (\(measured.provenanceText))"
        } else if !query.modelOnly, query.load == .max, let figure = ServingSetup.publishedFigure(for: chosen.configuration, inputTokens: query.inputTokens,
                                                                                            outputTokens: query.outputTokens, catalog: catalog) {
            let outputPerGPU = NSDecimalNumber(decimal: figure.tokensPerSecond).doubleValue / Double(figure.gpuCount)
            let output = Double(query.outputTokens)
            point.outputTokensPerSecondPerGPU = outputPerGPU
            point.totalTokensPerSecondPerGPU = outputPerGPU * (Double(query.inputTokens) + output) / output
            answer.basis = figure.isMeasured ? "measured" : "published"
            answer.published = "\(Numbers.formatted(figure.tokensPerSecond)) output tokens/s on \(figure.gpuCount) x \(figure.gpu)"
                + " (\(figure.notes ?? "published"); \(figure.provenance.source ?? "unsourced"), \(figure.provenance.verifiedOn?.text ?? "undated"))"
        }
        answer.point = point
        return answer
    }
}

/// Finding the parts of a serving configuration in the catalog, shared by `throughput` and the cost models.
public enum ServingSetup {
    /// The architecture for `model`, or a generic one for the size.
    public static func architecture(model: String?, paramsB: Double, activeParamsB: Double?, catalog: PriceCatalog) throws(InfracostError) -> ModelArchitecture {
        guard let model else { return .generic(paramsB: paramsB, activeParamsB: activeParamsB) }
        guard let found = catalog.model(named: model) else {
            let hint = Suggestions.hint(for: model, in: catalog.models.map(\.id))
            throw .invalidUsage(message: "\(Setting.model) \(TextSafety.excerpt(model)): no model architecture has this name\(hint); known: \(catalog.models.map(\.id).joined(separator: ", "))")
        }
        return found
    }

    /// The GPU specification and its compute figures.
    public static func gpu(named name: String, catalog: PriceCatalog) throws(InfracostError) -> (GPUSpec, GPUCompute) {
        guard let gpu = catalog.gpu(named: name) else {
            let hint = Suggestions.hint(for: name, in: catalog.gpus.map(\.name))
            throw .invalidUsage(message: "\(Setting.gpu) \(TextSafety.excerpt(name)): no GPU specification has this name\(hint)")
        }
        guard let compute = gpu.compute else {
            throw .invalidUsage(message: "\(Setting.gpu) \(gpu.name): its specification has no compute figures (bf16_tflops, interconnect_gb_s) to model serving from")
        }
        return (gpu, compute)
    }

    /// Of `candidates` (one model on 1, 2, 4, 8 GPUs), the layout that serves the most output tokens per second per
    /// GPU at `point` among those that fit (fewer GPUs on a tie); when none fits, the smallest (its memory says why).
    public static func bestLayout(
        _ candidates: [ServingModel], inputTokens: Int, outputTokens: Int, point: (ServingModel) -> ServingPoint?
    ) -> ServingModel {
        var best: (model: ServingModel, outputPerGPU: Double)?
        for candidate in candidates where candidate.memory(inputTokens: inputTokens, outputTokens: outputTokens).fits {
            guard let outputPerGPU = point(candidate)?.outputTokensPerSecondPerGPU else { continue }
            if best == nil || outputPerGPU > best!.outputPerGPU * 1.000001 { best = (candidate, outputPerGPU) }
        }
        if let best { return best.model }
        // Nothing fits: the largest layout, whose memory names the shortfall, unless the precision is the problem.
        return candidates.first?.precisionProblem != nil ? candidates[0] : candidates[candidates.count - 1]
    }

    /// A bundled max-throughput figure for exactly this configuration: the model's size (within 2%: published
    /// figures name a size, e.g. 70B), GPU, GPU count, precision and request lengths.
    static func publishedFigure(for configuration: ServingConfiguration, inputTokens: Int, outputTokens: Int, catalog: PriceCatalog) -> ThroughputFigure? {
        guard !configuration.architecture.isGeneric else { return nil }
        let size = configuration.architecture.totalParamsB
        return catalog.throughput.first { figure in
            let figureSize = NSDecimalNumber(decimal: figure.modelParamsB).doubleValue
            return figure.countsOutputOnly && abs(figureSize - size) <= 0.02 * figureSize && figure.gpuCount == configuration.gpus
                && catalog.gpu(named: figure.gpu)?.name == configuration.gpu.name && figure.precision == configuration.precision.rawValue
                && figure.inputLength == inputTokens && figure.outputLength == outputTokens
        }
    }
}

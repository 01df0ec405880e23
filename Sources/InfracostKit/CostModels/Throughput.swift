public import Foundation

/// Finds the tokens-per-second figure for a model size on an offer's GPUs.
///
/// In order: the offer's own `tokens_per_second` ("stated"); for a GPU with compute figures, a published figure
/// for exactly the configuration and request shape, else the serving performance model at the workload's latency
/// target (`ServingModel`, an estimate that says how it was made); for a GPU with only memory and bandwidth, a
/// published figure for the same model size, GPU and count, else a decode roofline, labelled as an estimate.
public enum Throughput {
    /// Requests decoded together in the roofline estimate.
    public static let rooflineBatch = 16
    /// Memory overhead on top of the weights when checking that a model fits (10%).
    public static let memoryOverhead = Decimal(string: "1.1")!

    /// Why no throughput could be found.
    public enum Unavailable: Error, Equatable, Sendable {
        /// The model does not fit the offer's GPUs at any precision: the offer cannot serve it.
        case doesNotFit(String)
        /// Nothing to estimate from (unknown GPU): the offer is listed without a price.
        case unknown(String)
    }

    /// The throughput of `offer` for a model of `modelParamsB` billion parameters.
    ///
    /// Among several published figures for the same configuration, the one whose input share is closest to
    /// `inputShare` wins: prompt-heavy and output-heavy runs differ several-fold in tokens per second.
    public static func resolve(
        offer: Offer, modelParamsB: Decimal, inputShare: Decimal = Workload.defaultInputShare, catalog: PriceCatalog
    ) -> Result<ThroughputEstimate, Unavailable> {
        let (input, output) = Workload.nominal(inputShare: inputShare)
        return resolve(offer: offer, shape: Workload(inputTokens: input, outputTokens: output, modelParamsB: modelParamsB), catalog: catalog)
    }

    /// The throughput of `offer` for workloads shaped like `shape` (its model, input share, request size and
    /// serving choices; the volume is ignored).
    public static func resolve(offer: Offer, shape: Workload, catalog: PriceCatalog) -> Result<ThroughputEstimate, Unavailable> {
        if let stated = offer.tokensPerSecond {
            return .success(ThroughputEstimate(
                tokensPerSecond: stated, isEstimate: false, method: .stated,
                detail: "\(Numbers.formatted(stated)) tokens/s stated by the offer"))
        }
        let gpuName = offer.gpu ?? ""
        let spec = catalog.gpu(named: gpuName)
        if let spec, let compute = spec.compute {
            return modelled(offer: offer, gpu: spec, compute: compute, shape: shape, catalog: catalog)
        }
        let modelParamsB = shape.modelParamsB
        let inputShare = shape.inputShare
        let canonical = GPUSpec.normalized(spec?.name ?? gpuName)
        // Cheap comparisons first: GPU names and divisions only for figures of the right size and count.
        let candidates = catalog.throughput.filter { figure in
            figure.modelParamsB == modelParamsB && figure.gpuCount == offer.gpuCount
                && GPUSpec.normalized(catalog.gpu(named: figure.gpu)?.name ?? figure.gpu) == canonical
        }
        let figures = candidates.compactMap { figure -> (figure: ThroughputFigure, total: Decimal, distance: Decimal)? in
            guard let total = figure.totalTokensPerSecond else { return nil }
            return (figure, total, ((figure.inputShare ?? inputShare) - inputShare).magnitude)
        }
        if let (figure, total, _) = figures.min(by: { $0.distance < $1.distance }) {
            var tokensPerSecond = Decimal()
            var exact = total
            NSDecimalRound(&tokensPerSecond, &exact, 0, .down)
            var detail = "\(Numbers.formatted(figure.tokensPerSecond)) \(figure.countsOutputOnly ? "output " : "")tokens/s published"
            if let input = figure.inputLength, let output = figure.outputLength { detail += " at \(input) in / \(output) out" }
            if let batch = figure.batch { detail += ", batch \(batch)" }
            if let precision = figure.precision { detail += ", \(precision)" }
            if figure.countsOutputOnly { detail += "; x (in + out) / out = \(Numbers.formatted(tokensPerSecond)) tokens/s in + out" }
            if let source = figure.provenance.source { detail += " (\(source), \(figure.provenance.verifiedOn?.text ?? "undated"))" }
            return .success(ThroughputEstimate(tokensPerSecond: tokensPerSecond, isEstimate: false, method: .published, detail: detail))
        }
        guard let spec else {
            return .failure(.unknown("no throughput figure: GPU '\(gpuName)' has no specification to estimate from; give tokens_per_second"))
        }
        let count = Decimal(offer.gpuCount)
        let memory = spec.memoryGB * count
        let precisions: [(name: String, bytesPerParam: Decimal)] = [("fp16", 2), ("8-bit", 1), ("4-bit", Decimal(string: "0.5")!)]
        guard let precision = precisions.first(where: { modelParamsB * $0.bytesPerParam * memoryOverhead <= memory }) else {
            let gpus = offer.gpuCount > 1 ? "\(offer.gpuCount)x \(spec.name)" : spec.name
            return .failure(.doesNotFit("a \(Numbers.exact(modelParamsB))B model does not fit \(gpus) (\(Numbers.exact(memory)) GB) even with 4-bit weights"))
        }
        let weightGB = modelParamsB * precision.bytesPerParam
        let bandwidth = spec.bandwidthGBs * count
        var exact = Decimal(rooflineBatch) * bandwidth / weightGB
        var tokensPerSecond = Decimal()
        NSDecimalRound(&tokensPerSecond, &exact, 0, .down)
        let detail = "estimate (decode roofline, an upper bound): batch \(rooflineBatch) x \(Numbers.formatted(bandwidth)) GB/s"
            + " / \(Numbers.exact(weightGB)) GB of \(precision.name) weights = \(Numbers.formatted(tokensPerSecond)) tokens/s;"
            + " ignores prefill and KV-cache limits"
        return .success(ThroughputEstimate(tokensPerSecond: tokensPerSecond, isEstimate: true, method: .roofline, detail: detail))
    }

    /// The serving performance model's throughput for the offer's GPUs: every tensor-parallel layout that divides
    /// the instance (1, 2, 4, 8 GPUs per replica) is tried at the workload's target, and the one serving the most
    /// tokens wins. Tokens per second count input + output for the whole instance.
    static func modelled(offer: Offer, gpu: GPUSpec, compute: GPUCompute, shape: Workload, catalog: PriceCatalog) -> Result<ThroughputEstimate, Unavailable> {
        guard let architecture = shape.servingArchitecture(in: catalog) else {
            return .failure(.unknown("no model architecture named '\(shape.serving.model ?? "")'"))
        }
        let precision = shape.serving.precision ?? compute.defaultPrecision
        let (input, output) = shape.requestShape
        let count = offer.gpuCount
        let layouts = ThroughputQuery.layouts.filter { $0 <= count && count % $0 == 0 }
        let gpus = count > 1 ? "\(count) x \(gpu.name)" : gpu.name
        func target(_ model: ServingModel) -> ServingPoint? {
            shape.serving.maxThroughput
                ? model.saturated(inputTokens: input, outputTokens: output)
                : model.largestConcurrency(maxITLms: shape.serving.maxITLms, maxTTFTms: shape.serving.maxTTFTms, inputTokens: input, outputTokens: output)
        }
        // The same choice as `throughput`: the layout serving the most tokens per GPU at the target.
        let efficiencies = catalog.performance.efficiencies(for: gpu)
        let candidates = layouts.map {
            ServingModel(ServingConfiguration(architecture: architecture, gpu: gpu, compute: compute, gpus: $0, precision: precision), efficiencies: efficiencies.efficiencies)
        }
        guard !candidates.isEmpty else {
            return .failure(.doesNotFit("\(architecture.name) cannot be served on \(gpus): no tensor-parallel layout divides \(count) GPUs"))
        }
        // The user's own measurement of this configuration wins over the model.
        if let measured = catalog.performance.best(
            model: architecture.id, gpu: gpu, gpuCount: count, precision: precision, input: input, output: output,
            maxITLms: shape.serving.maxITLms, maxTTFTms: shape.serving.maxTTFTms, maxThroughput: shape.serving.maxThroughput
        ) {
            var exact = Decimal(measured.outputTokensPerSecondPerGPU) * Decimal(count) * Decimal(input + output) / Decimal(output)
            var tokensPerSecond = Decimal()
            NSDecimalRound(&tokensPerSecond, &exact, 0, .down)
            let replicas = count / measured.gpus
            let detail = "measured: \(Numbers.formatted(Decimal(Int(measured.run.outputTokensPerSecond.rounded())))) output tokens/s on \(measured.gpus) x \(gpu.name)"
                + " at \(measured.label) (inter-token \(String(format: "%.1f", measured.run.itlMs.mean)) ms, first token \(String(format: "%.0f", measured.run.ttftMs.mean)) ms mean;"
                + " \(measured.provenanceText)); \(replicas) replica\(replicas == 1 ? "" : "s") x (in + out) / out = \(Numbers.formatted(tokensPerSecond)) tokens/s in + out"
                + " at \(shape.serving.targetText)"
            return .success(ThroughputEstimate(
                tokensPerSecond: tokensPerSecond, isEstimate: false, method: .measured, detail: detail, precision: precision,
                concurrency: measured.run.load.clients.map { $0 * replicas }))
        }
        let model = ServingSetup.bestLayout(candidates, inputTokens: input, outputTokens: output, point: target)
        if let reason = model.memory(inputTokens: input, outputTokens: output).reason {
            return .failure(.doesNotFit("\(architecture.name) at \(precision.rawValue) cannot be served on \(gpus): \(reason)"))
        }
        guard let point = target(model) else {
            let reason = "even one request misses the target (\(shape.serving.targetText)) on \(model.configuration.gpus) x \(gpu.name)"
            return .failure(.doesNotFit("\(architecture.name) at \(precision.rawValue) cannot be served on \(gpus): \(reason)"))
        }
        if let figure = ServingSetup.publishedFigure(for: model.configuration, inputTokens: input, outputTokens: output, catalog: catalog),
           shape.serving.maxThroughput {
            let perGPU = figure.tokensPerSecond / Decimal(figure.gpuCount) * Decimal(input + output) / Decimal(output)
            var exact = perGPU * Decimal(count)
            var tokensPerSecond = Decimal()
            NSDecimalRound(&tokensPerSecond, &exact, 0, .down)
            return .success(ThroughputEstimate(
                tokensPerSecond: tokensPerSecond, isEstimate: false, method: figure.isMeasured ? .measured : .published,
                detail: "\(Numbers.formatted(figure.tokensPerSecond)) output tokens/s \(figure.isMeasured ? "measured" : "published") on \(figure.gpuCount) x \(figure.gpu) at \(input) in / \(output) out"
                    + " (\(figure.provenance.source ?? "unsourced"), \(figure.provenance.verifiedOn?.text ?? "undated")); x (in + out) / out for \(gpus)",
                precision: precision))
        }
        let tp = model.configuration.gpus
        var exact = Decimal(point.totalTokensPerSecondPerGPU) * Decimal(count)
        var tokensPerSecond = Decimal()
        NSDecimalRound(&tokensPerSecond, &exact, 0, .down)
        let replicas = count / tp
        let layout = tp == 1 ? "\(replicas) replica\(replicas == 1 ? "" : "s") of 1 GPU" : "\(replicas) replica\(replicas == 1 ? "" : "s") of \(tp) GPUs (tensor parallel)"
        let basis = efficiencies.file.map { "serving performance model, efficiencies fitted to your measurements in \($0)" } ?? "serving performance model"
        let detail = "estimate (\(basis)): \(architecture.name) at \(precision.rawValue), \(layout);"
            + " \(point.running) concurrent requests of \(input) in / \(output) out per replica at \(shape.serving.targetText)"
            + " (inter-token \(String(format: "%.1f", point.itlMs)) ms, first token \(String(format: "%.0f", point.ttftMs)) ms)"
            + " = \(Numbers.formatted(tokensPerSecond)) tokens/s in + out"
        return .success(ThroughputEstimate(
            tokensPerSecond: tokensPerSecond, isEstimate: true, method: .model, detail: detail, precision: precision,
            concurrency: point.running * replicas))
    }
}

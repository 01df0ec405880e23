public import Foundation

/// Finds the tokens-per-second figure for a model size on an offer's GPUs.
///
/// In order: the offer's own `tokens_per_second`; a published figure for the same model size, GPU and GPU
/// count; otherwise a decode roofline estimate from the GPU's memory bandwidth, labelled as an estimate.
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
        if let stated = offer.tokensPerSecond {
            return .success(ThroughputEstimate(
                tokensPerSecond: stated, isEstimate: false, method: "offer",
                detail: "\(Numbers.formatted(stated)) tokens/s stated by the offer"))
        }
        let gpuName = offer.gpu ?? ""
        let spec = catalog.gpu(named: gpuName)
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
            if let source = figure.provenance.source { detail += " (\(source), \(figure.provenance.verifiedOn ?? "undated"))" }
            return .success(ThroughputEstimate(tokensPerSecond: tokensPerSecond, isEstimate: false, method: "published", detail: detail))
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
        return .success(ThroughputEstimate(tokensPerSecond: tokensPerSecond, isEstimate: true, method: "roofline", detail: detail))
    }
}

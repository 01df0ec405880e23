import Foundation

/// The user's own serving measurements (`--performance FILE`, written by `infracost calibrate`) and the model
/// efficiencies fitted to them, per GPU.
///
/// Measured points win over the model for the configuration they measured (same model, GPU, GPU count,
/// precision, request shape within 10%); the fitted efficiencies replace the bundled ones for every other
/// configuration on that GPU.
public struct PerformanceTable: Equatable, Sendable {
    public var points: [MeasuredServingPoint] = []
    /// Efficiencies fitted per GPU (canonical name), each with the file it came from.
    public var fits: [(gpu: String, efficiencies: ServingEfficiencies, file: String)] = []
    public var files: [String] = []

    /// An empty table: no measured points, so the serving model answers alone.
    public init() {}

    public static func == (lhs: PerformanceTable, rhs: PerformanceTable) -> Bool {
        lhs.points == rhs.points && lhs.files == rhs.files && lhs.fits.count == rhs.fits.count
            && zip(lhs.fits, rhs.fits).allSatisfy { $0.gpu == $1.gpu && $0.efficiencies == $1.efficiencies && $0.file == $1.file }
    }

    public var isEmpty: Bool { points.isEmpty && fits.isEmpty }

    /// Adds another table; its fits come first so a later file wins for the same GPU.
    public mutating func merge(_ other: PerformanceTable) {
        points = other.points + points
        fits = other.fits + fits
        files += other.files
    }

    /// The efficiencies for configurations on `gpu`: the user's fit for it, else the bundled fit.
    public func efficiencies(for gpu: GPUSpec) -> (efficiencies: ServingEfficiencies, file: String?) {
        let key = GPUSpec.normalized(gpu.name)
        if let fit = fits.first(where: { GPUSpec.normalized($0.gpu) == key }) { return (fit.efficiencies, fit.file) }
        return (.fitted, nil)
    }

    /// Of the points that measured `model` at `precision` on `gpu` with requests of `input` / `output` tokens, on a
    /// replica of GPUs dividing `gpuCount`, the one serving the most output tokens per GPU among those within the
    /// target: mean inter-token latency <= `maxITLms` and mean time to first token <= `maxTTFTms` (the statistics
    /// the model is sized on); every point when `maxThroughput`.
    public func best(
        model: String, gpu: GPUSpec, gpuCount: Int, precision: Precision, input: Int, output: Int,
        maxITLms: Double?, maxTTFTms: Double?, maxThroughput: Bool
    ) -> MeasuredServingPoint? {
        points.filter { point in
            gpuCount % point.gpus == 0
                && point.matches(model: model, gpu: gpu.name, gpus: point.gpus, precision: precision, input: input, output: output)
                && (maxThroughput || ((maxITLms.map { point.run.itlMs.mean <= $0 } ?? true) && (maxTTFTms.map { point.run.ttftMs.mean <= $0 } ?? true)))
        }
        .max { $0.outputTokensPerSecondPerGPU < $1.outputTokensPerSecondPerGPU }
    }
}

extension MeasuredServingPoint {
    /// Where the point came from, in words: `vllm bench serve, bench.json, measured 2026-11-30`.
    public var provenanceText: String {
        var parts = [run.tool + (run.toolVersion.map { " \($0)" } ?? ""), run.location]
        parts.append(run.measuredOn.map { "measured \($0)" } ?? "undated")
        return parts.joined(separator: ", ")
    }
}

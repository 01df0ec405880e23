import Foundation

/// Fits the serving performance model's efficiencies to a user's measured points on one GPU, and backtests the fit.
///
/// Only the constants the points can inform move: the memory-bandwidth share of the points' precision (16-bit or
/// 8/4-bit), the fixed time per step, the compute share of large decode batches and the prefill share (dense or
/// MoE, as the points' models are). Each starts at the bundled fit and is held near it (a penalty on the log of
/// its change), so one point cannot drag a constant anywhere: the physics stays, the engine's share of the peaks
/// moves. The objective is the mean squared log error of inter-token latency, output throughput per GPU and
/// (weighted 1/4, it is the noisiest) time to first token.
public enum ServingFit {
    /// The relative errors of the model on one point: predicted / measured - 1.
    public struct Errors: Equatable, Sendable {
        public var itl: Double
        public var throughput: Double
        public var ttft: Double
    }

    /// A measured point with the model's errors on it before and after fitting, and when left out of the fit.
    public struct PointCheck: Equatable, Sendable {
        public var point: MeasuredServingPoint
        public var before: Errors
        public var after: Errors
        /// Fitted on the other points only (k-fold, k = min(points, 5)); nil with a single point.
        public var heldOut: Errors?
    }

    /// One constant's value before and after the fit.
    public struct Change: Equatable, Sendable {
        public var name: String
        public var before: Double
        public var after: Double
    }

    /// The fit and its backtest.
    public struct Result: Equatable, Sendable {
        public var gpu: String
        public var efficiencies: ServingEfficiencies
        public var changes: [Change]
        public var checks: [PointCheck]

        /// Median absolute errors over the points: (before, after, held out).
        public func median(_ key: KeyPath<Errors, Double>) -> (before: Double, after: Double, heldOut: Double?) {
            func med(_ values: [Double]) -> Double {
                let sorted = values.map(abs).sorted()
                guard !sorted.isEmpty else { return 0 }
                return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            }
            let held = checks.compactMap { $0.heldOut?[keyPath: key] }
            return (med(checks.map { $0.before[keyPath: key] }), med(checks.map { $0.after[keyPath: key] }), held.isEmpty ? nil : med(held))
        }
    }

    /// Penalty weight on each constant's log change from the bundled fit.
    static let prior = 0.05
    /// TTFT's weight in the objective.
    static let ttftWeight = 0.25

    /// A measured point with the configuration it ran on, resolved from the catalog once (the fit evaluates every
    /// point thousands of times).
    struct Sample {
        var point: MeasuredServingPoint
        var configuration: ServingConfiguration
    }

    /// The points whose model and GPU the catalog knows.
    static func samples(_ points: [MeasuredServingPoint], catalog: PriceCatalog) -> [Sample?] {
        points.map { point in
            guard let architecture = catalog.model(named: point.model), let gpu = catalog.gpu(named: point.gpu), let compute = gpu.compute else { return nil }
            return Sample(point: point, configuration: ServingConfiguration(architecture: architecture, gpu: gpu, compute: compute, gpus: point.gpus, precision: point.precision))
        }
    }

    /// The model's errors on a sample with `efficiencies`; nil when the configuration does not fit in memory.
    static func errors(_ sample: Sample, efficiencies: ServingEfficiencies) -> Errors? {
        let point = sample.point
        let model = ServingModel(sample.configuration, efficiencies: efficiencies)
        guard model.memory(inputTokens: point.inputTokens, outputTokens: point.outputTokens).fits else { return nil }
        let predicted: ServingPoint
        switch point.run.load {
        case .concurrency(let clients): predicted = model.point(concurrency: clients, inputTokens: point.inputTokens, outputTokens: point.outputTokens)
        case .requestsPerSecond(let rate): predicted = model.point(requestsPerSecond: rate, inputTokens: point.inputTokens, outputTokens: point.outputTokens)
        }
        return Errors(itl: predicted.itlMs / point.run.itlMs.mean - 1,
                      throughput: predicted.outputTokensPerSecondPerGPU / point.outputTokensPerSecondPerGPU - 1,
                      ttft: point.run.ttftMs.mean > 0 ? predicted.ttftMs / point.run.ttftMs.mean - 1 : 0)
    }

    /// The constants a fit on `samples` may move, by name.
    static func parameters(for samples: [Sample]) -> [(name: String, key: WritableKeyPath<ServingEfficiencies, Double>, limit: ClosedRange<Double>)] {
        var result: [(String, WritableKeyPath<ServingEfficiencies, Double>, ClosedRange<Double>)] = []
        if samples.contains(where: { $0.point.precision.bytesPerWeight >= 2 }) { result.append(("bandwidth_16bit", \.bandwidth16Bit, 0.2...1)) }
        if samples.contains(where: { $0.point.precision.bytesPerWeight < 2 }) { result.append(("bandwidth", \.bandwidth, 0.2...1)) }
        result.append(("step_overhead_ms", \.stepOverheadMs, 0...20))
        result.append(("dense_decode_compute", \.denseDecodeCompute, 0.05...1))
        if samples.contains(where: { !$0.configuration.architecture.isMoE }) { result.append(("dense_prefill", \.densePrefill, 0.05...1)) }
        if samples.contains(where: { $0.configuration.architecture.isMoE }) { result.append(("moe_prefill", \.moePrefill, 0.05...1)) }
        return result
    }

    /// Fits `start` to `samples` (coordinate descent over a multiplicative grid, four rounds).
    static func fit(_ samples: [Sample], start: ServingEfficiencies) -> ServingEfficiencies {
        let parameters = parameters(for: samples)
        func objective(_ e: ServingEfficiencies) -> Double {
            var total = 0.0
            var counted = 0
            for sample in samples {
                guard let errors = errors(sample, efficiencies: e) else { continue }
                let logs = [log1p(errors.itl), log1p(errors.throughput), log1p(errors.ttft)]
                guard logs.allSatisfy(\.isFinite) else { return .infinity }
                total += logs[0] * logs[0] + logs[1] * logs[1] + ttftWeight * logs[2] * logs[2]
                counted += 1
            }
            guard counted > 0 else { return .infinity }
            var penalty = 0.0
            for parameter in parameters {
                let from = max(start[keyPath: parameter.key], 0.01)
                let to = max(e[keyPath: parameter.key], 0.01)
                penalty += log(to / from) * log(to / from)
            }
            return total / Double(counted) + prior * penalty
        }
        var best = start
        var bestScore = objective(best)
        guard bestScore.isFinite else { return start }
        let factors = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.05, 1.1, 1.15, 1.25, 1.4, 1.6, 2]
        for _ in 0..<4 {
            var improved = false
            for parameter in parameters {
                let current = best[keyPath: parameter.key]
                // A zero step overhead can still grow: its grid is absolute.
                let candidates = current == 0 ? [0.25, 0.5, 1, 2] : factors.map { current * $0 }
                for value in candidates {
                    let bounded = min(max(value, parameter.limit.lowerBound), parameter.limit.upperBound)
                    var trial = best
                    trial[keyPath: parameter.key] = bounded
                    let score = objective(trial)
                    if score < bestScore - 1e-12 { bestScore = score; best = trial; improved = true }
                }
            }
            if !improved { break }
        }
        return best
    }

    /// Folds of the held-out backtest at most: each is one more fit.
    static let maximumFolds = 5

    /// Fits on all `points` and backtests: each point's errors before, after, and with its fold left out (k-fold,
    /// k = min(points, 5)). Points the catalog cannot model are left out.
    public static func calibrate(_ points: [MeasuredServingPoint], gpu: String, catalog: PriceCatalog, start: ServingEfficiencies = .fitted) -> Result {
        let samples = samples(points, catalog: catalog).compactMap { $0 }
        let fitted = fit(samples, start: start)
        let folds = min(samples.count, maximumFolds)
        var heldOut: [Int: ServingEfficiencies] = [:]
        if folds > 1 {
            for fold in 0..<folds {
                heldOut[fold] = fit(samples.enumerated().filter { $0.offset % folds != fold }.map(\.element), start: start)
            }
        }
        var checks: [PointCheck] = []
        for (index, sample) in samples.enumerated() {
            guard let before = errors(sample, efficiencies: start), let after = errors(sample, efficiencies: fitted) else { continue }
            let held = heldOut[index % max(1, folds)].flatMap { errors(sample, efficiencies: $0) }
            checks.append(PointCheck(point: sample.point, before: before, after: after, heldOut: held))
        }
        let changes = parameters(for: samples).map { Change(name: $0.name, before: start[keyPath: $0.key], after: fitted[keyPath: $0.key]) }
        return Result(gpu: gpu, efficiencies: fitted, changes: changes, checks: checks)
    }
}

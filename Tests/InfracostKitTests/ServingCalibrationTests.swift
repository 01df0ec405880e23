import Foundation
import Testing

@testable import InfracostKit

/// The serving performance model against the published measurements of
/// ../shared/data/serving-benchmarks/calibration.csv (skipped, visibly, when the folder is not beside the package).
///
/// Every row the model can represent (a known model, GPU and precision with a fixed input and output length) is
/// predicted from the model alone and compared; the table is printed. Targets: median absolute error at most 15%
/// on throughput rows and 25% on latency rows, and no throughput row off by more than 2x.
@Suite struct ServingCalibrationTests {
    static let file = PackagePaths.root.deletingLastPathComponent()
        .appendingPathComponent("shared/data/serving-benchmarks/calibration.csv")
    static let present = FileManager.default.fileExists(atPath: file.path)

    /// One published measurement, parsed.
    struct Row {
        var line: Int
        var model: String
        var gpu: String
        var precision: Precision
        var gpus: Int
        var input: Int
        var output: Int
        var load: Load
        var metric: String
        var value: Double

        enum Load { case max, clients(Int), batch(Int), rate(Double) }
    }

    struct Prediction {
        var row: Row
        var predicted: Double
        var error: Double { (predicted - row.value) / row.value }
        var isThroughput: Bool { row.metric == "output_tok_s_per_gpu" }
    }

    /// The model id for the source's model name: the most specific pattern first.
    static let modelPatterns: [(pattern: String, id: String)] = [
        ("405b", "llama-3.1-405b"), ("235b", "qwen3-235b-a22b"), ("30b-a3b", "qwen3-30b-a3b"), ("gpt-oss-120b", "gpt-oss-120b"),
        ("gpt-oss-20b", "gpt-oss-20b"), ("scout", "llama-4-scout"), ("mixtral", "mixtral-8x7b"), ("nemotron super", "nemotron-super-49b"),
        ("qwen2.5-7b", "qwen2.5-7b"), ("llama-3.3-70b", "llama-3.3-70b"), ("llama-3.1-70b", "llama-3.1-70b"), ("llama-3-70b", "llama-3-70b"),
        ("llama-3.1-8b", "llama-3.1-8b"), ("llama-3-8b", "llama-3-8b"),
    ]
    static let gpuPatterns: [(prefix: String, name: String)] = [
        ("H100", "H100-SXM"), ("H200", "H200"), ("A100", "A100-80GB"), ("L40S", "L40S"), ("B200", "B200"), ("MI300X", "MI300X"),
    ]

    static func rows() throws -> [Row] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var rows: [Row] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().dropFirst() where !line.isEmpty {
            let fields = csvFields(String(line))
            guard fields.count >= 17 else { continue }
            let name = fields[5].lowercased()
            guard let model = modelPatterns.first(where: { name.contains($0.pattern) })?.id,
                  let gpu = gpuPatterns.first(where: { fields[9].uppercased().hasPrefix($0.prefix) })?.name,
                  let input = Int(fields[12]), let output = Int(fields[13]), let value = Double(fields[16])
            else { continue }
            let precisionText = fields[8].lowercased()
            let precision: Precision = precisionText.hasPrefix("fp4") ? .fp4 : precisionText.hasPrefix("fp8") ? .fp8 : .bf16
            let gpus = Int(fields[11]) ?? Int(fields[10]) ?? 1
            let loadText = fields[14]
            let load: Row.Load
            if loadText == "max" {
                load = .max
            } else if let clients = Int(loadText) {
                load = .clients(clients)
            } else if loadText.hasPrefix("batch "), let batch = Int(loadText.dropFirst(6)) {
                load = .batch(batch)
            } else if loadText.hasPrefix("arrival rate "), let rate = Double(loadText.dropFirst(13).prefix { $0.isNumber || $0 == "." }) {
                load = .rate(rate)
            } else {
                continue
            }
            rows.append(Row(line: index + 1, model: model, gpu: gpu, precision: precision, gpus: gpus, input: input, output: output,
                            load: load, metric: fields[15], value: value))
        }
        return rows
    }

    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { fields.append(current); current = "" } else { current.append(character) }
        }
        fields.append(current)
        return fields
    }

    static func predict(_ rows: [Row], catalog: PriceCatalog, efficiencies: ServingEfficiencies) -> [Prediction] {
        rows.compactMap { row in
            guard let architecture = catalog.model(named: row.model), let gpu = catalog.gpu(named: row.gpu), let compute = gpu.compute else { return nil }
            let model = ServingModel(
                ServingConfiguration(architecture: architecture, gpu: gpu, compute: compute, gpus: row.gpus, precision: row.precision),
                efficiencies: efficiencies)
            guard model.memory(inputTokens: row.input, outputTokens: row.output).fits else { return nil }
            let point: ServingPoint
            switch row.load {
            case .max: point = model.saturated(inputTokens: row.input, outputTokens: row.output)
            case .clients(let clients): point = model.point(concurrency: clients, inputTokens: row.input, outputTokens: row.output)
            case .rate(let rate): point = model.point(requestsPerSecond: rate, inputTokens: row.input, outputTokens: row.output)
            case .batch(let batch):
                guard row.metric == "e2e_ms" else { return nil }
                return Prediction(row: row, predicted: model.batchLatencyMs(batch: batch, inputTokens: row.input, outputTokens: row.output))
            }
            let value: Double
            switch row.metric {
            case "output_tok_s_per_gpu": value = point.outputTokensPerSecondPerGPU
            case "ttft_ms": value = point.ttftMs
            case "itl_ms": value = point.itlMs
            case "e2e_ms": value = point.e2eMs
            default: return nil
            }
            return Prediction(row: row, predicted: value)
        }
    }

    static func summary(_ predictions: [Prediction]) -> (throughput: Double, latency: Double, worstThroughput: Double) {
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return .infinity }
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        let throughput = predictions.filter(\.isThroughput).map { abs($0.error) }
        let latency = predictions.filter { !$0.isThroughput }.map { abs($0.error) }
        // A row off by more than 2x: predicted above twice or below half the measurement.
        let worst = predictions.filter(\.isThroughput).map { max($0.predicted / $0.row.value, $0.row.value / $0.predicted) }.max() ?? .infinity
        return (median(throughput), median(latency), worst)
    }

    @Test(.enabled(if: present, "../shared/data/serving-benchmarks/calibration.csv is not beside the package"))
    func reproducesThePublishedMeasurements() throws {
        let catalog = try CatalogLoader.bundled()
        let rows = try Self.rows()
        let predictions = Self.predict(rows, catalog: catalog, efficiencies: .fitted)
        print("line  model               gpu        prec  gpus  in/out      load        metric                   measured    predicted   error")
        for p in predictions {
            let load: String
            switch p.row.load {
            case .max: load = "max"
            case .clients(let c): load = "c=\(c)"
            case .batch(let b): load = "batch \(b)"
            case .rate(let r): load = "\(Numbers.exactDouble(r)) req/s"
            }
            func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
            print(pad(String(p.row.line), 4) + "  " + pad(p.row.model, 18) + "  " + pad(p.row.gpu, 9) + "  " + pad(p.row.precision.rawValue, 4)
                  + "  " + pad(String(p.row.gpus), 4) + "  " + pad("\(p.row.input)/\(p.row.output)", 10) + "  " + pad(load, 10) + "  "
                  + pad(p.row.metric, 22) + String(format: " %10.1f  %10.1f  %+6.1f%%", p.row.value, p.predicted, p.error * 100))
        }
        let summary = Self.summary(predictions)
        print(String(format: "%d of %d rows represented; median |error| throughput %.1f%%, latency %.1f%%; worst throughput row %.2fx",
                     predictions.count, rows.count, summary.throughput * 100, summary.latency * 100, summary.worstThroughput))
        #expect(predictions.count >= 40, "the model should represent most rows (\(predictions.count))")
        #expect(summary.throughput <= 0.15)
        #expect(summary.latency <= 0.25)
        #expect(summary.worstThroughput <= 2)
    }

    /// `INFRACOST_FIT=1`: coordinate descent over the efficiencies, printing the best set (to copy into
    /// `ServingEfficiencies`). The objective weighs median throughput and latency errors and rows off by 2x.
    @Test(.enabled(if: present && ProcessInfo.processInfo.environment["INFRACOST_FIT"] == "1", "set INFRACOST_FIT=1 to re-fit the efficiencies"))
    func fitsTheEfficiencies() throws {
        let catalog = try CatalogLoader.bundled()
        let rows = try Self.rows()
        func score(_ e: ServingEfficiencies) -> Double {
            let predictions = Self.predict(rows, catalog: catalog, efficiencies: e)
            let s = Self.summary(predictions)
            let over = Double(predictions.filter { $0.isThroughput && max($0.predicted / $0.row.value, $0.row.value / $0.predicted) > 2 }.count)
            return s.throughput + 0.5 * s.latency + 0.5 * over + 0.2 * max(0, s.worstThroughput - 2) + Double(rows.count - predictions.count) * 0.01
        }
        let grid: [(WritableKeyPath<ServingEfficiencies, Double>, [Double])] = [
            (\.bandwidth, [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]), (\.bandwidth16Bit, [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]), (\.denseDecodeCompute, [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]),
            (\.moeTokensPerExpertAtPeak, [8, 16, 32, 64, 128, 256, 512]), (\.densePrefill, [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]),
            (\.moePrefill, [0.2, 0.3, 0.4, 0.5, 0.6]), (\.allReduceMicroseconds, [2, 5, 10, 20]), (\.stepOverheadMs, [0, 0.5, 1, 2, 3]),
            (\.interconnect, [0.2, 0.3, 0.5, 0.7, 1.0]), (\.reserveGB, [0, 1, 2, 4]),
        ]
        var best = ServingEfficiencies.fitted
        var bestScore = score(best)
        for _ in 0..<3 {
            for (key, values) in grid {
                for value in values {
                    var trial = best
                    trial[keyPath: key] = value
                    let s = score(trial)
                    if s < bestScore { bestScore = s; best = trial }
                }
            }
            for batch in [256, 512, 1024, 2048] {
                var trial = best
                trial.maxBatch = batch
                let s = score(trial)
                if s < bestScore { bestScore = s; best = trial }
            }
        }
        print("fitted: \(best) score \(bestScore)")
        #expect(bestScore.isFinite)
    }
}

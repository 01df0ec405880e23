import Foundation
import Testing

@testable import InfracostKit

/// `infracost calibrate`'s readers on files in each tool's layout (Tests/Fixtures/benchmarks, carrying published
/// measurements; its README says which), the fit and its backtest, and the performance file.
@Suite struct CalibrationTests {
    static let folder = PackagePaths.root.appendingPathComponent("Tests/Fixtures/benchmarks")

    static func runs(_ name: String) throws -> [BenchmarkRun] {
        let path = folder.appendingPathComponent(name).path
        return try BenchmarkFile.runs(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: name)
    }

    static let nimFiles = ["aiperf-nim-llama-3.3-70b-c1.json", "aiperf-nim-llama-3.3-70b-c25.json", "aiperf-nim-llama-3.3-70b-c250.json"]

    static func nimCalibration() throws -> (Calibration, PriceCatalog) {
        let catalog = try CatalogLoader.bundled()
        let runs = try nimFiles.flatMap { try Self.runs($0) }
        let calibration = try Calibration.make(runs: runs, request: CalibrationRequest(gpu: "H100", gpus: 2, precision: .fp8), catalog: catalog)
        return (calibration, catalog)
    }

    @Test func readsAnAIPerfExport() throws {
        let runs = try Self.runs("aiperf-nim-llama-3.3-70b-c25.json")
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.tool == "AIPerf")
        #expect(run.model == "meta-llama/Llama-3.3-70B-Instruct")
        #expect(run.load == .concurrency(25))
        #expect(run.inputTokens == 5000 && run.outputTokens == 500)
        // NIM's published figures for 25 clients: TTFT 688.69 ms, ITL 38.75 ms, 623.4 output tokens/s for the system.
        #expect(run.ttftMs.mean == 688.69)
        #expect(run.itlMs.mean == 38.75)
        #expect(run.outputTokensPerSecond == 623.4)
        #expect(run.durationSeconds == nil && run.completed == nil)
    }

    @Test func readsVLLMBenchServe() throws {
        let run = try #require(try Self.runs("vllm-bench-serve-nemotron-super-b200-c64.json").first)
        #expect(run.tool == "vllm bench serve")
        #expect(run.load == .concurrency(64))
        #expect(run.inputTokens == 2048 && run.outputTokens == 512)
        #expect(run.outputTokensPerSecond == 3816)
        #expect(run.itlMs.mean == 12.7 && run.ttftMs.mean == 205)
        #expect(run.completed == 50)
        #expect(run.model == "nvidia/Llama-3_3-Nemotron-Super-49B-v1")
    }

    @Test func readsVLLMAppendedResultsOnePerLine() throws {
        let line = #"{"backend": "openai", "model_id": "Qwen/Qwen2.5-7B-Instruct", "num_prompts": 10, "request_rate": RATE, "max_concurrency": null, "duration": 10.0, "completed": 10, "total_input_tokens": 7500, "total_output_tokens": 2510, "request_throughput": 1.0, "output_throughput": 251.0, "mean_ttft_ms": 20.0, "median_ttft_ms": 19.0, "p99_ttft_ms": 30.0, "mean_itl_ms": 7.0, "date": "20261130-101500"}"#
        let text = line.replacingOccurrences(of: "RATE", with: "1.0") + "\n" + line.replacingOccurrences(of: "RATE", with: "\"inf\"") + "\n"
        let runs = try BenchmarkFile.runs(Array(text.utf8), file: "appended.json")
        #expect(runs.count == 2)
        #expect(runs[0].load == .requestsPerSecond(1))
        // request_rate "inf" with no max_concurrency: every prompt at once, a closed batch of num_prompts.
        #expect(runs[1].load == .concurrency(10))
        #expect(runs[0].inputTokens == 750 && runs[0].outputTokens == 251)
        #expect(runs[0].ttftMs == LatencySummary(mean: 20, p50: 19, p95: nil, p99: 30))
        #expect(runs[0].measuredOn == "2026-11-30")
        #expect(runs[1].location == "appended.json line 2")
    }

    @Test func refusesMoreRunsThanTheLimit() throws {
        let line = #"{"backend": "openai", "num_prompts": 1, "request_rate": 1.0, "duration": 1.0, "completed": 1, "total_input_tokens": 10, "total_output_tokens": 10, "output_throughput": 10, "mean_ttft_ms": 5, "mean_itl_ms": 5}"#
        let text = Array(repeating: line, count: BenchmarkFile.maximumRuns + 5).joined(separator: "\n")
        #expect(throws: InfracostError.self) { try BenchmarkFile.runs(Array(text.utf8), file: "many.json") }
        do { _ = try BenchmarkFile.runs(Array(text.utf8), file: "many.json") } catch {
            #expect(error.errorDescription?.contains("more than 1000 benchmark runs") == true, "\(error)")
        }
    }

    @Test func readsAGuideLLMReport() throws {
        let run = try #require(try Self.runs("guidellm-qwen2.5-7b-h100-poisson6.json").first)
        #expect(run.tool == "GuideLLM" && run.toolVersion == "0.6.0")
        #expect(run.model == "Qwen/Qwen2.5-7B-Instruct")
        #expect(run.load == .requestsPerSecond(6))
        // Token counts from total_sum / count, as GuideLLM 0.6.0 keeps them.
        #expect(run.inputTokens == 750 && run.outputTokens == 251)
        #expect(run.itlMs.mean == 7.02313626188485)
        #expect(run.ttftMs.mean == 26.716193809794884)
        #expect(run.outputTokensPerSecond == 1506)
        #expect(run.location == "guidellm-qwen2.5-7b-h100-poisson6.json benchmarks[0]")
    }

    @Test(arguments: [
        (#"{"hello": 1}"#, nil, "not a benchmark result"),
        (#"{"backend": "openai", "output_throughput": 10, "completed": 0, "duration": 5}"#, "completed", "no request completed"),
        (#"{"backend": "openai", "output_throughput": 10, "completed": 5, "duration": 0}"#, "duration", "no duration"),
        (#"{"backend": "openai", "output_throughput": 10, "completed": 1e300, "duration": 5}"#, "completed", "not a benchmark run"),
        (#"{"benchmarks": [{"metrics": {"request_totals": {"successful": 3}, "request_concurrency": {"successful": {"mean": 1e300}}}, "config": {"strategy": {"type_": "throughput"}}}]}"#, "benchmarks[0].metrics.prompt_token_count.successful.total_sum", "missing"),
        (#"{"backend": "openai", "output_throughput": 10, "completed": 5, "duration": 1, "total_input_tokens": 5, "total_output_tokens": 5, "mean_ttft_ms": -1, "mean_itl_ms": 1, "max_concurrency": 1}"#, "mean_ttft_ms", "negative"),
        (#"{"backend": "openai", "output_throughput": 10, "completed": 5, "duration": 1, "total_input_tokens": 5, "total_output_tokens": 5, "mean_ttft_ms": 1, "mean_itl_ms": 1}"#, "request_rate", "missing"),
        (#"{"input_config": {"loadgen": {"concurrency": 4}}, "input_sequence_length": {"avg": 100}, "output_sequence_length": {"avg": 10}, "output_token_throughput": {"unit": "tokens/sec", "avg": 50}, "time_to_first_token": {"unit": "furlongs", "avg": 3}}"#, "time_to_first_token.unit", "not a time unit"),
        (#"{"benchmarks": [{"metrics": {"request_totals": {"successful": 3}}, "config": {"strategy": {"type_": "sweep-me"}}}]}"#, "benchmarks[0].config.strategy.type_", "not one this version reads"),
    ] as [(String, String?, String)])
    func refusesBadFilesNamingTheField(text: String, field: String?, message: String) throws {
        do {
            _ = try BenchmarkFile.runs(Array(text.utf8), file: "bad.json")
            Issue.record("accepted \(text)")
        } catch {
            guard case .invalidData(let problems) = error, let problem = problems.first else { Issue.record("\(error)"); return }
            #expect(problem.file == "bad.json")
            #expect(problem.field == field)
            #expect(problem.message.contains(message), "\(problem.message)")
        }
    }

    @Test func fitsTheNIMCurveAndBacktestsIt() throws {
        let (calibration, _) = try Self.nimCalibration()
        #expect(calibration.points.count == 3)
        #expect(calibration.points.allSatisfy { $0.model == "llama-3.3-70b" && $0.gpu == "H100-SXM" && $0.gpus == 2 && $0.precision == .fp8 })
        let fit = calibration.fit
        #expect(fit.checks.count == 3)
        // The fit does not make the model worse on the points it was fitted on, and every point was also
        // predicted by a fit that did not see it.
        for key in [\ServingFit.Errors.itl, \.throughput] {
            let m = fit.median(key)
            #expect(m.after <= m.before + 1e-9)
            #expect(m.heldOut != nil)
        }
        #expect(fit.checks.allSatisfy { $0.heldOut != nil })
        // Only the constants an FP8 dense model informs move: the 8-bit bandwidth share, not the 16-bit one.
        #expect(fit.changes.map(\.name) == ["bandwidth", "step_overhead_ms", "dense_decode_compute", "dense_prefill"])
        #expect(fit.efficiencies.bandwidth16Bit == ServingEfficiencies.fitted.bandwidth16Bit)
    }

    @Test func thePerformanceFileRoundTrips() throws {
        let (calibration, catalog) = try Self.nimCalibration()
        let text = JSONWriter.string(calibration.performanceFile)
        let table = try PerformanceFile.read(try JSONValue.parse(Array(text.utf8)), file: "perf.json", catalog: catalog)
        #expect(table.points.count == 3)
        #expect(table.points.map(\.run.itlMs.mean) == [18.58, 38.75, 93.2])
        #expect(table.points.map(\.run.load) == [.concurrency(1), .concurrency(25), .concurrency(250)])
        #expect(table.points[1].outputTokensPerSecondPerGPU == 311.7)
        let fit = try #require(table.fits.first)
        #expect(fit.gpu == "H100-SXM")
        // Written to 6 significant digits.
        #expect(abs(fit.efficiencies.bandwidth - calibration.fit.efficiencies.bandwidth) <= 1e-5)
    }

    @Test func measuredPointsWinForTheirConfiguration() throws {
        var (calibration, catalog) = try Self.nimCalibration()
        catalog.performance.points = calibration.points
        // The throughput command at 25 clients: NIM's measurement, not the model.
        let answer = try ThroughputAnswer.make(ThroughputQuery(
            model: "llama-3.3-70b", gpu: "H100", gpus: 2, precision: .fp8, inputTokens: 5000, outputTokens: 500, load: .concurrency(25)), catalog: catalog)
        #expect(answer.basis == "measured")
        #expect(answer.point?.itlMs == 38.75)
        #expect(answer.point?.outputTokensPerSecondPerGPU == 311.7)
        // Sizing a 2 x H100 offer at the default 50 ms inter-token target: of the measured points within it (1 and
        // 25 clients; 250 has 93.2 ms) the one serving most, 311.7 output tokens/s per GPU, x (5,000 + 500) / 500
        // x 2 GPUs = 6,857.4, rounded down: 6,857 tokens/s in + out.
        let offer = Offer(id: "test/h100x2", pricing: .dedicated(.init(hardware: .init(gpu: "H100", count: 2), rate: .hourly(1))))
        var shape = Workload(inputTokens: 5000, outputTokens: 500, modelParamsB: 70)
        shape.serving.model = "llama-3.3-70b"
        shape.tokenPricing.inputTokensPerRequest = 5000
        let estimate = try Throughput.resolve(offer: offer, shape: shape, catalog: catalog).get()
        #expect(estimate.method == .measured)
        #expect(estimate.tokensPerSecond == 6857)
        #expect(estimate.concurrency == 25)
        #expect(estimate.detail.contains("aiperf-nim-llama-3.3-70b-c25.json"))
    }

    @Test func fittedEfficienciesApplyToOtherConfigurationsOnTheGPU() throws {
        var (calibration, catalog) = try Self.nimCalibration()
        catalog.performance.fits = [(calibration.fit.gpu, calibration.fit.efficiencies, "perf.json")]
        let query = ThroughputQuery(model: "llama-3.1-8b", gpu: "H100", gpus: 1, precision: .fp8, inputTokens: 1000, outputTokens: 1000, load: .concurrency(8))
        let answer = try ThroughputAnswer.make(query, catalog: catalog)
        #expect(answer.basis == "model")
        #expect(answer.fittedFrom == "perf.json")
        #expect(answer.model.efficiencies == calibration.fit.efficiencies)
        // Another GPU keeps the bundled fit.
        let other = try ThroughputAnswer.make(ThroughputQuery(model: "llama-3.1-8b", gpu: "H200", gpus: 1, precision: .fp8, load: .concurrency(8)), catalog: catalog)
        #expect(other.fittedFrom == nil && other.model.efficiencies == .fitted)
    }
}

/// pricing-data/performance.schema.json documents exactly what `calibrate` writes and `--performance` reads.
@Suite struct PerformanceSchemaTests {
    static func keys(_ value: JSONValue?) -> Set<String> {
        guard case .object(let members) = value ?? .null else { return [] }
        return Set(members.map(\.key))
    }

    @Test func documentsTheWrittenFields() throws {
        let schema = try JSONValue.parse(Array(try Data(contentsOf: PackagePaths.pricingData.appendingPathComponent("performance.schema.json"))))
        let (calibration, _) = try CalibrationTests.nimCalibration()
        let written = calibration.performanceFile
        #expect(Self.keys(written).isSubset(of: Self.keys(schema["properties"])))
        let pointKeys = Self.keys(schema["$defs"]?["point"]?["properties"])
        guard case .array(let points) = written["points"] ?? .null else { Issue.record("no points"); return }
        for point in points { #expect(Self.keys(point.value).isSubset(of: pointKeys), "\(Self.keys(point.value).subtracting(pointKeys))") }
        // Every field the reader knows is documented, including those the NIM points lack.
        #expect(pointKeys == ["model", "gpu", "gpus", "precision", "concurrency", "request_rate", "input_tokens", "output_tokens",
                              "output_tokens_per_second", "requests_per_second", "ttft_ms", "itl_ms", "completed", "duration_s", "tool",
                              "tool_version", "source", "measured_on"])
        let efficiencies = Self.keys(schema["$defs"]?["fit"]?["properties"]?["efficiencies"]?["properties"])
        #expect(efficiencies == Set(PerformanceFile.constants.map(\.name)))
        guard case .array(let fits) = written["fits"] ?? .null, let fit = fits.first else { Issue.record("no fit"); return }
        #expect(Self.keys(fit.value).isSubset(of: Self.keys(schema["$defs"]?["fit"]?["properties"])))
    }
}

import Foundation

/// Reads NVIDIA AIPerf's `profile_export_aiperf.json` and GenAI-Perf's `profile_export_genai_perf.json`.
///
/// Layout followed: ai-dynamo/aiperf, `JsonExportData` and `JsonMetricResult` in
/// `src/aiperf/common/models/export_models.py` (commit 26240f9; its note says the layout mimics GenAI-Perf's JSON
/// output) as written by `MetricsJsonExporter` (`src/aiperf/exporters/metrics_json_exporter.py`). Each metric is an
/// object with `unit` and `avg`, `p50`, `p95`, `p99`...: `request_throughput`, `output_token_throughput`,
/// `time_to_first_token`, `inter_token_latency`, `input_sequence_length`, `output_sequence_length`,
/// `request_count`, `benchmark_duration`. The load is in `input_config`: AIPerf's `loadgen.concurrency` and
/// `loadgen.request_rate`, GenAI-Perf's top-level `concurrency` and `request_rate`; the model in AIPerf's
/// `endpoint.model_names` or GenAI-Perf's `model`.
enum AIPerfReader {
    static func run(_ json: BenchmarkJSON, location: String) throws(InfracostError) -> BenchmarkRun {
        // AIPerf nests its load settings under `loadgen`; GenAI-Perf keeps them at the top of `input_config`.
        let isAIPerf = json.root["aiperf_version"] != nil || json.value(["input_config", "loadgen"]) != nil
        func value(_ metric: String, _ stat: String = "avg", _ check: (Double) -> String? = BenchmarkJSON.positive, required: Bool = true) throws(InfracostError) -> Double? {
            let field = "\(metric).\(stat)"
            guard let number = try json.number([metric, stat], field: field) else {
                if required { throw json.problem(field, "missing: the run's value is needed to calibrate") }
                return nil
            }
            if let message = check(number) { throw json.problem(field, "\(Numbers.exactDouble(number)): \(message)") }
            return number
        }
        func milliseconds(_ metric: String, _ check: @escaping (Double) -> String?) throws(InfracostError) -> LatencySummary {
            let scale: Double
            switch json.string([metric, "unit"]) {
            case "ms", nil: scale = 1
            case "s", "sec": scale = 1000
            case "us": scale = 0.001
            case "ns": scale = 0.000_001
            case let unit?: throw json.problem("\(metric).unit", "'\(TextSafety.excerpt(unit))' is not a time unit this version reads (ms, s, us, ns)")
            }
            func scaled(_ stat: String) throws(InfracostError) -> Double? { try value(metric, stat, { check($0 * scale) }, required: false).map { $0 * scale } }
            guard let mean = try value(metric, "avg", { check($0 * scale) }).map({ $0 * scale }) else { throw json.problem("\(metric).avg", "missing") }
            return LatencySummary(mean: mean, p50: try scaled("p50"), p95: try scaled("p95"), p99: try scaled("p99"))
        }
        let config = ["input_config"]
        let rate = try json.number(config + (isAIPerf ? ["loadgen", "request_rate"] : ["request_rate"]))
        let clients = try json.number(config + (isAIPerf ? ["loadgen", "concurrency"] : ["concurrency"]))
        let load: BenchmarkLoad
        if let rate {
            guard rate > 0 else { throw json.problem("input_config.request_rate", "\(Numbers.exactDouble(rate)): must be above zero") }
            load = .requestsPerSecond(rate)
        } else if let clients {
            guard clients >= 1, clients == clients.rounded(), clients <= 1_000_000 else {
                throw json.problem("input_config.concurrency", "\(Numbers.exactDouble(clients)): must be a whole number of clients from 1")
            }
            load = .concurrency(Int(clients))
        } else {
            throw json.problem("input_config", "missing: neither a concurrency nor a request rate says how the server was loaded")
        }
        let duration = try value("benchmark_duration", "avg", JSONBenchmarkChecks.duration, required: false)
        let completed = try value("request_count", "avg", JSONBenchmarkChecks.completed, required: false)
        let model = json.string(config + ["endpoint", "model_names", "0"]) ?? json.string(config + ["model", "0"]) ?? json.string(config + ["model"])
        let started = json.string(["start_time"]).map { String($0.prefix(10)) }
        return BenchmarkRun(
            tool: isAIPerf ? "AIPerf" : "GenAI-Perf", toolVersion: json.string(["aiperf_version"]), model: model, load: load,
            inputTokens: try value("input_sequence_length")!, outputTokens: try value("output_sequence_length")!,
            outputTokensPerSecond: try value("output_token_throughput")!, requestsPerSecond: try value("request_throughput", required: false),
            ttftMs: try milliseconds("time_to_first_token", BenchmarkJSON.latency), itlMs: try milliseconds("inter_token_latency", BenchmarkJSON.itl),
            completed: completed.map { Int($0) }, durationSeconds: duration,
            measuredOn: started.flatMap { IsoDate.isValid($0) ? $0 : nil }, location: location)
    }
}

import Foundation

/// Reads GuideLLM's `benchmarks.json` report: one run per benchmark (one per rate or concurrency of a sweep).
///
/// Layout followed: vllm-project/guidellm at commit 03820eb, `GenerativeBenchmarksReport.save_file`
/// (`src/guidellm/benchmark/schemas/generative/report.py`: `args`, `benchmarks`), `GenerativeBenchmark`
/// (`.../generative/benchmark.py`: `config.strategy`, `metrics`, computed `start_time`, `duration`) and
/// `GenerativeMetrics` (`.../generative/metrics.py`): each metric a `StatusDistributionSummary` whose
/// `successful` part has `mean`, `median` and `percentiles.p50/p95/p99` (`src/guidellm/schemas/statistics.py`).
/// GuideLLM 0.6.0 reports (`metadata.guidellm_version`) keep token counts as `total_sum` and `count`, the model in
/// `args.backend_kwargs.model`. Strategies (`config.strategy.type_`): `synchronous`, `concurrent` (`streams`), `throughput`
/// (`max_concurrency`), `constant` and `poisson` (`rate`).
enum GuideLLMReader {
    static func runs(_ json: BenchmarkJSON, location: String) throws(InfracostError) -> [BenchmarkRun] {
        guard case .array(let benchmarks) = json.root["benchmarks"] ?? .null else {
            throw json.problem("benchmarks", "must be an array of benchmarks")
        }
        // The model: `args.model` (older reports), the backend's (`args.backend_kwargs.model`, as 0.6.0 writes it).
        let model = json.string(["args", "model"]) ?? json.string(["args", "backend_kwargs", "model"])
        let version = json.string(["metadata", "guidellm_version"])
        var runs: [BenchmarkRun] = []
        for (index, element) in benchmarks.enumerated() {
            let item = BenchmarkJSON(file: json.file, line: element.line, root: element.value)
            let prefix = "benchmarks[\(index)]"
            func field(_ path: [String]) -> String { ([prefix] + path).joined(separator: ".") }
            func successful(_ metric: String, _ key: [String]) -> [String] { ["metrics", metric, "successful"] + key }
            func required(_ metric: String, _ key: [String] = ["mean"], _ check: (Double) -> String? = BenchmarkJSON.positive) throws(InfracostError) -> Double {
                let path = successful(metric, key)
                return try item.required(path, field: field(path), check)
            }
            func optional(_ metric: String, _ key: [String]) throws(InfracostError) -> Double? {
                let path = successful(metric, key)
                return try item.number(path, field: field(path))
            }
            /// A count's mean, or its total over its count where the report keeps only those.
            func mean(_ metric: String) throws(InfracostError) -> Double {
                if item.value(successful(metric, ["mean"])) != nil { return try required(metric) }
                let total = try required(metric, ["total_sum"])
                return total / (try required(metric, ["count"]))
            }
            func summary(_ metric: String, _ check: (Double) -> String?) throws(InfracostError) -> LatencySummary {
                LatencySummary(mean: try required(metric, ["mean"], check), p50: try optional(metric, ["median"]),
                               p95: try optional(metric, ["percentiles", "p95"]), p99: try optional(metric, ["percentiles", "p99"]))
            }
            let completedPath = ["metrics", "request_totals", "successful"]
            let completed = try item.required(completedPath, field: field(completedPath), JSONBenchmarkChecks.completed)
            var duration = try item.number(["duration"], field: field(["duration"]))
            if duration == nil, let start = try item.number(["scheduler_metrics", "measure_start_time"]),
               let end = try item.number(["scheduler_metrics", "measure_end_time"]) {
                duration = end - start
            }
            if let duration, duration <= 0 { throw item.problem(field(["duration"]), "\(Numbers.exactDouble(duration)): a run of no duration measured nothing") }
            let strategy = ["config", "strategy"]
            let type = item.string(strategy + ["type_"])
            let load: BenchmarkLoad
            switch type {
            case "synchronous":
                load = .concurrency(1)
            case "concurrent":
                let streams = try item.required(strategy + ["streams"], field: field(strategy + ["streams"]), wholeClients)
                load = .concurrency(Int(streams))
            case "throughput":
                if let most = try item.number(strategy + ["max_concurrency"], field: field(strategy + ["max_concurrency"])) {
                    if let message = wholeClients(most) { throw item.problem(field(strategy + ["max_concurrency"]), message) }
                    load = .concurrency(Int(most))
                } else {
                    // Unbounded: the concurrency the run reached on average.
                    load = .concurrency(max(1, Int(min(try required("request_concurrency"), 1_000_000).rounded())))
                }
            case "constant", "poisson":
                load = .requestsPerSecond(try item.required(strategy + ["rate"], field: field(strategy + ["rate"]), BenchmarkJSON.positive))
            case let other:
                throw item.problem(field(strategy + ["type_"]), other.map { "strategy '\(TextSafety.excerpt($0))' is not one this version reads (synchronous, concurrent, throughput, constant, poisson)" }
                    ?? "missing: the strategy says how the server was loaded")
            }
            let day = try item.number(["start_time"]).flatMap { $0 > 0 && $0 < 1e11 ? IsoDate.today(now: $0) : nil }
            runs.append(BenchmarkRun(
                tool: "GuideLLM", toolVersion: version, model: model ?? item.string(["config", "backend", "model"]), load: load,
                inputTokens: try mean("prompt_token_count"), outputTokens: try mean("output_token_count"),
                outputTokensPerSecond: try required("output_tokens_per_second"), requestsPerSecond: try optional("requests_per_second", ["mean"]),
                ttftMs: try summary("time_to_first_token_ms", BenchmarkJSON.latency), itlMs: try summary("inter_token_latency_ms", BenchmarkJSON.itl),
                completed: Int(completed), durationSeconds: duration, measuredOn: day, location: "\(location) \(prefix)"))
        }
        return runs
    }

    static func wholeClients(_ value: Double) -> String? {
        value >= 1 && value == value.rounded() && value <= 1_000_000 ? nil : "must be a whole number of clients from 1"
    }
}

import Foundation

/// Reads `vllm bench serve --save-result` JSON.
///
/// Layout followed: `vllm/benchmarks/serve.py` at vllm-project/vllm commit 009e6d4 (the `result_json` written by
/// `main_async`, then `benchmark()`'s `result`): `date` (`%Y%m%d-%H%M%S`), `backend`, `model_id`, `num_prompts`,
/// `request_rate` (a number or `"inf"`), `max_concurrency` (null when unlimited), `duration`, `completed`,
/// `total_input_tokens`, `total_output_tokens`, `request_throughput`, `output_throughput`, and per metric
/// `mean_/median_/std_/pNN_` `ttft_ms`, `tpot_ms`, `itl_ms` (percentiles as `--metric-percentiles` chose,
/// `p99` by default). `--append-result` writes one such object per line.
enum VLLMBenchReader {
    static func run(_ json: BenchmarkJSON, location: String) throws(InfracostError) -> BenchmarkRun {
        let completed = try json.required(["completed"], JSONBenchmarkChecks.completed)
        let duration = try json.required(["duration"], JSONBenchmarkChecks.duration)
        let input = try json.required(["total_input_tokens"], BenchmarkJSON.positive) / completed
        let output = try json.required(["total_output_tokens"], BenchmarkJSON.positive) / completed
        let outputRate = try json.required(["output_throughput"], BenchmarkJSON.positive)
        let requestRate = try json.number(["request_throughput"])
        func summary(_ metric: String, _ check: (Double) -> String?) throws(InfracostError) -> LatencySummary {
            let median = try json.number(["median_\(metric)_ms"])
            let p50 = try json.number(["p50_\(metric)_ms"])
            return LatencySummary(
                mean: try json.required(["mean_\(metric)_ms"], check), p50: median ?? p50,
                p95: try json.number(["p95_\(metric)_ms"]), p99: try json.number(["p99_\(metric)_ms"]))
        }
        let ttft = try summary("ttft", BenchmarkJSON.latency)
        // The mean inter-token latency over every gap; time per output token where a run has no ITL metric.
        let itl = json.value(["mean_itl_ms"]) != nil ? try summary("itl", BenchmarkJSON.itl) : try summary("tpot", BenchmarkJSON.itl)
        let load: BenchmarkLoad
        if let clients = try json.number(["max_concurrency"]) {
            guard clients >= 1, clients == clients.rounded() else { throw json.problem("max_concurrency", "\(Numbers.exactDouble(clients)): must be a whole number of at least 1") }
            load = .concurrency(Int(min(clients, 1_000_000)))
        } else if json.string(["request_rate"]) == "inf" {
            // Every prompt sent at once with no limit: a closed batch of num_prompts.
            let prompts = try json.required(["num_prompts"], BenchmarkJSON.positive)
            load = .concurrency(Int(min(prompts, 1_000_000)))
        } else if let rate = try json.number(["request_rate"]) {
            guard rate > 0 else { throw json.problem("request_rate", "\(Numbers.exactDouble(rate)): must be above zero") }
            load = .requestsPerSecond(rate)
        } else {
            throw json.problem("request_rate", "missing: neither max_concurrency nor a request rate says how the server was loaded")
        }
        return BenchmarkRun(
            tool: "vllm bench serve", toolVersion: nil, model: json.string(["model_id"]), load: load,
            inputTokens: input, outputTokens: output, outputTokensPerSecond: outputRate, requestsPerSecond: requestRate,
            ttftMs: ttft, itlMs: itl, completed: Int(completed), durationSeconds: duration,
            measuredOn: json.string(["date"]).flatMap(day(fromVLLMDate:)), location: location)
    }

    /// `20250612-153012` to `2025-06-12`; nil for anything else.
    static func day(fromVLLMDate text: String) -> String? {
        let digits = Array(text.prefix(8))
        guard digits.count == 8, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let day = "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))"
        return IsoDate.isValid(day) ? day : nil
    }
}

/// Checks shared by the readers.
enum JSONBenchmarkChecks {
    static func completed(_ value: Double) -> String? {
        value < 1 ? "no request completed; the run measured nothing" : value != value.rounded() ? "must be a whole number"
            : value > 1e12 ? "more than a trillion requests is not a benchmark run" : nil
    }
    static func duration(_ value: Double) -> String? { value > 0 ? nil : "a run of no duration measured nothing" }
}

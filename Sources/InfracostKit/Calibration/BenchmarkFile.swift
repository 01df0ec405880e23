import Foundation

/// The benchmark result files `infracost calibrate` reads, each learned from its writer's source.
public enum BenchmarkFormat: String, CaseIterable, Sendable {
    /// `vllm bench serve --save-result` (or `--append-result`: one JSON object per line).
    case vllm
    /// GuideLLM's `benchmarks.json` report.
    case guidellm
    /// NVIDIA AIPerf's `profile_export_aiperf.json`, and GenAI-Perf's `profile_export_genai_perf.json` whose
    /// layout AIPerf keeps.
    case aiperf

    /// Recognizes a parsed file by the keys its writer always emits; nil for none of them.
    static func detect(_ root: JSONValue) -> BenchmarkFormat? {
        guard case .object = root else { return nil }
        if root["benchmarks"] != nil { return .guidellm }
        let metrics = ["time_to_first_token", "inter_token_latency", "output_token_throughput", "request_throughput"]
        if root["aiperf_version"] != nil || root["input_config"] != nil, metrics.contains(where: { root[$0]?["unit"] != nil }) { return .aiperf }
        if root["backend"] != nil || root["endpoint_type"] != nil, root["output_throughput"] != nil || root["completed"] != nil { return .vllm }
        return nil
    }
}

/// Reads benchmark result files into runs, with every problem naming the file and the field.
public enum BenchmarkFile {
    /// Result files are summaries (vLLM's per-request arrays only with --save-detailed); 64 MiB is ample.
    public static let maximumSize = 64 * 1024 * 1024
    /// More runs than any sweep makes; bounds the fit's work.
    public static let maximumRuns = 1000

    /// The runs of every file at `paths`, in order, each read within `maximumSize`; at most `maximumRuns` in all.
    /// - Throws: what `runs(_:file:)` throws, and `InfracostError.invalidData` naming the file that passes the limit.
    public static func runs(files paths: [String]) throws(InfracostError) -> [BenchmarkRun] {
        var runs: [BenchmarkRun] = []
        for path in paths {
            runs += try Self.runs(try FileInput.read(path, maximumSize: maximumSize), file: path)
            if runs.count > maximumRuns {
                throw .invalidData(problems: [DataProblem(file: path, message: "more than \(maximumRuns) benchmark runs in all; calibrate fewer at once")])
            }
        }
        return runs
    }

    /// The runs in one file's bytes.
    /// - Throws: `InfracostError.invalidData` naming `file` and the field for an unknown format, a missing or
    ///   impossible value (zero duration, no completed request, a negative latency).
    public static func runs(_ bytes: [UInt8], file: String) throws(InfracostError) -> [BenchmarkRun] {
        let documents = try parse(bytes, file: file)
        var runs: [BenchmarkRun] = []
        for (index, document) in documents.enumerated() {
            let where_ = documents.count > 1 ? "\(file) line \(document.line)" : file
            guard let format = BenchmarkFormat.detect(document.value) else {
                throw .invalidData(problems: [DataProblem(file: file, line: document.line, message: "not a benchmark result this version reads: expected vLLM `bench serve --save-result` JSON (keys backend, output_throughput), a GuideLLM report (benchmarks[].metrics) or an AIPerf / GenAI-Perf profile export (input_config and metrics with a unit)")])
            }
            let json = BenchmarkJSON(file: file, line: document.line, root: document.value)
            switch format {
            case .vllm: runs.append(try VLLMBenchReader.run(json, location: where_))
            case .guidellm: runs += try GuideLLMReader.runs(json, location: where_)
            case .aiperf: runs.append(try AIPerfReader.run(json, location: where_))
            }
            if runs.count > maximumRuns || index >= maximumRuns {
                throw .invalidData(problems: [DataProblem(file: file, message: "more than \(maximumRuns) benchmark runs; split the file")])
            }
        }
        if runs.isEmpty { throw .invalidData(problems: [DataProblem(file: file, message: "no benchmark run in the file")]) }
        return runs
    }

    /// One JSON document, or (vLLM's --append-result) one per non-empty line.
    static func parse(_ bytes: [UInt8], file: String) throws(InfracostError) -> [(value: JSONValue, line: Int)] {
        do {
            return [(try JSONValue.parse(bytes), 1)]
        } catch let whole {
            var documents: [(JSONValue, Int)] = []
            var start = 0
            var line = 1
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
                let slice = Array(bytes[start..<end])
                if slice.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }) {
                    guard let value = try? JSONValue.parse(slice), case .object = value else {
                        throw .invalidData(problems: [DataProblem(file: file, line: whole.line, message: "not valid JSON (column \(whole.column): \(whole.reason))")])
                    }
                    documents.append((value, line))
                    // Past the limit the caller refuses the file; parsing the rest would be wasted work.
                    if documents.count > maximumRuns { return documents }
                }
                start = end + 1
                line += 1
            }
            if documents.count < 2 {
                throw .invalidData(problems: [DataProblem(file: file, line: whole.line, message: "not valid JSON (column \(whole.column): \(whole.reason))")])
            }
            return documents
        }
    }
}

/// A benchmark file's JSON with lookups by dotted path whose problems name the file and the field.
struct BenchmarkJSON {
    let file: String
    let line: Int
    let root: JSONValue

    func value(_ path: [String], in start: JSONValue? = nil) -> JSONValue? {
        var current = start ?? root
        for key in path {
            if let index = Int(key), case .array(let elements) = current {
                guard elements.indices.contains(index) else { return nil }
                current = elements[index].value
            } else {
                guard let next = current[key] else { return nil }
                current = next
            }
        }
        if case .null = current { return nil }
        return current
    }

    func problem(_ field: String, _ message: String) -> InfracostError {
        .invalidData(problems: [DataProblem(file: file, line: line, field: field, message: message)])
    }

    /// A finite number at `path`; nil when absent or null.
    /// - Throws: when present but not a finite number.
    func number(_ path: [String], in start: JSONValue? = nil, field: String? = nil) throws(InfracostError) -> Double? {
        guard let value = value(path, in: start) else { return nil }
        let name = field ?? path.joined(separator: ".")
        guard case .number(let text) = value, let number = Double(text), number.isFinite else {
            throw problem(name, "must be a number, found \(value.kindDescription)")
        }
        return number
    }

    /// A number at `path` that must be present and pass `check` (a message when it does not).
    func required(_ path: [String], in start: JSONValue? = nil, field: String? = nil, _ check: (Double) -> String? = { _ in nil }) throws(InfracostError) -> Double {
        let name = field ?? path.joined(separator: ".")
        guard let number = try number(path, in: start, field: name) else { throw problem(name, "missing: the run's value is needed to calibrate") }
        if let message = check(number) { throw problem(name, "\(Numbers.exactDouble(number)): \(message)") }
        return number
    }

    func string(_ path: [String], in start: JSONValue? = nil) -> String? {
        if case .string(let text) = value(path, in: start) ?? .null { return text }
        return nil
    }

    static func positive(_ value: Double) -> String? { value > 0 ? nil : "must be above zero" }
    static func nonNegative(_ value: Double) -> String? { value >= 0 ? nil : "cannot be negative" }
    /// Latencies above a day are a unit mistake, not a measurement.
    static func latency(_ value: Double) -> String? {
        value < 0 ? "cannot be negative" : value > 86_400_000 ? "is more than a day; is the unit right?" : nil
    }
    static func itl(_ value: Double) -> String? { value <= 0 ? "must be above zero (no request streamed two tokens?)" : latency(value) }
}

import Foundation

/// The performance file (`pricing-data/performance.schema.json`): measured points with their provenance and the
/// efficiencies fitted to them. Written by `infracost calibrate`, read by `--performance FILE`.
public enum PerformanceFile {
    public static let maximumSize = 16 * 1024 * 1024
    public static let kind = "infracost-performance"

    /// The efficiencies a performance file may carry, by their JSON names, with the values they may take.
    static var constants: [(name: String, key: WritableKeyPath<ServingEfficiencies, Double>, range: ClosedRange<Double>)] { [
        ("memory_fraction", \.memoryFraction, 0.1...1), ("reserve_gb", \.reserveGB, 0...64),
        ("bandwidth", \.bandwidth, 0.05...1), ("bandwidth_16bit", \.bandwidth16Bit, 0.05...1),
        ("dense_decode_compute", \.denseDecodeCompute, 0.01...1), ("moe_tokens_per_expert_at_peak", \.moeTokensPerExpertAtPeak, 1...100_000),
        ("dense_prefill", \.densePrefill, 0.01...1), ("moe_prefill", \.moePrefill, 0.01...1),
        ("all_reduce_us", \.allReduceMicroseconds, 0...10_000), ("interconnect", \.interconnect, 0.01...1),
        ("step_overhead_ms", \.stepOverheadMs, 0...1000),
    ] }

    // MARK: Writing

    /// The file for `points` and the fit on them.
    public static func json(points: [MeasuredServingPoint], fit: ServingFit.Result?) -> JSONValue {
        // Measurements exactly as read; fitted constants to 6 significant digits.
        func number(_ value: Double) -> JSONValue { .number(Numbers.exactDouble(value)) }
        func summary(_ s: LatencySummary) -> JSONValue {
            .fields(["mean": number(s.mean), "p50": s.p50.map(number), "p95": s.p95.map(number), "p99": s.p99.map(number)])
        }
        let entries = points.map { point -> JSONValue in
            var concurrency: JSONValue?
            var rate: JSONValue?
            switch point.run.load {
            case .concurrency(let clients): concurrency = .number(String(clients))
            case .requestsPerSecond(let r): rate = number(r)
            }
            return .fields([
                "model": .string(point.model), "gpu": .string(point.gpu), "gpus": .number(String(point.gpus)), "precision": .string(point.precision.rawValue),
                "concurrency": concurrency, "request_rate": rate,
                "input_tokens": number(point.run.inputTokens), "output_tokens": number(point.run.outputTokens),
                "output_tokens_per_second": number(point.run.outputTokensPerSecond), "requests_per_second": point.run.requestsPerSecond.map(number),
                "ttft_ms": summary(point.run.ttftMs), "itl_ms": summary(point.run.itlMs),
                "completed": point.run.completed.map { .number(String($0)) }, "duration_s": point.run.durationSeconds.map(number),
                "tool": .string(point.run.tool), "tool_version": point.run.toolVersion.map(JSONValue.string),
                "source": .string(point.run.location), "measured_on": point.run.measuredOn.map(JSONValue.string),
            ])
        }
        var fits: [JSONValue] = []
        if let fit {
            let efficiencies = JSONValue.object(constants.map { JSONValue.Member(key: $0.name, value: .number(text(fit.efficiencies[keyPath: $0.key])), line: 0) })
            func errors(_ key: KeyPath<ServingFit.Errors, Double>) -> JSONValue {
                let m = fit.median(key)
                func rounded(_ value: Double) -> JSONValue { .number(text(value)) }
                return .fields(["before": rounded(m.before), "after": rounded(m.after), "held_out": m.heldOut.map(rounded)])
            }
            fits.append(.fields([
                "gpu": .string(fit.gpu), "points": .number(String(fit.checks.count)),
                "fitted": .list(fit.changes.map { .string($0.name) }),
                "efficiencies": efficiencies,
                "median_abs_error": .fields(["itl": errors(\.itl), "throughput": errors(\.throughput), "ttft": errors(\.ttft)]),
            ]))
        }
        return .fields([
            "schema_version": .number("1"), "kind": .string(kind),
            "description": .string("Serving measurements and the serving-model efficiencies fitted to them, written by infracost calibrate; use with \(Setting.performance) FILE. Measured points win for the configuration they measured; the efficiencies apply to every other configuration on their GPU."),
            "points": .list(entries), "fits": .list(fits),
        ])
    }

    /// A Double as the shortest text that reads back to it, to at most 6 significant digits for readability.
    static func text(_ value: Double) -> String {
        let rounded = Double(String(format: "%.6g", value)) ?? value
        return Numbers.exactDouble(rounded)
    }

    // MARK: Reading

    /// Reads a performance file, checking every point's model and GPU against `catalog`.
    /// - Throws: `InfracostError.io` when unreadable, `.invalidData` naming the file, line and field.
    public static func load(contentsOf path: String, catalog: PriceCatalog) throws(InfracostError) -> PerformanceTable {
        let bytes = try FileInput.read(path, maximumSize: maximumSize)
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch {
            throw .invalidData(problems: [DataProblem(file: path, line: error.line, message: "not valid JSON (column \(error.column): \(error.reason))")])
        }
        return try read(root, file: path, catalog: catalog)
    }

    static func read(_ root: JSONValue, file: String, catalog: PriceCatalog) throws(InfracostError) -> PerformanceTable {
        let json = BenchmarkJSON(file: file, line: 1, root: root)
        guard json.string(["kind"]) == kind else {
            throw json.problem("kind", "must be \"\(kind)\": is this a performance file written by infracost calibrate? (benchmark results go to `infracost calibrate` first)")
        }
        guard try json.number(["schema_version"]) == 1 else { throw json.problem("schema_version", "must be 1") }
        var table = PerformanceTable()
        table.files = [file]
        guard case .array(let points) = root["points"] ?? .null else { throw json.problem("points", "must be an array") }
        if points.count > BenchmarkFile.maximumRuns { throw json.problem("points", "more than \(BenchmarkFile.maximumRuns) points") }
        for (index, element) in points.enumerated() {
            table.points.append(try point(element, index: index, file: file, catalog: catalog))
        }
        if case .array(let fits) = root["fits"] ?? .null {
            for (index, element) in fits.enumerated() {
                let item = BenchmarkJSON(file: file, line: element.line, root: element.value)
                let prefix = "fits[\(index)]"
                guard let name = item.string(["gpu"]), let gpu = catalog.gpu(named: name) else {
                    throw item.problem("\(prefix).gpu", "missing or not a GPU the catalog knows")
                }
                var efficiencies = ServingEfficiencies.fitted
                guard case .object(let members) = element.value["efficiencies"] ?? .null else { throw item.problem("\(prefix).efficiencies", "must be an object") }
                for member in members {
                    guard let constant = constants.first(where: { $0.name == member.key }) else {
                        throw item.problem("\(prefix).efficiencies.\(TextSafety.excerpt(member.key))", "not an efficiency this version knows (\(constants.map(\.name).joined(separator: ", ")))")
                    }
                    let value = try item.required(["efficiencies", member.key], field: "\(prefix).efficiencies.\(member.key)") { value in
                        constant.range.contains(value) ? nil : "must be within \(Numbers.exactDouble(constant.range.lowerBound))...\(Numbers.exactDouble(constant.range.upperBound))"
                    }
                    efficiencies[keyPath: constant.key] = value
                }
                table.fits.append((gpu.name, efficiencies, file))
            }
        } else if root["fits"] != nil {
            throw json.problem("fits", "must be an array")
        }
        return table
    }

    static func point(_ element: JSONValue.Element, index: Int, file: String, catalog: PriceCatalog) throws(InfracostError) -> MeasuredServingPoint {
        let item = BenchmarkJSON(file: file, line: element.line, root: element.value)
        let prefix = "points[\(index)]"
        func field(_ name: String) -> String { "\(prefix).\(name)" }
        func need(_ name: String) throws(InfracostError) -> String {
            guard let text = item.string([name]) else { throw item.problem(field(name), "missing (a string)") }
            return text
        }
        let modelName = try need("model")
        guard let model = catalog.model(named: modelName) else { throw item.problem(field("model"), "'\(TextSafety.excerpt(modelName))' is not a model architecture the catalog knows") }
        let gpuName = try need("gpu")
        guard let gpu = catalog.gpu(named: gpuName), gpu.compute != nil else { throw item.problem(field("gpu"), "'\(TextSafety.excerpt(gpuName))' is not a GPU with compute figures in the catalog") }
        let gpus = try item.required(["gpus"], field: field("gpus")) { (1...8).contains($0) && $0 == $0.rounded() ? nil : "must be a whole number from 1 to 8" }
        let precisionName = try need("precision")
        guard let precision = Precision(rawValue: precisionName) else { throw item.problem(field("precision"), "'\(TextSafety.excerpt(precisionName))' is not one of \(Precision.allCases.map(\.rawValue).joined(separator: ", "))") }
        let load: BenchmarkLoad
        if let clients = try item.number(["concurrency"], field: field("concurrency")) {
            if let message = GuideLLMReader.wholeClients(clients) { throw item.problem(field("concurrency"), message) }
            load = .concurrency(Int(clients))
        } else {
            load = .requestsPerSecond(try item.required(["request_rate"], field: field("request_rate"), BenchmarkJSON.positive))
        }
        func summary(_ name: String, _ check: (Double) -> String?) throws(InfracostError) -> LatencySummary {
            LatencySummary(mean: try item.required([name, "mean"], field: field("\(name).mean"), check),
                           p50: try item.number([name, "p50"], field: field("\(name).p50")), p95: try item.number([name, "p95"], field: field("\(name).p95")),
                           p99: try item.number([name, "p99"], field: field("\(name).p99")))
        }
        let measuredOn = item.string(["measured_on"])
        if let measuredOn, !IsoDate.isValid(measuredOn) { throw item.problem(field("measured_on"), "must be a date YYYY-MM-DD") }
        let run = BenchmarkRun(
            tool: try need("tool"), toolVersion: item.string(["tool_version"]), model: model.id, load: load,
            inputTokens: try item.required(["input_tokens"], field: field("input_tokens"), BenchmarkJSON.positive),
            outputTokens: try item.required(["output_tokens"], field: field("output_tokens"), BenchmarkJSON.positive),
            outputTokensPerSecond: try item.required(["output_tokens_per_second"], field: field("output_tokens_per_second"), BenchmarkJSON.positive),
            requestsPerSecond: try item.number(["requests_per_second"], field: field("requests_per_second")),
            ttftMs: try summary("ttft_ms", BenchmarkJSON.latency), itlMs: try summary("itl_ms", BenchmarkJSON.itl),
            completed: try item.number(["completed"], field: field("completed")).map { Int(min(max($0, 0), 1e12)) },
            durationSeconds: try item.number(["duration_s"], field: field("duration_s")),
            measuredOn: measuredOn, location: item.string(["source"]) ?? file)
        return MeasuredServingPoint(model: model.id, gpu: gpu.name, gpus: Int(gpus), precision: precision, run: run)
    }
}

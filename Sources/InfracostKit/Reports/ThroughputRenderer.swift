import Foundation

/// Renders a `ThroughputAnswer` as a table or JSON.
public enum ThroughputRenderer {
    /// `answer` as JSON or a table; `explain` adds how the figure was made.
    public static func render(_ answer: ThroughputAnswer, format: OutputFormat, explain: Bool = false) -> String {
        format == .json ? JSONWriter.string(value(answer)) : table(answer, explain: explain)
    }

    static func number(_ value: Double, places: Int = 1) -> String {
        Numbers.formatted(Decimal(string: String(format: "%.\(places)f", value)) ?? 0, scale: places)
    }

    static func milliseconds(_ value: Double) -> String {
        value >= 10_000 ? "\(number(value / 1000, places: 1)) s" : "\(number(value, places: 1)) ms"
    }

    static func loadText(_ answer: ThroughputAnswer) -> String {
        switch answer.query.load {
        case .max: "saturated (as many requests as fit)"
        case .concurrency(let clients): "\(clients) client\(clients == 1 ? "" : "s")"
        }
    }

    static func table(_ answer: ThroughputAnswer, explain: Bool) -> String {
        let c = answer.model.configuration
        let fit = answer.fit
        var out = TextWrap.hanging("infracost throughput: \(c.architecture.name) on \(c.gpus) x \(c.gpu.name), \(c.precision.rawValue),"
            + " \(answer.query.inputTokens) in / \(answer.query.outputTokens) out, \(loadText(answer))") + "\n\n"
        let memory = "\(number(fit.weightsGB)) GB weights + \(number(fit.kvCacheGB)) GB KV cache of \(number(fit.usableGB)) GB usable"
            + " (\(Int(answer.model.efficiencies.memoryFraction * 100))% of \(c.gpus) x \(Numbers.formatted(c.gpu.memoryGB)) GB)"
        var rows: [(String, String)] = []
        if let reason = fit.reason {
            rows.append(("fits", "no: \(reason)"))
        } else {
            rows.append(("fits", "yes: \(memory)"))
        }
        rows.append(("KV cache", "\(Numbers.formatted(Decimal(Int(fit.kvBytesPerToken)))) bytes per token; \(number(fit.kvPerRequestGB, places: 2)) GB per request (its input and half its output)"))
        if fit.fits {
            rows.append(("largest concurrency", "\(fit.maxConcurrency) requests\(fit.maxConcurrency == answer.model.efficiencies.maxBatch ? " (the engine's batch limit)" : " (the KV cache)")"))
        }
        rows.append(("layout", c.gpus == 1 ? "1 GPU" : "tensor parallel over \(c.gpus) GPUs"))
        if let point = answer.point {
            rows.append(("running", "\(point.running) of \(point.concurrency) request\(point.concurrency == 1 ? "" : "s")\(point.concurrency > point.running ? " (the rest wait for KV memory)" : "")"))
            rows.append(("time to first token", milliseconds(point.ttftMs)))
            rows.append(("inter-token latency", milliseconds(point.itlMs)))
            rows.append(("end-to-end latency", milliseconds(point.e2eMs)))
            rows.append(("throughput", "\(number(point.outputTokensPerSecondPerGPU)) output tokens/s per GPU (\(number(point.totalTokensPerSecondPerGPU)) input + output)"))
        }
        let width = rows.map(\.0.count).max() ?? 0
        for (name, value) in rows {
            out += TextWrap.hanging("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + TextSafety.visible(value), continuation: width + 4) + "\n"
        }
        out += "\n"
        // The basis and the model's workings are prose: each line wrapped for the terminal.
        var prose = "Basis: "
        if answer.basis == "measured", let published = answer.published {
            prose += "measured: \(TextSafety.visible(published)); the latencies and throughput are the measurement's means\n"
        } else if answer.basis != "model", let published = answer.published {
            prose += "\(answer.basis): \(TextSafety.visible(published)); the latencies are the model's\n"
        } else if let file = answer.fittedFrom {
            prose += "model (an estimate from the serving performance model, its efficiencies fitted to your measurements in \(TextSafety.visible(file)); \(Setting.explain) shows how)\n"
        } else {
            prose += "model (an estimate from the serving performance model; \(Setting.explain) shows how)\n"
        }
        if explain {
            prose += "\nModel:\n"
            let a = c.architecture
            prose += "  architecture: \(a.totalParamsB == a.activeParamsB ? "" : "MoE, ")\(Numbers.exactDouble(a.totalParamsB))B parameters"
                + "\(a.isMoE ? " (\(Numbers.exactDouble(a.activeParamsB))B active, \(a.experts ?? 0) experts, \(a.expertsPerToken ?? 0) per token)" : "")"
                + ", \(a.layers) layers, hidden \(a.hiddenSize), \(a.attentionHeads) heads / \(a.kvHeads) KV heads of \(a.headDim)\n"
            prose += "  architecture source: \(TextSafety.visible(a.provenance.source ?? "unsourced"))\n"
            if let notes = a.notes { prose += "  note: \(TextSafety.visible(notes))\n" }
            let peak = c.precision.peakTFLOPS(on: c.compute).map { Numbers.exactDouble($0) } ?? "-"
            prose += "  GPU: \(Numbers.formatted(c.gpu.memoryGB)) GB, \(Numbers.formatted(c.gpu.bandwidthGBs)) GB/s, \(peak) dense \(c.precision.rawValue) TFLOP/s,"
                + " \(Numbers.exactDouble(c.compute.interconnectGBs)) GB/s interconnect (\(TextSafety.visible(c.compute.provenance.source ?? "unsourced")))\n"
            prose += "  prefill: compute-bound, 2 x active parameters FLOPs per token plus causal attention\n"
            prose += "  decode: each step reads the weights (MoE: the experts the batch touches) and every running sequence's KV cache\n"
            for a in answer.model.efficiencies.summary { prose += "  \(a.name): \(a.value)\n" }
        }
        out += TextWrap.lines(prose)
        return out
    }

    static func value(_ answer: ThroughputAnswer) -> JSONValue {
        let c = answer.model.configuration
        let fit = answer.fit
        func num(_ value: Double, places: Int = 1) -> JSONValue { .number(String(format: "%.\(places)f", value)) }
        let load: JSONValue
        switch answer.query.load {
        case .max: load = .string("max")
        case .concurrency(let clients): load = .number(String(clients))
        }
        return .fields([
            "schema_version": .number("1"),
            "model": .string(c.architecture.id),
            "gpu": .string(c.gpu.name),
            "gpus": .number(String(c.gpus)),
            "precision": .string(c.precision.rawValue),
            "input_tokens": .number(String(answer.query.inputTokens)),
            "output_tokens": .number(String(answer.query.outputTokens)),
            "concurrency": load,
            "fits": .bool(fit.fits),
            "reason": fit.reason.map { .string($0) },
            "memory": .fields([
                "usable_gb": num(fit.usableGB, places: 2), "weights_gb": num(fit.weightsGB, places: 2), "kv_cache_gb": num(fit.kvCacheGB, places: 2),
                "kv_bytes_per_token": .number(String(Int(fit.kvBytesPerToken))), "kv_per_request_gb": num(fit.kvPerRequestGB, places: 3),
                "memory_fraction": num(answer.model.efficiencies.memoryFraction, places: 2),
            ]),
            "max_concurrency": fit.fits ? .number(String(fit.maxConcurrency)) : .null,
            "running": answer.point.map { .number(String($0.running)) } ?? .null,
            "output_tokens_per_second_per_gpu": answer.point.map { num($0.outputTokensPerSecondPerGPU) } ?? .null,
            "total_tokens_per_second_per_gpu": answer.point.map { num($0.totalTokensPerSecondPerGPU) } ?? .null,
            "ttft_ms": answer.point.map { num($0.ttftMs) } ?? .null,
            "itl_ms": answer.point.map { num($0.itlMs, places: 2) } ?? .null,
            "e2e_ms": answer.point.map { num($0.e2eMs) } ?? .null,
            "basis": .string(answer.basis),
            "published": answer.published.map { .string($0) },
            "estimate": .bool(answer.basis == "model"),
            "efficiencies_fitted_from": answer.fittedFrom.map { .string($0) },
        ])
    }
}

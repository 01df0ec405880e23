import Foundation

/// Renders a `KeepWarmStudy` as a table or JSON (CSV: one row per setting).
public enum KeepWarmRenderer {
    /// `study` in `format`; renders the result only and computes nothing.
    public static func render(_ study: KeepWarmStudy, format: OutputFormat) -> String {
        switch format {
        case .json: return JSONWriter.string(value(study))
        case .csv:
            var rows = [["keep_warm", "idle_timeout_s", "monthly_cost", "cold_start_share", "p95_latency_s", "p95_ttft_ms", "p95_itl_ms", "frontier", "meets_constraints", "currency"]]
            for s in study.settings {
                rows.append([String(s.keepWarm), SimulationPlan.format(s.idleTimeoutSeconds), Money.plain(s.monthlyCost), String(format: "%.6f", s.coldStartShare),
                             s.p95Latency.isFinite ? String(format: "%.3f", s.p95Latency) : "", milliseconds(s.p95TimeToFirstToken), milliseconds(s.p95InterTokenLatency),
                             s.onFrontier ? "yes" : "", s.meetsConstraints ? "yes" : "", study.currency])
            }
            return CSVWriter.render(rows)
        case .table, .markdown: return table(study)
        }
    }

    /// Milliseconds to 3 decimals for CSV and JSON text; empty when not measured.
    static func milliseconds(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return "" }
        return String(format: "%.3f", seconds * 1000)
    }

    static func table(_ study: KeepWarmStudy) -> String {
        var output = "infracost keepwarm: \(study.offerID)\n\n"
        let timeouts = study.settings.map(\.idleTimeoutSeconds)
        let tokens = study.settings.contains { $0.p95TimeToFirstToken != nil }
        var table = TextTable(headers: ["", "keep-warm", "idle timeout", "monthly", "cold starts", "p95"] + (tokens ? ["p95 TTFT", "p95 ITL"] : []),
                              alignments: [.left, .right, .right, .right, .right, .right] + (tokens ? [.right, .right] : []))
        for s in study.settings {
            var mark = s.onFrontier ? "f" : ""
            if s == study.recommended { mark = "*" + mark }
            table.rows.append([mark, String(s.keepWarm), SimulationRenderer.setting(s.idleTimeoutSeconds, column: timeouts), Money.formatted(s.monthlyCost, currency: study.currency),
                               String(format: "%.2f%%", s.coldStartShare * 100), SimulationRenderer.seconds(s.p95Latency)]
                              + (tokens ? [s.p95TimeToFirstToken.map(SimulationRenderer.milliseconds) ?? "-", s.p95InterTokenLatency.map(SimulationRenderer.milliseconds) ?? "-"] : []))
        }
        output += table.render() + "\n" + TextWrap.hanging("* recommended   f on the frontier (no setting is cheaper with fewer cold starts and a lower p95)") + "\n"
        if tokens { output += "TTFT time to first token   ITL inter-token latency (each request's mean)\n" }
        output += "\n"
        var limits: [String] = []
        if let share = study.maxColdStartShare { limits.append("cold starts on at most \(String(format: "%g", share * 100))% of requests") }
        if let p95 = study.maxP95Latency { limits.append("p95 latency at most \(SimulationRenderer.seconds(p95))") }
        if let ttft = study.maxP95TimeToFirstToken { limits.append("p95 first token at most \(SimulationRenderer.milliseconds(ttft))") }
        if let itl = study.maxP95InterTokenLatency { limits.append("p95 inter-token latency at most \(SimulationRenderer.milliseconds(itl))") }
        if let best = study.recommended {
            output += TextWrap.hanging("Recommended: keep \(best.keepWarm) warm, idle timeout \(SimulationRenderer.setting(best.idleTimeoutSeconds, column: timeouts)): \(Money.formatted(best.monthlyCost, currency: study.currency))/month, the cheapest with \(limits.joined(separator: " and ")).") + "\n"
        } else {
            output += TextWrap.hanging("No setting meets \(limits.joined(separator: " and ")); try more \(Setting.keepWarmMax) or a faster offer.") + "\n"
        }
        if let binding = study.binding { output += TextWrap.hanging("Binding constraint: \(binding).") + "\n" }
        if let rule = study.ruleOfThumb { output += TextWrap.hanging(rule) + "\n" }
        output += "\nAssumptions:\n"
        for a in study.assumptions { output += TextWrap.hanging("  \(a.name): \(a.value)") + "\n" }
        return output
    }

    static func value(_ study: KeepWarmStudy) -> JSONValue {
        .fields([
            "schema_version": .number("1"),
            "currency": .string(study.currency),
            "offer": .string(study.offerID),
            "settings": .list(study.settings.map { s in
                .fields([
                    "keep_warm": .number(String(s.keepWarm)), "idle_timeout_s": .string(SimulationPlan.format(s.idleTimeoutSeconds)),
                    "monthly_cost": .string(Money.plain(s.monthlyCost)), "cold_start_share": .string(String(format: "%.6f", s.coldStartShare)),
                    "p95_latency_s": s.p95Latency.isFinite ? .string(String(format: "%.3f", s.p95Latency)) : .null, "frontier": .bool(s.onFrontier), "meets_constraints": .bool(s.meetsConstraints),
                    "p95_ttft_ms": s.p95TimeToFirstToken.map { _ in .string(milliseconds(s.p95TimeToFirstToken)) } ?? .null,
                    "p95_itl_ms": s.p95InterTokenLatency.map { _ in .string(milliseconds(s.p95InterTokenLatency)) } ?? .null,
                    "misses": .list(s.misses.map(JSONValue.string)),
                ])
            }),
            "recommended": study.recommended.map { .fields(["keep_warm": .number(String($0.keepWarm)), "idle_timeout_s": .string(SimulationPlan.format($0.idleTimeoutSeconds)), "monthly_cost": .string(Money.plain($0.monthlyCost))]) } ?? .null,
            "rule_of_thumb": study.ruleOfThumb.map(JSONValue.string) ?? .null,
            "binding_constraint": study.binding.map(JSONValue.string) ?? .null,
        ])
    }
}

import Foundation

/// Renders a `UsageAnalysis` as a table (with an hour-of-day chart) or JSON.
public enum UsageAnalysisRenderer {
    /// `a` in `format`; renders the result only and computes nothing.
    public static func render(_ a: UsageAnalysis, format: OutputFormat) -> String {
        switch format {
        case .json: return JSONWriter.string(value(a))
        case .csv:
            var rows = [["hour_utc", "requests"]]
            for (hour, count) in a.requestsByHour.enumerated() { rows.append([String(hour), String(count)]) }
            return CSVWriter.render(rows)
        case .table, .markdown: return table(a)
        }
    }

    static func table(_ a: UsageAnalysis) -> String {
        let tokens = a.comparison.workload
        var output = "infracost analyze: \(a.trace.file) (\(Numbers.grouped(String(a.trace.requests.count))) requests over \(SimulationRenderer.seconds(a.trace.span)))\n\n"
        var lines: [(String, String)] = [
            ("offer", "\(a.offer.offer.id) (\(a.offer.offer.tier.rawValue), priced by \(a.offer.method == .simulation ? "simulating the log" : "the cost model"))"),
            ("per month (projected)", "\(Numbers.formatted(Money.rounded(a.monthlyRequests, scale: 0))) requests, \(TokenCount.abbreviated(tokens.inputTokens)) in / \(TokenCount.abbreviated(tokens.outputTokens)) out tokens"),
            ("monthly cost", a.monthlyCost.map { Money.formatted($0) } ?? "no price (\(a.offer.unpricedReason ?? ""))"),
            ("cost per request", a.costPerRequest.map { Money.formattedPrice($0) } ?? "-"),
            ("cost per 1M tokens", a.offer.costPerMillionTokens(tokens).map { Money.formattedPrice($0) } ?? "-"),
        ]
        if let cold = a.loggedColdStarts {
            lines.append(("cold starts (logged)", "\(cold) (\(String(format: "%.2f", Double(cold) / Double(max(1, a.trace.requests.count)) * 100))% of requests)"))
        }
        if let simulated = a.offer.notes.first(where: { $0.topic == .simulation }) { lines.append(("simulation", simulated.text)) }
        if let cold = a.offer.lineItems.first(where: { $0.label == "cold-start loading" }) { lines.append(("cold-start cost", "\(Money.formatted(cold.amount))/month")) }
        if let p50 = a.latencyP50Ms, let p95 = a.latencyP95Ms { lines.append(("latency (logged)", "p50 \(Int(p50)) ms, p95 \(Int(p95)) ms")) }
        let width = lines.map(\.0.count).max() ?? 0
        for (name, value) in lines { output += name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value + "\n" }
        output += "\nRequests by hour of day (UTC):\n"
        let peak = max(1, a.requestsByHour.max() ?? 1)
        for (hour, count) in a.requestsByHour.enumerated() where count > 0 || a.requestsByHour.filter({ $0 > 0 }).count > 3 {
            let bar = String(repeating: "#", count: Int((Double(count) / Double(peak) * 50).rounded(.up)))
            output += String(format: "  %02d  %@ %@\n", hour, bar, Numbers.grouped(String(count)))
        }
        if !a.perModel.isEmpty {
            output += "\nBy model:\n"
            var table = TextTable(headers: ["model", "requests", "input tokens", "output tokens"], alignments: [.left, .right, .right, .right])
            for model in a.perModel {
                table.rows.append([model.model, Numbers.grouped(String(model.requests)), Numbers.grouped(String(model.inputTokens)), Numbers.grouped(String(model.outputTokens))])
            }
            output += table.render(indent: "  ")
        }
        output += "\nRecommendations:\n" + a.recommendations.map { "  - " + $0 }.joined(separator: "\n") + "\n"
        return output
    }

    static func value(_ a: UsageAnalysis) -> JSONValue {
        .fields([
            "schema_version": .number("1"),
            "file": .string(a.trace.file),
            "requests": .number(String(a.trace.requests.count)),
            "span_seconds": .string(String(format: "%.3f", a.trace.span)),
            "projection": .string(Money.plain(a.projection, scale: 6)),
            "offer": .string(a.offer.offer.id),
            "pricing_method": .string(a.offer.method.rawValue),
            "monthly_requests": .string(Money.plain(a.monthlyRequests, scale: 0)),
            "monthly_input_tokens": .string(Numbers.exact(a.comparison.workload.inputTokens)),
            "monthly_output_tokens": .string(Numbers.exact(a.comparison.workload.outputTokens)),
            "monthly_cost": a.monthlyCost.map { .string(Money.plain($0)) } ?? .null,
            "cost_per_request": a.costPerRequest.map { .string(Numbers.exact($0)) } ?? .null,
            "requests_by_hour_utc": .list(a.requestsByHour.map { .number(String($0)) }),
            "per_model": .list(a.perModel.map { .fields(["model": .string($0.model), "requests": .number(String($0.requests)),
                                                          "input_tokens": .number(String($0.inputTokens)), "output_tokens": .number(String($0.outputTokens))]) }),
            "logged_cold_starts": a.loggedColdStarts.map { .number(String($0)) } ?? .null,
            "recommendations": .list(a.recommendations.map(JSONValue.string)),
            "warnings": .list(a.warnings.map { JSONValue.string($0.text) }),
        ])
    }
}

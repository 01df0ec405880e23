import Foundation

/// Renders a `SimulationResult` as a table, JSON, CSV (line items) or Markdown.
public enum SimulationRenderer {
    /// The result in `format`; `explain` adds to the table how each line item is made, from the same result.
    public static func render(_ result: SimulationResult, format: OutputFormat, explain: Bool = false) -> String {
        switch format {
        case .table: return table(result) + (explain ? explanation(result) : "")
        case .json: return JSONWriter.string(value(result))
        case .csv: return csv(result)
        case .markdown: return "```\n" + table(result) + "```\n"
        }
    }

    static func seconds(_ value: Double) -> String {
        if !value.isFinite { return "over 34 years" }
        switch value {
        case ..<1: return String(format: "%.0f ms", value * 1000)
        case ..<120: return String(format: "%.2f s", value)
        case ..<7200: return String(format: "%.1f min", value / 60)
        default: return String(format: "%.1f h", value / 3600)
        }
    }

    /// A configured duration (an idle timeout) in the unit shared by all of `column`: minutes when every value is
    /// whole minutes, else seconds, so a column never mixes "60.00 s" and "5.0 min".
    static func setting(_ value: Double, column: [Double]) -> String {
        func trimmed(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x) }
        if column.allSatisfy({ $0 >= 60 && $0.truncatingRemainder(dividingBy: 60) == 0 }) { return "\(trimmed(value / 60)) min" }
        return "\(trimmed(value)) s"
    }

    static func count(_ value: Int) -> String { Numbers.grouped(String(value)) }

    static func quantiles(_ h: LatencyHistogram) -> String {
        h.total == 0 ? "none" : [h.mean, h.quantile(0.5), h.quantile(0.95), h.quantile(0.99)].map(milliseconds).joined(separator: " / ")
    }

    /// Milliseconds to 3 significant figures, seconds from 10 s.
    static func milliseconds(_ value: Double) -> String {
        if !value.isFinite { return "over 34 years" }
        let ms = value * 1000
        switch ms {
        case ..<10: return String(format: "%.2f ms", ms)
        case ..<100: return String(format: "%.1f ms", ms)
        case ..<10_000: return String(format: "%.0f ms", ms)
        default: return seconds(value)
        }
    }

    static func table(_ r: SimulationResult) -> String {
        let run = r.run
        var output = "infracost simulate: \(r.plan.offer.id), \(SimulationPlan.format(run.duration / 86400)) days simulated\n\n"
        let summary: [[String]] = [
            ["requests", count(run.requests)],
            ["cold starts", "\(count(run.coldStarts)) (\(String(format: "%.2f", r.coldStartShare * 100))% of requests, \(String(format: "%.1f", r.coldStartsPerDay)) a day)"],
            ["waited for a boot", count(run.requestsWaitingForBoot)],
            ["queued (max replicas)", count(run.queuedRequests)],
        ] + (run.overloaded ? [
            ["OVERLOADED", "arrivals exceed capacity from \(seconds(run.overloadedAt ?? 0)): \(count(run.turnedAway)) turned away (queue full at \(count(r.plan.configuration.maximumQueue))), \(count(run.unservedAtEnd)) still queued at the end"],
        ] : []) + [
            ["latency p50 / p95 / p99", "\(seconds(run.latency.quantile(0.5))) / \(seconds(run.latency.quantile(0.95))) / \(seconds(run.latency.quantile(0.99)))"],
        ] + (r.hasTokenTiming ? [
            ["first token mean / p50 / p95 / p99", quantiles(run.timeToFirstToken)],
            ["inter-token mean / p50 / p95 / p99", quantiles(run.interTokenLatency)],
            ["served output tokens/s per GPU", r.outputTokensPerSecondPerGPU.map { String(format: "%.1f", $0) } ?? "none"],
        ] : []) + [
            ["replicas", "peak \(run.peakReplicas), average \(String(format: "%.2f", r.averageReplicas)), \(Numbers.grouped(String(Int((run.replicaSeconds / 3600).rounded())))) replica-hours"],
            ["replica time", "loading \(percent(run.loadingSeconds, run)) · serving \(percent(run.servingSeconds, run)) · idle \(percent(run.idleSeconds, run)) · keep-warm \(percent(run.keepWarmSeconds, run))"],
        ]
        let width = summary.map { $0[0].count }.max() ?? 0
        for row in summary {
            let line = row[0].padding(toLength: width, withPad: " ", startingAt: 0) + "  " + row[1]
            output += TextWrap.hanging(line, continuation: width + 2, separator: row[1].contains(" · ") ? " · " : " ") + "\n"
        }
        output += "\nMonthly cost (\(Numbers.exact(r.plan.hoursPerMonth)) h month\(r.projection == 1 ? "" : ", simulated time x\(Money.plain(r.projection, scale: 2))")):\n"
        var items = TextTable(headers: ["line", "quantity", "price", "amount"], alignments: [.left, .right, .right, .right])
        for item in r.lineItems {
            items.rows.append([item.label, "\(Numbers.formatted(item.quantity, scale: 1)) \(item.unit)s", Money.formattedPrice(item.unitPrice, currency: r.currency),
                               Money.formatted(item.amount, currency: r.currency)])
        }
        items.rows.append(["total", "", "", Money.formatted(r.total, currency: r.currency)])
        output += items.render(indent: "  ")
        if let perMillion = r.costPerMillionTokens {
            output += "\nEffective cost: \(Money.formattedPrice(perMillion, currency: r.currency)) per 1M tokens (\(TokenCount.abbreviated(r.monthlyTokens)) tokens a month)\n"
        }
        if run.overloaded {
            output += "\n" + TextWrap.hanging("The endpoint is overloaded: requests arrive faster than \(r.plan.configuration.maxReplicas) replica(s) x \(r.plan.configuration.concurrency) slot(s) can serve them, so the queue grows for as long as the run lasts and the latency above depends on the run's length, not on the endpoint. Raise \(Setting.maxReplicas) or \(Setting.concurrency), or lower the rate.") + "\n"
        }
        output += "\nAssumptions:\n"
        for a in r.plan.assumptions { output += TextWrap.hanging("  \(a.name): \(a.value)") + "\n" }
        output += TextWrap.hanging(r.hasTokenTiming
            ? "  latency: end to end = queue + cold start + prefill + decode; first token = queue + cold start + prefill; inter-token = (last token - first token) / (output tokens - 1) per request; quantiles to within 1%, means exact"
            : "  latency: queue + cold start + service; quantiles to within 1%") + "\n"
        return output
    }

    /// Each line item's quantity and amount in words and numbers, the effective cost, and the price's source.
    public static func explanation(_ r: SimulationResult) -> String {
        var output = "\nHow each figure is made:\n"
        for item in r.lineItems {
            let product = "\(Numbers.formatted(item.quantity, scale: 1)) \(item.unit)s x \(Money.formattedPrice(item.unitPrice, currency: r.currency))"
                + " = \(Money.formatted(item.amount, currency: r.currency))"
            if let derivation = item.derivation {
                output += TextWrap.hanging("  \(item.label): \(derivation)") + "\n" + TextWrap.hanging("    = " + product) + "\n"
            } else {
                output += TextWrap.hanging("  \(item.label): " + product) + "\n"
            }
        }
        let amounts = r.lineItems.map { Money.formatted($0.amount, currency: r.currency) }.joined(separator: " + ")
        output += "  total: \(amounts) = \(Money.formatted(r.total, currency: r.currency))\n"
        if let perMillion = r.costPerMillionTokens {
            output += "  per 1M tokens: \(Money.formatted(r.total, currency: r.currency)) / \(Numbers.formatted(r.monthlyTokens, scale: 0)) tokens x 1,000,000"
            output += " = \(Money.formattedPrice(perMillion, currency: r.currency))\n"
        }
        let provenance = r.plan.offer.provenance
        output += TextWrap.hanging("  price: \(Money.formattedPrice(r.plan.rate.price, currency: r.currency))"
            + " per \(r.plan.rate.unit), \(provenance.source ?? "no source given"), \(provenance.verifiedOn?.text ?? "undated")") + "\n"
        return output
    }

    static func percent(_ part: Double, _ run: EndpointRun) -> String {
        run.replicaSeconds > 0 ? String(format: "%.1f%%", part / run.replicaSeconds * 100) : "0%"
    }

    static func value(_ r: SimulationResult) -> JSONValue {
        let run = r.run
        // A latency beyond the histogram's range (34 years) is null, never a made-up figure.
        func number(_ value: Double, _ places: Int = 3) -> JSONValue { value.isFinite ? .string(String(format: "%.\(places)f", value)) : .null }
        return .fields([
            "schema_version": .number("1"),
            "currency": .string(r.currency),
            "offer": .string(r.plan.offer.id),
            "simulated_seconds": number(run.duration),
            "requests": .number(String(run.requests)),
            "cold_starts": .fields([
                "count": .number(String(run.coldStarts)),
                "share_of_requests": number(r.coldStartShare, 6),
                "per_day": number(r.coldStartsPerDay),
                "requests_waiting_for_boot": .number(String(run.requestsWaitingForBoot)),
            ]),
            "queued_requests": .number(String(run.queuedRequests)),
            "overloaded": .bool(run.overloaded),
            "turned_away_requests": .number(String(run.turnedAway)),
            "unserved_at_end": .number(String(run.unservedAtEnd)),
            "latency_seconds": .fields(["p50": number(run.latency.quantile(0.5)), "p95": number(run.latency.quantile(0.95)), "p99": number(run.latency.quantile(0.99))]),
            "ttft_ms": milliseconds(run.timeToFirstToken),
            "itl_ms": milliseconds(run.interTokenLatency),
            "output_tokens_per_second_per_gpu": r.outputTokensPerSecondPerGPU.map { number($0, 1) } ?? .null,
            "replicas": .fields(["peak": .number(String(run.peakReplicas)), "average": number(r.averageReplicas), "replica_hours": number(run.replicaSeconds / 3600)]),
            "gpu_seconds_simulated": .fields([
                "loading": number(run.loadingSeconds), "serving": number(run.servingSeconds),
                "idle": number(run.idleSeconds), "keep_warm": number(run.keepWarmSeconds),
            ]),
            "projection": .string(Money.plain(r.projection, scale: 6)),
            "line_items": .list(r.lineItems.map { item in
                .fields(["label": .string(item.label), "quantity": .string(Money.plain(item.quantity, scale: 3)), "unit": .string(item.unit),
                         "unit_price": .string(Numbers.exact(item.unitPrice)), "amount": .string(Money.plain(item.amount))])
            }),
            "monthly_cost": .string(Money.plain(r.total)),
            "cost_per_mtok": r.costPerMillionTokens.map { .string(Money.plain($0, scale: 4)) } ?? .null,
            "assumptions": .list(r.plan.assumptions.map { .fields(["name": .string($0.name), "value": .string($0.value)]) }),
            "warnings": .list(r.warnings.map { JSONValue.string($0.text) }),
        ])
    }

    /// A histogram's mean and quantiles in milliseconds; null when requests were not timed token by token.
    static func milliseconds(_ h: LatencyHistogram) -> JSONValue {
        guard h.total > 0 else { return .null }
        func number(_ value: Double) -> JSONValue { value.isFinite ? .string(String(format: "%.3f", value * 1000)) : .null }
        return .fields(["mean": number(h.mean), "p50": number(h.quantile(0.5)), "p95": number(h.quantile(0.95)), "p99": number(h.quantile(0.99))])
    }

    static func csv(_ r: SimulationResult) -> String {
        var rows = [["line", "quantity", "unit", "unit_price", "amount", "currency"]]
        for item in r.lineItems {
            rows.append([item.label, Money.plain(item.quantity, scale: 3), item.unit, Numbers.exact(item.unitPrice), Money.plain(item.amount), r.currency])
        }
        rows.append(["total", "", "", "", Money.plain(r.total), r.currency])
        return CSVWriter.render(rows)
    }
}

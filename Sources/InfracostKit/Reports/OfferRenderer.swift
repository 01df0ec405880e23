import Foundation

/// Renders offers for `infracost prices list` and `prices show`.
public enum OfferRenderer {
    /// An offer's prices in a few words, e.g. `$2.50 / $10.00 per 1M in/out`, `$0.0014/GPU-s`, `$929.00/month`.
    public static func priceSummary(_ offer: Offer) -> String {
        let c = offer.currency
        switch offer.pricing {
        case .api(let prices), .serverless(let prices):
            guard let rates = prices.standard else { return "no price" }
            return "\(Money.formattedPrice(rates.input, currency: c)) / \(Money.formattedPrice(rates.output, currency: c)) per 1M in/out"
        case .serverlessGPU(let pricing):
            switch pricing.rate {
            case .perSecond(let perSecond)?: return "\(Money.formattedPrice(perSecond, currency: c))/GPU-s"
            case .perHour(let perHour)?: return "\(Money.formattedPrice(perHour, currency: c))/GPU-h"
            case nil: return "no price"
            }
        case .dedicated(let pricing):
            switch pricing.rate {
            case .monthly(let perMonth)?: return "\(Money.formattedPrice(perMonth, currency: c))/month"
            case .hourly(let perHour)?: return "\(Money.formattedPrice(perHour, currency: c))/h"
            case nil: return "no price"
            }
        }
    }

    /// One row per offer: id, tier, what it is, price, date. Retired offers are listed with the day they were
    /// retired in place of a price.
    public static func list(_ offers: [Offer], retired: [Offer] = [], format: OutputFormat) -> String {
        let retiredIDs = Set(retired.map(\.id))
        let sorted = (offers + retired).sorted { ($0.tier, $0.id) < ($1.tier, $1.id) }
        func priceSummary(_ offer: Offer) -> String {
            retiredIDs.contains(offer.id) ? "retired \(offer.retiredOn?.text ?? "?")" : Self.priceSummary(offer)
        }
        switch format {
        case .table, .markdown:
            var table = TextTable(headers: ["offer", "tier", "for", "price", "verified"], alignments: [.left, .left, .left, .right, .left])
            for offer in sorted {
                table.rows.append([offer.id, offer.tier.rawValue, offer.subject, priceSummary(offer), offer.provenance.verifiedOn?.text ?? "-"])
            }
            if format == .markdown {
                var output = "| offer | tier | for | price | verified |\n|---|---|---|---:|---|\n"
                for row in table.rows { output += "| " + row.map(TextSafety.markdownCell).joined(separator: " | ") + " |\n" }
                return output
            }
            return table.render() + "\n\(sorted.count) offers. 'infracost prices show ID' shows one with its source.\n"
        case .csv:
            // Prices as plain numbers, one column per unit, so a spreadsheet can sum and sort them.
            var rows = [["id", "tier", "provider", "subject", "input_per_mtok", "output_per_mtok", "per_second", "per_hour", "per_month",
                         "currency", "effective_from", "verified_on", "source"]]
            for offer in sorted {
                let prices = priceFields(offer)
                func plain(_ field: String) -> String { prices.first { $0.0 == field }.map { Numbers.exact($0.1) } ?? "" }
                rows.append([offer.id, offer.tier.rawValue, offer.provider, offer.subject, plain("input_per_mtok"), plain("output_per_mtok"),
                             plain("per_second"), plain("per_hour"), plain("per_month"), offer.currency,
                             offer.currentFrom?.text ?? "", offer.provenance.verifiedOn?.text ?? "", offer.provenance.source ?? ""])
            }
            return CSVWriter.render(rows)
        case .json:
            return JSONWriter.string(.fields([
                "schema_version": .number(String(Comparison.schemaVersion)),
                "offers": .list(sorted.map(value)),
            ]))
        }
    }

    /// Every field of one offer, its price history, and how its throughput would be found.
    public static func show(_ offer: Offer, platform: ServerlessPlatform? = nil, format: OutputFormat) -> String {
        if format == .json { return JSONWriter.string(value(offer)) }
        var lines: [(String, String)] = [("id", offer.id), ("tier", offer.tier.rawValue), ("provider", offer.provider)]
        if let model = offer.model { lines.append(("model", model)) }
        if let size = offer.modelParamsB { lines.append(("model size", "\(Numbers.exact(size))B parameters")) }
        if let gpu = offer.gpu { lines.append(("GPU", offer.gpuCount > 1 ? "\(offer.gpuCount)x \(gpu)" : gpu)) }
        if let purchase = offer.purchase { lines.append(("purchase", purchase.name)) }
        let tokens = offer.pricing.tokens
        let gpuTime = offer.pricing.gpuTime
        for (field, value) in priceFields(offer) { lines.append((field, Money.formattedPrice(value, currency: offer.currency))) }
        if let rates = tokens?.standard {
            let blended = rates.input * Workload.defaultInputShare + rates.output * (1 - Workload.defaultInputShare)
            lines.append(("blended at 3:1", "\(Money.formattedPrice(blended, currency: offer.currency)) per 1M tokens"))
        }
        if let cached = tokens?.cachedInputPerMTok { lines.append(("cached input", "\(Money.formattedPrice(cached, currency: offer.currency)) per 1M tokens (\(Setting.cachedShare))")) }
        for mode in PricingMode.allCases {
            if let rates = tokens?.modeRates[mode] {
                lines.append(("\(mode.rawValue) mode", "\(Money.formattedPrice(rates.input, currency: offer.currency)) / \(Money.formattedPrice(rates.output, currency: offer.currency)) per 1M in/out (\(Setting.mode) \(mode.rawValue))"))
            }
        }
        if let tier = tokens?.contextTier {
            lines.append(("long context", "above \(Numbers.formatted(tier.aboveInputTokens)) input tokens per request: \(Money.formattedPrice(tier.rates.input, currency: offer.currency)) / \(Money.formattedPrice(tier.rates.output, currency: offer.currency)) per 1M in/out"))
        }
        if let window = tokens?.offPeak {
            lines.append(("off-peak", "\(window.text): \(Money.formattedPrice(window.rates.input, currency: offer.currency)) / \(Money.formattedPrice(window.rates.output, currency: offer.currency)) per 1M in/out"))
        }
        if case .reserved(let term?) = offer.purchase { lines.append(("term", "\(term) month\(term == 1 ? "" : "s") minimum commitment")) }
        if let tps = offer.tokensPerSecond { lines.append(("tokens/s", Numbers.formatted(tps))) }
        if let cold = gpuTime?.coldStartSeconds { lines.append(("cold start", "\(Numbers.exact(cold)) s")) }
        if let idle = gpuTime?.idleTimeoutSeconds { lines.append(("idle timeout", "\(Numbers.exact(idle)) s")) }
        if gpuTime?.idleTimeoutSeconds == nil, let idle = gpuTime?.platformIdleTimeoutSeconds {
            lines.append(("idle timeout", "\(Numbers.exact(idle)) s (\(offer.provider)'s default)"))
        }
        lines.append(("currency", offer.currency))
        lines.append(("effective from", offer.currentFrom?.text ?? "unknown (the day the price took effect was not published)"))
        lines.append(("verified on", offer.provenance.verifiedOn?.text ?? "not given"))
        lines.append(("source", offer.provenance.source ?? "not given"))
        if let deprecated = offer.deprecatedOn { lines.append(("deprecated on", deprecated.text)) }
        if let retired = offer.retiredOn { lines.append(("retired on", retired.text + " (not priced from that day)")) }
        if let notes = offer.notes { lines.append(("notes", notes)) }
        if let platform, offer.tier == .serverlessGPU {
            func yes(_ flag: Bool?) -> String { flag.map { $0 ? "billed" : "not billed" } ?? "not stated" }
            var facts = platform.billingIncrementSeconds.map { "billed in \(Numbers.exact($0)) s increments" } ?? "billing increment not stated"
            facts += "; loading \(yes(platform.billsLoading)); idle \(yes(platform.billsIdle))"
            lines.append(("platform", facts))
            if let notes = platform.notes { lines.append(("platform notes", notes)) }
            lines.append(("platform source", "\(platform.provenance.source ?? "not given"), verified \(platform.provenance.verifiedOn?.text ?? "undated")"))
        }
        let width = lines.map(\.0.count).max() ?? 0
        var output = lines.map { TextWrap.hanging($0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1, continuation: width + 2) }
            .joined(separator: "\n") + "\n"
        if !offer.history.isEmpty {
            output += "\nPrice history (\(Setting.asOf) DATE prices with the one in effect that day):\n"
            for point in offer.history {
                let period: String
                switch (point.from, point.to) {
                case (nil, nil): period = "earlier (dates of the change not published)"
                case (let from?, nil): period = "from \(from)"
                case (nil, let to?): period = "until \(to)"
                case (let from?, let to?): period = "\(from) to \(to)"
                }
                let prices = point.price.fields.map { "\($0.field) \(Money.formattedPrice($0.value, currency: offer.currency))" }.joined(separator: ", ")
                output += TextWrap.hanging("  \(period): \(prices)") + "\n"
                output += TextWrap.hanging("    source: \(point.provenance.source ?? "not given"), \(point.provenance.verifiedOn?.text ?? "undated")") + "\n"
            }
        }
        return output
    }

    /// The offer's current prices as (JSON field, value) pairs in the catalog's order, absent ones left out.
    static func priceFields(_ offer: Offer) -> [(String, Decimal)] {
        switch offer.pricing {
        case .api(let prices), .serverless(let prices):
            [("input_per_mtok", prices.inputPerMTok), ("output_per_mtok", prices.outputPerMTok)].compactMap { name, value in value.map { (name, $0) } }
        case .serverlessGPU(let pricing):
            switch pricing.rate {
            case .perSecond(let rate)?: [("per_second", rate)]
            case .perHour(let rate)?: [("per_hour", rate)]
            case nil: []
            }
        case .dedicated(let pricing):
            switch pricing.rate {
            case .hourly(let rate)?: [("per_hour", rate)]
            case .monthly(let rate)?: [("per_month", rate)]
            case nil: []
            }
        }
    }

    /// The offer as JSON, prices as exact decimal strings.
    public static func value(_ offer: Offer) -> JSONValue {
        var members: [JSONValue.Member] = []
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append(.init(key: key, value: value, line: 0)) }
        }
        add("id", .string(offer.id))
        add("tier", .string(offer.tier.rawValue))
        add("provider", .string(offer.provider))
        add("model", offer.model.map(JSONValue.string))
        add("model_params_b", offer.modelParamsB.map { .string(Numbers.exact($0)) })
        add("gpu", offer.gpu.map(JSONValue.string))
        if offer.gpu != nil { add("gpu_count", .number(String(offer.gpuCount))) }
        for (field, value) in priceFields(offer) { add(field, .string(Numbers.exact(value))) }
        let tokens = offer.pricing.tokens
        let gpuTime = offer.pricing.gpuTime
        add("cached_input_per_mtok", tokens?.cachedInputPerMTok.map { .string(Numbers.exact($0)) })
        func rates(_ r: TokenRates) -> [String: JSONValue] {
            ["input_per_mtok": .string(Numbers.exact(r.input)), "output_per_mtok": .string(Numbers.exact(r.output))]
        }
        for mode in PricingMode.allCases {
            if let r = tokens?.modeRates[mode] { add(mode.rawValue, .fields(["input_per_mtok": rates(r)["input_per_mtok"], "output_per_mtok": rates(r)["output_per_mtok"]])) }
        }
        if let tier = tokens?.contextTier {
            add("long_context", .fields([
                "above_input_tokens": .string(Numbers.exact(tier.aboveInputTokens)),
                "input_per_mtok": rates(tier.rates)["input_per_mtok"], "output_per_mtok": rates(tier.rates)["output_per_mtok"],
            ]))
        }
        if let window = tokens?.offPeak {
            if window.ranges.count == 1 {
                add("off_peak", .fields([
                    "from": .string(OffPeakWindow.clock(window.fromMinute)), "to": .string(OffPeakWindow.clock(window.toMinute)),
                    "input_per_mtok": rates(window.rates)["input_per_mtok"], "output_per_mtok": rates(window.rates)["output_per_mtok"],
                ]))
            } else {
                add("off_peak", .fields([
                    "windows": .list(window.ranges.map { .fields(["from": .string(OffPeakWindow.clock($0.from)), "to": .string(OffPeakWindow.clock($0.to))]) }),
                    "input_per_mtok": rates(window.rates)["input_per_mtok"], "output_per_mtok": rates(window.rates)["output_per_mtok"],
                ]))
            }
        }
        if case .reserved(let term?) = offer.purchase { add("term_months", .number(String(term))) }
        add("effective_from", offer.currentFrom.map(JSONValue.day))
        add("deprecated_on", offer.deprecatedOn.map(JSONValue.day))
        add("retired_on", offer.retiredOn.map(JSONValue.day))
        add("tokens_per_second", offer.tokensPerSecond.map { .string(Numbers.exact($0)) })
        add("cold_start_s", gpuTime?.coldStartSeconds.map { .string(Numbers.exact($0)) })
        add("idle_timeout_s", gpuTime?.idleTimeoutSeconds.map { .string(Numbers.exact($0)) })
        add("purchase", offer.purchase.map { .string($0.name) })
        add("currency", .string(offer.currency))
        add("verified_on", offer.provenance.verifiedOn.map(JSONValue.day))
        add("source", offer.provenance.source.map(JSONValue.string))
        add("notes", offer.notes.map(JSONValue.string))
        if !offer.registryKeys.isEmpty {
            add("registry", .fields([
                "genai_prices": offer.registryKeys[.genaiPrices].map(JSONValue.string),
                "litellm": offer.registryKeys[.litellm].map(JSONValue.string),
            ]))
        }
        if !offer.history.isEmpty {
            add("history", .list(offer.history.map { point in
                var fields: [JSONValue.Member] = []
                if let from = point.from { fields.append(.init(key: "from", value: .day(from), line: 0)) }
                if let to = point.to { fields.append(.init(key: "to", value: .day(to), line: 0)) }
                for price in point.price.fields { fields.append(.init(key: price.field, value: .string(Numbers.exact(price.value)), line: 0)) }
                if let day = point.provenance.verifiedOn { fields.append(.init(key: "verified_on", value: .day(day), line: 0)) }
                if let source = point.provenance.source { fields.append(.init(key: "source", value: .string(source), line: 0)) }
                return .object(fields)
            }))
        }
        return .object(members)
    }
}

import Foundation

/// Reads genai-prices data: the published `prices/data.json` (a list of providers; constraints without a `type`)
/// and the 0.2.3 package's data dumped with its own field names (`{"providers": [...]}`, type-tagged constraints,
/// `price_variants` for batch, flex and priority).
enum GenAIPricesReader {
    static func read(_ root: JSONValue, file: String, day: Day) throws(InfracostError) -> RegistryFile {
        let providers: [JSONValue.Element]
        var version: String?
        switch root {
        case .array(let elements): providers = elements
        default:
            guard case .array(let elements)? = root["providers"] else {
                throw .invalidData(problems: [DataProblem(file: file, line: 1, message: "a genai-prices file needs a \"providers\" list")])
            }
            providers = elements
            if case .string(let generator)? = root["generator"] { version = generator }
        }
        var entries: [RegistryEntry] = []
        var skipped: [(key: String, reason: String)] = []
        var problems: [DataProblem] = []
        for element in providers {
            guard case .object = element.value, case .string(let provider)? = element.value["id"],
                  case .array(let models)? = element.value["models"] else {
                problems.append(DataProblem(file: file, line: element.line, message: "each provider needs an \"id\" and a \"models\" list"))
                continue
            }
            var pricingURL: String?
            if case .array(let urls)? = element.value["pricing_urls"], case .string(let first)? = urls.first?.value { pricingURL = first }
            for model in models {
                guard case .string(let id)? = model.value["id"] else {
                    problems.append(DataProblem(file: file, line: model.line, entry: provider, message: "a model has no \"id\""))
                    continue
                }
                let key = "\(provider)/\(id)"
                switch entry(model.value, provider: provider, id: id, line: model.line, day: day) {
                case .success(var entry):
                    entry.pricingURL = pricingURL
                    entries.append(entry)
                case .failure(let reason):
                    skipped.append((key, reason.text))
                }
            }
        }
        if !problems.isEmpty { throw .invalidData(problems: problems) }
        return RegistryFile(registry: .genaiPrices, file: file, version: version, entries: entries, skipped: skipped)
    }

    struct Skip: Error {
        var text: String
    }

    /// One dated price of a model: its start day (nil: unconstrained) and its prices object.
    struct Dated {
        var start: Day?
        var prices: JSONValue
    }

    static func entry(_ model: JSONValue, provider: String, id: String, line: Int, day: Day) -> Result<RegistryEntry, Skip> {
        var dated: [Dated] = []
        var timeOfDay: [TokenRates] = []
        switch model["prices"] {
        case .object?:
            dated = [Dated(start: nil, prices: model["prices"] ?? .null)]
        case .array(let list)?:
            for item in list {
                guard let prices = item.value["prices"] else { continue }
                if let constraint = item.value["constraint"] {
                    if case .string(let text)? = constraint["start_date"], let start = Day(text) {
                        dated.append(Dated(start: start, prices: prices))
                    } else if constraint["start_time"] != nil {
                        if let rates = tokenRates(prices) { timeOfDay.append(rates) }
                    } else {
                        return .failure(Skip(text: "a price constraint this version cannot represent"))
                    }
                } else {
                    dated.append(Dated(start: nil, prices: prices))
                }
            }
        default:
            return .failure(Skip(text: "no prices"))
        }
        dated.sort { ($0.start?.number ?? Int.min) < ($1.start?.number ?? Int.min) }
        guard let currentIndex = dated.lastIndex(where: { ($0.start?.number ?? Int.min) <= day.number }) ?? (dated.isEmpty ? nil : 0) else {
            return .failure(Skip(text: "no prices"))
        }
        let current = dated[currentIndex]
        guard let rates = tokenRates(current.prices) else {
            return .failure(Skip(text: "no input and output prices per token (priced per image, second, request or character)"))
        }
        var entry = RegistryEntry(registry: .genaiPrices, provider: provider, model: id, line: line, rates: rates)
        if case .string(let name)? = model["name"] { entry.name = name }
        entry.effectiveFrom = current.start
        entry.cachedInputPerMTok = base(current.prices["cache_read_mtok"])
        entry.contextTier = tier(current.prices)
        entry.timeOfDayRates = timeOfDay
        if case .bool(true)? = model["deprecated"] { entry.markedDeprecated = true }
        for (index, point) in dated.enumerated() where index != currentIndex {
            guard let pointRates = tokenRates(point.prices) else { continue }
            let to = index + 1 < dated.count ? dated[index + 1].start : nil
            let price = PricePoint.Price.tokens(input: pointRates.input, output: pointRates.output, cachedInput: base(point.prices["cache_read_mtok"]))
            // An unconstrained price before the first start date applies until it; a later start date is announced.
            let provenance = Provenance(source: "genai-prices, provider \(provider), model \(id) (start-dated price)")
            if point.start == nil, to == nil { continue }
            entry.history.append(PricePoint(from: point.start, to: to, price: price, provenance: provenance))
        }
        if case .array(let variants)? = model["price_variants"] {
            for variant in variants {
                guard let when = variant.value["when"], let prices = variant.value["prices"], let rates = tokenRates(prices) else { continue }
                if case .string(let start)? = variant.value["constraint"]?["start_date"], start > day.text { continue }
                if case .string("batch")? = when["processing"] { entry.modeRates[.batch] = rates }
                if case .string("flex")? = when["service_tier"] { entry.modeRates[.flex] = rates }
                if case .string("priority")? = when["service_tier"] { entry.modeRates[.priority] = rates }
            }
        }
        return .success(entry)
    }

    /// Input and output per 1M tokens from a prices object, when it has both.
    static func tokenRates(_ prices: JSONValue) -> TokenRates? {
        guard let input = base(prices["input_mtok"]), let output = base(prices["output_mtok"]) else { return nil }
        return TokenRates(input: input, output: output)
    }

    /// A price: a number, a numeric string, or `{"base": ..., "tiers": [...]}`.
    static func base(_ value: JSONValue?) -> Decimal? {
        if case .object? = value { return RegistryNumber.decimal(value?["base"]) }
        return RegistryNumber.decimal(value)
    }

    /// The first tier of the input price (with the output price of the same threshold, or its base).
    static func tier(_ prices: JSONValue) -> ContextTier? {
        guard case .array(let tiers)? = prices["input_mtok"]?["tiers"], let first = tiers.first?.value,
              let start = RegistryNumber.decimal(first["start"]), let input = RegistryNumber.decimal(first["price"]) else { return nil }
        var output = base(prices["output_mtok"])
        if case .array(let outputTiers)? = prices["output_mtok"]?["tiers"],
           let match = outputTiers.first(where: { RegistryNumber.decimal($0.value["start"]) == start }) {
            output = RegistryNumber.decimal(match.value["price"])
        }
        guard let output else { return nil }
        return ContextTier(aboveInputTokens: start, rates: TokenRates(input: input, output: output))
    }
}

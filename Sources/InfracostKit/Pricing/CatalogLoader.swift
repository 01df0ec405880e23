import Foundation

/// Reads pricing files (the format described by `pricing-data/schema.json`) into a `PriceCatalog`.
///
/// Every problem in a file is collected, each with file, line, offer and field, before the load fails, so one
/// run of `prices validate` shows them all.
public enum CatalogLoader {
    /// The only `schema_version` this version reads.
    public static let schemaVersion = 1

    /// The largest pricing file read (16 MiB); larger files are refused before parsing.
    public static let maximumFileSize = 16 * 1024 * 1024

    /// Builds the catalog of the bundled tables, compiled into the binary.
    /// - Throws: `InfracostError.invalidData` if the bundled tables are broken (a test keeps them valid).
    public static func bundled() throws(InfracostError) -> PriceCatalog {
        try bundled(tables: nil)
    }

    /// The catalog of some of the bundled tables, by file name (e.g. `gpus.json`); nil means all. `throughput`
    /// needs no offers, and parsing only what it needs halves its start-up.
    public static func bundled(tables: Set<String>?) throws(InfracostError) -> PriceCatalog {
        var catalog = PriceCatalog()
        for table in PricingTables.all where tables.map({ $0.contains(table.name) }) ?? true {
            catalog.merge(try load(Array(table.json.utf8), file: "bundled:\(table.name)", requireProvenance: true))
        }
        return catalog
    }

    /// Reads a pricing file from disk.
    /// - Throws: `InfracostError.io` when it cannot be read, `.invalidData` when its content is wrong.
    public static func load(contentsOf path: String, requireProvenance: Bool = false) throws(InfracostError) -> PriceCatalog {
        let bytes = try FileInput.read(path, maximumSize: maximumFileSize)
        return try load(bytes, file: path, requireProvenance: requireProvenance)
    }

    /// Parses and validates one pricing file's bytes.
    /// - Parameters:
    ///   - file: the name used in error messages.
    ///   - requireProvenance: whether every figure needs `source` and `verified_on` (true for the bundled tables).
    /// - Throws: `InfracostError.invalidData` listing every problem found.
    public static func load(_ bytes: [UInt8], file: String, requireProvenance: Bool = false) throws(InfracostError) -> PriceCatalog {
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            throw .invalidData(problems: [
                DataProblem(file: file, line: error.line, message: "not valid JSON: \(error.reason) (column \(error.column))")
            ])
        }
        var reader = CatalogFileReader(file: file, requireProvenance: requireProvenance)
        let catalog = reader.read(root)
        if !reader.problems.isEmpty { throw .invalidData(problems: reader.problems) }
        return catalog
    }
}

/// Reads one parsed pricing file, collecting problems.
struct CatalogFileReader {
    let file: String
    let requireProvenance: Bool
    var problems: [DataProblem] = []
    /// The line of each offer id read so far, to name both lines of a duplicate.
    var offerLines: [String: Int] = [:]

    init(file: String, requireProvenance: Bool) {
        self.file = file
        self.requireProvenance = requireProvenance
    }

    static let topLevelKeys: Set<String> = ["schema_version", "description", "offers", "gpus", "throughput", "cold_starts", "exchange_rates", "platforms", "models"]
    static let platformKeys: Set<String> = provenanceKeys.union(["provider", "idle_timeout_s", "billing_increment_s", "bills_loading", "bills_idle", "notes"])
    /// `verified_on` is the day a source was checked; `as_of` is its older name, still read in user files.
    static let provenanceKeys: Set<String> = ["source", "verified_on", "as_of"]
    static let exchangeRateKeys: Set<String> = provenanceKeys.union(["currency", "usd_per_unit"])
    static let priceFields = ["input_per_mtok", "output_per_mtok", "per_second", "per_hour", "per_month"]
    static let offerKeys: Set<String> = Set(priceFields).union([
        "id", "tier", "provider", "model", "model_params_b", "gpu", "gpu_count", "tokens_per_second", "cold_start_s",
        "idle_timeout_s", "purchase", "currency", "notes", "history", "from", "effective_from", "cached_input_per_mtok",
        "batch", "flex", "priority", "long_context", "off_peak", "term_months", "deprecated_on", "retired_on", "registry",
    ]).union(provenanceKeys)
    static let modeKeys: Set<String> = ["input_per_mtok", "output_per_mtok"]
    /// Physical bounds, far outside any real figure, so a typo cannot make a fleet of 10^20 GPUs or a free one.
    static let tokensPerSecondRange = Decimal(string: "0.001")!...Decimal(100_000_000)
    static let memoryRange = Decimal(1)...Decimal(100_000)
    static let bandwidthRange = Decimal(1)...Decimal(10_000_000)
    static let longContextKeys: Set<String> = ["above_input_tokens", "input_per_mtok", "output_per_mtok"]
    static let offPeakKeys: Set<String> = ["from", "to", "windows", "input_per_mtok", "output_per_mtok"]
    static let historyKeys: Set<String> = Set(priceFields).union(["from", "to", "cached_input_per_mtok"]).union(provenanceKeys)
    static let gpuKeys: Set<String> = provenanceKeys.union([
        "name", "aliases", "memory_gb", "bandwidth_gb_s", "bf16_tflops", "fp8_tflops", "fp4_tflops", "interconnect_gb_s", "compute_source",
        "compute_verified_on",
    ])
    static let modelKeys: Set<String> = provenanceKeys.union([
        "id", "name", "aliases", "total_params_b", "active_params_b", "layers", "hidden_size", "attention_heads", "kv_heads", "head_dim",
        "context_length", "native_precision", "experts", "experts_per_token", "notes",
    ])
    static let tflopsRange = Decimal(1)...Decimal(1_000_000)
    static let paramsRange = Decimal(string: "0.001")!...Decimal(100_000)
    static let throughputKeys: Set<String> = Set([
        "model_params_b", "gpu", "gpu_count", "tokens_per_second", "counts", "input_len", "output_len", "precision", "batch",
        "notes",
    ]).union(provenanceKeys)
    static let coldStartKeys: Set<String> = provenanceKeys.union(["provider", "min_params_b", "max_params_b", "seconds"])

    mutating func report(_ line: Int?, _ entry: String?, _ field: String?, _ message: String) {
        // Entries of the other sections are named by their section ("throughput entry", "gpu 'H100'").
        problems.append(DataProblem(file: file, line: line, entry: entry, entryKind: section, field: field, message: message))
    }

    /// The kind of entry being read, for messages: "offer", "gpu", "throughput entry", ...
    var section = "offer"

    mutating func read(_ root: JSONValue) -> PriceCatalog {
        guard case .object(let members) = root else {
            report(1, nil, nil, "the file must hold a JSON object with \"schema_version\" and \"offers\"")
            return PriceCatalog()
        }
        checkKeys(members, allowed: Self.topLevelKeys, entry: nil, what: "top-level")
        var catalog = PriceCatalog(files: [file])
        guard let version = members.first(where: { $0.key == "schema_version" }) else {
            report(1, nil, "schema_version", "is missing (this version reads schema_version \(CatalogLoader.schemaVersion))")
            return catalog
        }
        guard case .number(let text) = version.value, text == String(CatalogLoader.schemaVersion) else {
            report(version.line, nil, "schema_version", "must be \(CatalogLoader.schemaVersion), found \(describe(version.value))")
            return catalog
        }
        let sections = members.filter { ["offers", "gpus", "throughput", "cold_starts", "exchange_rates", "platforms", "models"].contains($0.key) }
        if sections.isEmpty { report(1, nil, "offers", "is missing: a pricing file needs an \"offers\" array") }
        for section in sections {
            guard case .array(let elements) = section.value else {
                report(section.line, nil, section.key, "must be an array, found \(section.value.kindDescription)")
                continue
            }
            if section.key == "offers" { offerLines.reserveCapacity(offerLines.count + elements.count) }
            for element in elements {
                guard case .object(let fields) = element.value else {
                    report(element.line, nil, section.key, "each entry must be an object, found \(element.value.kindDescription)")
                    continue
                }
                self.section = ["offers": "offer", "gpus": "gpu", "throughput": "section", "cold_starts": "section", "exchange_rates": "section",
                                "platforms": "platform", "models": "model"][section.key] ?? "offer"
                switch section.key {
                case "offers":
                    if let offer = readOffer(fields, line: element.line) {
                        if let first = offerLines[offer.id] {
                            report(element.line, offer.id, "id", "duplicate id: the offer on line \(first) has it too")
                        } else {
                            offerLines[offer.id] = element.line
                        }
                        catalog.offers.append(offer)
                    }
                case "gpus": if let gpu = readGPU(fields, line: element.line) { catalog.gpus.append(gpu) }
                case "throughput":
                    if let figure = readThroughput(fields, line: element.line) { catalog.throughput.append(figure) }
                case "exchange_rates": if let rate = readExchangeRate(fields, line: element.line) { catalog.exchangeRates.append(rate) }
                case "platforms": if let platform = readPlatform(fields, line: element.line) { catalog.platforms.append(platform) }
                case "models": if let model = readModel(fields, line: element.line) { catalog.models.append(model) }
                default: if let figure = readColdStart(fields, line: element.line) { catalog.coldStarts.append(figure) }
                }
            }
        }
        self.section = "offer"
        return catalog
    }

    // MARK: Entries

    mutating func readOffer(_ fields: [JSONValue.Member], line: Int) -> Offer? {
        let before = problems.count
        let entry = Entry(members: fields, line: line)
        guard let id = string(entry, "id", required: true, entry: nil) else { return nil }
        if id.isEmpty || Self.hasWhitespace(id) {
            report(entry.line(of: "id"), id, "id", "must be non-empty and contain no spaces")
        }
        checkKeys(fields, allowed: Self.offerKeys, entry: id, what: "offer")
        let tierText = string(entry, "tier", required: true, entry: id)
        var tier: Tier?
        if let tierText {
            tier = Tier(rawValue: tierText)
            if tier == nil {
                report(entry.line(of: "tier"), id, "tier",
                       "unknown tier '\(tierText)' (use one of: \(Tier.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        // Read every field in the file's documented order (problems are reported in this order), then build the
        // tier's pricing once.
        let provider = string(entry, "provider", entry: id)
        let model = string(entry, "model", entry: id)
        let modelParamsB = decimal(entry, "model_params_b", entry: id, positive: true)
        let gpu = string(entry, "gpu", entry: id)
        let gpuCount = integer(entry, "gpu_count", entry: id) ?? 1
        let inputPerMTok = decimal(entry, "input_per_mtok", entry: id)
        let outputPerMTok = decimal(entry, "output_per_mtok", entry: id)
        let perSecond = decimal(entry, "per_second", entry: id)
        let perHour = decimal(entry, "per_hour", entry: id)
        let perMonth = decimal(entry, "per_month", entry: id)
        let tokensPerSecond = bounded(decimal(entry, "tokens_per_second", entry: id, positive: true), entry, "tokens_per_second", id: id,
                                      range: Self.tokensPerSecondRange, unit: "tokens per second per instance")
        let coldStartSeconds = decimal(entry, "cold_start_s", entry: id)
        let idleTimeoutSeconds = decimal(entry, "idle_timeout_s", entry: id)
        let purchase = string(entry, "purchase", entry: id)
        let currency = string(entry, "currency", entry: id) ?? "USD"
        let provenance = provenance(entry, entry: id)
        let notes = string(entry, "notes", entry: id)
        let history = readHistory(entry, entry: id)
        if entry.has("from"), entry.has("effective_from") {
            report(entry.line(of: "from"), id, "from", "give effective_from only ('from' is its older name)")
        }
        let effectiveFrom = date(entry, "effective_from", entry: id) ?? date(entry, "from", entry: id)
        let deprecatedOn = date(entry, "deprecated_on", entry: id)
        let retiredOn = date(entry, "retired_on", entry: id)
        if let deprecated = deprecatedOn, let retired = retiredOn, retired < deprecated {
            report(entry.line(of: "retired_on"), id, "retired_on", "\(retired) is before deprecated_on \(deprecated)")
        }
        var tokens = Offer.TokenPricing(inputPerMTok: inputPerMTok, outputPerMTok: outputPerMTok,
                                        cachedInputPerMTok: decimal(entry, "cached_input_per_mtok", entry: id))
        for mode in PricingMode.allCases where mode != .standard {
            if let rates = rates(entry, mode.rawValue, keys: Self.modeKeys, entry: id) { tokens.modeRates[mode] = rates }
        }
        if let member = entry.member("long_context"), let rates = rates(entry, "long_context", keys: Self.longContextKeys, entry: id),
           case .object(let fields) = member.value,
           let above = decimal(Entry(members: fields, line: member.line), "above_input_tokens", required: true, entry: id, positive: true) {
            tokens.contextTier = ContextTier(aboveInputTokens: above, rates: rates)
        }
        if let member = entry.member("off_peak"), let rates = rates(entry, "off_peak", keys: Self.offPeakKeys, entry: id),
           case .object(let fields) = member.value {
            if let ranges = offPeakRanges(Entry(members: fields, line: member.line), line: member.line, entry: id) {
                tokens.offPeak = OffPeakWindow(ranges: ranges, rates: rates)
            }
        }
        let termMonths = integer(entry, "term_months", entry: id)
        var registryKeys: [PriceRegistry: String] = [:]
        if let member = entry.member("registry") {
            if case .object(let fields) = member.value {
                checkKeys(fields, allowed: ["genai_prices", "litellm"], entry: id, what: "registry")
                let keys = Entry(members: fields, line: member.line)
                if let key = string(keys, "genai_prices", entry: id) { registryKeys[.genaiPrices] = key }
                if let key = string(keys, "litellm", entry: id) { registryKeys[.litellm] = key }
            } else {
                report(member.line, id, "registry", "must be an object with genai_prices and litellm keys, found \(member.value.kindDescription)")
            }
        }
        if let tier {
            checkTierFields(id: id, tier: tier, entry: entry, gpu: gpu, termMonths: termMonths, purchase: purchase,
                            provenance: provenance, modelParamsB: modelParamsB, history: history)
        }
        if currency != "USD" {
            report(entry.line(of: "currency"), id, "currency", "only USD prices are supported in this version, found '\(currency)'")
        }
        let bought: Offer.Purchase?
        switch purchase {
        case nil: bought = nil
        case "on-demand": bought = .onDemand
        case "spot": bought = .spot
        case "reserved": bought = .reserved(termMonths: termMonths)
        case let other?:
            report(entry.line(of: "purchase"), id, "purchase", "must be on-demand, spot or reserved, found '\(other)'")
            bought = nil
        }
        guard problems.count == before, let tier else { return nil }
        let hardware = Offer.GPUAllocation(gpu: gpu ?? "", count: gpuCount, tokensPerSecond: tokensPerSecond)
        let pricing: Offer.Pricing
        switch tier {
        case .api: pricing = .api(tokens)
        case .serverless: pricing = .serverless(tokens)
        case .serverlessGPU:
            pricing = .serverlessGPU(Offer.GPUTimePricing(
                hardware: hardware, rate: perSecond.map(Offer.GPUTimeRate.perSecond) ?? perHour.map(Offer.GPUTimeRate.perHour),
                coldStartSeconds: coldStartSeconds, idleTimeoutSeconds: idleTimeoutSeconds))
        case .dedicated:
            pricing = .dedicated(Offer.InstancePricing(
                hardware: hardware, rate: perMonth.map(Offer.InstanceRate.monthly) ?? perHour.map(Offer.InstanceRate.hourly),
                purchase: bought))
        }
        var offer = Offer(id: id, pricing: pricing, provider: provider, model: model, modelParamsB: modelParamsB, currency: currency,
                          provenance: provenance, notes: notes, history: history.compactMap { $0.point(tier: tier) })
        offer.effectiveFrom = effectiveFrom
        offer.deprecatedOn = deprecatedOn
        offer.retiredOn = retiredOn
        offer.registryKeys = registryKeys
        return offer
    }

    /// Whether `text` holds whitespace; ASCII text is checked byte by byte (100,000 ids without walking graphemes).
    static func hasWhitespace(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
        }
        return text.contains(where: \.isWhitespace)
    }

    /// The price fields each tier takes (built once, not per offer).
    static let tierPriceFields: [Tier: Set<String>] = [
        .api: ["input_per_mtok", "output_per_mtok"], .serverless: ["input_per_mtok", "output_per_mtok"],
        .serverlessGPU: ["per_second", "per_hour"], .dedicated: ["per_hour", "per_month"],
    ]
    static let perTokenOnlyFields = ["cached_input_per_mtok", "batch", "flex", "priority", "long_context", "off_peak"]
    static let gpuOnlyFields = ["gpu", "gpu_count", "tokens_per_second", "cold_start_s", "idle_timeout_s", "term_months"]

    mutating func checkTierFields(
        id: String, tier: Tier, entry: Entry, gpu: String?, termMonths: Int?, purchase: String?, provenance: Provenance,
        modelParamsB: Decimal?, history: [HistoryEntry]
    ) {
        let allowed = Self.tierPriceFields[tier] ?? []
        for field in Self.priceFields where entry.has(field) && !allowed.contains(field) {
            report(entry.line(of: field), id, field,
                   "does not apply to tier '\(tier.rawValue)' (its prices are \(allowed.sorted().joined(separator: " and ")))")
        }
        if tier == .serverlessGPU, entry.has("per_second"), entry.has("per_hour") {
            report(entry.line(of: "per_hour"), id, "per_hour", "give per_second or per_hour, not both")
        }
        if tier == .dedicated, entry.has("per_hour"), entry.has("per_month") {
            report(entry.line(of: "per_month"), id, "per_month", "give per_hour or per_month, not both")
        }
        if tier == .serverlessGPU || tier == .dedicated, gpu == nil {
            report(entry.line, id, "gpu", "is missing: a \(tier.rawValue) offer names its GPU")
        }
        if tier == .serverlessGPU || tier == .dedicated {
            for field in Self.perTokenOnlyFields where entry.has(field) {
                report(entry.line(of: field), id, field, "does not apply to tier '\(tier.rawValue)' (per-token prices only)")
            }
        }
        // Cold start and idle timeout belong to serverless GPUs, purchase and term to dedicated instances: the
        // pricing of other tiers has no place for them, so an entry giving one is told rather than silently dropped.
        if tier == .dedicated {
            for field in ["cold_start_s", "idle_timeout_s"] where entry.has(field) {
                report(entry.line(of: field), id, field, "does not apply to tier 'dedicated' (serverless-gpu offers only)")
            }
        }
        if tier != .dedicated, entry.has("purchase") {
            report(entry.line(of: "purchase"), id, "purchase", "does not apply to tier '\(tier.rawValue)' (dedicated offers only)")
        }
        if termMonths != nil, purchase != "reserved" {
            report(entry.line(of: "term_months"), id, "term_months", "applies to reserved offers only (purchase: reserved)")
        }
        if tier == .api || tier == .serverless {
            for field in Self.gpuOnlyFields where entry.has(field) {
                report(entry.line(of: field), id, field, "does not apply to tier '\(tier.rawValue)'")
            }
        }
        // A history entry gives the tier's own prices, one of each kind, as the current price does.
        let historyAllowed = allowed.union(tier == .api || tier == .serverless ? ["cached_input_per_mtok"] : [])
        for point in history {
            let fields = point.fields.map(\.field)
            if let stray = fields.first(where: { !historyAllowed.contains($0) }) {
                report(entry.line(of: "history"), id, "history",
                       "a history entry's \(stray) does not apply to tier '\(tier.rawValue)' (its prices are \(allowed.sorted().joined(separator: " and ")))")
            } else if tier != .api, tier != .serverless, fields.count > 1 {
                report(entry.line(of: "history"), id, "history", "a history entry gives \(fields.joined(separator: " and ")): give one price")
            }
        }
        if requireProvenance {
            if provenance.source == nil { report(entry.line, id, "source", "is missing: every bundled price needs a source") }
            if provenance.verifiedOn == nil { report(entry.line, id, "verified_on", "is missing: every bundled price needs the day it was checked") }
            let hasPrice = Self.priceFields.contains { entry.has($0) }
            if !hasPrice { report(entry.line, id, nil, "has no price: a bundled offer needs one") }
            if tier == .serverless, modelParamsB == nil {
                report(entry.line, id, "model_params_b", "is missing: a bundled serverless offer states its model size")
            }
        }
    }

    /// One history entry as read, before its prices are checked against the offer's tier and typed.
    struct HistoryEntry {
        var from: Day?
        var to: Day?
        /// (JSON field, value) pairs in the order of `priceFields` then `cached_input_per_mtok`.
        var fields: [(field: String, value: Decimal)]
        var provenance: Provenance

        /// The entry as a price point of `tier`'s kind; nil when it has none of that kind (`checkTierFields` and
        /// `readHistory` report such an entry, so a loaded offer never meets one).
        func point(tier: Tier) -> PricePoint? {
            let value = { (field: String) in fields.first { $0.field == field }?.value }
            let price: PricePoint.Price
            switch tier {
            case .api, .serverless:
                price = .tokens(input: value("input_per_mtok"), output: value("output_per_mtok"), cachedInput: value("cached_input_per_mtok"))
            case .serverlessGPU:
                guard let rate = value("per_second").map(Offer.GPUTimeRate.perSecond) ?? value("per_hour").map(Offer.GPUTimeRate.perHour) else { return nil }
                price = .gpuTime(rate)
            case .dedicated:
                guard let rate = value("per_month").map(Offer.InstanceRate.monthly) ?? value("per_hour").map(Offer.InstanceRate.hourly) else { return nil }
                price = .instance(rate)
            }
            return PricePoint(from: from, to: to, price: price, provenance: provenance)
        }
    }

    mutating func readHistory(_ entry: Entry, entry id: String) -> [HistoryEntry] {
        guard let member = entry.member("history") else { return [] }
        guard case .array(let elements) = member.value else {
            report(member.line, id, "history", "must be an array, found \(member.value.kindDescription)")
            return []
        }
        var points: [HistoryEntry] = []
        for element in elements {
            guard case .object(let fields) = element.value else {
                report(element.line, id, "history", "each entry must be an object")
                continue
            }
            checkKeys(fields, allowed: Self.historyKeys, entry: id, what: "history entry")
            let point = Entry(members: fields, line: element.line)
            let from = date(point, "from", entry: id)
            let to = date(point, "to", entry: id)
            var prices: [(field: String, value: Decimal)] = []
            for field in Self.priceFields + ["cached_input_per_mtok"] {
                if let value = decimal(point, field, entry: id) { prices.append((field, value)) }
            }
            if prices.isEmpty { report(element.line, id, "history", "a history entry needs at least one price") }
            if let from, let to, from >= to { report(element.line, id, "history", "'from' \(from) is not before 'to' \(to)") }
            points.append(HistoryEntry(from: from, to: to, fields: prices, provenance: provenance(point, entry: id)))
        }
        // Dated entries must not overlap: on any day at most one price applies.
        let dated = points.filter { $0.from != nil || $0.to != nil }.sorted { ($0.from?.number ?? Int.min) < ($1.from?.number ?? Int.min) }
        for (earlier, later) in zip(dated, dated.dropFirst()) where (earlier.to?.number ?? Int.max) > (later.from?.number ?? Int.min) {
            report(member.line, id, "history", "entries overlap: one runs \(earlier.from?.text ?? "from the start") to \(earlier.to?.text ?? "open end"), the next starts \(later.from?.text ?? "at the start")")
            break
        }
        return points
    }

    /// A `{"input_per_mtok": ..., "output_per_mtok": ...}` object (with other allowed `keys`), or nil when absent.
    mutating func rates(_ entry: Entry, _ key: String, keys: Set<String>, entry id: String) -> TokenRates? {
        guard let member = entry.member(key) else { return nil }
        guard case .object(let fields) = member.value else {
            report(member.line, id, key, "must be an object with input_per_mtok and output_per_mtok, found \(member.value.kindDescription)")
            return nil
        }
        checkKeys(fields, allowed: keys, entry: id, what: key)
        let inner = Entry(members: fields, line: member.line)
        guard let input = decimal(inner, "input_per_mtok", required: true, entry: id),
              let output = decimal(inner, "output_per_mtok", required: true, entry: id) else { return nil }
        return TokenRates(input: input, output: output)
    }

    /// The ranges of an `off_peak` object: its `from` and `to`, or a `windows` array of `{"from", "to"}` objects.
    mutating func offPeakRanges(_ window: Entry, line: Int, entry id: String) -> [OffPeakWindow.Range]? {
        var ranges: [OffPeakWindow.Range] = []
        if let windows = window.member("windows") {
            if window.has("from") || window.has("to") {
                report(windows.line, id, "off_peak", "give 'from' and 'to', or 'windows', not both")
                return nil
            }
            guard case .array(let elements) = windows.value, !elements.isEmpty, elements.count <= 48 else {
                report(windows.line, id, "windows", "must be an array of 1 to 48 {\"from\", \"to\"} objects")
                return nil
            }
            for element in elements {
                guard case .object(let fields) = element.value else {
                    report(element.line, id, "windows", "each window must be an object with 'from' and 'to'")
                    return nil
                }
                checkKeys(fields, allowed: ["from", "to"], entry: id, what: "off_peak window")
                let range = Entry(members: fields, line: element.line)
                guard let from = clock(range, "from", entry: id), let to = clock(range, "to", entry: id) else { return nil }
                ranges.append(OffPeakWindow.Range(from: from, to: to))
            }
        } else {
            guard let from = clock(window, "from", entry: id), let to = clock(window, "to", entry: id) else { return nil }
            ranges.append(OffPeakWindow.Range(from: from, to: to))
        }
        if ranges.contains(where: { $0.from == $0.to }) {
            report(line, id, "off_peak", "'from' and 'to' are the same time")
            return nil
        }
        return ranges
    }

    /// A `HH:MM` time of day as minutes after midnight.
    mutating func clock(_ entry: Entry, _ key: String, entry id: String) -> Int? {
        guard let text = string(entry, key, required: true, entry: id) else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60 else {
            report(entry.line(of: key), id, key, "'\(text)' is not a time of day in the form HH:MM (UTC)")
            return nil
        }
        return hours * 60 + minutes
    }

    mutating func readExchangeRate(_ fields: [JSONValue.Member], line: Int) -> ExchangeRate? {
        let before = problems.count
        let entry = Entry(members: fields, line: line)
        checkKeys(fields, allowed: Self.exchangeRateKeys, entry: "exchange_rates", what: "exchange rate")
        let code = string(entry, "currency", required: true, entry: "exchange_rates")
        if let code, code.count != 3 || !code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            report(entry.line(of: "currency"), "exchange_rates", "currency", "'\(code)' is not an ISO 4217 code such as EUR")
        }
        let rate = decimal(entry, "usd_per_unit", required: true, entry: "exchange_rates", positive: true)
        let source = provenance(entry, entry: "exchange_rates")
        requireSourced(source, line: line, entry: "exchange_rates")
        guard problems.count == before, let code, let rate else { return nil }
        return ExchangeRate(currency: code, usdPerUnit: rate, provenance: source)
    }

    mutating func readPlatform(_ fields: [JSONValue.Member], line: Int) -> ServerlessPlatform? {
        let before = problems.count
        let entry = Entry(members: fields, line: line)
        guard let provider = string(entry, "provider", required: true, entry: nil) else { return nil }
        checkKeys(fields, allowed: Self.platformKeys, entry: provider, what: "platform")
        func flag(_ key: String) -> Bool? {
            guard let member = entry.member(key) else { return nil }
            guard case .bool(let value) = member.value else {
                report(member.line, provider, key, "must be true or false, found \(describe(member.value))")
                return nil
            }
            return value
        }
        let platform = ServerlessPlatform(
            provider: provider, idleTimeoutSeconds: decimal(entry, "idle_timeout_s", entry: provider),
            billingIncrementSeconds: decimal(entry, "billing_increment_s", entry: provider, positive: true),
            billsLoading: flag("bills_loading"), billsIdle: flag("bills_idle"), notes: string(entry, "notes", entry: provider),
            provenance: provenance(entry, entry: provider))
        requireSourced(platform.provenance, line: line, entry: provider)
        return problems.count == before ? platform : nil
    }

    mutating func readGPU(_ fields: [JSONValue.Member], line: Int) -> GPUSpec? {
        let before = problems.count
        let entry = Entry(members: fields, line: line)
        guard let name = string(entry, "name", required: true, entry: nil) else { return nil }
        checkKeys(fields, allowed: Self.gpuKeys, entry: name, what: "gpu")
        let aliases = stringArray(entry, "aliases", entry: name)
        let memory = bounded(decimal(entry, "memory_gb", required: true, entry: name, positive: true), entry, "memory_gb", id: name,
                             range: Self.memoryRange, unit: "GB")
        let bandwidth = bounded(decimal(entry, "bandwidth_gb_s", required: true, entry: name, positive: true), entry, "bandwidth_gb_s", id: name,
                                range: Self.bandwidthRange, unit: "GB/s")
        let source = provenance(entry, entry: name)
        requireSourced(source, line: line, entry: name)
        let compute = readCompute(entry, name: name)
        guard problems.count == before, let memory, let bandwidth else { return nil }
        return GPUSpec(name: name, aliases: aliases, memoryGB: memory, bandwidthGBs: bandwidth, provenance: source, compute: compute)
    }

    /// The optional compute figures of a GPU entry: all of bf16_tflops and interconnect_gb_s, with their own source.
    mutating func readCompute(_ entry: Entry, name: String) -> GPUCompute? {
        func figure(_ key: String, range: ClosedRange<Decimal>, unit: String) -> Double? {
            bounded(decimal(entry, key, entry: name, positive: true), entry, key, id: name, range: range, unit: unit)
                .map { NSDecimalNumber(decimal: $0).doubleValue }
        }
        let bf16 = figure("bf16_tflops", range: Self.tflopsRange, unit: "TFLOP/s")
        let fp8 = figure("fp8_tflops", range: Self.tflopsRange, unit: "TFLOP/s")
        let fp4 = figure("fp4_tflops", range: Self.tflopsRange, unit: "TFLOP/s")
        let link = figure("interconnect_gb_s", range: Self.bandwidthRange, unit: "GB/s")
        let source = string(entry, "compute_source", entry: name)
        let verified = date(entry, "compute_verified_on", entry: name)
        guard bf16 != nil || fp8 != nil || fp4 != nil || link != nil || source != nil else { return nil }
        guard let bf16, let link else {
            report(entry.line, name, bf16 == nil ? "bf16_tflops" : "interconnect_gb_s", "is missing: compute figures need bf16_tflops and interconnect_gb_s")
            return nil
        }
        if requireProvenance, source == nil || verified == nil {
            report(entry.line, name, source == nil ? "compute_source" : "compute_verified_on", "is missing: every bundled figure needs a source and the day it was checked")
        }
        return GPUCompute(bf16TFLOPS: bf16, fp8TFLOPS: fp8, fp4TFLOPS: fp4, interconnectGBs: link,
                          provenance: Provenance(source: source, verifiedOn: verified))
    }

    mutating func readModel(_ fields: [JSONValue.Member], line: Int) -> ModelArchitecture? {
        let before = problems.count
        let entry = Entry(members: fields, line: line)
        guard let id = string(entry, "id", required: true, entry: nil) else { return nil }
        checkKeys(fields, allowed: Self.modelKeys, entry: id, what: "model")
        let name = string(entry, "name", entry: id) ?? id
        let aliases = stringArray(entry, "aliases", entry: id)
        func params(_ key: String) -> Double? {
            bounded(decimal(entry, key, required: true, entry: id, positive: true), entry, key, id: id, range: Self.paramsRange, unit: "billion parameters")
                .map { NSDecimalNumber(decimal: $0).doubleValue }
        }
        let total = params("total_params_b")
        let active = params("active_params_b")
        func whole(_ key: String, required: Bool = true) -> Int? {
            let value = integer(entry, key, entry: id)
            if required, value == nil, !entry.has(key) { report(entry.line, id, key, "is missing") }
            return value
        }
        let layers = whole("layers"), hidden = whole("hidden_size"), heads = whole("attention_heads"), kvHeads = whole("kv_heads")
        let headDim = whole("head_dim")
        // Contexts reach 10M tokens (Llama 4 Scout): past integer()'s 1,000,000.
        let context = bounded(decimal(entry, "context_length", required: true, entry: id, positive: true), entry, "context_length", id: id,
                              range: Decimal(1)...Decimal(1_000_000_000), unit: "tokens").map { NSDecimalNumber(decimal: $0).intValue }
        let experts = whole("experts", required: false), perToken = whole("experts_per_token", required: false)
        if (experts == nil) != (perToken == nil) { report(entry.line, id, "experts", "give experts and experts_per_token together") }
        if let experts, let perToken, perToken >= experts { report(entry.line(of: "experts_per_token"), id, "experts_per_token", "must be fewer than experts") }
        if let total, let active, active > total { report(entry.line(of: "active_params_b"), id, "active_params_b", "must not exceed total_params_b") }
        let nativeText = string(entry, "native_precision", required: true, entry: id)
        let native = nativeText.flatMap(Precision.init(rawValue:))
        if let nativeText, native == nil, nativeText != "mxfp4" {
            report(entry.line(of: "native_precision"), id, "native_precision", "'\(nativeText)' is not one of \(Precision.allCases.map(\.rawValue).joined(separator: ", ")), mxfp4")
        }
        let notes = string(entry, "notes", entry: id)
        let source = provenance(entry, entry: id)
        requireSourced(source, line: line, entry: id)
        guard problems.count == before, let total, let active, let layers, let hidden, let heads, let kvHeads, let headDim, let context else { return nil }
        return ModelArchitecture(
            id: id, name: name, aliases: aliases, totalParamsB: total, activeParamsB: active, layers: layers, hiddenSize: hidden,
            attentionHeads: heads, kvHeads: kvHeads, headDim: headDim, contextLength: context, nativePrecision: native,
            nativeIsMXFP4: nativeText == "mxfp4", experts: experts, expertsPerToken: perToken, notes: notes, provenance: source)
    }

    mutating func readThroughput(_ fields: [JSONValue.Member], line: Int) -> ThroughputFigure? {
        let before = problems.count
        let entry = Entry(members: fields, line: line)
        checkKeys(fields, allowed: Self.throughputKeys, entry: "throughput", what: "throughput")
        let params = decimal(entry, "model_params_b", required: true, entry: "throughput", positive: true)
        let gpu = string(entry, "gpu", required: true, entry: "throughput")
        let count = integer(entry, "gpu_count", entry: "throughput") ?? 1
        let tps = bounded(decimal(entry, "tokens_per_second", required: true, entry: "throughput", positive: true), entry, "tokens_per_second",
                          id: "throughput", range: Self.tokensPerSecondRange, unit: "tokens per second")
        let counts = string(entry, "counts", entry: "throughput") ?? "total"
        if counts != "total", counts != "output" {
            report(entry.line(of: "counts"), "throughput", "counts", "must be \"output\" or \"total\", found '\(counts)'")
        }
        let inputLength = integer(entry, "input_len", entry: "throughput")
        let outputLength = integer(entry, "output_len", entry: "throughput")
        if counts == "output", inputLength == nil || outputLength == nil {
            report(line, "throughput", "counts", "an output-only figure needs input_len and output_len to be converted")
        }
        let precision = string(entry, "precision", entry: "throughput")
        let batch = integer(entry, "batch", entry: "throughput")
        let notes = string(entry, "notes", entry: "throughput")
        let source = provenance(entry, entry: "throughput")
        requireSourced(source, line: line, entry: "throughput")
        guard problems.count == before, let params, let gpu, let tps else { return nil }
        var figure = ThroughputFigure(
            modelParamsB: params, gpu: gpu, gpuCount: count, tokensPerSecond: tps, countsOutputOnly: counts == "output",
            inputLength: inputLength, outputLength: outputLength, precision: precision, batch: batch,
            notes: notes, provenance: source)
        figure.file = file
        return figure
    }

    mutating func readColdStart(_ fields: [JSONValue.Member], line: Int) -> ColdStartFigure? {
        let before = problems.count
        let entry = Entry(members: fields, line: line)
        checkKeys(fields, allowed: Self.coldStartKeys, entry: "cold_starts", what: "cold_starts")
        let provider = string(entry, "provider", required: true, entry: "cold_starts")
        let minimum = decimal(entry, "min_params_b", required: true, entry: "cold_starts", positive: true)
        let maximum = decimal(entry, "max_params_b", required: true, entry: "cold_starts", positive: true)
        let seconds = decimal(entry, "seconds", required: true, entry: "cold_starts", positive: true)
        let source = provenance(entry, entry: "cold_starts")
        requireSourced(source, line: line, entry: "cold_starts")
        if let minimum, let maximum, minimum > maximum {
            report(line, "cold_starts", "min_params_b", "is larger than max_params_b")
        }
        guard problems.count == before, let provider, let minimum, let maximum, let seconds else { return nil }
        return ColdStartFigure(provider: provider, minParamsB: minimum, maxParamsB: maximum, seconds: seconds, provenance: source)
    }

    // MARK: Fields

    /// The members of one JSON object being read.
    struct Entry {
        var members: [JSONValue.Member]
        var line: Int

        func has(_ key: String) -> Bool { members.contains { $0.key == key } }
        func line(of key: String) -> Int { members.first { $0.key == key }?.line ?? line }
        func member(_ key: String) -> JSONValue.Member? { members.first { $0.key == key } }
    }

    mutating func checkKeys(_ members: [JSONValue.Member], allowed: Set<String>, entry: String?, what: String) {
        for member in members where !allowed.contains(member.key) {
            let suggestion = Suggestions.hint(for: member.key, in: allowed)
            report(member.line, entry, member.key, "unknown \(what) field\(suggestion)")
        }
    }

    mutating func string(_ entry: Entry, _ key: String, required: Bool = false, entry id: String?) -> String? {
        guard let member = entry.member(key) else {
            if required { report(entry.line, id, key, "is missing") }
            return nil
        }
        guard case .string(let text) = member.value else {
            report(member.line, id, key, "must be a string, found \(member.value.kindDescription)")
            return nil
        }
        return text
    }

    mutating func stringArray(_ entry: Entry, _ key: String, entry id: String) -> [String] {
        guard let member = entry.member(key) else { return [] }
        guard case .array(let elements) = member.value else {
            report(member.line, id, key, "must be an array of strings, found \(member.value.kindDescription)")
            return []
        }
        return elements.compactMap { element -> String? in
            if case .string(let text) = element.value { return text }
            report(element.line, id, key, "must be an array of strings")
            return nil
        }
    }

    /// A number given as a JSON number or a string, read exactly; `positive` also rejects zero.
    mutating func decimal(
        _ entry: Entry, _ key: String, required: Bool = false, entry id: String?, positive: Bool = false
    ) -> Decimal? {
        guard let member = entry.member(key) else {
            if required { report(entry.line, id, key, "is missing") }
            return nil
        }
        let text: String
        switch member.value {
        case .number(let literal): text = literal
        case .string(let literal): text = literal
        default:
            report(member.line, id, key, "must be a number or a numeric string, found \(member.value.kindDescription)")
            return nil
        }
        let value: Decimal
        do {
            value = try DecimalText.parse(text)
        } catch {
            report(member.line, id, key, "'\(text)' is not a valid amount: \(error.reason)")
            return nil
        }
        // Sign and zero tests, not Decimal comparisons (each normalizes both sides; 250,000 prices in a large file).
        if value.sign == .minus, !value.isZero {
            report(member.line, id, key, "must not be negative, found \(text)")
            return nil
        }
        if positive, value.isZero {
            report(member.line, id, key, "must be greater than zero")
            return nil
        }
        return value
    }

    /// `value` when inside `range`, else a problem naming the bounds.
    mutating func bounded(_ value: Decimal?, _ entry: Entry, _ key: String, id: String?, range: ClosedRange<Decimal>, unit: String) -> Decimal? {
        guard let value else { return nil }
        guard range.contains(value) else {
            report(entry.line(of: key), id, key, "\(Numbers.exact(value)) is outside \(Numbers.exact(range.lowerBound)) to \(Numbers.formatted(range.upperBound, scale: 0)) \(unit)")
            return nil
        }
        return value
    }

    mutating func integer(_ entry: Entry, _ key: String, entry id: String?) -> Int? {
        guard let member = entry.member(key) else { return nil }
        guard case .number(let text) = member.value, let value = Int(text), value >= 1, value <= 1_000_000 else {
            report(member.line, id, key, "must be a whole number of at least 1, found \(describe(member.value))")
            return nil
        }
        return value
    }

    mutating func date(_ entry: Entry, _ key: String, entry id: String?) -> Day? {
        guard let text = string(entry, key, entry: id) else { return nil }
        guard let day = Day(text) else {
            report(entry.line(of: key), id, key, "'\(text)' is not a date in the form YYYY-MM-DD")
            return nil
        }
        return day
    }

    mutating func provenance(_ entry: Entry, entry id: String?) -> Provenance {
        let source = string(entry, "source", entry: id)
        if let source, source.allSatisfy(\.isWhitespace) {
            report(entry.line(of: "source"), id, "source", "must not be empty")
        }
        if entry.has("as_of"), entry.has("verified_on") {
            report(entry.line(of: "as_of"), id, "as_of", "give verified_on only ('as_of' is its older name)")
        }
        if requireProvenance, entry.has("as_of") {
            report(entry.line(of: "as_of"), id, "as_of", "bundled figures say verified_on (the day checked) and, for prices, effective_from")
        }
        return Provenance(source: source, verifiedOn: date(entry, "verified_on", entry: id) ?? date(entry, "as_of", entry: id))
    }

    mutating func requireSourced(_ provenance: Provenance, line: Int, entry: String) {
        guard requireProvenance else { return }
        if provenance.source == nil { report(line, entry, "source", "is missing: every bundled figure needs a source") }
        if provenance.verifiedOn == nil { report(line, entry, "verified_on", "is missing: every bundled figure needs the day it was checked") }
    }

    func describe(_ value: JSONValue) -> String {
        switch value {
        case .number(let text): return text
        case .string(let text): return "\"\(text)\""
        default: return value.kindDescription
        }
    }
}

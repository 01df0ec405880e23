public import Foundation

/// One thing a user can buy: a per-token API model, a serverless endpoint, or a GPU billed by time.
///
/// Which price fields apply depends on the tier: `api` and `serverless` use `inputPerMTok`/`outputPerMTok`;
/// `serverless-gpu` uses `perSecond` or `perHour` (per GPU); `dedicated` uses `perHour` or `perMonth`
/// (per instance of `gpuCount` GPUs). A price that is absent is absent: the offer is then listed as having
/// no price and never ranked, never costed as zero.
public struct Offer: Equatable, Sendable {
    /// Unique id, `provider/name`, e.g. `together/llama-3.1-70b`.
    public var id: String
    public var tier: Tier
    /// Every other field, shared between copies until one is changed (copy on write): an offer is copied into
    /// every pricer, option and report row, and 100,000 offers would otherwise copy 600 bytes each time.
    private var storage: CopyOnWrite<Fields>

    /// The company selling it; by default the part of the id before the first `/`.
    public var provider: String {
        get { storage.value.provider }
        _modify { yield &storage.value.provider }
    }
    /// The model's name, for per-token offers.
    public var model: String? {
        get { storage.value.model }
        _modify { yield &storage.value.model }
    }
    /// Model size in billions of parameters, for open models.
    public var modelParamsB: Decimal? {
        get { storage.value.modelParamsB }
        _modify { yield &storage.value.modelParamsB }
    }
    /// GPU name as in the GPU table (e.g. `A100-80GB`), for GPU-billed tiers.
    public var gpu: String? {
        get { storage.value.gpu }
        _modify { yield &storage.value.gpu }
    }
    /// GPUs in one billed instance or replica.
    public var gpuCount: Int {
        get { storage.value.gpuCount }
        _modify { yield &storage.value.gpuCount }
    }
    /// USD per 1M input tokens.
    public var inputPerMTok: Decimal? {
        get { storage.value.inputPerMTok }
        _modify { yield &storage.value.inputPerMTok }
    }
    /// USD per 1M output tokens.
    public var outputPerMTok: Decimal? {
        get { storage.value.outputPerMTok }
        _modify { yield &storage.value.outputPerMTok }
    }
    /// USD per GPU-second (serverless-gpu).
    public var perSecond: Decimal? {
        get { storage.value.perSecond }
        _modify { yield &storage.value.perSecond }
    }
    /// USD per hour: per GPU for serverless-gpu, per instance for dedicated.
    public var perHour: Decimal? {
        get { storage.value.perHour }
        _modify { yield &storage.value.perHour }
    }
    /// USD per month per instance (dedicated, reserved).
    public var perMonth: Decimal? {
        get { storage.value.perMonth }
        _modify { yield &storage.value.perMonth }
    }
    /// Sustained tokens per second (input + output) of one instance, when the offer states it.
    public var tokensPerSecond: Decimal? {
        get { storage.value.tokensPerSecond }
        _modify { yield &storage.value.tokensPerSecond }
    }
    /// Seconds billed per cold start, when the offer states it.
    public var coldStartSeconds: Decimal? {
        get { storage.value.coldStartSeconds }
        _modify { yield &storage.value.coldStartSeconds }
    }
    /// Seconds a replica stays up after its last request before scaling to zero.
    public var idleTimeoutSeconds: Decimal? {
        get { storage.value.idleTimeoutSeconds }
        _modify { yield &storage.value.idleTimeoutSeconds }
    }
    /// The platform's default idle timeout, when the offer states none (set from the catalog's `platforms` by
    /// `PriceCatalog.asOf(_:)`).
    public var platformIdleTimeoutSeconds: Decimal? {
        get { storage.value.platformIdleTimeoutSeconds }
        _modify { yield &storage.value.platformIdleTimeoutSeconds }
    }
    /// `on-demand`, `spot` or `reserved`, for GPU offers.
    public var purchase: String? {
        get { storage.value.purchase }
        _modify { yield &storage.value.purchase }
    }
    /// ISO 4217 currency of every price in the offer.
    public var currency: String {
        get { storage.value.currency }
        _modify { yield &storage.value.currency }
    }
    public var provenance: Provenance {
        get { storage.value.provenance }
        _modify { yield &storage.value.provenance }
    }
    /// Free text: what the figure means, caveats.
    public var notes: String? {
        get { storage.value.notes }
        _modify { yield &storage.value.notes }
    }
    /// Earlier (or later) prices of this offer with their effective dates; `--as-of` prices a workload with the
    /// one in effect on a given day (`PriceCatalog.asOf`).
    public var history: [PricePoint] {
        get { storage.value.history }
        _modify { yield &storage.value.history }
    }
    /// First day the current price applies, `YYYY-MM-DD` (the JSON `effective_from`); nil means it applies from
    /// the end of the latest history entry, or that the day is unknown (never invented).
    public var effectiveFrom: String? {
        get { storage.value.effectiveFrom }
        _modify { yield &storage.value.effectiveFrom }
    }
    /// The day the provider announced the model's shutdown or deprecation took effect, `YYYY-MM-DD`.
    public var deprecatedOn: String? {
        get { storage.value.deprecatedOn }
        _modify { yield &storage.value.deprecatedOn }
    }
    /// The first day the model is no longer served, `YYYY-MM-DD`; from then on the offer is neither priced nor ranked.
    public var retiredOn: String? {
        get { storage.value.retiredOn }
        _modify { yield &storage.value.retiredOn }
    }
    /// Set by `PriceCatalog.asOf(_:)`: the offer is deprecated on, or within `Lifecycle.noticeDays` of, the day
    /// being priced.
    public var deprecationDue: Bool {
        get { storage.value.deprecationDue }
        _modify { yield &storage.value.deprecationDue }
    }
    /// Price per 1M input tokens read from the prompt cache, when the provider discounts them.
    public var cachedInputPerMTok: Decimal? {
        get { storage.value.cachedInputPerMTok }
        _modify { yield &storage.value.cachedInputPerMTok }
    }
    /// Prices of other modes (batch, flex, priority), where offered.
    public var modeRates: [PricingMode: TokenRates] {
        get { storage.value.modeRates }
        _modify { yield &storage.value.modeRates }
    }
    /// A long-context tier, where the provider prices long requests higher.
    public var contextTier: ContextTier? {
        get { storage.value.contextTier }
        _modify { yield &storage.value.contextTier }
    }
    /// Time-of-day (off-peak) prices, where offered.
    public var offPeak: OffPeakWindow? {
        get { storage.value.offPeak }
        _modify { yield &storage.value.offPeak }
    }
    /// Minimum commitment of a reserved term in months (1-month, 12-month); nil for on-demand and spot.
    public var termMonths: Int? {
        get { storage.value.termMonths }
        _modify { yield &storage.value.termMonths }
    }
    /// The offer's key in each price registry (the JSON `registry`: `genai_prices` as `provider/model`, `litellm`
    /// as LiteLLM's key), so `prices check --against` compares the right entry.
    public var registryKeys: [PriceRegistry: String] {
        get { storage.value.registryKeys }
        _modify { yield &storage.value.registryKeys }
    }
    /// Why the offer has no price (e.g. none known on the `--as-of` day); the cost models report it as unpriced.
    public var priceGap: String? {
        get { storage.value.priceGap }
        _modify { yield &storage.value.priceGap }
    }

    /// The stored fields other than `id` and `tier`.
    struct Fields: Equatable, Sendable {
        var provider: String
        var model: String? = nil
        var modelParamsB: Decimal? = nil
        var gpu: String? = nil
        var gpuCount: Int
        var inputPerMTok: Decimal? = nil
        var outputPerMTok: Decimal? = nil
        var perSecond: Decimal? = nil
        var perHour: Decimal? = nil
        var perMonth: Decimal? = nil
        var tokensPerSecond: Decimal? = nil
        var coldStartSeconds: Decimal? = nil
        var idleTimeoutSeconds: Decimal? = nil
        var platformIdleTimeoutSeconds: Decimal? = nil
        var purchase: String? = nil
        var currency: String
        var provenance: Provenance
        var notes: String? = nil
        var history: [PricePoint]
        var effectiveFrom: String? = nil
        var deprecatedOn: String? = nil
        var retiredOn: String? = nil
        var deprecationDue: Bool = false
        var cachedInputPerMTok: Decimal? = nil
        var modeRates: [PricingMode: TokenRates] = [:]
        var contextTier: ContextTier? = nil
        var offPeak: OffPeakWindow? = nil
        var termMonths: Int? = nil
        var registryKeys: [PriceRegistry: String] = [:]
        var priceGap: String? = nil
    }

    public static func == (lhs: Offer, rhs: Offer) -> Bool {
        lhs.id == rhs.id && lhs.tier == rhs.tier && lhs.storage == rhs.storage
    }

    /// An offer with the prices its tier uses (per million tokens, per second, per hour or per month, exact and
    /// non-negative). The catalog loader checks that the tier's prices are present and valid; this initializer
    /// does not.
    public init(
        id: String, tier: Tier, provider: String? = nil, model: String? = nil, modelParamsB: Decimal? = nil,
        gpu: String? = nil, gpuCount: Int = 1, inputPerMTok: Decimal? = nil, outputPerMTok: Decimal? = nil,
        perSecond: Decimal? = nil, perHour: Decimal? = nil, perMonth: Decimal? = nil,
        tokensPerSecond: Decimal? = nil, coldStartSeconds: Decimal? = nil, idleTimeoutSeconds: Decimal? = nil,
        purchase: String? = nil, currency: String = "USD", provenance: Provenance = .init(), notes: String? = nil,
        history: [PricePoint] = []
    ) {
        self.id = id
        self.tier = tier
        storage = CopyOnWrite(Fields(
            provider: provider ?? Offer.defaultProvider(for: id),
            model: model,
            modelParamsB: modelParamsB,
            gpu: gpu,
            gpuCount: gpuCount,
            inputPerMTok: inputPerMTok,
            outputPerMTok: outputPerMTok,
            perSecond: perSecond,
            perHour: perHour,
            perMonth: perMonth,
            tokensPerSecond: tokensPerSecond,
            coldStartSeconds: coldStartSeconds,
            idleTimeoutSeconds: idleTimeoutSeconds,
            purchase: purchase,
            currency: currency,
            provenance: provenance,
            notes: notes,
            history: history))
    }

    /// The standard per-token rates, when both are given.
    public var tokenRates: TokenRates? {
        guard let inputPerMTok, let outputPerMTok else { return nil }
        return TokenRates(input: inputPerMTok, output: outputPerMTok)
    }

    /// The provider implied by an id: the part before the first `/`, or the whole id.
    public static func defaultProvider(for id: String) -> String {
        guard let slash = id.utf8.firstIndex(of: UInt8(ascii: "/")) else { return id }
        guard slash != id.utf8.startIndex else { return id.split(separator: "/", maxSplits: 1).first.map(String.init) ?? id }
        return String(id[..<slash])
    }

    /// What the offer is for, in a few words: the model for per-token tiers, the GPUs otherwise.
    public var subject: String {
        switch tier {
        case .api, .serverless:
            if let model { return model }
            if let modelParamsB { return "\(Numbers.exact(modelParamsB))B model" }
            return id
        case .serverlessGPU, .dedicated:
            let name = gpu ?? "GPU"
            return gpuCount > 1 ? "\(gpuCount)x \(name)" : name
        }
    }
}

/// A price an offer had over a period, for price history.
public struct PricePoint: Equatable, Sendable {
    /// First day the price applied, `YYYY-MM-DD`, when known.
    public var from: String?
    /// First day it no longer applied, `YYYY-MM-DD`, when known.
    public var to: String?
    /// The price fields, by their JSON names (e.g. `input_per_mtok`), in file order.
    public var prices: [(field: String, value: Decimal)]
    public var provenance: Provenance

    /// Prices in effect from `from` to `to` (ISO dates, either open), as (JSON field, exact value) pairs.
    public init(from: String?, to: String?, prices: [(field: String, value: Decimal)], provenance: Provenance) {
        self.from = from
        self.to = to
        self.prices = prices
        self.provenance = provenance
    }

    public static func == (lhs: PricePoint, rhs: PricePoint) -> Bool {
        lhs.from == rhs.from && lhs.to == rhs.to && lhs.provenance == rhs.provenance
            && lhs.prices.map(\.field) == rhs.prices.map(\.field) && lhs.prices.map(\.value) == rhs.prices.map(\.value)
    }
}

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
    private var box: Box

    /// The company selling it; by default the part of the id before the first `/`.
    public var provider: String {
        get { box.fields.provider }
        _modify { yield &uniqueBox().fields.provider }
    }
    /// The model's name, for per-token offers.
    public var model: String? {
        get { box.fields.model }
        _modify { yield &uniqueBox().fields.model }
    }
    /// Model size in billions of parameters, for open models.
    public var modelParamsB: Decimal? {
        get { box.fields.modelParamsB }
        _modify { yield &uniqueBox().fields.modelParamsB }
    }
    /// GPU name as in the GPU table (e.g. `A100-80GB`), for GPU-billed tiers.
    public var gpu: String? {
        get { box.fields.gpu }
        _modify { yield &uniqueBox().fields.gpu }
    }
    /// GPUs in one billed instance or replica.
    public var gpuCount: Int {
        get { box.fields.gpuCount }
        _modify { yield &uniqueBox().fields.gpuCount }
    }
    /// USD per 1M input tokens.
    public var inputPerMTok: Decimal? {
        get { box.fields.inputPerMTok }
        _modify { yield &uniqueBox().fields.inputPerMTok }
    }
    /// USD per 1M output tokens.
    public var outputPerMTok: Decimal? {
        get { box.fields.outputPerMTok }
        _modify { yield &uniqueBox().fields.outputPerMTok }
    }
    /// USD per GPU-second (serverless-gpu).
    public var perSecond: Decimal? {
        get { box.fields.perSecond }
        _modify { yield &uniqueBox().fields.perSecond }
    }
    /// USD per hour: per GPU for serverless-gpu, per instance for dedicated.
    public var perHour: Decimal? {
        get { box.fields.perHour }
        _modify { yield &uniqueBox().fields.perHour }
    }
    /// USD per month per instance (dedicated, reserved).
    public var perMonth: Decimal? {
        get { box.fields.perMonth }
        _modify { yield &uniqueBox().fields.perMonth }
    }
    /// Sustained tokens per second (input + output) of one instance, when the offer states it.
    public var tokensPerSecond: Decimal? {
        get { box.fields.tokensPerSecond }
        _modify { yield &uniqueBox().fields.tokensPerSecond }
    }
    /// Seconds billed per cold start, when the offer states it.
    public var coldStartSeconds: Decimal? {
        get { box.fields.coldStartSeconds }
        _modify { yield &uniqueBox().fields.coldStartSeconds }
    }
    /// Seconds a replica stays up after its last request before scaling to zero.
    public var idleTimeoutSeconds: Decimal? {
        get { box.fields.idleTimeoutSeconds }
        _modify { yield &uniqueBox().fields.idleTimeoutSeconds }
    }
    /// The platform's default idle timeout, when the offer states none (set from the catalog's `platforms` by
    /// `PriceCatalog.asOf(_:)`).
    public var platformIdleTimeoutSeconds: Decimal? {
        get { box.fields.platformIdleTimeoutSeconds }
        _modify { yield &uniqueBox().fields.platformIdleTimeoutSeconds }
    }
    /// `on-demand`, `spot` or `reserved`, for GPU offers.
    public var purchase: String? {
        get { box.fields.purchase }
        _modify { yield &uniqueBox().fields.purchase }
    }
    /// ISO 4217 currency of every price in the offer.
    public var currency: String {
        get { box.fields.currency }
        _modify { yield &uniqueBox().fields.currency }
    }
    public var provenance: Provenance {
        get { box.fields.provenance }
        _modify { yield &uniqueBox().fields.provenance }
    }
    /// Free text: what the figure means, caveats.
    public var notes: String? {
        get { box.fields.notes }
        _modify { yield &uniqueBox().fields.notes }
    }
    /// Earlier (or later) prices of this offer with their effective dates; `--as-of` prices a workload with the
    /// one in effect on a given day (`PriceCatalog.asOf`).
    public var history: [PricePoint] {
        get { box.fields.history }
        _modify { yield &uniqueBox().fields.history }
    }
    /// First day the current price applies, `YYYY-MM-DD` (the JSON `effective_from`); nil means it applies from
    /// the end of the latest history entry, or that the day is unknown (never invented).
    public var effectiveFrom: String? {
        get { box.fields.effectiveFrom }
        _modify { yield &uniqueBox().fields.effectiveFrom }
    }
    /// The day the provider announced the model's shutdown or deprecation took effect, `YYYY-MM-DD`.
    public var deprecatedOn: String? {
        get { box.fields.deprecatedOn }
        _modify { yield &uniqueBox().fields.deprecatedOn }
    }
    /// The first day the model is no longer served, `YYYY-MM-DD`; from then on the offer is neither priced nor ranked.
    public var retiredOn: String? {
        get { box.fields.retiredOn }
        _modify { yield &uniqueBox().fields.retiredOn }
    }
    /// Set by `PriceCatalog.asOf(_:)`: the offer is deprecated on, or within `Lifecycle.noticeDays` of, the day
    /// being priced.
    public var deprecationDue: Bool {
        get { box.fields.deprecationDue }
        _modify { yield &uniqueBox().fields.deprecationDue }
    }
    /// Price per 1M input tokens read from the prompt cache, when the provider discounts them.
    public var cachedInputPerMTok: Decimal? {
        get { box.fields.cachedInputPerMTok }
        _modify { yield &uniqueBox().fields.cachedInputPerMTok }
    }
    /// Prices of other modes (batch, flex, priority), where offered.
    public var modeRates: [PricingMode: TokenRates] {
        get { box.fields.modeRates }
        _modify { yield &uniqueBox().fields.modeRates }
    }
    /// A long-context tier, where the provider prices long requests higher.
    public var contextTier: ContextTier? {
        get { box.fields.contextTier }
        _modify { yield &uniqueBox().fields.contextTier }
    }
    /// Time-of-day (off-peak) prices, where offered.
    public var offPeak: OffPeakWindow? {
        get { box.fields.offPeak }
        _modify { yield &uniqueBox().fields.offPeak }
    }
    /// Minimum commitment of a reserved term in months (1-month, 12-month); nil for on-demand and spot.
    public var termMonths: Int? {
        get { box.fields.termMonths }
        _modify { yield &uniqueBox().fields.termMonths }
    }
    /// The offer's key in each price registry (the JSON `registry`: `genai_prices` as `provider/model`, `litellm`
    /// as LiteLLM's key), so `prices check --against` compares the right entry.
    public var registryKeys: [PriceRegistry: String] {
        get { box.fields.registryKeys }
        _modify { yield &uniqueBox().fields.registryKeys }
    }
    /// Why the offer has no price (e.g. none known on the `--as-of` day); the cost models report it as unpriced.
    public var priceGap: String? {
        get { box.fields.priceGap }
        _modify { yield &uniqueBox().fields.priceGap }
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

    /// The shared storage; changed only when uniquely referenced (`uniqueBox`), so sharing it is safe.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// The storage, copied first when another offer shares it.
    private mutating func uniqueBox() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    public static func == (lhs: Offer, rhs: Offer) -> Bool {
        lhs.id == rhs.id && lhs.tier == rhs.tier && (lhs.box === rhs.box || lhs.box.fields == rhs.box.fields)
    }

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
        box = Box(Fields(
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

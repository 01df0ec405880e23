public import Foundation

/// One thing a user can buy: a per-token API model, a serverless endpoint, or a GPU billed by time.
///
/// An offer is its identity (id, provider, model served), its `pricing` (one case per tier, holding exactly the
/// prices that tier takes), its provenance and its lifecycle (start, deprecation, retirement, price history). A
/// price that is absent is absent: the offer is then listed as having no price and never ranked, never costed
/// as zero.
public struct Offer: Equatable, Sendable {
    /// Unique id, `provider/name`, e.g. `together/llama-3.1-70b`.
    public var id: String
    /// Every other field, shared between copies until one is changed (copy on write): an offer is copied into
    /// every pricer, option and report row, and 100,000 offers would otherwise copy hundreds of bytes each time.
    private var storage: CopyOnWrite<Fields>

    /// How the offer is billed, by tier.
    public var pricing: Pricing {
        get { storage.value.pricing }
        _modify { yield &storage.value.pricing }
    }
    /// The offer's tier (from its pricing).
    public var tier: Tier { storage.value.pricing.tier }
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
    public var effectiveFrom: Day? {
        get { storage.value.effectiveFrom }
        _modify { yield &storage.value.effectiveFrom }
    }
    /// The day the provider announced the model's shutdown or deprecation took effect, `YYYY-MM-DD`.
    public var deprecatedOn: Day? {
        get { storage.value.deprecatedOn }
        _modify { yield &storage.value.deprecatedOn }
    }
    /// The first day the model is no longer served, `YYYY-MM-DD`; from then on the offer is neither priced nor ranked.
    public var retiredOn: Day? {
        get { storage.value.retiredOn }
        _modify { yield &storage.value.retiredOn }
    }
    /// Set by `PriceCatalog.asOf(_:)`: the offer is deprecated on, or within `Lifecycle.noticeDays` of, the day
    /// being priced.
    public var deprecationDue: Bool {
        get { storage.value.deprecationDue }
        _modify { yield &storage.value.deprecationDue }
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

    /// The stored fields other than `id`.
    struct Fields: Equatable, Sendable {
        var pricing: Pricing
        var provider: String
        var model: String? = nil
        var modelParamsB: Decimal? = nil
        var currency: String
        var provenance: Provenance
        var notes: String? = nil
        var history: [PricePoint]
        var effectiveFrom: Day? = nil
        var deprecatedOn: Day? = nil
        var retiredOn: Day? = nil
        var deprecationDue: Bool = false
        var registryKeys: [PriceRegistry: String] = [:]
        var priceGap: String? = nil
    }

    public static func == (lhs: Offer, rhs: Offer) -> Bool {
        lhs.id == rhs.id && lhs.storage == rhs.storage
    }

    /// An offer billed as `pricing` (its prices exact and non-negative; the catalog loader checks them, this
    /// initializer does not).
    public init(
        id: String, pricing: Pricing, provider: String? = nil, model: String? = nil, modelParamsB: Decimal? = nil,
        currency: String = "USD", provenance: Provenance = .init(), notes: String? = nil, history: [PricePoint] = []
    ) {
        self.id = id
        storage = CopyOnWrite(Fields(
            pricing: pricing,
            provider: provider ?? Offer.defaultProvider(for: id),
            model: model,
            modelParamsB: modelParamsB,
            currency: currency,
            provenance: provenance,
            notes: notes,
            history: history))
    }

    /// GPU name as in the GPU table (e.g. `A100-80GB`), for GPU-billed tiers.
    public var gpu: String? { pricing.hardware?.gpu }
    /// GPUs in one billed instance or replica (1 for per-token tiers).
    public var gpuCount: Int { pricing.hardware?.count ?? 1 }
    /// Sustained tokens per second (input + output) of one instance, when the offer states it.
    public var tokensPerSecond: Decimal? { pricing.hardware?.tokensPerSecond }
    /// How a dedicated instance is bought, when the offer says (nil for other tiers).
    public var purchase: Purchase? {
        if case .dedicated(let pricing) = pricing { pricing.purchase } else { nil }
    }

    /// The provider implied by an id: the part before the first `/`, or the whole id.
    public static func defaultProvider(for id: String) -> String {
        guard let slash = id.utf8.firstIndex(of: UInt8(ascii: "/")) else { return id }
        guard slash != id.utf8.startIndex else { return id.split(separator: "/", maxSplits: 1).first.map(String.init) ?? id }
        return String(id[..<slash])
    }

    /// What the offer is for, in a few words: the model for per-token tiers, the GPUs otherwise.
    public var subject: String {
        if let hardware = pricing.hardware {
            return hardware.count > 1 ? "\(hardware.count)x \(hardware.gpu)" : hardware.gpu
        }
        if let model { return model }
        if let modelParamsB { return "\(Numbers.exact(modelParamsB))B model" }
        return id
    }
}

/// A price an offer had over a period, for price history.
public struct PricePoint: Equatable, Sendable {
    /// First day the price applied, `YYYY-MM-DD`, when known.
    public var from: Day?
    /// First day it no longer applied, `YYYY-MM-DD`, when known.
    public var to: Day?
    /// The price in effect over the period, of the offer's tier.
    public var price: Price
    public var provenance: Provenance

    /// A price of one tier's kind: per-token rates (USD per 1M; any may be absent), a serverless GPU's rate, or
    /// an instance's rate. Mode, long-context and off-peak prices are not recorded in history.
    public enum Price: Equatable, Sendable {
        /// Per 1M input, output and cached-input tokens (`api` and `serverless`).
        case tokens(input: Decimal?, output: Decimal?, cachedInput: Decimal?)
        /// Per GPU-second or GPU-hour (`serverless-gpu`).
        case gpuTime(Offer.GPUTimeRate)
        /// Per instance-hour or instance-month (`dedicated`).
        case instance(Offer.InstanceRate)

        /// The price as (catalog JSON field, exact value) pairs in the catalog's order (input, output, cached
        /// input; or the one rate), absent ones left out: how reports print it.
        public var fields: [(field: String, value: Decimal)] {
            switch self {
            case .tokens(let input, let output, let cached):
                [("input_per_mtok", input), ("output_per_mtok", output), ("cached_input_per_mtok", cached)]
                    .compactMap { field, value in value.map { (field, $0) } }
            case .gpuTime(.perSecond(let rate)): [("per_second", rate)]
            case .gpuTime(.perHour(let rate)): [("per_hour", rate)]
            case .instance(.hourly(let rate)): [("per_hour", rate)]
            case .instance(.monthly(let rate)): [("per_month", rate)]
            }
        }
    }

    /// `price` in effect from `from` to `to` (ISO dates, either open).
    public init(from: Day?, to: Day?, price: Price, provenance: Provenance) {
        self.from = from
        self.to = to
        self.price = price
        self.provenance = provenance
    }
}

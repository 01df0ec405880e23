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
    /// The company selling it; by default the part of the id before the first `/`.
    public var provider: String
    /// The model's name, for per-token offers.
    public var model: String?
    /// Model size in billions of parameters, for open models.
    public var modelParamsB: Decimal?
    /// GPU name as in the GPU table (e.g. `A100-80GB`), for GPU-billed tiers.
    public var gpu: String?
    /// GPUs in one billed instance or replica.
    public var gpuCount: Int
    /// USD per 1M input tokens.
    public var inputPerMTok: Decimal?
    /// USD per 1M output tokens.
    public var outputPerMTok: Decimal?
    /// USD per GPU-second (serverless-gpu).
    public var perSecond: Decimal?
    /// USD per hour: per GPU for serverless-gpu, per instance for dedicated.
    public var perHour: Decimal?
    /// USD per month per instance (dedicated, reserved).
    public var perMonth: Decimal?
    /// Sustained tokens per second (input + output) of one instance, when the offer states it.
    public var tokensPerSecond: Decimal?
    /// Seconds billed per cold start, when the offer states it.
    public var coldStartSeconds: Decimal?
    /// Seconds a replica stays up after its last request before scaling to zero.
    public var idleTimeoutSeconds: Decimal?
    /// The platform's default idle timeout, when the offer states none (set from the catalog's `platforms` by
    /// `PriceCatalog.asOf(_:)`).
    public var platformIdleTimeoutSeconds: Decimal?
    /// `on-demand`, `spot` or `reserved`, for GPU offers.
    public var purchase: String?
    /// ISO 4217 currency of every price in the offer.
    public var currency: String
    public var provenance: Provenance
    /// Free text: what the figure means, caveats.
    public var notes: String?
    /// Earlier (or later) prices of this offer with their effective dates; `--as-of` prices a workload with the
    /// one in effect on a given day (`PriceCatalog.asOf`).
    public var history: [PricePoint]
    /// First day the current price applies, `YYYY-MM-DD` (the JSON `effective_from`); nil means it applies from
    /// the end of the latest history entry, or that the day is unknown (never invented).
    public var effectiveFrom: String?
    /// The day the provider announced the model's shutdown or deprecation took effect, `YYYY-MM-DD`.
    public var deprecatedOn: String?
    /// The first day the model is no longer served, `YYYY-MM-DD`; from then on the offer is neither priced nor ranked.
    public var retiredOn: String?
    /// Set by `PriceCatalog.asOf(_:)`: the offer is deprecated on, or within `Lifecycle.noticeDays` of, the day
    /// being priced.
    public var deprecationDue = false
    /// Price per 1M input tokens read from the prompt cache, when the provider discounts them.
    public var cachedInputPerMTok: Decimal?
    /// Prices of other modes (batch, flex, priority), where offered.
    public var modeRates: [PricingMode: TokenRates] = [:]
    /// A long-context tier, where the provider prices long requests higher.
    public var contextTier: ContextTier?
    /// Time-of-day (off-peak) prices, where offered.
    public var offPeak: OffPeakWindow?
    /// Minimum commitment of a reserved term in months (1-month, 12-month); nil for on-demand and spot.
    public var termMonths: Int?
    /// The offer's key in each price registry (the JSON `registry`: `genai_prices` as `provider/model`, `litellm`
    /// as LiteLLM's key), so `prices check --against` compares the right entry.
    public var registryKeys: [PriceRegistry: String] = [:]
    /// Why the offer has no price (e.g. none known on the `--as-of` day); the cost models report it as unpriced.
    public var priceGap: String?

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
        self.provider = provider ?? Offer.defaultProvider(for: id)
        self.model = model
        self.modelParamsB = modelParamsB
        self.gpu = gpu
        self.gpuCount = gpuCount
        self.inputPerMTok = inputPerMTok
        self.outputPerMTok = outputPerMTok
        self.perSecond = perSecond
        self.perHour = perHour
        self.perMonth = perMonth
        self.tokensPerSecond = tokensPerSecond
        self.coldStartSeconds = coldStartSeconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.purchase = purchase
        self.currency = currency
        self.provenance = provenance
        self.notes = notes
        self.history = history
    }

    /// The standard per-token rates, when both are given.
    public var tokenRates: TokenRates? {
        guard let inputPerMTok, let outputPerMTok else { return nil }
        return TokenRates(input: inputPerMTok, output: outputPerMTok)
    }

    /// The provider implied by an id: the part before the first `/`, or the whole id.
    public static func defaultProvider(for id: String) -> String {
        id.split(separator: "/", maxSplits: 1).first.map(String.init) ?? id
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

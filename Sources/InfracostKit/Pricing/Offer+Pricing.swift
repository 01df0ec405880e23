public import Foundation

extension Offer {
    /// How an offer is billed: one case per tier, each holding exactly the prices that tier takes, decoded and
    /// checked once by the catalog loader. Combinations the catalog forbids (a per-token offer with an hourly
    /// price, a GPU offer with a cached-input rate, a term on an on-demand instance) cannot be written down.
    ///
    /// A price that is absent is `nil`, never zero: the cost models then report the offer as unpriced and never
    /// rank it.
    public enum Pricing: Equatable, Sendable {
        /// A per-token API of a closed model (tier `api`).
        case api(TokenPricing)
        /// A serverless endpoint of an open model billed per token (tier `serverless`).
        case serverless(TokenPricing)
        /// A serverless GPU endpoint billed per GPU-second (tier `serverless-gpu`).
        case serverlessGPU(GPUTimePricing)
        /// A dedicated GPU instance billed by the hour or month (tier `dedicated`).
        case dedicated(InstancePricing)

        /// The tier this pricing belongs to.
        public var tier: Tier {
            switch self {
            case .api: .api
            case .serverless: .serverless
            case .serverlessGPU: .serverlessGPU
            case .dedicated: .dedicated
            }
        }

        /// The per-token prices, for the `api` and `serverless` tiers.
        public var tokens: TokenPricing? {
            switch self {
            case .api(let prices), .serverless(let prices): prices
            case .serverlessGPU, .dedicated: nil
            }
        }

        /// The GPUs billed, for the `serverless-gpu` and `dedicated` tiers.
        public var hardware: GPUAllocation? {
            switch self {
            case .serverlessGPU(let pricing): pricing.hardware
            case .dedicated(let pricing): pricing.hardware
            case .api, .serverless: nil
            }
        }

        /// The per-GPU-second pricing, for the `serverless-gpu` tier.
        public var gpuTime: GPUTimePricing? {
            if case .serverlessGPU(let pricing) = self { pricing } else { nil }
        }

        /// The instance pricing, for the `dedicated` tier.
        public var instance: InstancePricing? {
            if case .dedicated(let pricing) = self { pricing } else { nil }
        }

        /// The same pricing with its rates replaced by the ones in effect on another day (`point`; a rate the
        /// point does not give becomes absent); the rest (modes' structure, hardware, cold start) is kept except
        /// for mode rates, which history does not record and so are dropped.
        func withRates(of point: PricePoint?) -> Pricing {
            switch self {
            case .api(var prices), .serverless(var prices):
                prices.inputPerMTok = nil
                prices.outputPerMTok = nil
                prices.cachedInputPerMTok = nil
                if case .tokens(let input, let output, let cached)? = point?.price {
                    prices.inputPerMTok = input
                    prices.outputPerMTok = output
                    prices.cachedInputPerMTok = cached
                }
                prices.modeRates = [:]
                return tier == .api ? .api(prices) : .serverless(prices)
            case .serverlessGPU(var pricing):
                if case .gpuTime(let rate)? = point?.price { pricing.rate = rate } else { pricing.rate = nil }
                return .serverlessGPU(pricing)
            case .dedicated(var pricing):
                if case .instance(let rate)? = point?.price { pricing.rate = rate } else { pricing.rate = nil }
                return .dedicated(pricing)
            }
        }
    }

    /// Per-token prices in USD per 1M tokens (`api` and `serverless`), each exact and non-negative.
    public struct TokenPricing: Equatable, Sendable {
        /// Per 1M input tokens; nil when the offer gives none (then it is unpriced).
        public var inputPerMTok: Decimal?
        /// Per 1M output tokens; nil when the offer gives none (then it is unpriced).
        public var outputPerMTok: Decimal?
        /// Per 1M input tokens read from the prompt cache, when the provider discounts them.
        public var cachedInputPerMTok: Decimal?
        /// Prices of other modes (batch, flex, priority), where offered.
        public var modeRates: [PricingMode: TokenRates]
        /// A long-context tier, where the provider prices long requests higher.
        public var contextTier: ContextTier?
        /// Time-of-day (off-peak) prices, where offered.
        public var offPeak: OffPeakWindow?

        /// Per-token prices: the standard input and output rates (either may be absent) and the optional extras.
        public init(
            inputPerMTok: Decimal?, outputPerMTok: Decimal?, cachedInputPerMTok: Decimal? = nil,
            modeRates: [PricingMode: TokenRates] = [:], contextTier: ContextTier? = nil, offPeak: OffPeakWindow? = nil
        ) {
            self.inputPerMTok = inputPerMTok
            self.outputPerMTok = outputPerMTok
            self.cachedInputPerMTok = cachedInputPerMTok
            self.modeRates = modeRates
            self.contextTier = contextTier
            self.offPeak = offPeak
        }

        /// The standard rates, when both are given.
        public var standard: TokenRates? {
            guard let inputPerMTok, let outputPerMTok else { return nil }
            return TokenRates(input: inputPerMTok, output: outputPerMTok)
        }
    }

    /// The GPUs one billed replica or instance holds, and its throughput when the offer states it.
    public struct GPUAllocation: Equatable, Sendable {
        /// GPU name as in the GPU table (e.g. `A100-80GB`).
        public var gpu: String
        /// GPUs per replica or instance, at least 1.
        public var count: Int
        /// Sustained tokens per second (input + output) of one replica or instance, when the offer states it.
        public var tokensPerSecond: Decimal?

        /// `count` GPUs named `gpu`, with an optional stated throughput in tokens per second.
        public init(gpu: String, count: Int = 1, tokensPerSecond: Decimal? = nil) {
            self.gpu = gpu
            self.count = count
            self.tokensPerSecond = tokensPerSecond
        }
    }

    /// A serverless GPU's price per GPU, as the provider states it.
    public enum GPUTimeRate: Equatable, Sendable {
        /// USD per GPU-second.
        case perSecond(Decimal)
        /// USD per GPU-hour (billed by the second: a second costs 1/3,600 of it).
        case perHour(Decimal)

        /// Whether the rate is stated per second (not per hour).
        public var isPerSecond: Bool {
            if case .perSecond = self { true } else { false }
        }

        /// The rate as stated: USD per `unit`.
        public var price: Decimal {
            switch self {
            case .perSecond(let rate), .perHour(let rate): rate
            }
        }

        /// Seconds in the stated unit: 1 or 3,600.
        public var secondsPerUnit: Int { isPerSecond ? 1 : 3600 }

        /// The stated unit as reports name it: `GPU-second` or `GPU-hour`.
        public var unit: String { isPerSecond ? "GPU-second" : "GPU-hour" }

        /// USD per GPU-second (an hourly rate divided by 3,600, rounded to `Decimal`'s 38 digits when inexact).
        public var perGPUSecond: Decimal {
            switch self {
            case .perSecond(let rate): rate
            case .perHour(let rate): rate / 3600
            }
        }
    }

    /// How a serverless GPU endpoint bills (`serverless-gpu`): per GPU by the second, with cold starts and an
    /// idle timeout before it scales to zero.
    public struct GPUTimePricing: Equatable, Sendable {
        /// The GPUs of one replica.
        public var hardware: GPUAllocation
        /// The price per GPU; nil when the offer gives none (then it is unpriced).
        public var rate: GPUTimeRate?
        /// Seconds billed per cold start, when the offer states it.
        public var coldStartSeconds: Decimal?
        /// Seconds a replica stays up after its last request before scaling to zero, when the offer states it.
        public var idleTimeoutSeconds: Decimal?
        /// The platform's default idle timeout, when the offer states none (set from the catalog's `platforms` by
        /// `PriceCatalog.asOf(_:)`).
        public var platformIdleTimeoutSeconds: Decimal?

        /// A serverless GPU price: the replica's GPUs, the rate, and the stated cold start and idle timeout (seconds).
        public init(hardware: GPUAllocation, rate: GPUTimeRate?, coldStartSeconds: Decimal? = nil, idleTimeoutSeconds: Decimal? = nil) {
            self.hardware = hardware
            self.rate = rate
            self.coldStartSeconds = coldStartSeconds
            self.idleTimeoutSeconds = idleTimeoutSeconds
        }
    }

    /// A dedicated instance's price, as the provider states it (per instance of all its GPUs).
    public enum InstanceRate: Equatable, Sendable {
        /// USD per instance-hour.
        case hourly(Decimal)
        /// USD per instance-month (reserved terms).
        case monthly(Decimal)

        /// USD for one instance over a month of `hours` hours (a monthly rate whatever the hours).
        public func perMonth(hours: Decimal) -> Decimal {
            switch self {
            case .hourly(let rate): rate * hours
            case .monthly(let rate): rate
            }
        }
    }

    /// How a GPU is bought.
    public enum Purchase: Equatable, Sendable {
        /// Billed while it runs, at list price.
        case onDemand
        /// Interruptible spare capacity.
        case spot
        /// A commitment, with its minimum term in months when stated.
        case reserved(termMonths: Int?)

        /// The catalog's word: `on-demand`, `spot` or `reserved`.
        public var name: String {
            switch self {
            case .onDemand: "on-demand"
            case .spot: "spot"
            case .reserved: "reserved"
            }
        }
    }

    /// How a dedicated instance bills (`dedicated`): by the hour or month while it is rented.
    public struct InstancePricing: Equatable, Sendable {
        /// The GPUs of one instance.
        public var hardware: GPUAllocation
        /// The price per instance; nil when the offer gives none (then it is unpriced).
        public var rate: InstanceRate?
        /// On-demand, spot or reserved, when the offer says.
        public var purchase: Purchase?

        /// A dedicated instance's price: its GPUs, the rate, and how it is bought.
        public init(hardware: GPUAllocation, rate: InstanceRate?, purchase: Purchase? = nil) {
            self.hardware = hardware
            self.rate = rate
            self.purchase = purchase
        }
    }
}

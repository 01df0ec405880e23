public import Foundation

/// An offer prepared for pricing many volumes of one workload shape.
///
/// Throughput, fit and cold-start figures depend on the model size and the input share, not on the volume, so
/// they are looked up once here; `compare`, `sweep` and `breakeven` then price every volume through `cost(for:)`,
/// the same cost models with the same rounding.
public struct OfferPricer: Sendable {
    public let offer: Offer
    /// Why the offer cannot serve this workload shape at all (other model size, GPUs too small); nil when it can.
    public let exclusionReason: String?
    /// The throughput lookup, for GPU tiers.
    public let throughput: Result<ThroughputEstimate, Throughput.Unavailable>?
    /// Seconds per cold start and their origin, for serverless-gpu offers that have a figure.
    public let coldStart: (seconds: Decimal, origin: String)?
    /// The offer's volume-independent figures as 128-bit exact numbers, for `totalCents`; nil when unpriced or when
    /// a figure needs wider numbers (then `cost(for:)` prices it).
    let exact: ExactConstants?

    enum ExactConstants: Sendable {
        case perToken(input: ExactNumber, output: ExactNumber)
        case serverlessGPU(PerSecondGPUModel.Constants<ExactNumber>)
        case dedicated(DedicatedGPUModel.Constants<ExactNumber>)
    }

    /// Prepares `offer` for workloads shaped like `shape` (its volume is ignored).
    public init(offer: Offer, shape: Workload, catalog: PriceCatalog) {
        var lookups = Lookups(shape: shape)
        self.init(offer: offer, shape: shape, catalog: catalog, lookups: &lookups)
    }

    /// What pricers of one shape share: throughput and cold-start lookups depend on the GPU, the count and the
    /// platform, not on the offer, so 100,000 offers of a few GPUs look each up once.
    struct Lookups {
        let inputShare: Decimal
        var throughput: [GPUKey: Result<ThroughputEstimate, Throughput.Unavailable>] = [:]
        var coldStarts: [String: (seconds: Decimal, origin: String)?] = [:]

        init(shape: Workload) { inputShare = shape.inputShare }

        /// A GPU and how many: what a throughput lookup depends on (a key without building a string per offer).
        struct GPUKey: Hashable {
            var gpu: String?
            var count: Int
        }
    }

    init(offer: Offer, shape: Workload, catalog: PriceCatalog, lookups: inout Lookups) {
        self.offer = offer
        switch offer.tier {
        case .api, .serverless:
            // A named model (--model) matches offers of its size class: within 5% (Llama 3.3 70B has 70.6B).
            if offer.tier == .serverless, let size = offer.modelParamsB, size != shape.modelParamsB,
               shape.serving.model == nil || (size - shape.modelParamsB).magnitude > size / 20 {
                exclusionReason = "serves a \(Numbers.exact(size))B model, not \(Numbers.exact(shape.modelParamsB))B"
            } else {
                exclusionReason = nil
            }
            throughput = nil
            coldStart = nil
            // The exact fast path covers the plain two-line bill; anything else goes through the cost model.
            let prices = offer.pricing.tokens
            let plain = offer.priceGap == nil && (shape.tokenPricing.isPlain || (prices?.modeRates.isEmpty != false && prices?.contextTier == nil
                && prices?.offPeak == nil && shape.tokenPricing.mode == .standard && shape.tokenPricing.cachedShare == 0))
            exact = !plain ? nil : prices?.inputPerMTok.flatMap(ExactNumber.init).flatMap { input in
                prices?.outputPerMTok.flatMap(ExactNumber.init).map { .perToken(input: input, output: $0) }
            }
        case .serverlessGPU, .dedicated:
            let resolved: Result<ThroughputEstimate, Throughput.Unavailable>
            if offer.tokensPerSecond == nil {
                let key = Lookups.GPUKey(gpu: offer.gpu, count: offer.gpuCount)
                if let known = lookups.throughput[key] {
                    resolved = known
                } else {
                    resolved = Throughput.resolve(offer: offer, shape: shape, catalog: catalog)
                    lookups.throughput[key] = resolved
                }
            } else {
                resolved = Throughput.resolve(offer: offer, shape: shape, catalog: catalog)
            }
            if case .failure(.doesNotFit(let reason)) = resolved {
                exclusionReason = reason
            } else {
                exclusionReason = nil
            }
            throughput = resolved
            var coldStart: (seconds: Decimal, origin: String)?
            if offer.tier == .serverlessGPU {
                if offer.pricing.gpuTime?.coldStartSeconds == nil, let known = lookups.coldStarts[offer.provider] {
                    coldStart = known
                } else {
                    coldStart = PerSecondGPUModel.coldStartSeconds(offer: offer, modelParamsB: shape.modelParamsB, catalog: catalog)
                    if offer.pricing.gpuTime?.coldStartSeconds == nil { lookups.coldStarts[offer.provider] = coldStart }
                }
            }
            self.coldStart = coldStart
            if case .success(let estimate) = resolved, offer.priceGap == nil {
                switch offer.pricing {
                case .dedicated(let pricing):
                    exact = pricing.rate.flatMap { rate in
                        (try? DedicatedGPUModel.Constants<ExactNumber>(rate: rate, throughput: estimate, offer: offer, workload: shape)).map { .dedicated($0) }
                    }
                case .serverlessGPU(let pricing) where shape.coldStartsPerDay == 0 || coldStart != nil:
                    exact = pricing.rate.flatMap { rate in
                        (try? PerSecondGPUModel.Constants<ExactNumber>(rate: rate, throughput: estimate, coldStart: coldStart?.seconds, offer: offer, workload: shape))
                            .map { .serverlessGPU($0) }
                    }
                default:
                    exact = nil
                }
            } else {
                exact = nil
            }
        }
    }

    /// The monthly total in cents for a volume of the prepared shape, from the same exact line amounts as
    /// `cost(for:)`; nil when the offer is unpriced or the 128-bit arithmetic overflows (then use `cost(for:)`, which
    /// computes the same amounts in wider numbers).
    public func totalCents(input: ExactNumber, output: ExactNumber, total: ExactNumber) -> Int128? {
        switch exact {
        case .perToken(let inputRate, let outputRate)?:
            return (try? PerTokenModel.amounts(input: input, output: output, inputRate: inputRate, outputRate: outputRate)).map { $0.input + $0.output }
        case .serverlessGPU(let constants)?:
            return (try? PerSecondGPUModel.amounts(tokens: total, constants: constants))??.total
        case .dedicated(let constants)?:
            return (try? DedicatedGPUModel.amount(tokens: total, constants: constants))?.cents
        case nil:
            return nil
        }
    }

    /// The cost of `workload` (of the prepared shape) on this offer.
    /// `volume`, the workload's converted once, saves converting it again for every per-token offer.
    public func cost(for workload: Workload, volume: PerTokenModel.Volume? = nil) -> OptionCost {
        switch offer.tier {
        case .api, .serverless:
            if case .perToken(let input, let output)? = exact {
                return PerTokenModel.cost(of: offer, for: workload, volume: volume, rates: (input, output))
            }
            return PerTokenModel.cost(of: offer, for: workload, volume: volume)
        case .serverlessGPU:
            return PerSecondGPUModel.cost(of: offer, for: workload, throughput: throughput ?? .failure(.unknown("no throughput")), coldStart: coldStart)
        case .dedicated:
            return DedicatedGPUModel.cost(of: offer, for: workload, throughput: throughput ?? .failure(.unknown("no throughput")))
        }
    }

    /// Pricers for every offer of `catalog` in `tiers` (all when empty), in catalog order.
    public static func all(catalog: PriceCatalog, shape: Workload, tiers: Set<Tier> = []) -> [OfferPricer] {
        var lookups = Lookups(shape: shape)
        var pricers: [OfferPricer] = []
        pricers.reserveCapacity(catalog.offers.count)
        for offer in catalog.offers where tiers.isEmpty || tiers.contains(offer.tier) {
            pricers.append(OfferPricer(offer: offer, shape: shape, catalog: catalog, lookups: &lookups))
        }
        return pricers
    }
}

public import Foundation

/// An offer's exact monthly cost as a function of monthly volume (tokens), for break-even analysis.
///
/// The same formulas as the cost models, before any rounding: per-token costs are linear; per-second GPU costs
/// are a fixed part (cold starts, idle tails, keep-warm) plus a linear part beyond what keep-warm replicas carry;
/// dedicated costs are a step function of the instance count.
public struct CostCurve: Sendable {
    public let offer: Offer
    public let shape: Shape

    /// How the monthly cost grows with the volume V (tokens a month); every coefficient exact.
    public enum Shape: Equatable, Sendable {
        /// cost(V) = fixed + slope x max(0, V - knee). A knee of 0 is a plain line.
        case linear(fixed: Decimal, knee: Decimal, slope: Decimal)
        /// cost(V) = unit x max(minimum, ceil(V / capacity)): dedicated instances (minimum 1), or per-second GPU
        /// replicas up all month (minimum 1, or the keep-warm replicas).
        case steps(unit: Decimal, capacity: Decimal, minimum: Int)
    }

    /// The curve of a priced offer for workloads shaped like `shape`; nil when the offer cannot be priced.
    public init?(pricer: OfferPricer, shape workload: Workload) {
        guard pricer.exclusionReason == nil else { return nil }
        let offer = pricer.offer
        self.offer = offer
        switch offer.tier {
        case .api, .serverless:
            guard case .success(let (parts, _)) = PerTokenModel.parts(of: offer, pricing: workload.tokenPricing) else { return nil }
            shape = .linear(fixed: 0, knee: 0, slope: PerTokenModel.costPerToken(parts, inputShare: workload.inputShare))
        case .serverlessGPU:
            guard offer.priceGap == nil, case .success(let throughput)? = pricer.throughput,
                  let rate = offer.pricing.gpuTime?.rate else { return nil }
            let gpus = Decimal(offer.gpuCount)
            let perSecond = rate.perGPUSecond
            let keepWarmSeconds = Decimal(workload.keepWarmReplicas) * workload.hoursPerMonth * 3600 * gpus
            guard workload.coldStartsPerDay > 0 else {
                // No cold starts: whole replicas up all month, at least one and the keep-warm ones (PerSecondGPUModel).
                let unit = workload.hoursPerMonth * gpus * rate.price * (rate.isPerSecond ? 3600 : 1)
                shape = .steps(unit: unit, capacity: Self.capacity(throughput, offer: offer, workload: workload), minimum: max(1, workload.keepWarmReplicas))
                return
            }
            guard let coldStart = pricer.coldStart else { return nil }
            let secondsPerToken = gpus / throughput.tokensPerSecond
            let idle = PerSecondGPUModel.idleTimeout(offer: offer, workload: workload)
            var fixed = workload.coldStartsPerDay * workload.daysPerMonth * (coldStart.seconds + idle) * gpus * perSecond
            fixed += keepWarmSeconds * perSecond
            shape = .linear(fixed: fixed, knee: keepWarmSeconds / secondsPerToken, slope: secondsPerToken * perSecond)
        case .dedicated:
            guard offer.priceGap == nil, case .success(let throughput)? = pricer.throughput,
                  let unit = offer.pricing.instance?.rate?.perMonth(hours: workload.hoursPerMonth) else { return nil }
            shape = .steps(unit: unit, capacity: Self.capacity(throughput, offer: offer, workload: workload), minimum: 1)
        }
    }

    /// Tokens one instance or always-up replica carries in the month (`DedicatedGPUModel.capacity`, in `Decimal`).
    static func capacity(_ throughput: ThroughputEstimate, offer: Offer, workload: Workload) -> Decimal {
        throughput.tokensPerSecond * 3600 * workload.hoursPerMonth * workload.sizingUtilization(for: offer)
    }

    /// The exact cost at volume `tokens`.
    public func value(at tokens: Decimal) -> Decimal {
        switch shape {
        case .linear(let fixed, let knee, let slope): return fixed + slope * max(0, tokens - knee)
        case .steps(let unit, let capacity, let minimum): return unit * Decimal(max(minimum, DedicatedGPUModel.steps(tokens, capacity: capacity)))
        }
    }

    /// Volumes in the open interval (low, high) where the formula changes: the keep-warm knee, each added instance.
    public func breakpoints(in low: Decimal, _ high: Decimal) -> [Decimal] {
        switch shape {
        case .linear(_, let knee, _): return knee > low && knee < high ? [knee] : []
        case .steps(_, let capacity, let minimum):
            var points: [Decimal] = []
            // Below minimum x capacity the count stays at the minimum: the first step up is there.
            var k = max(minimum, DedicatedGPUModel.steps(low, capacity: capacity))
            while Decimal(k) * capacity < high {
                let point = Decimal(k) * capacity
                if point > low { points.append(point) }
                k += 1
                if points.count > 100_000 { break }
            }
            return points
        }
    }

    /// The affine piece `intercept + slope x V` that the curve follows just after `tokens` (until its next breakpoint).
    public func piece(after tokens: Decimal) -> (intercept: Decimal, slope: Decimal) {
        switch shape {
        case .linear(let fixed, let knee, let slope):
            return tokens >= knee ? (fixed - slope * knee, slope) : (fixed, 0)
        case .steps(let unit, let capacity, let minimum):
            // Just after a multiple of the capacity one more instance is needed.
            var exact = tokens / capacity
            var floor = Decimal()
            NSDecimalRound(&floor, &exact, 0, .down)
            let count = max(minimum, NSDecimalNumber(decimal: floor).intValue + 1)
            return (unit * Decimal(count), 0)
        }
    }
}

extension DedicatedGPUModel {
    /// The largest fleet priced: a workload needing more instances is unpriced, its throughput figure too low to
    /// be real (and the arithmetic stays bounded: no search runs further than this).
    public static let maximumInstances = 100_000

    /// max(1, ceil(tokens / capacity)): the instances needed for `tokens` at `capacity` tokens per instance, or
    /// `maximumInstances + 1` when more than `maximumInstances` would be needed.
    public static func steps(_ tokens: Decimal, capacity: Decimal) -> Int {
        if capacity <= 0 || tokens > capacity * Decimal(maximumInstances) { return maximumInstances + 1 }
        // Estimate in floating point, then settle exactly with Decimal multiplications (no long division):
        // the answer is the smallest n >= 1 with n x capacity >= tokens.
        let estimate = (NSDecimalNumber(decimal: tokens).doubleValue / NSDecimalNumber(decimal: capacity).doubleValue).rounded(.up)
        var count = max(1, estimate.isFinite && estimate < 1e15 ? Int(estimate) : 1)
        while count > 1, Decimal(count - 1) * capacity >= tokens { count -= 1 }
        while Decimal(count) * capacity < tokens { count += 1 }
        return count
    }
}

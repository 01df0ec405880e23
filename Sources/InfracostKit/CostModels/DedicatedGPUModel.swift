import Foundation

/// Prices `dedicated` offers: enough instances to carry the load at the target utilization, billed all month.
///
/// instances = max(1, ceil(tokens / (tokens/s x 3,600 x hours x target utilization))); cost = instances x
/// hourly rate x hours, or instances x monthly rate. Spot instances are sized at the target utilization less the
/// assumed interruption share; reserved terms state their minimum commitment.
public enum DedicatedGPUModel {
    /// The cost of `workload` on a dedicated offer.
    public static func cost(
        of offer: Offer, for workload: Workload, throughput resolved: Result<ThroughputEstimate, Throughput.Unavailable>
    ) -> OptionCost {
        if let gap = offer.priceGap { return OptionCost(offer: offer, unpricedReason: gap) }
        let throughput: ThroughputEstimate
        switch resolved {
        case .success(let estimate): throughput = estimate
        case .failure(.doesNotFit(let reason)), .failure(.unknown(let reason)):
            return OptionCost(offer: offer, unpricedReason: reason)
        }
        guard case .dedicated(let pricing) = offer.pricing, let rate = pricing.rate else {
            return OptionCost(offer: offer, unpricedReason: "no price (per_hour or per_month is missing)", throughput: throughput)
        }
        let sized: (instances: Int128, cents: Int128)?
        do {
            sized = try Exact.evaluate {
                try amount(tokens: .exactly(workload.totalTokens), constants: Constants<ExactNumber>(rate: rate, throughput: throughput, offer: offer, workload: workload))
            } wide: {
                try amount(tokens: .exactly(workload.totalTokens), constants: Constants<WideNumber>(rate: rate, throughput: throughput, offer: offer, workload: workload))
            }
        } catch .divisionByZero {
            // No capacity (a throughput of zero): no number of instances carries the load.
            sized = nil
        } catch {
            return OptionCost(offer: offer, unpricedReason: OptionCost.beyondExactRange, throughput: throughput)
        }
        guard let sized else {
            return OptionCost(offer: offer, unpricedReason:
                "would need more than \(Numbers.formatted(Decimal(maximumInstances), scale: 0)) instances at \(throughput.tokensPerSecond < Decimal(string: "0.001")! ? "under 0.001" : Numbers.exact(throughput.tokensPerSecond)) tokens/s each: the throughput figure is too low to price",
                throughput: throughput)
        }
        let instances = Int(sized.instances)
        let count = Decimal(instances)
        let label = offer.gpuCount > 1 ? "instances of \(offer.gpuCount) GPUs" : "GPUs"
        let item: LineItem
        switch rate {
        case .monthly(let perMonth):
            item = LineItem(label: label, quantity: count, unit: "instance-month", unitPrice: perMonth, cents: sized.cents)
        case .hourly(let perHour):
            let hours = count * workload.hoursPerMonth
            item = LineItem(label: "\(label) x \(Numbers.exact(workload.hoursPerMonth)) h", quantity: hours, unit: "instance-hour",
                            unitPrice: perHour, cents: sized.cents)
        }
        var notes: [Notice] = []
        if pricing.purchase == .spot {
            notes.append(Notice(.spotSizing, "spot: sized assuming \(Money.plain(workload.spotInterruption * 100, scale: 0))% of hours lost to interruptions (\(Setting.spotInterruption)), so at \(Money.plain(workload.sizingUtilization(for: offer) * 100, scale: 1))% utilization",
                                  setting: .spotInterruption, figure: workload.spotInterruption))
        }
        if case .reserved(let term?) = pricing.purchase {
            let commitment = item.amount / count * Decimal(term) * count
            notes.append(Notice(.reservedCommitment, "reserved term of \(term) month\(term == 1 ? "" : "s"): commits to \(Money.formatted(commitment, currency: offer.currency)) for \(instances) instance\(instances == 1 ? "" : "s") (\(term) x \(Money.formatted(item.amount, currency: offer.currency)))",
                                  figure: commitment))
        }
        return OptionCost(offer: offer, lineItems: [item], gpus: instances * offer.gpuCount, throughput: throughput, notes: notes)
    }

    /// The exact figures of a dedicated offer that do not depend on the volume, in the exact arithmetic `N`.
    public struct Constants<N: ExactArithmetic>: Sendable {
        /// Tokens one instance carries in the month at the target utilization: tokens/s x 3,600 x hours x utilization.
        public var capacity: N
        /// The cost of one instance for the month: the monthly rate, or the hourly rate x hours.
        public var unit: N

        /// The instance sizing of an offer billed at `rate` carrying `throughput` (tokens per second per instance)
        /// for `workload`'s hours and target utilization (`offer` decides the spot discount of the utilization);
        /// `.overflow` when a figure does not fit `N`.
        public init(rate: Offer.InstanceRate, throughput: ThroughputEstimate, offer: Offer, workload: Workload) throws(ExactNumber.ArithmeticError) {
            let hours = try N.exactly(workload.hoursPerMonth)
            capacity = try DedicatedGPUModel.capacity(tokensPerSecond: .exactly(throughput.tokensPerSecond), hours: hours, offer: offer, workload: workload)
            switch rate {
            case .monthly(let perMonth): unit = try .exactly(perMonth)
            case .hourly(let perHour): unit = try .exactly(perHour) * hours
            }
        }
    }

    /// Instances needed for `tokens` and their cost in cents; nil past the fleet limit (`maximumInstances`: the
    /// option is unpriced, and the cost model says so). `.divisionByZero` when the capacity is zero.
    public static func amount<N: ExactArithmetic>(tokens: N, constants: Constants<N>) throws(ExactNumber.ArithmeticError) -> (instances: Int128, cents: Int128)? {
        guard let instances = try instances(tokens: tokens, capacity: constants.capacity) else { return nil }
        return (instances, try (constants.unit * .integer(instances)).rounded(scale: 2, dividedBy: .integer(1)))
    }

    /// Tokens one instance (or always-up replica) carries in a month: tokens/s x 3,600 x hours x the target
    /// utilization (less the assumed interruptions for spot offers).
    static func capacity<N: ExactArithmetic>(tokensPerSecond: N, hours: N, offer: Offer, workload: Workload) throws(ExactNumber.ArithmeticError) -> N {
        try tokensPerSecond * .integer(3600) * hours * .exactly(workload.sizingUtilization(for: offer))
    }

    /// max(1, ceil(tokens / capacity)) instances, nil past the fleet limit (`maximumInstances`); `.divisionByZero`
    /// when the capacity is zero.
    static func instances<N: ExactArithmetic>(tokens: N, capacity: N) throws(ExactNumber.ArithmeticError) -> Int128? {
        let instances = max(1, try tokens.ceilingDivided(by: capacity))
        return instances > Int128(maximumInstances) ? nil : instances
    }
}

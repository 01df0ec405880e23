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
        let exact = ExactNumber(workload.totalTokens).flatMap { tokens in
            Constants(offer: offer, throughput: throughput, workload: workload).flatMap { try? amount(tokens: tokens, constants: $0) }
        }
        let instances = exact.map { Int(clamping: $0.instances) }
            ?? steps(workload.totalTokens, capacity: throughput.tokensPerSecond * 3600 * workload.hoursPerMonth * workload.sizingUtilization(for: offer))
        if instances > maximumInstances {
            return OptionCost(offer: offer, unpricedReason:
                "would need more than \(Numbers.formatted(Decimal(maximumInstances), scale: 0)) instances at \(throughput.tokensPerSecond < Decimal(string: "0.001")! ? "under 0.001" : Numbers.exact(throughput.tokensPerSecond)) tokens/s each: the throughput figure is too low to price",
                throughput: throughput)
        }
        let count = Decimal(instances)
        let label = offer.gpuCount > 1 ? "instances of \(offer.gpuCount) GPUs" : "GPUs"
        let item: LineItem
        switch rate {
        case .monthly(let perMonth):
            item = LineItem(label: label, quantity: count, unit: "instance-month", unitPrice: perMonth,
                            cents: exact?.cents, exactAmount: count * perMonth)
        case .hourly(let perHour):
            let hours = count * workload.hoursPerMonth
            item = LineItem(label: "\(label) x \(Numbers.exact(workload.hoursPerMonth)) h", quantity: hours, unit: "instance-hour",
                            unitPrice: perHour, cents: exact?.cents, exactAmount: hours * perHour)
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

    /// The exact figures of a dedicated offer that do not depend on the volume.
    public struct Constants: Sendable {
        /// Tokens one instance carries in the month at the target utilization.
        public var capacity: ExactNumber
        /// The cost of one instance for the month.
        public var unit: ExactNumber

        /// The instance sizing of `offer` at `throughput` for `workload`'s hours and target utilization; nil when a
        /// quantity overflows the exact number range.
        public init?(offer: Offer, throughput: ThroughputEstimate, workload: Workload) {
            guard let tps = ExactNumber(throughput.tokensPerSecond), let hours = ExactNumber(workload.hoursPerMonth),
                  let utilization = ExactNumber(workload.sizingUtilization(for: offer)),
                  let capacity = try? tps * ExactNumber(3600) * hours * utilization
            else { return nil }
            let unit: ExactNumber?
            switch offer.pricing.instance?.rate {
            case .monthly(let perMonth)?: unit = ExactNumber(perMonth)
            case .hourly(let perHour)?: unit = ExactNumber(perHour).flatMap { try? $0 * hours }
            case nil: unit = nil
            }
            guard let unit else { return nil }
            self.capacity = capacity
            self.unit = unit
        }
    }

    /// Instances needed for `tokens` and their cost in cents; nil past the fleet limit (`maximumInstances`: the
    /// option is unpriced, and the cost model says so).
    public static func amount(tokens: ExactNumber, constants: Constants) throws(ExactNumber.ArithmeticError) -> (instances: Int128, cents: Int128)? {
        let instances = max(1, try tokens.ceilingDivided(by: constants.capacity))
        if instances > Int128(maximumInstances) { return nil }
        return (instances, try (constants.unit * ExactNumber(mantissa: instances)).rounded(scale: 2))
    }

}

public import Foundation

/// Prices `dedicated` offers: enough instances to carry the load at the target utilization, billed all month.
///
/// instances = max(1, ceil(tokens / (tokens/s x 3,600 x hours x target utilization))); cost = instances x
/// hourly rate x hours, or instances x monthly rate.
public enum DedicatedGPUModel {
    /// The cost of `workload` on a dedicated offer.
    public static func cost(
        of offer: Offer, for workload: Workload, throughput resolved: Result<ThroughputEstimate, Throughput.Unavailable>
    ) -> OptionCost {
        let throughput: ThroughputEstimate
        switch resolved {
        case .success(let estimate): throughput = estimate
        case .failure(.doesNotFit(let reason)), .failure(.unknown(let reason)):
            return OptionCost(offer: offer, unpricedReason: reason)
        }
        let instances = instancesNeeded(tokens: workload.totalTokens, tokensPerSecond: throughput.tokensPerSecond, workload: workload)
        let gpus = instances * offer.gpuCount
        let count = Decimal(instances)
        let label = offer.gpuCount > 1 ? "instances of \(offer.gpuCount) GPUs" : "GPUs"
        let item: LineItem
        if let perMonth = offer.perMonth {
            item = LineItem(label: label, quantity: count, unit: "instance-month", unitPrice: perMonth, exactAmount: count * perMonth)
        } else if let perHour = offer.perHour {
            let hours = count * workload.hoursPerMonth
            item = LineItem(label: "\(label) x \(Numbers.exact(workload.hoursPerMonth)) h", quantity: hours, unit: "instance-hour",
                            unitPrice: perHour, exactAmount: hours * perHour)
        } else {
            return OptionCost(offer: offer, unpricedReason: "no price (per_hour or per_month is missing)", gpus: gpus, throughput: throughput)
        }
        return OptionCost(offer: offer, lineItems: [item], gpus: gpus, throughput: throughput)
    }

    /// The smallest instance count (at least 1) whose capacity at the target utilization carries the tokens.
    public static func instancesNeeded(tokens: Decimal, tokensPerSecond: Decimal, workload: Workload) -> Int {
        let capacity = tokensPerSecond * 3600 * workload.hoursPerMonth * workload.targetUtilization
        var exact = tokens / capacity
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .up)
        return max(1, NSDecimalNumber(decimal: rounded).intValue)
    }
}

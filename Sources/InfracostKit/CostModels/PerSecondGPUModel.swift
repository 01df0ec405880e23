public import Foundation

/// Prices `serverless-gpu` offers: GPU-seconds of serving, cold starts, idle tails and keep-warm replicas.
///
/// The flat-average model: serving time is tokens / throughput. Each cold start bills its loading seconds and
/// then, when traffic stops, an idle tail of the idle timeout before the replica scales to zero. Keep-warm
/// replicas are billed every hour of the month, and serving time they can absorb is not billed again.
/// `simulate` replaces these averages with traffic.
public enum PerSecondGPUModel {
    /// The cost of `workload` on a serverless-gpu offer.
    public static func cost(
        of offer: Offer, for workload: Workload, throughput resolved: Result<ThroughputEstimate, Throughput.Unavailable>,
        catalog: PriceCatalog
    ) -> OptionCost {
        let throughput: ThroughputEstimate
        switch resolved {
        case .success(let estimate): throughput = estimate
        case .failure(.doesNotFit(let reason)), .failure(.unknown(let reason)):
            return OptionCost(offer: offer, unpricedReason: reason, gpus: offer.gpuCount)
        }
        guard let price = pricePerGPUSecond(offer) else {
            return OptionCost(offer: offer, unpricedReason: "no price (per_second or per_hour is missing)", gpus: offer.gpuCount, throughput: throughput)
        }
        let gpus = Decimal(offer.gpuCount)
        let servingSeconds = workload.totalTokens / throughput.tokensPerSecond * gpus
        var items: [LineItem] = []
        var notes: [String] = []
        var billedSeconds: Decimal = 0

        let keepWarmSeconds = Decimal(workload.keepWarmReplicas) * workload.hoursPerMonth * 3600 * gpus
        if workload.keepWarmReplicas > 0 {
            items.append(price.item("keep-warm (\(workload.keepWarmReplicas) replicas)", seconds: keepWarmSeconds))
            billedSeconds += keepWarmSeconds
        }
        let extraServing = max(0, servingSeconds - keepWarmSeconds)
        items.append(price.item(workload.keepWarmReplicas > 0 ? "serving beyond keep-warm" : "serving", seconds: extraServing))
        billedSeconds += extraServing

        if workload.coldStartsPerDay > 0 {
            guard let coldStart = coldStartSeconds(offer: offer, modelParamsB: workload.modelParamsB, catalog: catalog) else {
                return OptionCost(
                    offer: offer, unpricedReason: "no cold-start figure for a \(Numbers.exact(workload.modelParamsB))B model on \(offer.provider); give cold_start_s",
                    gpus: offer.gpuCount, throughput: throughput)
            }
            let coldStarts = workload.coldStartsPerDay * workload.daysPerMonth
            let loading = coldStarts * coldStart.seconds * gpus
            let idle = idleTimeout(offer: offer, workload: workload)
            let idleTail = coldStarts * idle * gpus
            items.append(price.item("cold-start loading (\(Numbers.formatted(coldStarts, scale: 1)) x \(Numbers.exact(coldStart.seconds)) s)", seconds: loading))
            items.append(price.item("idle tail before scale-to-zero (\(Numbers.exact(idle)) s each)", seconds: idleTail))
            billedSeconds += loading + idleTail
            notes.append("cold start \(Numbers.exact(coldStart.seconds)) s: \(coldStart.origin)")
        }
        return OptionCost(offer: offer, lineItems: items, gpus: offer.gpuCount, gpuSeconds: billedSeconds, throughput: throughput, notes: notes)
    }

    /// The seconds billed for one cold start and where the figure comes from.
    public static func coldStartSeconds(offer: Offer, modelParamsB: Decimal, catalog: PriceCatalog) -> (seconds: Decimal, origin: String)? {
        if let stated = offer.coldStartSeconds { return (stated, "stated by the offer") }
        for provider in [offer.provider, "*"] {
            let figures = catalog.coldStarts.filter { $0.provider == provider }
            // The bucket holding the size, else the next larger published size (conservative).
            let match = figures.first { $0.minParamsB <= modelParamsB && modelParamsB <= $0.maxParamsB }
                ?? figures.filter { $0.minParamsB > modelParamsB }.min { $0.minParamsB < $1.minParamsB }
            if let match {
                let who = provider == "*" ? "typical for any platform" : provider
                return (match.seconds, "\(who), \(Numbers.exact(match.minParamsB))-\(Numbers.exact(match.maxParamsB))B bucket (\(match.provenance.source ?? "no source"))")
            }
        }
        return nil
    }

    static func idleTimeout(offer: Offer, workload: Workload) -> Decimal {
        workload.idleTimeoutSeconds ?? offer.idleTimeoutSeconds ?? Workload.defaultIdleTimeoutSeconds
    }

    /// The offer's price per GPU-second, kept in the unit it was published in.
    struct Price {
        var perSecond: Decimal?
        var perHour: Decimal?

        func item(_ label: String, seconds: Decimal) -> LineItem {
            if let perSecond {
                return LineItem(label: label, quantity: seconds, unit: "GPU-second", unitPrice: perSecond, exactAmount: seconds * perSecond)
            }
            let perHour = perHour ?? 0
            return LineItem(label: label, quantity: seconds / 3600, unit: "GPU-hour", unitPrice: perHour, exactAmount: seconds * perHour / 3600)
        }
    }

    static func pricePerGPUSecond(_ offer: Offer) -> Price? {
        if offer.perSecond == nil, offer.perHour == nil { return nil }
        return Price(perSecond: offer.perSecond, perHour: offer.perHour)
    }
}

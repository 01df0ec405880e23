public import Foundation

/// Prices `serverless-gpu` offers: GPU-seconds of serving, cold starts, idle tails and keep-warm replicas.
///
/// The flat-average model, in two regimes set by the workload's cold starts a day:
/// - **No cold starts** (the default): a replica that never cold-starts never scales to zero, so the replicas
///   serving the traffic are up, and billed, all month: max(1, keep-warm, ceil(tokens / (tokens/s x 3,600 x hours
///   x target utilization))) of them, sized as dedicated instances are. This is what steady traffic costs on a
///   per-second platform: `simulate` of Poisson arrivals at the same volume bills the same replica-hours.
/// - **N cold starts a day**: the traffic comes in bursts with idle gaps. Serving time is tokens / throughput (the
///   replica's throughput at full batches); each cold start bills its loading seconds and then, when traffic stops,
///   an idle tail of the idle timeout before the replica scales to zero. Keep-warm replicas are billed every hour
///   of the month, and serving time they can absorb is not billed again.
/// `simulate` and `compare --traffic` replace these averages with the traffic itself.
public enum PerSecondGPUModel {
    /// The cost of `workload` on a serverless-gpu offer.
    /// - Parameter coldStart: seconds per cold start and where the figure comes from (see `coldStartSeconds`);
    ///   needed only when the workload has cold starts.
    public static func cost(
        of offer: Offer, for workload: Workload, throughput resolved: Result<ThroughputEstimate, Throughput.Unavailable>,
        coldStart: (seconds: Decimal, origin: String)?
    ) -> OptionCost {
        if let gap = offer.priceGap { return OptionCost(offer: offer, unpricedReason: gap, gpus: offer.gpuCount) }
        let throughput: ThroughputEstimate
        switch resolved {
        case .success(let estimate): throughput = estimate
        case .failure(.doesNotFit(let reason)), .failure(.unknown(let reason)):
            return OptionCost(offer: offer, unpricedReason: reason, gpus: offer.gpuCount)
        }
        guard let price = offer.pricing.gpuTime?.rate else {
            return OptionCost(offer: offer, unpricedReason: "no price (per_second or per_hour is missing)", gpus: offer.gpuCount, throughput: throughput)
        }
        let gpus = Decimal(offer.gpuCount)
        let servingSeconds = workload.totalTokens / throughput.tokensPerSecond * gpus
        let keepWarmSeconds = Decimal(workload.keepWarmReplicas) * workload.hoursPerMonth * 3600 * gpus
        let coldStarts = workload.coldStartsPerDay * workload.daysPerMonth
        if workload.coldStartsPerDay > 0, coldStart == nil {
            return OptionCost(
                offer: offer, unpricedReason: "no cold-start figure for a \(Numbers.exact(workload.modelParamsB))B model on \(offer.provider); give cold_start_s",
                gpus: offer.gpuCount, throughput: throughput)
        }
        let idle = idleTimeout(offer: offer, workload: workload)
        let exact: Amounts?
        do {
            exact = try Exact.evaluate {
                try amounts(tokens: .exactly(workload.totalTokens),
                            constants: Constants<ExactNumber>(rate: price, throughput: throughput, coldStart: coldStart?.seconds, offer: offer, workload: workload))
            } wide: {
                try amounts(tokens: .exactly(workload.totalTokens),
                            constants: Constants<WideNumber>(rate: price, throughput: throughput, coldStart: coldStart?.seconds, offer: offer, workload: workload))
            }
        } catch {
            // A throughput of zero has no serving time to bill; anything else is beyond the exact range.
            let reason = error == .divisionByZero ? "no throughput figure above zero tokens/s" : OptionCost.beyondExactRange
            return OptionCost(offer: offer, unpricedReason: reason, gpus: offer.gpuCount, throughput: throughput)
        }
        guard let exact else {
            return OptionCost(offer: offer, unpricedReason:
                "would need more than \(Numbers.formatted(Decimal(DedicatedGPUModel.maximumInstances), scale: 0)) replicas up at once: the throughput figure is too low to price",
                gpus: offer.gpuCount, throughput: throughput)
        }
        var items: [LineItem] = []
        var notes: [Notice] = []
        var billedSeconds: Decimal = 0
        if workload.keepWarmReplicas > 0 {
            items.append(price.item("keep-warm (\(workload.keepWarmReplicas) replica\(workload.keepWarmReplicas == 1 ? "" : "s"))", seconds: keepWarmSeconds, cents: exact.keepWarm))
            billedSeconds += keepWarmSeconds
        }
        guard workload.coldStartsPerDay > 0 else {
            // No cold starts: the replicas carrying the traffic never scale to zero.
            let replicas = Int(exact.replicasUp)
            let beyond = replicas - workload.keepWarmReplicas
            if beyond > 0 {
                let seconds = Decimal(beyond) * workload.hoursPerMonth * 3600 * gpus
                let label = workload.keepWarmReplicas > 0 ? "replicas beyond keep-warm up all month (\(beyond))" : "replica\(beyond == 1 ? "" : "s") up all month (\(beyond))"
                items.append(price.item(label, seconds: seconds, cents: exact.upAllMonth))
                billedSeconds += seconds
            }
            let busy = servingSeconds / (Decimal(replicas) * workload.hoursPerMonth * 3600 * gpus) * 100
            notes.append(Notice(.alwaysUp, "no cold starts: \(replicas) replica\(replicas == 1 ? "" : "s") up all month, busy \(Money.plain(busy, scale: 1))% of it at full batches (\(Numbers.formatted(servingSeconds, scale: 0)) GPU-seconds of serving)",
                                setting: .coldStartsPerDay, figure: Decimal(replicas)))
            return OptionCost(offer: offer, lineItems: items, gpus: replicas * offer.gpuCount, gpuSeconds: billedSeconds, throughput: throughput, notes: notes)
        }
        let extraServing = max(0, servingSeconds - keepWarmSeconds)
        items.append(price.item(workload.keepWarmReplicas > 0 ? "serving beyond keep-warm" : "serving", seconds: extraServing, cents: exact.serving))
        billedSeconds += extraServing
        if let coldStart {
            let loading = coldStarts * coldStart.seconds * gpus
            let idleTail = coldStarts * idle * gpus
            items.append(price.item("cold-start loading (\(Numbers.formatted(coldStarts, scale: 1)) x \(Numbers.exact(coldStart.seconds)) s)", seconds: loading, cents: exact.loading))
            items.append(price.item("idle tail before scale-to-zero (\(Numbers.exact(idle)) s each)", seconds: idleTail, cents: exact.idle))
            billedSeconds += loading + idleTail
            notes.append(Notice(.coldStart, "cold start \(Numbers.exact(coldStart.seconds)) s: \(coldStart.origin)", setting: .coldStart, figure: coldStart.seconds))
        }
        return OptionCost(offer: offer, lineItems: items, gpus: offer.gpuCount, gpuSeconds: billedSeconds, throughput: throughput, notes: notes)
    }

    /// The exact figures of a serverless-gpu offer that do not depend on the volume, in the exact arithmetic `N`.
    public struct Constants<N: ExactArithmetic>: Sendable {
        var gpus: N
        var tokensPerSecond: N
        /// The price per GPU-second is `priceNumerator / priceDivisor` (per_second / 1, or per_hour / 3,600).
        var priceNumerator: N
        var priceDivisor: N
        /// GPU-seconds of keep-warm for the month.
        var keepWarmSeconds: N
        /// Cold starts x GPUs x seconds of loading (and of idle tail) for the month, times 24: days are hours / 24.
        var loadingSecondsTimes24: N?
        var idleSecondsTimes24: N?
        /// With no cold starts, the tokens one replica carries in the month at the target utilization (tokens/s x
        /// 3,600 x hours x utilization) and the GPU-seconds it is up (hours x 3,600 x GPUs); nil with cold starts.
        var replicaCapacity: N?
        var replicaSeconds: N?
        var keepWarmReplicas: Int128

        /// The per-second bill's rates and quantities of `offer` billed at `rate`, at `throughput` (tokens per second
        /// per replica), with `coldStart` seconds of loading per start (needed when the workload has cold starts);
        /// `.overflow` when a figure does not fit `N`.
        public init(
            rate: Offer.GPUTimeRate, throughput: ThroughputEstimate, coldStart: Decimal?, offer: Offer, workload: Workload
        ) throws(ExactNumber.ArithmeticError) {
            let hours = try N.exactly(workload.hoursPerMonth)
            let gpus = N.integer(offer.gpuCount)
            priceNumerator = try .exactly(rate.price)
            priceDivisor = .integer(rate.secondsPerUnit)
            self.gpus = gpus
            tokensPerSecond = try .exactly(throughput.tokensPerSecond)
            keepWarmReplicas = Int128(workload.keepWarmReplicas)
            keepWarmSeconds = try N.integer(workload.keepWarmReplicas) * hours * .integer(3600) * gpus
            if workload.coldStartsPerDay > 0 {
                if let coldStart {
                    let starts = try N.exactly(workload.coldStartsPerDay) * hours * gpus
                    loadingSecondsTimes24 = try starts * .exactly(coldStart)
                    idleSecondsTimes24 = try starts * .exactly(PerSecondGPUModel.idleTimeout(offer: offer, workload: workload))
                }
            } else {
                replicaCapacity = try DedicatedGPUModel.capacity(tokensPerSecond: tokensPerSecond, hours: hours, offer: offer, workload: workload)
                replicaSeconds = try hours * .integer(3600) * gpus
            }
        }
    }

    /// A month's line amounts in cents, and the replicas up all month when there are no cold starts.
    public struct Amounts: Equatable, Sendable {
        /// Keep-warm replicas, all month.
        public var keepWarm: Int128 = 0
        /// Serving beyond what keep-warm replicas carry (with cold starts).
        public var serving: Int128 = 0
        /// Cold starts' loading (with cold starts).
        public var loading: Int128 = 0
        /// Idle tails before scale-to-zero (with cold starts).
        public var idle: Int128 = 0
        /// Replicas beyond keep-warm up all month (no cold starts).
        public var upAllMonth: Int128 = 0
        /// Replicas up all month in all (keep-warm included); 0 with cold starts.
        public var replicasUp: Int128 = 0
        /// The month's total: the sum of the line amounts.
        public var total: Int128 { keepWarm + serving + loading + idle + upAllMonth }
    }

    /// The line amounts in cents for `tokens` a month; `.divisionByZero` for a throughput of zero; nil when more
    /// than `DedicatedGPUModel.maximumInstances` replicas would be up at once.
    public static func amounts<N: ExactArithmetic>(
        tokens: N, constants c: Constants<N>
    ) throws(ExactNumber.ArithmeticError) -> Amounts? {
        var amounts = Amounts()
        amounts.keepWarm = try (c.keepWarmSeconds * c.priceNumerator).rounded(scale: 2, dividedBy: c.priceDivisor)
        if let capacity = c.replicaCapacity, let replicaSeconds = c.replicaSeconds {
            guard c.tokensPerSecond.signum > 0 else { throw .divisionByZero }
            // Sized as dedicated instances are.
            guard let needed = try DedicatedGPUModel.instances(tokens: tokens, capacity: capacity) else { return nil }
            amounts.replicasUp = max(needed, c.keepWarmReplicas)
            let beyond = amounts.replicasUp - c.keepWarmReplicas
            amounts.upAllMonth = try (N.integer(beyond) * replicaSeconds * c.priceNumerator).rounded(scale: 2, dividedBy: c.priceDivisor)
            return amounts
        }
        // Serving seconds beyond keep-warm, times tokens/s: tokens x GPUs - keep-warm seconds x tokens/s.
        let beyond = try tokens * c.gpus - c.keepWarmSeconds * c.tokensPerSecond
        let extra = beyond.signum > 0 ? beyond : .integer(0)
        amounts.serving = try (extra * c.priceNumerator).rounded(scale: 2, dividedBy: c.tokensPerSecond * c.priceDivisor)
        if let load = c.loadingSecondsTimes24, let tail = c.idleSecondsTimes24 {
            let perDay = try c.priceDivisor * .integer(24)
            amounts.loading = try (load * c.priceNumerator).rounded(scale: 2, dividedBy: perDay)
            amounts.idle = try (tail * c.priceNumerator).rounded(scale: 2, dividedBy: perDay)
        }
        return amounts
    }

    /// The seconds billed for one cold start and where the figure comes from.
    public static func coldStartSeconds(offer: Offer, modelParamsB: Decimal, catalog: PriceCatalog) -> (seconds: Decimal, origin: String)? {
        if let stated = offer.pricing.gpuTime?.coldStartSeconds { return (stated, "stated by the offer") }
        for provider in [offer.provider, "*"] {
            let figures = catalog.coldStarts.filter { $0.provider == provider }
            // The bucket holding the size, else the next larger published size (conservative). Buckets name sizes
            // as models are named (a "70B" model has 70.6B parameters): within 2% of a bound is inside.
            let match = figures.first { $0.holds(modelParamsB) }
                ?? figures.filter { $0.minParamsB > modelParamsB }.min { $0.minParamsB < $1.minParamsB }
            if let match {
                let who = provider == "*" ? "typical for any platform" : provider
                return (match.seconds, "\(who), \(Numbers.exact(match.minParamsB))-\(Numbers.exact(match.maxParamsB))B bucket (\(match.provenance.source ?? "no source"))")
            }
        }
        return nil
    }

    static func idleTimeout(offer: Offer, workload: Workload) -> Decimal {
        let pricing = offer.pricing.gpuTime
        return workload.idleTimeoutSeconds ?? pricing?.idleTimeoutSeconds ?? pricing?.platformIdleTimeoutSeconds
            ?? Workload.defaultIdleTimeoutSeconds
    }
}

extension Offer.GPUTimeRate {
    /// A line item of `seconds` GPU-seconds at this rate, kept in the unit it was published in (the `simulate`
    /// and flat-average models share it); `cents` is its exact amount.
    func item(_ label: String, seconds: Decimal, cents: Int128) -> LineItem {
        switch self {
        case .perSecond(let perSecond):
            LineItem(label: label, quantity: seconds, unit: unit, unitPrice: perSecond, cents: cents)
        case .perHour(let perHour):
            LineItem(label: label, quantity: seconds / 3600, unit: unit, unitPrice: perHour, cents: cents)
        }
    }
}

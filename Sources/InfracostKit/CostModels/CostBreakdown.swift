public import Foundation

/// One line of a cost breakdown: a quantity times a unit price, rounded to the cent.
public struct LineItem: Equatable, Sendable {
    /// What is billed, e.g. "input tokens", "GPU instances".
    public var label: String
    /// How much, in `unit`s.
    public var quantity: Decimal
    /// The unit of `quantity` and `unitPrice`, e.g. "1M tokens", "GPU-second", "instance-month".
    public var unit: String
    /// Price of one unit, in the offer's currency.
    public var unitPrice: Decimal
    /// `quantity x unitPrice`, rounded to the cent (half away from zero), in cents: exact, computed once by the
    /// cost model (see `Exact.evaluate`).
    public var cents: Int128
    /// How `quantity` was obtained, in words and numbers, when it is not a given (e.g. simulated seconds
    /// projected to a month); shown by `--explain`.
    public var derivation: String?

    /// The amount in the offer's currency: `cents` / 100, exactly.
    public var amount: Decimal { Money.fromCents(cents) }

    /// A line item of `quantity` `unit`s at `unitPrice` whose amount, rounded to the cent, is `cents`.
    public init(label: String, quantity: Decimal, unit: String, unitPrice: Decimal, cents: Int128) {
        self.label = label
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.cents = cents
    }
}

/// How the tokens-per-second figure behind a GPU option was obtained.
public struct ThroughputEstimate: Equatable, Sendable {
    /// Sustained tokens per second (input + output) of one instance or replica.
    public var tokensPerSecond: Decimal
    /// True when the figure is computed (roofline), not published or stated.
    public var isEstimate: Bool
    /// Where the figure comes from.
    public var method: Method
    /// How the figure was made or where it was published, in words.
    public var detail: String
    /// The weight precision the figure is for, when known.
    public var precision: Precision? = nil
    /// Requests served at once per replica at the sizing target (serving performance model), when known.
    public var concurrency: Int? = nil

    /// Where a throughput figure comes from; the raw value is the word the reports print (`throughput_method`).
    public enum Method: String, Equatable, Sendable {
        /// The offer's own `tokens_per_second`.
        case stated
        /// A published benchmark figure from the catalog.
        case published
        /// The user's own measurement (a performance file from `infracost calibrate`).
        case measured
        /// The serving performance model (an estimate).
        case model
        /// Memory bandwidth over model bytes, for a GPU without compute figures (an estimate).
        case roofline
    }
}

/// The priced result for one offer under one workload.
///
/// Its fields live in one shared `CopyOnWrite` box: an option is copied into rankings, reports and rows, and
/// a comparison of 100,000 offers would otherwise move about 400 bytes per option at every step.
public struct OptionCost: Equatable, Sendable {
    private var storage: CopyOnWrite<Fields>

    /// The offer priced.
    public var offer: Offer {
        get { storage.value.offer }
        _modify { yield &storage.value.offer }
    }
    /// The breakdown; empty when the option could not be priced.
    public var lineItems: [LineItem] { storage.value.lineItems }
    /// Why the option has no total (missing price, no throughput figure); nil when priced.
    public var unpricedReason: String? { storage.value.unpricedReason }
    /// The monthly total: the exact sum of the line items (`totalCents` / 100), or nil when the option has no price.
    public var total: Decimal? { storage.value.total }
    /// `total` in cents: the sum of the line items' cents; nil exactly when the option has no price.
    public var totalCents: Int128? { storage.value.totalCents }
    /// GPUs billed (dedicated: instances x GPUs per instance; serverless-gpu: GPUs per replica).
    public var gpus: Int? {
        get { storage.value.gpus }
        _modify { yield &storage.value.gpus }
    }
    /// Billed GPU-seconds per month (serverless-gpu).
    public var gpuSeconds: Decimal? {
        get { storage.value.gpuSeconds }
        _modify { yield &storage.value.gpuSeconds }
    }
    /// The throughput used, for GPU options.
    public var throughput: ThroughputEstimate? {
        get { storage.value.throughput }
        _modify { yield &storage.value.throughput }
    }
    /// Caveats specific to this option.
    public var notes: [Notice] {
        get { storage.value.notes }
        _modify { yield &storage.value.notes }
    }
    /// How the option was priced: by the flat-average cost models or by simulating traffic.
    public var method: PricingMethod {
        get { storage.value.method }
        _modify { yield &storage.value.method }
    }
    /// Latency the simulation measured, when the option was priced by simulating traffic.
    public var simulatedLatency: SimulatedLatency? {
        get { storage.value.simulatedLatency }
        _modify { yield &storage.value.simulatedLatency }
    }

    private struct Fields: Equatable, Sendable {
        var offer: Offer
        var lineItems: [LineItem]
        var unpricedReason: String?
        var total: Decimal?
        var totalCents: Int128?
        var gpus: Int?
        var gpuSeconds: Decimal?
        var throughput: ThroughputEstimate?
        var notes: [Notice]
        var method = PricingMethod.model
        var simulatedLatency: SimulatedLatency? = nil
    }

    public static func == (lhs: OptionCost, rhs: OptionCost) -> Bool { lhs.storage == rhs.storage }

    /// How an option was priced; the raw value is the word the reports print (`pricing_method`).
    public enum PricingMethod: String, Equatable, Sendable {
        /// The flat-average cost model of the offer's tier.
        case model
        /// Traffic simulated (`--traffic` or `--trace`).
        case simulation
    }

    /// The cost of `offer`: its line items (exact amounts whose sum is the total), or `unpricedReason` when it
    /// cannot be priced (then it has no total); GPUs, GPU-seconds and the throughput used, when the model used them.
    /// Items whose cents sum past `Int128` make the option unpriced (`beyondExactRange`), never a clipped total.
    public init(
        offer: Offer, lineItems: [LineItem] = [], unpricedReason: String? = nil, gpus: Int? = nil,
        gpuSeconds: Decimal? = nil, throughput: ThroughputEstimate? = nil, notes: [Notice] = []
    ) {
        var reason = unpricedReason
        var cents: Int128?
        if reason == nil {
            cents = OptionCost.centsSum(lineItems)
            if cents == nil { reason = OptionCost.beyondExactRange }
        }
        storage = CopyOnWrite(Fields(
            offer: offer, lineItems: reason == nil ? lineItems : [], unpricedReason: reason, total: cents.map(Money.fromCents),
            totalCents: cents, gpus: gpus, gpuSeconds: gpuSeconds, throughput: throughput, notes: notes))
    }

    /// Why an option whose amount does not fit the exact range (about 1.7e36 dollars) has no total: never a rounded
    /// or clipped figure.
    public static let beyondExactRange = "the amount is too large to compute exactly (more than 1e36)"

    /// The sum of the items' cents; nil when it overflows.
    static func centsSum(_ items: [LineItem]) -> Int128? {
        var sum: Int128 = 0
        for item in items {
            let (next, overflow) = sum.addingReportingOverflow(item.cents)
            if overflow { return nil }
            sum = next
        }
        return sum
    }

    /// Effective cost per 1M tokens of the workload, to 4 decimals; nil when unpriced.
    public func costPerMillionTokens(_ workload: Workload) -> Decimal? {
        guard let totalCents, workload.totalTokens > 0 else { return nil }
        let units = try? Exact.evaluate {
            try ExactNumber(mantissa: totalCents, exponent: 4).rounded(scale: 4, dividedBy: .exactly(workload.totalTokens))
        } wide: {
            try WideNumber(mantissa: totalCents, exponent: 4).rounded(scale: 4, dividedBy: .exactly(workload.totalTokens))
        }
        return units.map { Money.fromUnits($0, scale: 4) }
    }

    /// Cost per 1M tokens in units of 0.0001, exactly in integers, for `tokens` tokens a month (the workload's
    /// total, converted once by a caller pricing many options); nil when unpriced or when `tokens` is nil or zero.
    /// One Decimal division costs microseconds, and a comparison of 100,000 offers has one per row.
    public func costPerMillionUnits(tokens: ExactNumber?) -> Int128? {
        guard let tokens, tokens.mantissa > 0, let totalCents else { return nil }
        return try? Exact.evaluate {
            try ExactNumber(mantissa: totalCents, exponent: 4).rounded(scale: 4, dividedBy: tokens)
        } wide: {
            try WideNumber(mantissa: totalCents, exponent: 4).rounded(scale: 4, dividedBy: WideNumber(tokens))
        }
    }

}

/// p95 latencies of a simulated option, seconds: end to end, and first token and inter-token where requests were
/// timed token by token.
public struct SimulatedLatency: Equatable, Sendable {
    public var p95: Double
    public var p95TimeToFirstToken: Double?
    public var p95InterTokenLatency: Double?
    /// With latency targets (`compare --p95-latency`, `--max-ttft`, `--max-itl`): the per-replica concurrency chosen,
    /// the target that binds, and whether they are met.
    public var concurrency: Int? = nil
    public var bindingConstraint: String? = nil
    public var meetsTargets: Bool? = nil

    /// Simulated latency: the p95 end to end, and of time to first token and inter-token latency when known, in
    /// seconds.
    public init(p95: Double, p95TimeToFirstToken: Double? = nil, p95InterTokenLatency: Double? = nil) {
        self.p95 = p95
        self.p95TimeToFirstToken = p95TimeToFirstToken
        self.p95InterTokenLatency = p95InterTokenLatency
    }
}

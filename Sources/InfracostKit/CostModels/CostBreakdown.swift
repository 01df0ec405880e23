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
    /// `quantity x unitPrice`, rounded to the cent (half away from zero).
    public var amount: Decimal
    /// How `quantity` was obtained, in words and numbers, when it is not a given (e.g. simulated seconds
    /// projected to a month); shown by `--explain`.
    public var derivation: String?

    /// A line item whose amount is `exactAmount` rounded to the cent.
    public init(label: String, quantity: Decimal, unit: String, unitPrice: Decimal, exactAmount: Decimal) {
        self.label = label
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.amount = Money.rounded(exactAmount)
    }

    /// A line item whose amount was rounded exactly to `cents` (see `ExactNumber`); when that overflowed (nil),
    /// `exactAmount` computed in `Decimal` is rounded instead. The closure is evaluated only then.
    public init(label: String, quantity: Decimal, unit: String, unitPrice: Decimal, cents: Int128?, exactAmount: @autoclosure () -> Decimal) {
        self.label = label
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.amount = cents.map(Money.fromCents) ?? Money.rounded(exactAmount())
    }
}

/// How the tokens-per-second figure behind a GPU option was obtained.
public struct ThroughputEstimate: Equatable, Sendable {
    /// Sustained tokens per second (input + output) of one instance or replica.
    public var tokensPerSecond: Decimal
    /// True when the figure is computed (roofline), not published or stated.
    public var isEstimate: Bool
    /// `stated` (the offer's own figure), `published`, `model` (the serving performance model) or `roofline` (a GPU without
    /// compute figures).
    public var method: String
    /// How the figure was made or where it was published, in words.
    public var detail: String
    /// The weight precision the figure is for, when known.
    public var precision: String? = nil
    /// Requests served at once per replica at the sizing target (serving performance model), when known.
    public var concurrency: Int? = nil
}

/// The priced result for one offer under one workload.
public struct OptionCost: Equatable, Sendable {
    public var offer: Offer
    /// The breakdown; empty when the option could not be priced.
    public let lineItems: [LineItem]
    /// Why the option has no total (missing price, no throughput figure); nil when priced.
    public let unpricedReason: String?
    /// The monthly total: the exact sum of the line items, or nil when the option has no price.
    public let total: Decimal?
    /// GPUs billed (dedicated: instances x GPUs per instance; serverless-gpu: GPUs per replica).
    public var gpus: Int?
    /// Billed GPU-seconds per month (serverless-gpu).
    public var gpuSeconds: Decimal?
    /// The throughput used, for GPU options.
    public var throughput: ThroughputEstimate?
    /// Caveats specific to this option.
    public var notes: [String]
    /// How the option was priced: `model` (the flat-average cost models) or `simulation` (traffic simulated).
    public var method = "model"
    /// Latency the simulation measured, when the option was priced by simulating traffic.
    public var simulatedLatency: SimulatedLatency?

    public init(
        offer: Offer, lineItems: [LineItem] = [], unpricedReason: String? = nil, gpus: Int? = nil,
        gpuSeconds: Decimal? = nil, throughput: ThroughputEstimate? = nil, notes: [String] = []
    ) {
        self.offer = offer
        self.lineItems = lineItems
        self.unpricedReason = unpricedReason
        self.total = unpricedReason == nil ? lineItems.reduce(Decimal(0)) { $0 + $1.amount } : nil
        self.gpus = gpus
        self.gpuSeconds = gpuSeconds
        self.throughput = throughput
        self.notes = notes
    }

    /// Effective cost per 1M tokens of the workload, to 4 decimals; nil when unpriced.
    public func costPerMillionTokens(_ workload: Workload) -> Decimal? {
        guard let total, workload.totalTokens > 0 else { return nil }
        // Exactly, in integers (one Decimal division costs microseconds, and a comparison of 100,000 offers has one
        // per row); Decimal where the numbers are too large for that.
        if let exact = ExactNumber(total), let tokens = ExactNumber(workload.totalTokens),
           let scaled = exact * ExactNumber(1_000_000), let units = scaled.rounded(scale: 4, dividedBy: tokens) {
            return Money.fromUnits(units, scale: 4)
        }
        return Money.rounded(total * 1_000_000 / workload.totalTokens, scale: 4)
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

    public init(p95: Double, p95TimeToFirstToken: Double? = nil, p95InterTokenLatency: Double? = nil) {
        self.p95 = p95
        self.p95TimeToFirstToken = p95TimeToFirstToken
        self.p95InterTokenLatency = p95InterTokenLatency
    }
}

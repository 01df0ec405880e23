public import Foundation

/// What `infracost sweep` asks: the workload's shape and tiers, the volumes, how columns are chosen, and whether the
/// answer includes a chart.
public struct SweepRequest: Equatable, Sendable {
    /// The workload's shape (its volume is not used) and the tiers compared.
    public var comparison: ComparisonRequest
    /// The first and last volume, tokens per month: `from` below `to`, both above zero.
    public var from: Decimal
    public var to: Decimal
    /// How many volumes, `from` and `to` included: 2 to `Sweep.maximumSteps`.
    public var steps: Int
    /// Evenly spaced volumes instead of log-spaced ones.
    public var linear: Bool
    /// Whether each column is an offer or a tier's best offer.
    public var columns: Columns
    /// Whether to build the chart of cost against volume over the range.
    public var wantsChart: Bool

    /// How a sweep's columns are chosen.
    public enum Columns: Equatable, Sendable {
        /// One column per offer.
        case perOffer
        /// One column per tier: its cheapest offer at each volume.
        case perTier
        /// Per offer when there are at most this many offers, else per tier (what fits a table's width).
        case perOfferUpTo(Int)
    }

    /// A request to price `comparison`'s offers at `steps` volumes from `from` to `to`.
    /// - Precondition: none checked here; `run(catalog:progress:)` rejects a bad range or step count.
    public init(
        comparison: ComparisonRequest, from: Decimal, to: Decimal, steps: Int = 50, linear: Bool = false,
        columns: Columns = .perOffer, wantsChart: Bool = false
    ) {
        self.comparison = comparison
        self.from = from
        self.to = to
        self.steps = steps
        self.linear = linear
        self.columns = columns
        self.wantsChart = wantsChart
    }

    /// The answer: the sweep and, when asked, the chart of the same offers over the same range.
    public struct Answer: Sendable {
        public var sweep: Sweep
        /// Cost against volume with the exact break-even regions and crossovers; nil unless `wantsChart`.
        public var chart: ChartData?
        /// Whether the columns are tiers because the offers were more than `Columns.perOfferUpTo` allows.
        public var narrowedToTiers: Bool
    }

    /// Prices every option at every volume (reporting the fraction done to `progress`), and charts the range when
    /// asked.
    /// - Throws: `InfracostError.invalidUsage` for a bad range; `InfracostError.invalidQuantity` for a step count
    ///   outside 2 to `Sweep.maximumSteps`; `InfracostError.invalidInput` for an invalid workload.
    public func run(catalog: PriceCatalog, progress: WorkProgress? = nil) throws(InfracostError) -> Answer {
        var perTier = columns == .perTier
        if case .perOfferUpTo(let limit) = columns {
            // A two-volume probe counts the offers priced.
            let probe = try Sweep.make(comparison, catalog: catalog, from: from, to: to, steps: 2, linear: linear)
            perTier = probe.columns.count > limit
        }
        let sweep = try Sweep.make(
            comparison, catalog: catalog, from: from, to: to, steps: steps, linear: linear, perTier: perTier, progress: progress)
        var chart: ChartData?
        if wantsChart {
            let breakEven = try BreakEven.solve(comparison, catalog: catalog, low: from, high: to)
            chart = try ChartData.chart(of: breakEven, comparison: comparison, catalog: catalog, onlyIDs: nil)
        }
        return Answer(sweep: sweep, chart: chart, narrowedToTiers: perTier && columns != .perTier)
    }
}

extension Sweep {
    /// The offers the sweep shows: per offer, its columns; per tier, every offer that was a tier's best somewhere,
    /// sorted.
    public var offerIDsShown: [String] {
        perTier ? Array(Set(rows.flatMap { $0.offerIDs.compactMap { $0 } })).sorted() : columns.map(\.name)
    }
}

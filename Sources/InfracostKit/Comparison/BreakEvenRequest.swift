public import Foundation

/// What `infracost breakeven` asks: the workload's shape and tiers, the volume range, optionally the two offers to
/// compare, and whether the answer includes a chart.
public struct BreakEvenRequest: Equatable, Sendable {
    /// The workload's shape (its volume is not used) and the tiers compared.
    public var comparison: ComparisonRequest
    /// The volume range searched, tokens per month: `low` below `high`, both above zero.
    public var low: Decimal
    public var high: Decimal
    /// Only these offers (two, for `between`); nil compares every offer of the tiers.
    public var onlyIDs: [String]?
    /// Whether to build the chart of cost against volume over the range.
    public var wantsChart: Bool

    /// A request to solve `comparison`'s offers (or only `onlyIDs`) from `low` to `high` tokens a month, with the
    /// chart when `wantsChart`.
    /// - Precondition: none checked here; `solve(catalog:)` rejects an empty or inverted range and unknown ids.
    public init(
        comparison: ComparisonRequest, low: Decimal = BreakEven.defaultLow, high: Decimal = BreakEven.defaultHigh,
        onlyIDs: [String]? = nil, wantsChart: Bool = false
    ) {
        self.comparison = comparison
        self.low = low
        self.high = high
        self.onlyIDs = onlyIDs
        self.wantsChart = wantsChart
    }

    /// The answer: the break-even result and, when asked, the chart drawn from that same result.
    public struct Answer: Sendable {
        public var breakEven: BreakEven
        /// Cost against volume with the result's regions and crossovers; nil unless `wantsChart`.
        public var chart: ChartData?
    }

    /// Solves for every change of cheapest option over the range, once, and charts that result when asked.
    /// - Throws: `InfracostError.invalidUsage` for an empty or inverted range, unknown ids or an offer of `onlyIDs`
    ///   that cannot be priced; `InfracostError.invalidInput` for an invalid workload.
    public func solve(catalog: PriceCatalog) throws(InfracostError) -> Answer {
        let breakEven = try BreakEven.solve(comparison, catalog: catalog, low: low, high: high, onlyIDs: onlyIDs)
        guard wantsChart else { return Answer(breakEven: breakEven, chart: nil) }
        return Answer(breakEven: breakEven, chart: try ChartData.chart(
            of: breakEven, comparison: comparison, catalog: catalog, onlyIDs: onlyIDs))
    }
}

extension ChartData {
    /// The number of volumes a chart's lines are drawn through, log-spaced over its range.
    public static let points = 200

    /// The chart of `breakEven`: its offers priced at `points` volumes over its range (one series per offer, per
    /// tier when there are more than 8), with its regions and crossovers. The break-even result is not re-solved.
    static func chart(
        of breakEven: BreakEven, comparison: ComparisonRequest, catalog: PriceCatalog, onlyIDs: [String]?
    ) throws(InfracostError) -> ChartData {
        let sweep = try Sweep.make(
            comparison, catalog: catalog, from: breakEven.low, to: breakEven.high, steps: points,
            perTier: breakEven.optionIDs.count > 8, onlyIDs: onlyIDs)
        let oldest = breakEven.optionIDs.compactMap { catalog.offer(id: $0)?.provenance.verifiedOn }.min()
        return make(sweep: sweep, breakEven: breakEven, oldestPriceDate: oldest)
    }
}

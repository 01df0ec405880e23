public import Foundation

/// What a cost-versus-volume chart shows, built from a sweep and the break-even result over the same range.
///
/// Both the SVG and the terminal chart draw this value; neither computes a cost. Coordinates are `Double`
/// because they are positions on a picture, not money.
public struct ChartData: Equatable, Sendable {
    public var title: String
    /// The assumptions, in one line: model size, input share, month length, price date.
    public var subtitle: String
    public var series: [Series]
    /// Who is cheapest over each stretch of volume (from the break-even result).
    public var regions: [Region]
    /// Where the cheapest option changes (from the break-even result).
    public var markers: [Marker]
    /// The volume range, tokens per month.
    public var low: Double
    public var high: Double

    /// One line of the chart: an offer (or the best offer of a tier) and its cost at each volume.
    public struct Series: Equatable, Sendable {
        public var name: String
        /// (tokens per month, monthly cost) pairs in volume order; unpriced points left out.
        public var points: [Point]
    }

    /// One point of a line: a volume (tokens a month) and the cost's height.
    public struct Point: Equatable, Sendable {
        public var volume: Double
        /// The monthly cost as a plotted height: a position on the picture derived from exact cents, never
        /// added or shown as an amount.
        public var plotted: Double
    }

    /// A stretch of volume (tokens a month, `from` to `to`) where `label` is cheapest.
    public struct Region: Equatable, Sendable {
        public var from: Double
        public var to: Double
        public var label: String
    }

    /// A crossover: the volume where the cheapest option changes, its cost there, and its label.
    public struct Marker: Equatable, Sendable {
        /// The exact crossover volume, kept for labels and tests.
        public var volume: Decimal
        public var cost: Decimal
        public var label: String
    }

    /// Builds the chart of `sweep` with `breakEven`'s regions and crossovers.
    public static func make(sweep: Sweep, breakEven: BreakEven, oldestPriceDate: Day?) -> ChartData {
        let w = sweep.workload
        var subtitle = "\(Numbers.exact(w.modelParamsB))B model, \(Money.plain(w.inputShare * 100, scale: 0))% input tokens,"
        subtitle += " \(Numbers.exact(w.hoursPerMonth)) h month, dedicated sized at \(Money.plain(w.targetUtilization * 100, scale: 0))% utilization"
        if let oldestPriceDate { subtitle += ", prices verified \(oldestPriceDate) or later" }
        // Heights from the exact cost curves where known (cent-rounded totals make a small per-token line jagged),
        // else from the sweep's cents.
        let series = sweep.columns.indices.map { column in
            // Per tier, a series is the best offer of its tier at each volume: its label names those offers, since
            // the offers are what a reader compares ("dedicated: runpod/h100-sxm-reserved-1y, then lambda/gh200").
            var name = sweep.columns[column].name
            if sweep.perTier {
                var offers: [String] = []
                for row in sweep.rows { if let id = row.offerIDs[column], offers.last != id, !offers.contains(id) { offers.append(id) } }
                if let first = offers.first {
                    name += ": " + first + (offers.count > 1 ? ", then \(offers[1])" + (offers.count > 2 ? " (+\(offers.count - 2) more)" : "") : "")
                }
            }
            return Series(name: name, points: sweep.rows.compactMap { row in
                row.cents[column].map { cents in
                    let exact = row.offerIDs[column].flatMap { breakEven.curves[$0] }.map { double($0.value(at: row.volume)) }
                    return Point(volume: double(row.volume), plotted: exact ?? Double(cents) / 100)
                }
            })
        }
        let regions = breakEven.regions.map { region in
            Region(from: double(region.from), to: double(region.to), label: sweep.perTier ? region.tier.rawValue : region.id)
        }
        let markers = breakEven.crossovers.map { c in
            Marker(volume: c.volume, cost: c.toCost,
                   label: "\(TokenCount.abbreviated(c.firstWholeToken)): \(sweep.perTier ? c.toTier.rawValue : c.toID)")
        }
        return ChartData(
            title: "Monthly cost by volume (\(sweep.perTier ? "best offer per tier" : "per offer"))", subtitle: subtitle,
            series: series, regions: regions, markers: markers,
            low: double(breakEven.low), high: double(breakEven.high))
    }

    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// The cost range drawn: whole decades around every point.
    public var costRange: (low: Double, high: Double) {
        let costs = series.flatMap(\.points).map(\.plotted).filter { $0 > 0 }
        guard let minimum = costs.min(), let maximum = costs.max() else { return (1, 10) }
        let low = pow(10, (log10(minimum)).rounded(.down))
        var high = pow(10, (log10(maximum)).rounded(.up))
        if high <= low { high = low * 10 }
        return (low, high)
    }

    /// Short labels for powers of ten: 1M, 10M, 100M, 1B... for volumes; $1, $10, $1k... for costs.
    public static func volumeLabel(_ value: Double) -> String {
        TokenCount.abbreviated(Decimal(value.rounded()))
    }

    /// A short axis label for a cost of `value` (a power of ten in practice): $1, $10, $1k, $1M.
    public static func costLabel(_ value: Double) -> String {
        switch value {
        case 1_000_000...: return "$\(Int(value / 1_000_000))M"
        case 1_000...: return "$\(Int(value / 1_000))k"
        case 1...: return "$\(Int(value))"
        default: return "$\(value)"
        }
    }

    /// The powers of ten from `low` to `high` inclusive.
    public static func decades(_ low: Double, _ high: Double) -> [Double] {
        var values: [Double] = []
        var value = pow(10, log10(low).rounded(.up))
        while value <= high * 1.000001 {
            values.append(value)
            value *= 10
        }
        return values
    }
}

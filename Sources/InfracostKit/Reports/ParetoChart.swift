import Foundation

/// Draws `compare --pareto --chart FILE`: every simulated option as a point of monthly cost against p95 latency
/// (both log scales), the frontier joined by a line and its options named. It renders the comparison's own
/// figures (totals and simulated latencies) and its `pareto` list; it computes none. Totals stay `Decimal`: they
/// become a `Double` only as a coordinate, and the legend prints the `Decimal`.
public enum ParetoChart {
    static let width = SVGChart.width
    static let height = SVGChart.height
    static let left = 90.0
    static let right = 330.0
    static let top = 70.0
    static let bottom = 60.0

    struct Dot {
        var id: String
        var total: Decimal
        var p95: Double
        var onFrontier: Bool
    }

    static func dots(_ comparison: Comparison) -> [Dot] {
        let frontier = Set((comparison.pareto ?? []).map(\.offer.id))
        return comparison.options.compactMap { option in
            guard let total = option.total, total > 0, let latency = option.simulatedLatency, latency.p95.isFinite, latency.p95 > 0 else { return nil }
            return Dot(id: option.offer.id, total: total, p95: latency.p95, onFrontier: frontier.contains(option.offer.id))
        }
    }

    /// Decades spanning the values, widened to whole decades.
    static func range(_ values: [Double]) -> (low: Double, high: Double) {
        let low = pow(10, floor(log10(values.min() ?? 1)))
        var high = pow(10, ceil(log10(values.max() ?? 10)))
        if high <= low { high = low * 10 }
        return (low, high)
    }

    static func scale(_ value: Double, _ range: (low: Double, high: Double), from a: Double, to b: Double) -> Double {
        a + (b - a) * (log10(value) - log10(range.low)) / (log10(range.high) - log10(range.low))
    }

    static func seconds(_ value: Double) -> String {
        value >= 1 ? "\(Numbers.exactDouble((value * 10).rounded() / 10)) s" : "\(Int((value * 1000).rounded())) ms"
    }

    /// An SVG of `comparison`'s options, monthly cost against simulated p95 latency, the Pareto front joined.
    public static func render(_ comparison: Comparison) -> String {
        let dots = dots(comparison)
        let f = SVGChart.f
        let escape = SVGChart.escape
        let plotRight = width - right
        let plotBottom = height - bottom
        let title = "Monthly cost against p95 latency: \(comparison.pareto?.count ?? 0) options on the frontier"
        let subtitle = "\(TokenCount.abbreviated(comparison.workload.totalTokens)) tokens/month; serverless-gpu options priced by simulating the traffic (others have no latency)"
        var svg = SVGChart.opening(title: title, subtitle: subtitle, left: left)
        guard !dots.isEmpty else {
            svg += "<text x=\"\(f(left))\" y=\"\(f(top + 40))\">No option has a simulated latency: only serverless-gpu options priced by \(Setting.traffic) or \(Setting.trace) do.</text>\n</svg>\n"
            return svg
        }
        let costs = range(dots.map { ChartData.double($0.total) })
        // The p95 target, when one was given, is drawn across the plot (the range widened to hold it).
        let target = comparison.latencyTargets.p95Seconds.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        let latencies = range(dots.map(\.p95) + (target.map { [$0] } ?? []))
        func x(plotted: Double) -> Double { scale(plotted, costs, from: left, to: plotRight) }
        func x(_ dot: Dot) -> Double { x(plotted: ChartData.double(dot.total)) }
        func y(_ p95: Double) -> Double { scale(p95, latencies, from: plotBottom, to: top) }
        svg += "<g class=\"axes\" stroke=\"#888888\" stroke-width=\"1\">\n"
        for tick in ChartData.decades(costs.low, costs.high) {
            svg += "<line x1=\"\(f(x(plotted: tick)))\" y1=\"\(f(top))\" x2=\"\(f(x(plotted: tick)))\" y2=\"\(f(plotBottom))\" stroke=\"#dddddd\"/>\n"
            svg += "<text x=\"\(f(x(plotted: tick)))\" y=\"\(f(plotBottom + 18))\" text-anchor=\"middle\" stroke=\"none\" fill=\"#222222\">\(ChartData.costLabel(tick).replacingOccurrences(of: "$", with: Money.symbol(for: comparison.currency)))</text>\n"
        }
        for tick in ChartData.decades(latencies.low, latencies.high) {
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(plotRight))\" y2=\"\(f(y(tick)))\" stroke=\"#dddddd\"/>\n"
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\" stroke=\"none\" fill=\"#222222\">\(seconds(tick))</text>\n"
        }
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(plotBottom))\" x2=\"\(f(plotRight))\" y2=\"\(f(plotBottom))\"/>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(plotBottom))\"/>\n"
        svg += "<text x=\"\(f((left + plotRight) / 2))\" y=\"\(f(height - 18))\" text-anchor=\"middle\" stroke=\"none\" fill=\"#222222\">monthly cost, \(escape(comparison.currency)) (log scale)</text>\n"
        svg += "<text x=\"22\" y=\"\(f((top + plotBottom) / 2))\" text-anchor=\"middle\" stroke=\"none\" fill=\"#222222\" transform=\"rotate(-90 22 \(f((top + plotBottom) / 2)))\">p95 end-to-end latency (log scale)</text>\n"
        svg += "</g>\n"
        if let target {
            svg += "<g class=\"target\">\n<line x1=\"\(f(left))\" y1=\"\(f(y(target)))\" x2=\"\(f(plotRight))\" y2=\"\(f(y(target)))\" stroke=\"#b3261e\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
            svg += "<text x=\"\(f(plotRight - 4))\" y=\"\(f(y(target) - 6))\" text-anchor=\"end\" font-size=\"11\" fill=\"#b3261e\">p95 target \(seconds(target)) (\(Setting.p95Latency))</text>\n</g>\n"
        }
        // The frontier, cheapest first: a staircase (no option between two frontier points is both cheaper and faster).
        let frontier = dots.filter(\.onFrontier).sorted { $0.total < $1.total }
        if frontier.count > 1 {
            var d = "M\(f(x(frontier[0]))),\(f(y(frontier[0].p95)))"
            for dot in frontier.dropFirst() { d += " H\(f(x(dot))) V\(f(y(dot.p95)))" }
            svg += "<path class=\"frontier\" d=\"\(d)\" fill=\"none\" stroke=\"#0b5ea8\" stroke-width=\"2\"/>\n"
        }
        svg += "<g class=\"options\">\n"
        for dot in dots where !dot.onFrontier {
            svg += "<circle class=\"dominated\" data-id=\"\(escape(dot.id))\" cx=\"\(f(x(dot)))\" cy=\"\(f(y(dot.p95)))\" r=\"4\" fill=\"#ffffff\" stroke=\"#888888\" stroke-width=\"1.5\"/>\n"
        }
        for (index, dot) in frontier.enumerated() {
            svg += "<circle class=\"frontier-option\" data-id=\"\(escape(dot.id))\" cx=\"\(f(x(dot)))\" cy=\"\(f(y(dot.p95)))\" r=\"5\" fill=\"#0b5ea8\" stroke=\"#0b5ea8\"/>\n"
            svg += "<text x=\"\(f(x(dot) + 7))\" y=\"\(f(y(dot.p95) - 7))\" font-size=\"11\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(index + 1)</text>\n"
        }
        svg += "</g>\n<g class=\"legend\">\n"
        svg += "<text x=\"\(f(plotRight + 16))\" y=\"\(f(top + 4))\" font-size=\"11\" font-weight=\"bold\">On the frontier (cheapest first)</text>\n"
        for (index, dot) in frontier.prefix(20).enumerated() {
            let line = "\(index + 1). \(TextSafety.excerpt(dot.id, limit: 28)): \(Money.formatted(dot.total, currency: comparison.currency))/month, p95 \(seconds(dot.p95))"
            svg += "<text x=\"\(f(plotRight + 16))\" y=\"\(f(top + 22 + Double(index) * 15))\" font-size=\"11\">\(escape(line))</text>\n"
        }
        if frontier.count > 20 {
            svg += "<text x=\"\(f(plotRight + 16))\" y=\"\(f(top + 22 + 20 * 15))\" font-size=\"11\">and \(frontier.count - 20) more (the JSON report lists them)</text>\n"
        }
        let dominated = dots.count - frontier.count
        let below = top + 22 + Double(min(frontier.count, 21)) * 15 + 10
        svg += "<circle cx=\"\(f(plotRight + 20))\" cy=\"\(f(below - 4))\" r=\"4\" fill=\"#ffffff\" stroke=\"#888888\" stroke-width=\"1.5\"/>\n"
        svg += "<text x=\"\(f(plotRight + 30))\" y=\"\(f(below))\" font-size=\"11\">\(dominated) dominated option\(dominated == 1 ? "" : "s") (another is cheaper and faster)</text>\n"
        svg += "</g>\n</svg>\n"
        return svg
    }
}

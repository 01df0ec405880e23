import Foundation

/// Draws `ChartData` as a self-contained SVG: log-log axes, one dashed style per series (readable in black and
/// white), cheapest regions shaded, crossovers marked and labelled, a legend and the assumptions in the title.
public enum SVGChart {
    static let width = 1060.0
    static let height = 560.0
    static let left = 80.0
    static let right = 320.0
    static let top = 70.0
    static let bottom = 60.0
    static let dashes = ["none", "10 5", "3 4", "12 4 3 4", "6 6", "1 3", "16 6", "8 3 2 3 2 3"]
    static let inks = ["#1b1b1b", "#0b5ea8", "#b8430b", "#2b7a2b", "#6a3d9a", "#8c6d1f", "#c2185b", "#455a64"]
    static let shades = ["#000000", "#0b5ea8", "#b8430b", "#2b7a2b"]

    /// The x position of `volume` (tokens per month) on the chart.
    public static func x(_ volume: Double, _ chart: ChartData) -> Double {
        let plot = width - left - right
        return left + plot * (log10(volume) - log10(chart.low)) / (log10(chart.high) - log10(chart.low))
    }

    /// The y position of a plotted cost on the chart.
    public static func y(_ plotted: Double, _ chart: ChartData) -> Double {
        let (low, high) = chart.costRange
        let plot = height - top - bottom
        let clamped = min(max(plotted, low), high)
        return top + plot * (1 - (log10(clamped) - log10(low)) / (log10(high) - log10(low)))
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The start of a chart's SVG on the shared canvas: white page, title and subtitle at `left`.
    static func opening(title: String, subtitle: String, left: Double) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
        <title>\(escape(title))</title>
        <rect x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="#ffffff"/>
        <text x="\(f(left))" y="26" font-size="16" font-weight="bold">\(escape(title))</text>
        <text x="\(f(left))" y="46" fill="#444444">\(escape(subtitle))</text>

        """
    }

    /// `chart` as a standalone SVG document (log-log axes), its text escaped for XML.
    public static func render(_ chart: ChartData) -> String {
        let plotBottom = height - bottom
        let plotRight = width - right
        var svg = opening(title: chart.title, subtitle: chart.subtitle, left: left)
        svg += "<g class=\"regions\">\n"
        var tierShade: [String: Int] = [:]
        for region in chart.regions {
            let x0 = x(max(region.from, chart.low), chart)
            let x1 = x(min(region.to, chart.high), chart)
            let shade = tierShade[region.label] ?? { tierShade[region.label] = tierShade.count; return tierShade.count - 1 }()
            svg += "<rect class=\"cheapest-region\" data-label=\"\(escape(region.label))\" x=\"\(f(x0))\" y=\"\(f(top))\" width=\"\(f(max(1.5, x1 - x0)))\" height=\"\(f(plotBottom - top))\" fill=\"\(shades[shade % shades.count])\" fill-opacity=\"\(shade % 2 == 0 ? "0.05" : "0.11")\"/>\n"
            // The label only where the region holds it (about 6.5 px a character at 11 px): a narrow last region's
            // label would run into the legend.
            let label = "cheapest: \(region.label)"
            if x1 - x0 >= Double(label.count) * 6.5 + 8 {
                // A white halo keeps grid lines from cutting through the label.
                svg += "<text x=\"\(f(x0 + 4))\" y=\"\(f(top + 14))\" fill=\"#555555\" font-size=\"11\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(escape(label))</text>\n"
            }
        }
        svg += "</g>\n<g class=\"axes\" stroke=\"#888888\" stroke-width=\"1\">\n"
        for tick in ChartData.decades(chart.low, chart.high) {
            let px = x(tick, chart)
            svg += "<line x1=\"\(f(px))\" y1=\"\(f(top))\" x2=\"\(f(px))\" y2=\"\(f(plotBottom))\" stroke=\"#dddddd\"/>\n"
            svg += "<text x=\"\(f(px))\" y=\"\(f(plotBottom + 18))\" text-anchor=\"middle\" stroke=\"none\" fill=\"#222222\">\(ChartData.volumeLabel(tick))</text>\n"
        }
        let (costLow, costHigh) = chart.costRange
        for tick in ChartData.decades(costLow, costHigh) {
            let py = y(tick, chart)
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(py))\" x2=\"\(f(plotRight))\" y2=\"\(f(py))\" stroke=\"#dddddd\"/>\n"
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(py + 4))\" text-anchor=\"end\" stroke=\"none\" fill=\"#222222\">\(ChartData.costLabel(tick))</text>\n"
        }
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(plotBottom))\" x2=\"\(f(plotRight))\" y2=\"\(f(plotBottom))\"/>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(plotBottom))\"/>\n"
        svg += "<text x=\"\(f((left + plotRight) / 2))\" y=\"\(f(height - 18))\" text-anchor=\"middle\" stroke=\"none\" fill=\"#222222\">tokens per month (log scale)</text>\n"
        svg += "<text x=\"18\" y=\"\(f((top + plotBottom) / 2))\" text-anchor=\"middle\" stroke=\"none\" fill=\"#222222\" transform=\"rotate(-90 18 \(f((top + plotBottom) / 2)))\">monthly cost, USD (log scale)</text>\n"
        svg += "</g>\n<g class=\"series\" fill=\"none\" stroke-width=\"2\">\n"
        for (index, series) in chart.series.enumerated() where !series.points.isEmpty {
            let d = series.points.enumerated().map { i, p in "\(i == 0 ? "M" : "L")\(f(x(p.volume, chart))),\(f(y(p.plotted, chart)))" }.joined(separator: " ")
            let dash = dashes[index % dashes.count]
            svg += "<path class=\"series\" data-name=\"\(escape(series.name))\" d=\"\(d)\" stroke=\"\(inks[index % inks.count])\"\(dash == "none" ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
        }
        svg += "</g>\n<g class=\"crossovers\">\n"
        // Numbers of nearby crossovers go on different rows, so 21.7B and 23.5B do not print over each other.
        var rowEnds: [Double] = []
        for (index, marker) in chart.markers.enumerated() {
            let px = x(ChartData.double(marker.volume), chart)
            let labelWidth = Double(String(index + 1).count) * 7 + 4
            let row = rowEnds.firstIndex { $0 < px } ?? rowEnds.count
            if row == rowEnds.count { rowEnds.append(0) }
            rowEnds[row] = px + 3 + labelWidth
            let py = y(ChartData.double(marker.cost), chart)
            svg += "<line class=\"crossover\" data-volume=\"\(Numbers.exact(marker.volume))\" x1=\"\(f(px))\" y1=\"\(f(top))\" x2=\"\(f(px))\" y2=\"\(f(plotBottom))\" stroke=\"#000000\" stroke-width=\"1\" stroke-dasharray=\"2 2\"/>\n"
            svg += "<circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"4\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1.5\"/>\n"
            svg += "<text x=\"\(f(px + 3))\" y=\"\(f(top + 28 + Double(row % 8) * 12))\" font-size=\"10\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(index + 1)</text>\n"
        }
        svg += "</g>\n<g class=\"legend\">\n"
        // A per-tier label ("dedicated: A, then B (+1 more)") goes on one line per part, so it stays inside the picture.
        var ly = top + 10
        for (index, series) in chart.series.enumerated() {
            let dash = dashes[index % dashes.count]
            svg += "<line x1=\"\(f(plotRight + 16))\" y1=\"\(f(ly))\" x2=\"\(f(plotRight + 52))\" y2=\"\(f(ly))\" stroke=\"\(inks[index % inks.count])\" stroke-width=\"2\"\(dash == "none" ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            let parts = series.name.split(separator: ": ", maxSplits: 1).map(String.init)
            var lines = [parts[0]]
            if parts.count > 1 { lines += parts[1].split(separator: ", ").map { "  " + $0 } }
            for (offset, line) in lines.enumerated() {
                svg += "<text x=\"\(f(plotRight + 58))\" y=\"\(f(ly + 4 + Double(offset) * 13))\" font-size=\"11\"\(offset > 0 ? " fill=\"#444444\"" : "")>\(escape(line))</text>\n"
            }
            ly += 20 + Double(lines.count - 1) * 13
        }
        if !chart.markers.isEmpty {
            let listTop = ly + 10
            svg += "<text x=\"\(f(plotRight + 16))\" y=\"\(f(listTop))\" font-size=\"11\" font-weight=\"bold\">Crossovers</text>\n"
            for (index, marker) in chart.markers.prefix(20).enumerated() {
                svg += "<text x=\"\(f(plotRight + 16))\" y=\"\(f(listTop + 16 + Double(index) * 15))\" font-size=\"11\">\(index + 1). from \(escape(marker.label))</text>\n"
            }
            if chart.markers.count > 20 {
                svg += "<text x=\"\(f(plotRight + 16))\" y=\"\(f(listTop + 16 + 20 * 15))\" font-size=\"11\">and \(chart.markers.count - 20) more</text>\n"
            }
        }
        svg += "</g>\n</svg>\n"
        return svg
    }
}

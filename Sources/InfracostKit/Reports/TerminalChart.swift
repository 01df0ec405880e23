import Foundation

/// Draws `ChartData` with plain characters in at most 80 columns: log-log axes, one mark per series,
/// crossovers marked under the x axis.
public enum TerminalChart {
    static let marks: [Character] = ["*", "o", "+", "x", "#", "@", "%", "&", "=", "~"]
    static let plotWidth = 62
    static let plotHeight = 16

    /// `chart` as plain text for a terminal (62 x 16 plot cells plus axes and legend), no escape sequences.
    public static func render(_ chart: ChartData) -> String {
        let (costLow, costHigh) = chart.costRange
        var grid = Array(repeating: Array(repeating: Character(" "), count: plotWidth), count: plotHeight)
        func column(_ volume: Double) -> Int {
            let position = (log10(volume) - log10(chart.low)) / (log10(chart.high) - log10(chart.low))
            return min(plotWidth - 1, max(0, Int((position * Double(plotWidth - 1)).rounded())))
        }
        func row(_ plotted: Double) -> Int {
            let clamped = min(max(plotted, costLow), costHigh)
            let position = (log10(clamped) - log10(costLow)) / (log10(costHigh) - log10(costLow))
            return plotHeight - 1 - min(plotHeight - 1, max(0, Int((position * Double(plotHeight - 1)).rounded())))
        }
        // A cell two series fall on shows ':' (both are there), so no line silently vanishes under another.
        var owner = Array(repeating: Array(repeating: -1, count: plotWidth), count: plotHeight)
        for (index, series) in chart.series.enumerated() {
            for point in series.points {
                let (r, c) = (row(point.plotted), column(point.volume))
                if owner[r][c] == -1 || owner[r][c] == index {
                    owner[r][c] = index
                    grid[r][c] = marks[index % marks.count]
                } else {
                    grid[r][c] = ":"
                }
            }
        }
        var output = chart.title + "\n" + TextWrap.hanging(chart.subtitle, continuation: 0) + "\n\n"
        let decades = Set(ChartData.decades(costLow, costHigh).map(row))
        for (index, line) in grid.enumerated() {
            var label = ""
            if decades.contains(index) {
                let value = ChartData.decades(costLow, costHigh).first { row($0) == index } ?? 0
                label = ChartData.costLabel(value)
            }
            output += label.leftPadded(to: 8) + " |" + String(line).trimmingTrailingSpaces() + "\n"
        }
        output += String(repeating: " ", count: 9) + "+" + String(repeating: "-", count: plotWidth) + "\n"
        var ticks = Array(repeating: Character(" "), count: plotWidth + 8)
        for tick in ChartData.decades(chart.low, chart.high) {
            let label = Array(ChartData.volumeLabel(tick))
            let start = min(max(0, column(tick) - label.count / 2), ticks.count - label.count)
            for (offset, character) in label.enumerated() { ticks[start + offset] = character }
        }
        output += String(repeating: " ", count: 10) + String(ticks).trimmingTrailingSpaces() + "\n"
        if !chart.markers.isEmpty {
            // Each crossover numbered under the axis (1-9, then letters), listed below with its volume and winner.
            let names = Array("123456789abcdefghijklmnopqrstuvwxyz")
            var line = Array(repeating: Character(" "), count: plotWidth)
            for (index, marker) in chart.markers.enumerated() {
                let c = column(ChartData.double(marker.volume))
                line[c] = line[c] == " " ? (index < names.count ? names[index] : "^") : "^"
            }
            output += String(repeating: " ", count: 10) + String(line).trimmingTrailingSpaces() + "  crossovers\n"
        }
        output += "\n"
        for (index, series) in chart.series.enumerated() { output += "  \(marks[index % marks.count]) \(series.name)\n" }
        if chart.series.count > 1 { output += "  : two or more series on one spot\n" }
        if !chart.markers.isEmpty {
            output += "\nCrossovers (^ where two fall in one column):\n"
            let names = Array("123456789abcdefghijklmnopqrstuvwxyz")
            for (index, marker) in chart.markers.enumerated() { output += "  \(index < names.count ? names[index] : "^") from \(marker.label)\n" }
        }
        return output
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

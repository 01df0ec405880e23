import ArgumentParser
import InfracostKit

/// Report formats of the commands that can also draw a chart in the terminal.
enum ChartableFormat: String, CaseIterable, ExpressibleByArgument {
    case table, json, csv, markdown, chart

    /// The plain report format, or nil for the terminal chart.
    var report: OutputFormat? { OutputFormat(rawValue: rawValue) }
}

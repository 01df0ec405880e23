import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct BreakEven: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "breakeven",
            abstract: "Find every monthly volume where the cheapest option changes, solved exactly.",
            discussion: """
                Per-token costs are lines, dedicated costs steps of the instance count, per-second GPU costs lines \
                with a fixed keep-warm part; every crossing between them is computed, not sampled.

                Examples:
                  infracost breakeven
                  infracost breakeven --tier serverless --tier dedicated --chart cost.svg
                  infracost breakeven --between together/llama-3.1-70b crusoe/h200 --explain
                """
        )

        @OptionGroup var range: RangeOptions
        @OptionGroup var shape: WorkloadShapeOptions
        @OptionGroup var pricing: PricingOptions

        @OptionGroup var tiers: TierOptions

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Compare just these two offers: where do they cost the same?", valueName: "id"))
        var between: [String] = []

        @Option(help: ArgumentHelp("Also draw cost against volume as an SVG file.", valueName: "file.svg"))
        var chart: String?

        @Option(help: "Report format (chart draws in the terminal).")
        var format: ChartableFormat = .table

        @Flag(help: "Show how each crossover is found: both cost lines, the equation solved, or the step (table format).")
        var explain = false

        @Option(help: ArgumentHelp("Write the report to this file instead of stdout (atomically).", valueName: "file"))
        var out: String?

        func validate() throws {
            if !between.isEmpty, between.count != 2 { throw ValidationError("--between takes exactly two offer ids") }
            try OutputOptions.checkDistinct(chart: chart, out: out)
        }

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let (low, high) = try range.range(defaultLow: InfracostKit.BreakEven.defaultLow, defaultHigh: InfracostKit.BreakEven.defaultHigh)
                let only = between.isEmpty ? nil : between
                let request = BreakEvenRequest(
                    comparison: ComparisonRequest(workload: try shape.settings.shapeOnly(), tiers: tiers.servingByDefault),
                    low: low, high: high, onlyIDs: only, wantsChart: chart != nil || format == .chart)
                let catalog = try pricing.catalog()
                let answer = try request.solve(catalog: catalog)
                let (result, chartData) = (answer.breakEven, answer.chart)
                if let path = chart, let chartData { try Diagnostics.emit(SVGChart.render(chartData), to: path) }
                let report: String
                if let format = format.report {
                    report = only != nil && format == .table
                        ? BreakEvenRenderer.between(result, between[0], between[1]) + (explain ? BreakEvenRenderer.explanation(result) : "")
                        : BreakEvenRenderer.render(result, format: format, explain: explain)
                } else {
                    report = chartData.map(TerminalChart.render) ?? ""
                }
                try Diagnostics.emit(report, to: out)
                if only == nil { for note in tiers.apiNote { Diagnostics.printError("note: \(note)") } }
                pricing.warnStale(ids: result.optionIDs, catalog: catalog)
            }
        }
    }
}

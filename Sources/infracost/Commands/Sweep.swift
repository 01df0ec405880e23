import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sweep",
            abstract: "Price every option at many monthly volumes, one row per volume.",
            discussion: """
                Examples:
                  infracost sweep --from 10M --to 20B --steps 50
                  infracost sweep --per-tier --format csv --out sweep.csv
                  infracost sweep --from 1M --to 10B --chart sweep.svg
                """
        )

        @OptionGroup var range: RangeOptions

        @Option(help: "How many volumes, from --from to --to inclusive.")
        var steps: Int = 50

        @Flag(help: "Space the volumes evenly instead of logarithmically.")
        var linear = false

        @Flag(help: "One column per tier (its cheapest offer at each volume) instead of one per offer.")
        var perTier = false

        @OptionGroup var shape: WorkloadShapeOptions
        @OptionGroup var pricing: PricingOptions

        @OptionGroup var tiers: TierOptions

        @Option(help: ArgumentHelp("Also draw cost against volume as an SVG file.", valueName: "file.svg"))
        var chart: String?

        @Option(help: "Report format (chart draws in the terminal). A table with more offers than fit 80 columns shows the best per tier.")
        var format: ChartableFormat = .table

        @Option(help: ArgumentHelp("Write the report to this file instead of stdout (atomically; - is stdout).", valueName: "file"))
        var out: String?

        func validate() throws {
            try OutputOptions.checkDistinct(chart: chart, out: out)
        }

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let (low, high) = try range.range(defaultLow: InfracostKit.Sweep.defaultLow, defaultHigh: InfracostKit.Sweep.defaultHigh)
                // A table of more offers than fit 80 columns shows the best per tier.
                let request = SweepRequest(
                    comparison: ComparisonRequest(workload: try shape.settings.shapeOnly(), tiers: tiers.servingByDefault),
                    from: low, to: high, steps: steps, linear: linear,
                    columns: perTier ? .perTier : format == .table ? .perOfferUpTo(4) : .perOffer,
                    wantsChart: chart != nil || format == .chart)
                let catalog = try pricing.catalog()
                let answer = try request.run(catalog: catalog, progress: ProgressLine.progress("sweeping"))
                ProgressLine.finish()
                let (sweep, chartData) = (answer.sweep, answer.chart)
                if answer.narrowedToTiers {
                    Diagnostics.printError("note: \(sweep.columns.count) tiers shown (best offer of each); --format csv or json lists every offer")
                }
                if let path = chart, let chartData { try Diagnostics.emit(SVGChart.render(chartData), to: path) }
                let report = format.report.map { SweepRenderer.render(sweep, format: $0) } ?? chartData.map(TerminalChart.render) ?? ""
                try Diagnostics.emit(report, to: out)
                for note in tiers.apiNote { Diagnostics.printError("note: \(note)") }
                pricing.warnStale(ids: sweep.offerIDsShown, catalog: catalog)
            }
        }
    }
}

import ArgumentParser
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
                let request = ComparisonRequest(workload: try shape.shapeOnly(), tiers: tiers.servingByDefault)
                let catalog = try pricing.catalog()
                let only = between.isEmpty ? nil : between
                let result = try InfracostKit.BreakEven.solve(request, catalog: catalog, low: low, high: high, onlyIDs: only)
                let needsChart = chart != nil || format == .chart
                let chartData = needsChart ? try ChartData.build(request, catalog: catalog, low: low, high: high, onlyIDs: only) : nil
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
                try pricing.warnStale(ids: result.optionIDs, catalog: catalog)
            }
        }
    }

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
                let (low, high) = try range.range(defaultLow: 10_000_000, defaultHigh: 20_000_000_000)
                let request = ComparisonRequest(workload: try shape.shapeOnly(), tiers: tiers.servingByDefault)
                let catalog = try pricing.catalog()
                // A table of more offers than fit 80 columns shows the best per tier; a two-volume probe tells.
                var byTier = perTier
                if format == .table, !perTier {
                    let probe = try InfracostKit.Sweep.make(request, catalog: catalog, from: low, to: high, steps: 2, linear: linear)
                    byTier = probe.columns.count > 4
                }
                let sweep = try InfracostKit.Sweep.make(request, catalog: catalog, from: low, to: high, steps: steps, linear: linear, perTier: byTier,
                                                         progress: ProgressLine.progress("sweeping"))
                ProgressLine.finish()
                if byTier, !perTier {
                    Diagnostics.printError("note: \(sweep.columns.count) tiers shown (best offer of each); --format csv or json lists every offer")
                }
                let needsChart = chart != nil || format == .chart
                let chartData = needsChart ? try ChartData.build(request, catalog: catalog, low: low, high: high) : nil
                if let path = chart, let chartData { try Diagnostics.emit(SVGChart.render(chartData), to: path) }
                let report = format.report.map { SweepRenderer.render(sweep, format: $0) } ?? chartData.map(TerminalChart.render) ?? ""
                try Diagnostics.emit(report, to: out)
                for note in tiers.apiNote { Diagnostics.printError("note: \(note)") }
                // Per offer, the columns are the offers; per tier, the offers that were best somewhere.
                let used = sweep.perTier ? Array(Set(sweep.rows.flatMap { $0.offerIDs.compactMap { $0 } })).sorted() : sweep.columns.map(\.name)
                try pricing.warnStale(ids: used, catalog: catalog)
            }
        }
    }

    struct Utilization: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "utilization",
            abstract: "What capacity paid for all month costs per token at 10% to 100% utilization.",
            discussion: """
                A dedicated GPU (or a kept-warm replica) costs the same busy or idle: at 20% utilization it costs 5x \
                its full-utilization rate per token. Prints the utilization below which a per-token offer is cheaper.

                Examples:
                  infracost utilization --offer crusoe/h200
                  infracost utilization --offer lambda/a100-monthly --against together/llama-3.1-70b
                """
        )

        @Option(help: ArgumentHelp("The dedicated or serverless-gpu offer id.", valueName: "id"))
        var offer: String

        @Option(help: ArgumentHelp("The per-token offer to compare with. (default: the cheapest serverless offer for the model size)", valueName: "id"))
        var against: String?

        @OptionGroup var shape: WorkloadShapeOptions
        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let view = try UtilizationView.make(offerID: offer, againstID: against, workload: try shape.shapeOnly(), catalog: try pricing.catalog())
                try Diagnostics.emit(UtilizationRenderer.render(view, format: output.format), to: output.out)
            }
        }
    }
}

import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            // Named explicitly: the default derives the name with String(describing:), a costly runtime lookup.
            commandName: "compare",
            abstract: "Compare the monthly cost of a workload on every offer, cheapest first.",
            discussion: """
                Examples:
                  infracost compare --tokens 2B
                  infracost compare --tokens 500M --model-size 8B --tier serverless
                  infracost compare --tokens 3.2B --baseline together/llama-3.1-70b
                  infracost compare --tokens 2B --format csv --out cost.csv
                  infracost compare --tokens 2B --wide
                  infracost compare --traffic business-hours --rate 2/s --tier serverless-gpu
                  infracost compare --tokens 2B --mode batch --as-of 2025-01-01 --currency EUR
                """
        )

        @OptionGroup(title: "Workload") var workload: WorkloadOptions
        @OptionGroup(title: "Traffic (prices serverless-gpu options by simulation)") var traffic: TrafficOptions
        @OptionGroup var pricing: PricingOptions

        @OptionGroup var tiers: TierOptions

        @Option(help: ArgumentHelp("Show each option's saving against this offer id (amount and %).", valueName: "id"))
        var baseline: String?

        @Flag(help: "Show the arithmetic behind every line item, with each price's source and date (table format).")
        var explain = false

        @Option(help: ArgumentHelp("Report amounts in this currency (a dated rate from pricing-data/exchange-rates.json); not with --workload. (default: USD)", valueName: "code"))
        var currency: String?

        @Flag(help: "Table format: add columns for the throughput used, how each option was priced, and each price's date and source (wider than 80 columns).")
        var wide = false

        @Flag(help: "With --traffic or --trace: list the options on the frontier of monthly cost against simulated p95 latency (table and JSON).")
        var pareto = false

        @Option(help: ArgumentHelp("With --traffic or --trace: each serverless-gpu option's per-replica concurrency is the largest whose simulated p95 end-to-end latency stays within this, e.g. 20s (with --max-ttft and --max-itl held at p95 too); the binding target is named.", valueName: "duration"),
                transform: ArgumentValue.seconds)
        var p95Latency: Double?

        @Option(help: ArgumentHelp("With --pareto: also draw the frontier as an SVG chart (monthly cost against p95 latency) to this file.", valueName: "file"))
        var chart: String?

        @Option(name: .customLong("workload"), help: ArgumentHelp("Compare every workload of a workload file (YAML or JSON) instead of one volume.", valueName: "file"))
        var workloadFile: String?

        @OptionGroup var output: OutputOptions

        func validate() throws {
            try OutputOptions.checkDistinct(chart: chart, out: output.out)
            if chart != nil, workloadFile != nil { throw ValidationError("--chart applies to one comparison, not a --workload file") }
        }

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let catalog = try pricing.catalog()
                if let workloadFile {
                    if currency != nil { throw .invalidUsage(message: "--currency applies to one comparison; a workload file's portfolio is reported in USD") }
                    let portfolio = try Portfolio.make(try WorkloadFile.load(contentsOf: workloadFile), catalog: catalog)
                    try Diagnostics.emit(PortfolioRenderer.render(portfolio, format: output.format, explain: explain), to: output.out)
                    return
                }
                if chart != nil, !pareto { throw .invalidUsage(message: "--chart draws the --pareto frontier; add --pareto (sweep and breakeven draw cost against volume)") }
                if pareto, !traffic.isGiven {
                    throw .invalidUsage(message: "--pareto needs --traffic or --trace: only simulated options have a p95 latency")
                }
                var comparison = try Comparison.make(
                    ComparisonRequest(settings: workload.settings, traffic: traffic.settings, tiers: tiers.selected, baselineID: baseline, p95LatencySeconds: p95Latency), catalog: catalog)
                if pareto { comparison.pareto = comparison.paretoFrontier() }
                let stale = try pricing.finish(&comparison, currency: currency, catalog: catalog)
                if let chart { try Diagnostics.emit(ParetoChart.render(comparison), to: chart) }
                try Diagnostics.emit(ComparisonReport.render(comparison, format: output.format, explain: explain, wide: wide), to: output.out)
                Diagnostics.warn(comparison.warnings + stale)
                Diagnostics.keepUntilExit((catalog, comparison))
            }
        }
    }
}

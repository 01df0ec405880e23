import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analyze",
            abstract: "Explain a bill from usage logs: cost per request, cold starts, hours of day, cheaper options.",
            discussion: """
                Reads per-request logs in the trace formats of simulate (Azure, or timestamp,input_tokens,output_tokens \
                with optional model, latency_ms and cold_start columns) and projects a partial period to a month.

                Examples:
                  infracost analyze --log requests.csv --offer together/llama-3.1-70b
                  infracost analyze --log conv.csv --model-size 70B --format json
                """
        )

        @Option(help: ArgumentHelp("The usage log (CSV).", valueName: "file.csv"))
        var log: String

        @Option(help: ArgumentHelp("The offer the logged requests ran on. (default: the cheapest serverless offer for the model size)", valueName: "id"))
        var offer: String?

        @Flag(help: "Leave out bad rows (counted in a warning) instead of failing.")
        var skipBadRows = false

        @OptionGroup var model: ModelOptions
        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let trace = try TraceReader.read(contentsOf: log, skipBadRows: skipBadRows)
                let catalog = try pricing.catalog()
                let shape = try model.settings.nominalShape().resolvingModel(in: catalog)
                let analysis = try UsageAnalysis.make(trace: trace, offerID: offer, shape: shape, catalog: catalog)
                try Diagnostics.emit(UsageAnalysisRenderer.render(analysis, format: self.output.format), to: self.output.out)
                Diagnostics.warn(analysis.warnings.map(\.text) + (trace.skippedRows > 0 ? ["\(trace.skippedRows) bad rows skipped (--skip-bad-rows)"] : []))
            }
        }
    }
}

import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
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
                let view = try UtilizationView.make(offerID: offer, againstID: against, workload: try shape.settings.shapeOnly(), catalog: try pricing.catalog())
                try Diagnostics.emit(UtilizationRenderer.render(view, format: output.format), to: output.out)
            }
        }
    }
}

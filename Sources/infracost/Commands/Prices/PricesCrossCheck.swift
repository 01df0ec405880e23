import ArgumentParser
import Foundation
import InfracostKit

extension Infracost.Prices {
    struct CrossCheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Compare our per-token prices and lifecycle dates with a price registry (genai-prices or LiteLLM).",
            discussion: """
                Reads either registry's file (its kind is recognised), finds each per-token offer in it (the key the \
                offer's "registry" field names, else its provider's entries with the same model name once spelling \
                variants are set aside) and lists the offers whose input or output price differs by more than \
                --tolerance, those whose deprecation date differs, and every offer it could not find. Exit 1 when a \
                price or a lifecycle date disagrees, so a scheduled job can flag drift; 65 when the file is not a \
                registry file or holds a malformed price.

                Examples:
                  infracost prices check --against model_prices_and_context_window.json
                  infracost prices check --against genai-prices-data.json --tolerance 5% --format json
                """
        )

        @Option(help: ArgumentHelp("The registry file: genai-prices' data.json (or its package data as JSON), or LiteLLM's model_prices_and_context_window.json.", valueName: "file"))
        var against: String

        @Option(help: ArgumentHelp("Largest relative difference that still agrees, e.g. 1%. (default: 1%)", valueName: "share"),
                transform: ArgumentValue.percentage(in: 0...1, "0% to 100%"))
        var tolerance: Decimal = Decimal(string: "0.01")!

        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            var agrees = true
            try Diagnostics.run { () throws(InfracostError) in
                let bytes = try FileInput.read(against, maximumSize: RegistryFile.maximumFileSize)
                let registry = try RegistryFile.read(bytes, file: against, day: pricing.day)
                let check = PriceCrossCheck.run(catalog: try pricing.catalog(), against: registry, tolerance: tolerance)
                try Diagnostics.emit(PriceCrossCheckRenderer.render(check, format: output.format), to: output.out)
                agrees = check.disagreements.isEmpty && check.lifecycleDisagreements.isEmpty
            }
            if !agrees { throw ExitCode(1) }
        }
    }
}

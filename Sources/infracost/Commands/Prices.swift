import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct Prices: ParsableCommand {
        static let configuration = CommandConfiguration(
            // Named explicitly: the default derives the name with String(describing:), a costly runtime lookup.
            commandName: "prices",
            abstract: "List, show, validate and cross-check price tables.",
            subcommands: [List.self, Show.self, Validate.self, CrossCheck.self]
        )
    }
}

extension Infracost.Prices {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            // Named explicitly: the default derives the name with String(describing:), a costly runtime lookup.
            commandName: "list",
            abstract: "List every offer with its price and date.",
            discussion: """
                Examples:
                  infracost prices list
                  infracost prices list --tier dedicated --format csv
                """
        )

        @OptionGroup var pricing: PricingOptions

        @OptionGroup var tiers: TierOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let catalog = try pricing.catalog()
                let chosen = { (offer: Offer) in tiers.selected.isEmpty || tiers.selected.contains(offer.tier) }
                let listing = OfferRenderer.list(catalog.offers.filter(chosen), retired: catalog.retired.filter(chosen), format: output.format)
                try Diagnostics.emit(listing, to: output.out)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            // Named explicitly: the default derives the name with String(describing:), a costly runtime lookup.
            commandName: "show",
            abstract: "Show every field of one offer, with its source, date and price history.",
            discussion: """
                Example:
                  infracost prices show together/llama-3.1-70b
                """
        )

        @Argument(help: ArgumentHelp("The offer id, e.g. together/llama-3.1-70b.", valueName: "id"))
        var id: String

        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let catalog = try pricing.catalog()
                guard let offer = catalog.offer(id: id) ?? catalog.retired.first(where: { $0.id == id }) else {
                    let hint = Suggestions.hint(for: id, in: catalog.offers.map(\.id) + catalog.retired.map(\.id))
                    throw .invalidUsage(message: "no offer has the id '\(id)'\(hint); see 'infracost prices list'")
                }
                try Diagnostics.emit(OfferRenderer.show(offer, format: output.format), to: output.out)
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            // Named explicitly: the default derives the name with String(describing:), a costly runtime lookup.
            commandName: "validate",
            abstract: "Check pricing files against the format; list every problem with file, line, offer and field.",
            discussion: """
                Exit code 0 when every file is valid, 65 when any has a problem, 74 when one cannot be read.

                Example:
                  infracost prices validate my-prices.json
                """
        )

        @Argument(help: ArgumentHelp("Pricing files to check.", valueName: "file"))
        var files: [String]

        @Flag(help: "Also require a source and verified_on date on every figure, as for the bundled tables.")
        var strict = false

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one pricing file to validate") }
        }

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                var problems: [DataProblem] = []
                for file in files {
                    do throws(InfracostError) {
                        let catalog = try CatalogLoader.load(contentsOf: file, requireProvenance: strict)
                        try Diagnostics.emit("\(file): valid (\(catalog.offers.count) offers)\n", to: nil)
                    } catch {
                        guard case .invalidData(let found) = error else { throw error }
                        problems += found
                    }
                }
                if !problems.isEmpty { throw .invalidData(problems: problems) }
            }
        }
    }
}

extension Infracost.Prices {
    struct CrossCheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Compare our per-token prices with another dataset (LiteLLM's model_prices_and_context_window.json).",
            discussion: """
                Maps each per-token offer to a model name in the file (its name, with dots as dashes, with or without \
                the provider) and lists the offers whose input or output price differs by more than --tolerance. \
                Exit 1 when any disagrees, so a scheduled job can flag drift.

                Examples:
                  infracost prices check --against model_prices_and_context_window.json
                  infracost prices check --against litellm.json --tolerance 5% --format json
                """
        )

        @Option(help: ArgumentHelp("The other dataset: a LiteLLM model_prices_and_context_window.json file.", valueName: "file"))
        var against: String

        @Option(help: ArgumentHelp("Largest relative difference that still agrees, e.g. 1%. (default: 1%)", valueName: "share"))
        var tolerance: String?

        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            var agrees = true
            try Diagnostics.run { () throws(InfracostError) in
                let limit = try tolerance.map { text throws(InfracostError) in
                    try Percentage.parse(text, flag: "--tolerance", range: 0...1, rangeText: "0% to 100%")
                } ?? Decimal(string: "0.01")!
                let bytes = try FileInput.read(against, maximumSize: 64 * 1024 * 1024)
                let check = try PriceCrossCheck.run(catalog: try pricing.catalog(), against: bytes, file: against, tolerance: limit)
                try Diagnostics.emit(PriceCrossCheckRenderer.render(check, format: output.format), to: output.out)
                agrees = check.disagreements.isEmpty
            }
            if !agrees { throw ExitCode(1) }
        }
    }
}

import ArgumentParser
import Foundation
import InfracostKit

extension Infracost.Prices {
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
                try Diagnostics.emit(OfferRenderer.show(offer, platform: catalog.platform(offer.provider), format: output.format), to: output.out)
            }
        }
    }
}

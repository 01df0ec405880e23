import ArgumentParser
import Foundation
import InfracostKit

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
}

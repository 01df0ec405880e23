import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct Prices: ParsableCommand {
        static let configuration = CommandConfiguration(
            // Named explicitly: the default derives the name with String(describing:), a costly runtime lookup.
            commandName: "prices",
            abstract: "List, show, validate and cross-check price tables.",
            subcommands: [List.self, Show.self, Validate.self, CrossCheck.self, Import.self]
        )
    }
}

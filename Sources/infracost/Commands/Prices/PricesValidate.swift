import ArgumentParser
import Foundation
import InfracostKit

extension Infracost.Prices {
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
                let validation = try CatalogValidation.run(files: files, strict: strict)
                try Diagnostics.emit(validation.report, to: nil)
                if !validation.problems.isEmpty { throw .invalidData(problems: validation.problems) }
            }
        }
    }
}

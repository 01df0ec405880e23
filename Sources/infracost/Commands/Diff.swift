import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "The monthly cost change between two workload files, per workload and in total.",
            discussion: """
                Examples:
                  infracost diff --baseline old.yml --proposed new.yml
                  infracost diff --baseline old.yml --proposed new.yml --format markdown > comment.md
                """
        )

        @Option(help: ArgumentHelp("The workload file before the change.", valueName: "file"))
        var baseline: String

        @Option(help: ArgumentHelp("The workload file after the change.", valueName: "file"))
        var proposed: String

        @Flag(help: "Markdown: list only the workloads whose cost rises; with no rise, print only a one-line note (for a CI comment).")
        var onlyIncreases = false

        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let catalog = try pricing.catalog()
                let before = try Portfolio.make(try WorkloadFile.load(contentsOf: baseline), catalog: catalog, detail: .summary)
                let after = try Portfolio.make(try WorkloadFile.load(contentsOf: proposed), catalog: catalog, detail: .summary)
                try Diagnostics.emit(PortfolioRenderer.render(PortfolioDiff.make(baseline: before, proposed: after), format: output.format, onlyIncreases: onlyIncreases), to: output.out)
            }
        }
    }
}

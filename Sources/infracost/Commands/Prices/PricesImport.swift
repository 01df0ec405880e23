import ArgumentParser
import Foundation
import InfracostKit

extension Infracost.Prices {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Convert a price registry's file (genai-prices or LiteLLM) into an infracost pricing file.",
            discussion: """
                Reads genai-prices' published data.json (or its package data as JSON) or LiteLLM's \
                model_prices_and_context_window.json and writes the per-token models as offers, USD per 1M tokens \
                converted exactly (8.8e-07 per token is 0.88, never 0.8799999). Each offer keeps its registry, file, \
                provider and model, its start-dated prices as history, batch, flex, priority, cached-input and \
                long-context prices, and LiteLLM's deprecation date. Open models (Llama, gpt-oss, Qwen, Mixtral) \
                become serverless offers with their size; others are API offers. Entries that cannot be represented \
                are counted on stderr and listed with --verbose. Use the result with --pricing.

                Examples:
                  infracost prices import model_prices_and_context_window.json --from litellm --provider together_ai --out together.json
                  infracost prices import data.json --from genai-prices --verified-on 2026-12-01 --out pricing.json
                """
        )

        @Argument(help: ArgumentHelp("The registry file to convert.", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("Which registry the file is from: genai-prices or litellm.", valueName: "registry"))
        var from: PriceRegistry

        @Option(help: ArgumentHelp("Import only this provider (the registry's name, e.g. together_ai, or ours, e.g. together). Repeatable.", valueName: "name"))
        var provider: [String] = []

        @Option(help: ArgumentHelp("The day the file was taken from the registry, YYYY-MM-DD; written as each offer's verified_on. (default: none: the offers say nothing of when they were checked)", valueName: "date"),
                transform: ArgumentValue.day)
        var verifiedOn: Day?

        @Option(help: ArgumentHelp("Price start-dated entries as on this day, YYYY-MM-DD: earlier prices become history, later ones announced changes. (default: today)", valueName: "date"), transform: ArgumentValue.day)
        var asOf: Day?

        @Option(help: ArgumentHelp("Write the pricing file here instead of stdout (atomically: all or nothing).", valueName: "file"))
        var out: String?

        @Flag(help: "List on stderr every entry that could not be imported, with the reason.")
        var verbose = false

        func validate() throws {
            if let out, out.isEmpty { throw ValidationError("--out needs a file name") }
            if let out, FileInput.sameFile(out, file) { throw ValidationError("--out \(out) is the input file; choose another name so the input is not overwritten") }
        }

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let bytes = try FileInput.read(file, maximumSize: RegistryFile.maximumFileSize)
                let day = asOf ?? Day.today(now: Date().timeIntervalSince1970)
                let registry = try RegistryFile.read(bytes, file: file, expected: from, day: day)
                let result = PriceImport.make(registry, providers: provider, verifiedOn: verifiedOn)
                if result.offers.isEmpty {
                    throw .invalidData(problems: [DataProblem(file: file, line: 1, message:
                        "no per-token entry to import\(provider.isEmpty ? "" : " for --provider \(provider.joined(separator: ", "))")")])
                }
                try Diagnostics.emit(result.pricingFile(), to: out)
                Diagnostics.printError("imported \(result.offers.count) offers from \(file) (\(from.displayName)); \(result.skipped.count) entries could not be represented\(verbose || result.skipped.isEmpty ? "" : " (--verbose lists them)")")
                if verbose {
                    for item in result.skipped { Diagnostics.printError("  skipped \(TextSafety.excerpt(item.key, limit: 200)): \(item.reason)") }
                }
            }
        }
    }
}

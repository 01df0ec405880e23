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
                try Diagnostics.emit(OfferRenderer.show(offer, platform: catalog.platform(offer.provider), format: output.format), to: output.out)
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
                // GPU names are checked against the bundled specifications and those of every file given.
                var known = try CatalogLoader.bundled()
                var loaded: [(String, PriceCatalog)] = []
                for file in files {
                    // The schema beside the tables is a JSON Schema, not a pricing file: check that it is one.
                    if let bytes = FileManager.default.contents(atPath: file), let root = try? JSONValue.parse(Array(bytes)), root["$schema"] != nil {
                        guard case .object(let definitions)? = root["$defs"] else {
                            problems.append(DataProblem(file: file, message: "a JSON Schema without $defs: not the pricing files' schema"))
                            continue
                        }
                        try Diagnostics.emit("\(file): a JSON Schema (\(definitions.count) definitions), not a pricing file; valid JSON\n", to: nil)
                        continue
                    }
                    do throws(InfracostError) {
                        let catalog = try CatalogLoader.load(contentsOf: file, requireProvenance: strict)
                        known.merge(catalog)
                        loaded.append((file, catalog))
                    } catch {
                        guard case .invalidData(let found) = error else { throw error }
                        problems += found
                    }
                }
                for (file, catalog) in loaded {
                    let unknown = catalog.offers.filter { offer in offer.gpu.map { known.gpu(named: $0) == nil } ?? false }
                    problems += unknown.map { offer in
                        DataProblem(file: file, entry: offer.id, field: "gpu", message:
                            "'\(offer.gpu ?? "")' is not a known GPU (add it to a \"gpus\" section, or use one of: \(known.gpus.map(\.name).joined(separator: ", ")))")
                    }
                    if unknown.isEmpty {
                        var parts = catalog.offers.isEmpty && catalog.gpus.count + catalog.throughput.count + catalog.coldStarts.count
                            + catalog.exchangeRates.count + catalog.platforms.count + catalog.models.count > 0 ? [] : ["\(catalog.offers.count) offers"]
                        func count(_ n: Int, _ thing: String) -> String { "\(n) \(thing)\(n == 1 ? "" : "s")" }
                        if !catalog.gpus.isEmpty { parts.append(count(catalog.gpus.count, "GPU specification")) }
                        if !catalog.throughput.isEmpty { parts.append(count(catalog.throughput.count, "throughput figure")) }
                        if !catalog.coldStarts.isEmpty { parts.append(count(catalog.coldStarts.count, "cold-start figure")) }
                        if !catalog.exchangeRates.isEmpty { parts.append(count(catalog.exchangeRates.count, "exchange rate")) }
                        if !catalog.platforms.isEmpty { parts.append(count(catalog.platforms.count, "serverless platform")) }
                        if !catalog.models.isEmpty { parts.append(count(catalog.models.count, "model architecture")) }
                        try Diagnostics.emit("\(file): valid (\(parts.joined(separator: ", ")))\n", to: nil)
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
                let bytes = try FileInput.read(against, maximumSize: RegistryFile.maximumFileSize)
                let registry = try RegistryFile.read(bytes, file: against, day: try pricing.day())
                let check = PriceCrossCheck.run(catalog: try pricing.catalog(), against: registry, tolerance: limit)
                try Diagnostics.emit(PriceCrossCheckRenderer.render(check, format: output.format), to: output.out)
                agrees = check.disagreements.isEmpty && check.lifecycleDisagreements.isEmpty
            }
            if !agrees { throw ExitCode(1) }
        }
    }
}

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

        @Option(help: ArgumentHelp("The day the file was taken from the registry, YYYY-MM-DD; written as each offer's verified_on. (default: none: the offers say nothing of when they were checked)", valueName: "date"))
        var verifiedOn: String?

        @Option(help: ArgumentHelp("Price start-dated entries as on this day, YYYY-MM-DD: earlier prices become history, later ones announced changes. (default: today)", valueName: "date"))
        var asOf: String?

        @Option(help: ArgumentHelp("Write the pricing file here instead of stdout (atomically: all or nothing).", valueName: "file"))
        var out: String?

        @Flag(help: "List on stderr every entry that could not be imported, with the reason.")
        var verbose = false

        func validate() throws {
            for (flag, value) in [("--verified-on", verifiedOn), ("--as-of", asOf)] {
                if let value, !IsoDate.isValid(value) { throw ValidationError("invalid value '\(value)' for \(flag): must be a date in the form YYYY-MM-DD") }
            }
            if let out, out.isEmpty { throw ValidationError("--out needs a file name") }
            if let out, FileInput.sameFile(out, file) { throw ValidationError("--out \(out) is the input file; choose another name so the input is not overwritten") }
        }

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let bytes = try FileInput.read(file, maximumSize: RegistryFile.maximumFileSize)
                let day = asOf ?? IsoDate.today(now: Date().timeIntervalSince1970)
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

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

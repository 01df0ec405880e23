import ArgumentParser
import InfracostKit

/// Which price tables to use.
struct PricingOptions: ParsableArguments {
    @Option(
        name: .customLong("pricing"),
        help: ArgumentHelp(
            "Add a pricing file (JSON, pricing-data/schema.json); its offers replace bundled ones with the same id. Repeatable.",
            valueName: "file"))
    var pricingFiles: [String] = []

    @Flag(help: "Use only the --pricing files, not the bundled price tables.")
    var noBundled = false

    func validate() throws {
        if noBundled, pricingFiles.isEmpty {
            throw ValidationError("--no-bundled needs at least one --pricing FILE")
        }
    }

    /// The bundled tables (unless --no-bundled) merged with the user's files in order.
    func catalog() throws(InfracostError) -> PriceCatalog {
        var catalog = noBundled ? PriceCatalog() : try CatalogLoader.bundled()
        for path in pricingFiles { catalog.merge(try CatalogLoader.load(contentsOf: path)) }
        return catalog
    }
}

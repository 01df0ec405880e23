import ArgumentParser
import Foundation
import InfracostKit

/// Which price tables to use, as of which day, and how old a price may be.
struct PricingOptions: ParsableArguments {
    @Option(
        name: .customLong("pricing"),
        help: ArgumentHelp(
            "Add a pricing file (JSON, pricing-data/schema.json); its offers replace bundled ones with the same id. Repeatable.",
            valueName: "file"))
    var pricingFiles: [String] = []

    @Option(
        name: .customLong("performance"),
        help: ArgumentHelp(
            "Add your own serving measurements (a file written by `infracost calibrate`): measured points win for the configuration they measured, their fitted efficiencies apply to the rest of that GPU. Repeatable.",
            valueName: "file"))
    var performanceFiles: [String] = []

    @Flag(help: "Use only the --pricing files, not the bundled price tables.")
    var noBundled = false

    @Option(help: ArgumentHelp("Price with the prices in effect on this day, YYYY-MM-DD (price history). (default: today)", valueName: "date"),
            transform: ArgumentValue.day)
    var asOf: Day?

    @Option(help: ArgumentHelp("Warn on stderr when a price used is older than this many days at the --as-of day, e.g. 180d. (default: 180d)", valueName: "days"),
            transform: ArgumentValue.days)
    var maxPriceAge: Int = PriceAge.defaultMaxDays

    func validate() throws {
        if noBundled, pricingFiles.isEmpty {
            throw ValidationError("--no-bundled needs at least one --pricing FILE")
        }
    }

    /// The --as-of day, or today (UTC).
    var day: Day { asOf ?? Day.today(now: Date().timeIntervalSince1970) }

    /// The bundled tables (unless --no-bundled; only `tables` when given) merged with the user's files in order,
    /// priced as of `day`; an offer id in two of the user's files is warned about.
    func catalog(tables: Set<String>? = nil) throws(InfracostError) -> PriceCatalog {
        var sources = CatalogSources(day: day)
        sources.bundled = !noBundled
        sources.bundledTables = tables
        sources.pricingFiles = pricingFiles
        sources.performanceFiles = performanceFiles
        let (catalog, warnings) = try sources.load()
        Diagnostics.warn(warnings)
        return catalog
    }

    /// Applies --as-of and `currency` (compare's --currency) to a comparison; returns the stale-price warnings.
    func finish(_ comparison: inout Comparison, currency: String?, catalog: PriceCatalog) throws(InfracostError) -> [Notice] {
        if asOf != nil { comparison.pricesAsOf = day }
        if let currency, let rate = try catalog.reportingRate(currency: currency) { comparison.convert(to: rate) }
        return PriceAge.staleWarnings(comparison.options.filter { $0.total != nil }.map(\.offer), day: day, maxAgeDays: maxPriceAge)
    }

    /// Prints on stderr the warning for stale prices among the offers with these ids (those a report used).
    func warnStale(ids: [String], catalog: PriceCatalog) {
        var seen = Set<String>()
        let offers = ids.filter { seen.insert($0).inserted }.compactMap { catalog.offer(id: $0) }
        Diagnostics.warn(PriceAge.staleWarnings(offers, day: day, maxAgeDays: maxPriceAge))
    }
}

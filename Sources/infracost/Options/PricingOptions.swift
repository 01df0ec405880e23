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

    @Option(help: ArgumentHelp("Price with the prices in effect on this day, YYYY-MM-DD (price history). (default: today)", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Warn on stderr when a price used is older than this many days at the --as-of day, e.g. 180d. (default: 180d)", valueName: "days"))
    var maxPriceAge: String?

    func validate() throws {
        if noBundled, pricingFiles.isEmpty {
            throw ValidationError("--no-bundled needs at least one --pricing FILE")
        }
    }

    /// The --as-of day, or today (UTC).
    func day() throws(InfracostError) -> Day {
        guard let asOf else { return Day.today(now: Date().timeIntervalSince1970) }
        return try Day.parse(asOf, label: "--as-of")
    }

    /// The bundled tables (unless --no-bundled) merged with the user's files in order, priced as of `day()`.
    func catalog(tables: Set<String>? = nil) throws(InfracostError) -> PriceCatalog {
        var catalog = noBundled ? PriceCatalog() : try CatalogLoader.bundled(tables: tables)
        // A later --pricing file replaces a bundled offer on purpose; the same id in two of the user's files is
        // more likely a mistake, so it is named.
        var origin: [String: String] = [:]
        for path in pricingFiles {
            let file = try CatalogLoader.load(contentsOf: path)
            // One file has no duplicates (the loader refuses them): nothing to name.
            for offer in file.offers where pricingFiles.count > 1 {
                if let earlier = origin[offer.id], earlier != path {
                    Diagnostics.warn(["offer \(offer.id) is in both \(earlier) and \(path); the one in \(path) is used"])
                }
                origin[offer.id] = path
            }
            catalog.merge(file)
        }
        for path in performanceFiles {
            catalog.performance.merge(try PerformanceFile.load(contentsOf: path, catalog: catalog))
        }
        return catalog.asOf(try day())
    }

    /// The rate for `currency` (a --currency value), nil for USD.
    func exchangeRate(_ currency: String?, in catalog: PriceCatalog) throws(InfracostError) -> ExchangeRate? {
        guard let code = currency?.uppercased(), code != "USD" else { return nil }
        guard let rate = catalog.exchangeRate(code) else {
            let known = (["USD"] + catalog.exchangeRates.map(\.currency)).joined(separator: ", ")
            throw .invalidQuantity(label: "--currency", value: currency ?? "", reason: "no exchange rate for it (known: \(known))")
        }
        return rate
    }

    /// The --max-price-age in days (default 180).
    func maxAgeDays() throws(InfracostError) -> Int {
        try PriceAge.parse(maxPriceAge, label: "--max-price-age")
    }

    /// Applies --as-of, `currency` (compare's --currency) and the freshness check to a comparison; returns the
    /// stale-price warnings.
    func finish(_ comparison: inout Comparison, currency: String?, catalog: PriceCatalog) throws(InfracostError) -> [Notice] {
        if asOf != nil { comparison.pricesAsOf = try day() }
        if let rate = try exchangeRate(currency, in: catalog) { comparison.convert(to: rate) }
        return PriceAge.staleWarnings(comparison.options.filter { $0.total != nil }.map(\.offer), day: try day(), maxAgeDays: try maxAgeDays())
    }

    /// Prints on stderr the warning for stale prices among the offers with these ids (those a report used).
    func warnStale(ids: [String], catalog: PriceCatalog) throws(InfracostError) {
        var seen = Set<String>()
        let offers = ids.filter { seen.insert($0).inserted }.compactMap { catalog.offer(id: $0) }
        Diagnostics.warn(PriceAge.staleWarnings(offers, day: try day(), maxAgeDays: try maxAgeDays()))
    }
}

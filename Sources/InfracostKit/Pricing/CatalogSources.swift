import Foundation

/// Where a price catalog comes from: the bundled tables (all, some, or none), the caller's pricing files in order (a
/// later file's offer replaces an earlier one with the same id), the caller's performance files (measured serving
/// points), and the day it is priced as of.
public struct CatalogSources: Equatable, Sendable {
    /// Whether the bundled tables come first.
    public var bundled = true
    /// Only these bundled tables (file names, e.g. `gpus.json`), when not all are needed; nil: all.
    public var bundledTables: Set<String>?
    /// Pricing files (JSON, `pricing-data/schema.json`), in the order given.
    public var pricingFiles: [String] = []
    /// Performance files written by `infracost calibrate`.
    public var performanceFiles: [String] = []
    /// The day prices are taken as of.
    public var day: Day

    /// The bundled tables alone, priced as of `day`.
    public init(day: Day) {
        self.day = day
    }

    /// The catalog: the bundled tables (unless `bundled` is false) merged with the pricing files in order, the
    /// performance files' measurements added, priced as of `day`; and a warning for each offer id that two of the
    /// caller's files both give (a later file replacing a bundled offer is on purpose; the same id in two of the
    /// caller's own files is more likely a mistake).
    /// - Throws: what `CatalogLoader` and `PerformanceFile.load` throw for a file that cannot be read or is invalid.
    public func load() throws(InfracostError) -> (catalog: PriceCatalog, warnings: [Notice]) {
        var catalog = bundled ? try CatalogLoader.bundled(tables: bundledTables) : PriceCatalog()
        var warnings: [Notice] = []
        var origin: [String: String] = [:]
        for path in pricingFiles {
            let file = try CatalogLoader.load(contentsOf: path)
            // One file has no duplicates (the loader refuses them): nothing to name.
            for offer in file.offers where pricingFiles.count > 1 {
                if let earlier = origin[offer.id], earlier != path {
                    warnings.append(Notice(.offerInTwoFiles, "offer \(offer.id) is in both \(earlier) and \(path); the one in \(path) is used", setting: .pricing))
                }
                origin[offer.id] = path
            }
            catalog.merge(file)
        }
        for path in performanceFiles {
            catalog.performance.merge(try PerformanceFile.load(contentsOf: path, catalog: catalog))
        }
        return (catalog.asOf(day), warnings)
    }
}

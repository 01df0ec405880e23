import Foundation

/// Paths inside this package, found from this file's location.
enum PackagePaths {
    /// The package root (the folder holding Package.swift).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `pricing-data/`.
    static let pricingData = root.appendingPathComponent("pricing-data")

    /// `Tests/Fixtures/catalog-2026-03/`: the bundled tables as they were in March 2026, frozen for tests of the
    /// engine's mechanics.
    static let frozenCatalog = root.appendingPathComponent("Tests/Fixtures/catalog-2026-03")

    /// The bundled pricing files (`*.json` except the schema), in name order, with their text.
    static func pricingFiles() throws -> [(name: String, json: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: pricingData.path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix("schema.json") }
            .sorted()
        return try names.map { name in
            (name, try String(contentsOf: pricingData.appendingPathComponent(name), encoding: .utf8))
        }
    }
}

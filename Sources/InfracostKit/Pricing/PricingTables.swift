/// Namespace of the bundled pricing tables (see `PricingTables+Generated.swift`).
public enum PricingTables {}

/// One bundled pricing file: its name in `pricing-data/` and its JSON text.
public struct PricingTable: Sendable {
    public var name: String
    public var json: String

    /// A price table file's name and its JSON text, as the generator embeds it.
    public init(name: String, json: String) {
        self.name = name
        self.json = json
    }
}

/// What a catalog holds, in a few lines: offers per tier and the range of price dates.
public enum CatalogSummary {
    /// E.g. "40 offers: 9 api, 6 serverless, 10 serverless-gpu, 15 dedicated; prices verified 2026-07-01 to 2026-12-01".
    public static func describe(_ catalog: PriceCatalog) -> String {
        let counts = Tier.allCases.map { tier in "\(catalog.offers.filter { $0.tier == tier }.count) \(tier.rawValue)" }
        let dates = catalog.offers.compactMap(\.provenance.verifiedOn)
        var text = "\(catalog.offers.count) offers: " + counts.joined(separator: ", ")
        if let oldest = dates.min(), let newest = dates.max() { text += "; prices verified \(oldest) to \(newest)" }
        return text + "; \(catalog.gpus.count) GPU specifications, \(catalog.throughput.count) published throughput figures"
    }
}

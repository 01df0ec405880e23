public import Foundation

/// `infracost prices check --against FILE`: our per-token prices and lifecycle beside a registry's.
///
/// Reads either registry (genai-prices or LiteLLM), finds each of our per-token offers in it
/// (`RegistryMatcher`), and lists the offers whose prices differ by more than a tolerance, those whose lifecycle
/// disagrees (the registry deprecates a model we do not, or on another day), and every offer it could not match.
public struct PriceCrossCheck: Equatable, Sendable {
    /// One of our offers matched to a registry entry.
    public struct Match: Equatable, Sendable {
        public var offerID: String
        /// The registry's key.
        public var key: String
        /// Our price and theirs, per 1M tokens.
        public var ours: TokenRates
        public var theirs: TokenRates
        /// Whether input and output agree within the tolerance.
        public var agrees: Bool
        /// What the lifecycle disagreement is, in words, when there is one.
        public var lifecycle: String?
    }

    public var file: String
    public var registry: PriceRegistry
    /// Relative tolerance, e.g. 0.01 for 1%.
    public var tolerance: Decimal
    public var matches: [Match]
    /// Our per-token offers with no counterpart in the file, by id (never skipped silently).
    public var unmatched: [String]
    /// Entries read from the file.
    public var modelsInFile: Int

    public var disagreements: [Match] { matches.filter { !$0.agrees } }
    public var lifecycleDisagreements: [Match] { matches.filter { $0.lifecycle != nil } }

    /// Compares `catalog`'s per-token offers with a registry file.
    public static func run(catalog: PriceCatalog, against registry: RegistryFile, tolerance: Decimal) -> PriceCrossCheck {
        var matches: [Match] = []
        var unmatched: [String] = []
        for offer in catalog.offers + catalog.retired where offer.tier == .api || offer.tier == .serverless {
            guard let ours = offer.pricing.tokens?.standard else { continue }
            guard let entry = RegistryMatcher.match(offer, in: registry) else {
                unmatched.append(offer.id)
                continue
            }
            let agrees = pricesAgree(offer, ours, entry, tolerance)
            matches.append(Match(offerID: offer.id, key: entry.key, ours: ours, theirs: entry.rates, agrees: agrees,
                                 lifecycle: lifecycleDifference(offer, entry)))
        }
        return PriceCrossCheck(file: registry.file, registry: registry.registry, tolerance: tolerance, matches: matches,
                               unmatched: unmatched, modelsInFile: registry.entries.count + registry.skipped.count)
    }

    /// Whether our standard prices (and off-peak ones) are the registry's. A registry with time-of-day prices may
    /// write the same schedule the other way round (DeepSeek: off-peak as the base, peak as the window), so each of
    /// our prices need only be among its prices.
    static func pricesAgree(_ offer: Offer, _ ours: TokenRates, _ entry: RegistryEntry, _ tolerance: Decimal) -> Bool {
        func same(_ a: TokenRates, _ b: TokenRates) -> Bool { within(a.input, b.input, tolerance) && within(a.output, b.output, tolerance) }
        guard entry.hasTimeOfDayPrices else { return same(ours, entry.rates) }
        let theirs = [entry.rates] + entry.timeOfDayRates
        let mine = [ours] + (offer.pricing.tokens?.offPeak.map { [$0.rates] } ?? [])
        return mine.allSatisfy { rates in theirs.contains { same(rates, $0) } }
    }

    /// How the registry's lifecycle differs from ours, or nil when it agrees.
    static func lifecycleDifference(_ offer: Offer, _ entry: RegistryEntry) -> String? {
        let ours = offer.deprecatedOn ?? offer.retiredOn
        if let theirs = entry.deprecatedOn {
            if ours == nil { return "\(entry.registry.displayName) deprecates it on \(theirs); ours has no deprecation date" }
            if let ours, ours != theirs { return "\(entry.registry.displayName) deprecates it on \(theirs); ours on \(ours)" }
        }
        if entry.markedDeprecated, ours == nil { return "\(entry.registry.displayName) marks it deprecated; ours has no deprecation date" }
        return nil
    }

    /// Whether `theirs` is within `tolerance` of `ours` (relative to ours; both zero agree).
    static func within(_ ours: Decimal, _ theirs: Decimal, _ tolerance: Decimal) -> Bool {
        if ours == 0 { return theirs == 0 }
        return abs(theirs - ours) <= tolerance * ours
    }
}

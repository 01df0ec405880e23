import Foundation

/// `infracost prices import`: a registry file's per-token entries as offers in our pricing format.
///
/// Every offer keeps its provenance (registry, file, provider and model), its start-dated prices as history,
/// its modes, cached-input and long-context prices and its lifecycle date where the registry has them. Entries
/// that cannot be represented (per-image or per-hour prices, embeddings, duplicate ids) are counted and listed,
/// never dropped silently.
public struct PriceImport: Equatable, Sendable {
    public var registry: PriceRegistry
    public var file: String
    public var offers: [Offer]
    /// Entries not imported, with the reason.
    public var skipped: [(key: String, reason: String)]

    public static func == (lhs: PriceImport, rhs: PriceImport) -> Bool {
        lhs.registry == rhs.registry && lhs.file == rhs.file && lhs.offers == rhs.offers
            && lhs.skipped.map(\.key) == rhs.skipped.map(\.key) && lhs.skipped.map(\.reason) == rhs.skipped.map(\.reason)
    }

    /// Converts `registry`'s entries (only those of `providers`, by the registry's or our provider name, when any
    /// are given).
    /// - Parameter verifiedOn: the day the file was taken from the registry, when the user states it (never guessed).
    public static func make(_ registry: RegistryFile, providers: [String] = [], verifiedOn: Day? = nil) -> PriceImport {
        let wanted = Set(providers.map { $0.lowercased() })
        var offers: [Offer] = []
        var skipped = registry.skipped
        var seen: [String: String] = [:]
        for entry in registry.entries {
            let provider = RegistryMatcher.ourProvider(for: entry)
            if !wanted.isEmpty, !wanted.contains(provider.lowercased()), !wanted.contains(entry.provider.lowercased()) { continue }
            let id = "\(provider)/\(slug(RegistryMatcher.modelName(entry)))"
            if let first = seen[id] {
                skipped.append((entry.key, "same offer id \(id) as \(first)"))
                continue
            }
            seen[id] = entry.key
            offers.append(offer(entry, id: id, provider: provider, file: registry, verifiedOn: verifiedOn))
        }
        if !wanted.isEmpty {
            skipped = skipped.filter { item in
                let provider = item.key.split(separator: "/").first.map { String($0).lowercased() } ?? ""
                return wanted.contains { provider.hasPrefix($0) }
            }
        }
        return PriceImport(registry: registry.registry, file: registry.file, offers: offers, skipped: skipped)
    }

    static func offer(_ entry: RegistryEntry, id: String, provider: String, file: RegistryFile, verifiedOn: Day?) -> Offer {
        let open = OpenModels.model(named: RegistryMatcher.modelName(entry))
        let name = (file.file as NSString).lastPathComponent
        var source = "\(entry.registry.displayName) (\(name)\(file.version.map { ", \($0)" } ?? "")), "
        source += entry.registry == .litellm ? "key \(entry.model)" : "provider \(entry.provider), model \(entry.model)"
        if let url = entry.pricingURL { source += "; provider page \(url)" }
        let prices = Offer.TokenPricing(
            inputPerMTok: entry.rates.input, outputPerMTok: entry.rates.output,
            cachedInputPerMTok: entry.cachedInputPerMTok.flatMap { $0 == entry.rates.input ? nil : $0 },
            modeRates: entry.modeRates, contextTier: entry.contextTier)
        var offer = Offer(
            id: id, pricing: open == nil ? .api(prices) : .serverless(prices), provider: provider, model: entry.name ?? entry.model,
            modelParamsB: open?.paramsB,
            provenance: Provenance(source: source, verifiedOn: verifiedOn),
            history: entry.history.map { point in
                var point = point
                point.provenance = Provenance(source: point.provenance.source.map { "\($0), \(name)" }, verifiedOn: verifiedOn)
                return point
            })
        offer.effectiveFrom = entry.effectiveFrom
        offer.deprecatedOn = entry.deprecatedOn
        offer.registryKeys[entry.registry] = entry.key
        var notes: [String] = []
        if let open { notes.append("\(open.name): \(open.source)") }
        if entry.hasTimeOfDayPrices { notes.append("the registry also has time-of-day prices, not imported (write them as off_peak)") }
        if entry.markedDeprecated { notes.append("\(entry.registry.displayName) marks it deprecated (no date given)") }
        if entry.contextTier != nil, entry.registry == .litellm {
            notes.append("LiteLLM's above-threshold prices are read as a long-context tier for the whole request")
        }
        offer.notes = notes.isEmpty ? nil : notes.joined(separator: "; ")
        return offer
    }

    /// An id-safe version of a model name: lowercase letters, digits, dots and dashes.
    static func slug(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber || character == "." || character == "-" {
                result.append(character)
            } else if result.last != "-" {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "model" : result
    }

    /// The offers as a pricing file (pricing-data/schema.json), ready for `--pricing`.
    public func pricingFile() -> String {
        JSONWriter.string(.fields([
            "schema_version": .number(String(CatalogLoader.schemaVersion)),
            "description": .string("Imported by infracost prices import from \((file as NSString).lastPathComponent) (\(registry.displayName)). USD per 1M tokens."),
            "offers": .list(offers.map(OfferRenderer.value)),
        ]))
    }
}

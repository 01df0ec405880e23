public import ArgumentParser
public import InfracostKit

extension Tier: ExpressibleByArgument {
    /// Parses a `--tier` value; an unknown name is a usage error (exit 64) with a "did you mean" hint.
    static func parseArgument(_ text: String) throws -> Tier {
        if let tier = Tier(rawValue: text) { return tier }
        let names = Tier.allCases.map(\.rawValue)
        throw ValidationError("unknown tier '\(text)'\(Suggestions.hint(for: text, in: names)); tiers: \(names.joined(separator: ", "))")
    }
}

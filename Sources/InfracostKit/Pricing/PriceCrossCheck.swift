public import Foundation

/// `infracost prices check --against FILE`: our per-token prices beside another dataset's.
///
/// Reads LiteLLM's `model_prices_and_context_window.json` layout (an object of model name to
/// `input_cost_per_token` / `output_cost_per_token` in USD per token), maps each of our per-token offers to a
/// model name there, and lists the offers whose prices differ by more than a tolerance, with both values.
public struct PriceCrossCheck: Equatable, Sendable {
    /// One of our offers matched to a model of the other dataset.
    public struct Match: Equatable, Sendable {
        public var offerID: String
        /// The other dataset's model name.
        public var key: String
        /// Our price and theirs, per 1M tokens (nil where a side has none).
        public var ours: TokenRates
        public var theirs: (input: Decimal?, output: Decimal?)
        /// Whether input and output agree within the tolerance.
        public var agrees: Bool

        public static func == (lhs: Match, rhs: Match) -> Bool {
            lhs.offerID == rhs.offerID && lhs.key == rhs.key && lhs.ours == rhs.ours && lhs.agrees == rhs.agrees
                && lhs.theirs.input == rhs.theirs.input && lhs.theirs.output == rhs.theirs.output
        }
    }

    public var file: String
    /// Relative tolerance, e.g. 0.01 for 1%.
    public var tolerance: Decimal
    public var matches: [Match]
    /// Our per-token offers with no counterpart in the file.
    public var unmatched: [String]
    /// Models in the file.
    public var modelsInFile: Int

    public var disagreements: [Match] { matches.filter { !$0.agrees } }

    /// Names an offer may have in another dataset: its name after the provider, with dots as dashes, with and
    /// without the provider prefix (`anthropic/claude-sonnet-4.5` -> `claude-sonnet-4.5`, `claude-sonnet-4-5`, ...).
    public static func candidateKeys(for offer: Offer) -> [String] {
        let name = offer.id.split(separator: "/", maxSplits: 1).last.map(String.init) ?? offer.id
        let dashed = name.replacingOccurrences(of: ".", with: "-")
        var keys = [name, dashed, "\(offer.provider)/\(name)", "\(offer.provider)/\(dashed)"]
        keys = keys.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        return keys
    }

    /// Compares `catalog`'s per-token offers with a LiteLLM-format file's bytes.
    /// - Throws: `InfracostError.invalidData` when the file is not JSON or not an object of models.
    public static func run(catalog: PriceCatalog, against bytes: [UInt8], file: String, tolerance: Decimal) throws(InfracostError) -> PriceCrossCheck {
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            throw .invalidData(problems: [DataProblem(file: file, line: error.line, message: "not valid JSON: \(error.reason) (column \(error.column))")])
        }
        guard case .object(let models) = root else {
            throw .invalidData(problems: [DataProblem(file: file, line: 1, message: "expected an object of model names (LiteLLM's model_prices_and_context_window.json layout)")])
        }
        var byKey: [String: JSONValue] = [:]
        for member in models { byKey[member.key.lowercased()] = member.value }
        var matches: [Match] = []
        var unmatched: [String] = []
        for offer in catalog.offers where offer.tier == .api || offer.tier == .serverless {
            guard let ours = offer.tokenRates else { continue }
            guard let key = candidateKeys(for: offer).first(where: { byKey[$0.lowercased()] != nil }),
                  let entry = byKey[key.lowercased()] else {
                unmatched.append(offer.id)
                continue
            }
            let input = perMillion(entry["input_cost_per_token"])
            let output = perMillion(entry["output_cost_per_token"])
            let agrees = within(ours.input, input, tolerance) && within(ours.output, output, tolerance)
            matches.append(Match(offerID: offer.id, key: key, ours: ours, theirs: (input, output), agrees: agrees))
        }
        return PriceCrossCheck(file: file, tolerance: tolerance, matches: matches, unmatched: unmatched, modelsInFile: models.count)
    }

    /// A per-token price in USD as a per-1M price, exactly (the number's text is read, not a float).
    static func perMillion(_ value: JSONValue?) -> Decimal? {
        let text: String
        switch value {
        case .number(let literal)?: text = literal
        case .string(let literal)?: text = literal
        default: return nil
        }
        guard let perToken = try? DecimalText.parse(text), perToken >= 0 else { return nil }
        return perToken * 1_000_000
    }

    /// Whether `theirs` is within `tolerance` of `ours` (relative to ours; both zero agree; a missing side does not).
    static func within(_ ours: Decimal, _ theirs: Decimal?, _ tolerance: Decimal) -> Bool {
        guard let theirs else { return false }
        if ours == 0 { return theirs == 0 }
        return abs(theirs - ours) <= tolerance * ours
    }
}

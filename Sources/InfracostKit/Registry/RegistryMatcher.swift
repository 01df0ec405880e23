import Foundation

/// Finds the registry entry for one of our offers: the key the offer names (`registry`), else the entries of
/// the offer's provider (with the registry's provider ids and key prefixes: `together_ai/`,
/// `fireworks_ai/accounts/fireworks/models/`, `vertex_ai/`, Bedrock's `meta.`...) whose model name has the same
/// words as ours once spelling variants are set aside (`llama-v3p3-70b-instruct` and `Llama-3.3-70B-Instruct-Turbo`
/// are both `llama 3 3 70b`).
public enum RegistryMatcher {
    /// Our provider names and the genai-prices provider ids that price the same service.
    static let genaiProviders: [String: [String]] = [
        "bedrock": ["aws"], "vertex": ["google"], "google": ["google"], "together": ["together"], "fireworks": ["fireworks"],
        "groq": ["groq"], "openai": ["openai"], "anthropic": ["anthropic"], "deepseek": ["deepseek"],
    ]

    /// Our provider names and LiteLLM's `litellm_provider` values for the same service.
    static let litellmProviders: [String: [String]] = [
        "together": ["together_ai"], "fireworks": ["fireworks_ai"], "groq": ["groq"], "bedrock": ["bedrock", "bedrock_converse"],
        "vertex": ["vertex_ai", "vertex_ai-language-models"], "google": ["gemini", "vertex_ai-language-models"],
        "deepseek": ["deepseek"], "deepinfra": ["deepinfra"], "openai": ["openai"], "anthropic": ["anthropic"],
    ]

    /// Words that name a serving variant rather than the model.
    static let filler: Set<String> = ["meta", "instruct", "turbo", "versatile", "chat", "hf", "basic", "latest", "fp8"]

    /// Our provider name for a registry's provider (the inverse of the tables above; others keep their name).
    public static func ourProvider(for entry: RegistryEntry) -> String {
        switch (entry.registry, entry.provider) {
        case (.genaiPrices, "aws"), (.litellm, "bedrock"), (.litellm, "bedrock_converse"): return "bedrock"
        case (.genaiPrices, "google"), (.litellm, "gemini"), (.litellm, "vertex_ai-language-models"): return "google"
        case (.litellm, "vertex_ai"): return "vertex"
        case (.litellm, "together_ai"): return "together"
        case (.litellm, "fireworks_ai"): return "fireworks"
        default: return entry.provider
        }
    }

    /// The entry matching `offer` in `file`, or nil.
    public static func match(_ offer: Offer, in file: RegistryFile) -> RegistryEntry? {
        if let key = offer.registryKeys[file.registry] { return file.entry(key: key) }
        let table = file.registry == .genaiPrices ? genaiProviders : litellmProviders
        let providers = Set(table[offer.provider] ?? [offer.provider])
        let wanted = words(String(offer.id.split(separator: "/", maxSplits: 1).last ?? Substring(offer.id)))
        guard !wanted.isEmpty else { return nil }
        return file.entries
            .filter { providers.contains($0.provider) && words(modelName($0)) == wanted }
            .min { ($0.model.count, $0.model) < ($1.model.count, $1.model) }
    }

    /// The model part of an entry's key: after the last `/`, without Bedrock's region and vendor prefixes.
    static func modelName(_ entry: RegistryEntry) -> String {
        var name = String(entry.model.split(separator: "/").last ?? Substring(entry.model))
        for prefix in ["global.", "regional.", "us.", "eu.", "apac."] where name.hasPrefix(prefix) { name.removeFirst(prefix.count) }
        if let dot = name.firstIndex(of: "."), name[..<dot].allSatisfy(\.isLetter) { name = String(name[name.index(after: dot)...]) }
        // Bedrock's version suffix: `-v1:0`, `-1:0`.
        if let colon = name.lastIndex(of: ":"), let dash = name[..<colon].lastIndex(of: "-") { name = String(name[..<dash]) }
        return name
    }

    /// A model name as words: lowercase, split at punctuation and where letters turn to digits (`llama3` ->
    /// `llama 3`, `v3p1` -> `3 1`), without filler words and a trailing Bedrock version (`v1 0`).
    static func words(_ name: String) -> [String] {
        var tokens: [String] = []
        for raw in name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            var piece = String(raw)
            // v3p1 / 3p1: a version written with p for the point.
            if piece.first == "v", piece.dropFirst().first?.isNumber == true { piece.removeFirst() }
            if piece.first?.isNumber == true, piece.contains("p"), piece.split(separator: "p").allSatisfy({ $0.allSatisfy(\.isNumber) && !$0.isEmpty }) {
                tokens += piece.split(separator: "p").map(String.init)
                continue
            }
            // llama3 -> llama 3 (a letter run followed by a number); 70b stays whole.
            if let firstDigit = piece.firstIndex(where: \.isNumber), firstDigit != piece.startIndex,
               piece[..<firstDigit].allSatisfy(\.isLetter), piece[firstDigit...].first?.isNumber == true {
                tokens.append(String(piece[..<firstDigit]))
                piece = String(piece[firstDigit...])
            }
            tokens.append(piece)
        }
        if tokens.count >= 2, tokens[tokens.count - 1] == "0", tokens[tokens.count - 2] == "1" { tokens.removeLast(2) }
        return tokens.filter { !filler.contains($0) }
    }
}

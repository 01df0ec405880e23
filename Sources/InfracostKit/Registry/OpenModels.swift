public import Foundation

/// Open-weight models recognised by name, with their size, so that imported per-token offers of them are
/// serverless offers of the right model class (compared with GPUs serving the same model), not API alternatives.
///
/// Sizes are total parameters in billions as the model cards give them (mixture-of-experts models also name
/// their active parameters). A name matches when its words (`RegistryMatcher.words`) contain a pattern's words
/// in order, so `meta.llama3-3-70b-instruct-v1:0`, `llama-v3p3-70b-instruct` and `Llama-3.3-70B-Instruct-Turbo`
/// are all Llama 3.3 70B.
public enum OpenModels {
    /// An open-weight model a registry name can resolve to: its name, parameters and the patterns that match it.
    public struct Model: Equatable, Sendable {
        public var name: String
        /// Total parameters, billions.
        public var paramsB: Decimal
        /// Active parameters per token, billions, for mixture-of-experts models.
        public var activeParamsB: Decimal?
        /// Words that identify it in a registry key.
        var words: [String]
        public var source: String
    }

    static func model(_ name: String, _ params: String, active: String? = nil, _ pattern: String, _ source: String) -> Model {
        Model(name: name, paramsB: Decimal(string: params)!, activeParamsB: active.flatMap { Decimal(string: $0) },
              words: RegistryMatcher.words(pattern), source: source)
    }

    /// Longer patterns first, so `llama 3 1 70b` is tried before `llama 3 70b`.
    public static let all: [Model] = [
        model("Llama 3.1 405B", "405", "llama-3.1-405b", "meta-llama/Llama-3.1-405B model card"),
        model("Llama 3.1 70B", "70", "llama-3.1-70b", "meta-llama/Llama-3.1-70B model card"),
        model("Llama 3.1 8B", "8", "llama-3.1-8b", "meta-llama/Llama-3.1-8B model card"),
        model("Llama 3.3 70B", "70", "llama-3.3-70b", "meta-llama/Llama-3.3-70B-Instruct model card"),
        model("Llama 3 70B", "70", "llama-3-70b", "meta-llama/Meta-Llama-3-70B model card"),
        model("Llama 3 8B", "8", "llama-3-8b", "meta-llama/Meta-Llama-3-8B model card"),
        model("Llama 4 Scout", "109", active: "17", "llama-4-scout", "meta-llama/Llama-4-Scout-17B-16E model card: 109B total, 17B active"),
        model("Llama 4 Maverick", "400", active: "17", "llama-4-maverick", "meta-llama/Llama-4-Maverick-17B-128E model card: 400B total, 17B active"),
        model("Llama 4 Scout", "109", active: "17", "llama4-scout", "meta-llama/Llama-4-Scout-17B-16E model card: 109B total, 17B active"),
        model("Llama 4 Maverick", "400", active: "17", "llama4-maverick", "meta-llama/Llama-4-Maverick-17B-128E model card: 400B total, 17B active"),
        model("gpt-oss-120b", "117", active: "5.1", "gpt-oss-120b", "openai/gpt-oss-120b model card: 117B total, 5.1B active"),
        model("gpt-oss-20b", "21", active: "3.6", "gpt-oss-20b", "openai/gpt-oss-20b model card: 21B total, 3.6B active"),
        model("Mixtral 8x7B", "46.7", active: "12.9", "mixtral-8x7b", "mistralai/Mixtral-8x7B-v0.1 model card: 46.7B total, 12.9B active"),
        model("Qwen3 235B-A22B", "235", active: "22", "qwen3-235b-a22b", "Qwen/Qwen3-235B-A22B model card: 235B total, 22B active"),
        model("Qwen3 30B-A3B", "30.5", active: "3.3", "qwen3-30b-a3b", "Qwen/Qwen3-30B-A3B model card: 30.5B total, 3.3B active"),
        model("Qwen3 32B", "32.8", "qwen3-32b", "Qwen/Qwen3-32B model card: 32.8B"),
        model("Qwen2.5 72B", "72.7", "qwen2.5-72b", "Qwen/Qwen2.5-72B model card: 72.7B"),
        model("Qwen2.5 7B", "7.61", "qwen2.5-7b", "Qwen/Qwen2.5-7B model card: 7.61B"),
    ]

    /// The open model a registry name serves, if it is one of ours.
    public static func model(named name: String) -> Model? {
        let words = RegistryMatcher.words(name)
        return all.first { contains(words, $0.words) }
    }

    /// Whether `words` holds `pattern` as a contiguous run.
    static func contains(_ words: [String], _ pattern: [String]) -> Bool {
        guard !pattern.isEmpty, words.count >= pattern.count else { return false }
        return (0...(words.count - pattern.count)).contains { Array(words[$0..<($0 + pattern.count)]) == pattern }
    }
}

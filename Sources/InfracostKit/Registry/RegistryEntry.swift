public import Foundation

/// The open price registries infracost reads: pydantic's genai-prices and BerriAI's LiteLLM price file.
public enum PriceRegistry: String, CaseIterable, Sendable {
    /// genai-prices: `prices/data.json` (the published interchange file) or the package's data dumped to JSON.
    case genaiPrices = "genai-prices"
    /// LiteLLM: `model_prices_and_context_window.json`, USD per token.
    case litellm

    /// The name people know it by, for notes and messages.
    public var displayName: String { self == .genaiPrices ? "genai-prices" : "LiteLLM" }
}

/// One model's per-token prices as a registry gives them, converted exactly to USD per 1M tokens and priced as
/// of one day (start-dated prices before it become history, after it announced changes).
public struct RegistryEntry: Equatable, Sendable {
    public var registry: PriceRegistry
    /// The registry's provider: a genai-prices provider id (`together`, `aws`) or LiteLLM's `litellm_provider`.
    public var provider: String
    /// The registry's own key: a genai-prices model id, or the LiteLLM key (`together_ai/meta-llama/...`).
    public var model: String
    /// A display name, when the registry has one.
    public var name: String?
    /// Line of the entry in the file, for messages.
    public var line: Int
    /// Standard input and output prices, USD per 1M tokens, on the day read.
    public var rates: TokenRates
    /// USD per 1M cached input tokens, where priced.
    public var cachedInputPerMTok: Decimal?
    /// Batch, flex and priority prices, where given.
    public var modeRates: [PricingMode: TokenRates] = [:]
    /// A long-context tier (the whole request at these prices above the threshold).
    public var contextTier: ContextTier?
    /// Earlier and announced prices (start-dated entries other than the current one).
    public var history: [PricePoint] = []
    /// The first day the current price applies, when the registry dates it.
    public var effectiveFrom: Day?
    /// genai-prices' `deprecated: true` (a flag without a date).
    public var markedDeprecated = false
    /// LiteLLM's `deprecation_date`.
    public var deprecatedOn: Day?
    /// Prices the registry gives for windows of the day (DeepSeek's peak or off-peak hours); not imported, but
    /// compared: ours agree when our standard and off-peak prices are among the registry's.
    public var timeOfDayRates: [TokenRates] = []
    /// Whether the registry also has time-of-day prices.
    public var hasTimeOfDayPrices: Bool { !timeOfDayRates.isEmpty }
    /// The provider's pricing page, when the registry names one.
    public var pricingURL: String?

    /// A price of `provider`'s `model` in `registry`, read at `line` (1-based) of its snapshot: `rates` per million
    /// tokens (exact), under the display `name` when the registry gives one.
    public init(registry: PriceRegistry, provider: String, model: String, name: String? = nil, line: Int, rates: TokenRates) {
        self.registry = registry
        self.provider = provider
        self.model = model
        self.name = name
        self.line = line
        self.rates = rates
    }

    /// `provider/model` as the registry spells it, for messages and offers' `registry` keys.
    public var key: String {
        registry == .litellm ? model : "\(provider)/\(model)"
    }
}

/// A registry file read into entries, with every entry that could not be represented and why.
public struct RegistryFile: Equatable, Sendable {
    public var registry: PriceRegistry
    public var file: String
    /// What the file says of its own version, when it says anything (genai-prices' generator note).
    public var version: String?
    public var entries: [RegistryEntry]
    /// Entries left out: the entry's key and the reason (embeddings, per-image prices, no price...).
    public var skipped: [(key: String, reason: String)]

    public static func == (lhs: RegistryFile, rhs: RegistryFile) -> Bool {
        lhs.registry == rhs.registry && lhs.file == rhs.file && lhs.version == rhs.version && lhs.entries == rhs.entries
            && lhs.skipped.map(\.key) == rhs.skipped.map(\.key) && lhs.skipped.map(\.reason) == rhs.skipped.map(\.reason)
    }

    /// The entry with a key, compared without regard to case.
    public func entry(key: String) -> RegistryEntry? {
        let wanted = key.lowercased()
        return entries.first { $0.key.lowercased() == wanted }
    }

    /// The largest registry file read (64 MiB).
    public static let maximumFileSize = 64 * 1024 * 1024

    /// Reads a registry file's bytes, recognising its kind; `expected` (the user's `--from`) must match it.
    /// - Parameter day: the day to price start-dated entries for, `YYYY-MM-DD`.
    /// - Throws: `InfracostError.invalidData` when the file is not JSON, not a registry file, or the other kind.
    public static func read(_ bytes: [UInt8], file: String, expected: PriceRegistry? = nil, day: Day) throws(InfracostError) -> RegistryFile {
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            throw .invalidData(problems: [DataProblem(file: file, line: error.line, message: "not valid JSON: \(error.reason) (column \(error.column))")])
        }
        guard let kind = detect(root) else {
            throw .invalidData(problems: [DataProblem(file: file, line: 1, message:
                "neither a genai-prices file (a list of providers, or an object with \"providers\") nor a LiteLLM price file (an object of models with litellm_provider)")])
        }
        if let expected, expected != kind {
            throw .invalidData(problems: [DataProblem(file: file, line: 1, message:
                "this is a \(kind.displayName) file, not \(expected.displayName) (use \(Setting.registry) \(kind.rawValue))")])
        }
        switch kind {
        case .genaiPrices: return try GenAIPricesReader.read(root, file: file, day: day)
        case .litellm: return try LiteLLMReader.read(root, file: file)
        }
    }

    /// Which registry a parsed file comes from, or nil when neither.
    static func detect(_ root: JSONValue) -> PriceRegistry? {
        switch root {
        case .array(let elements):
            if case .object? = elements.first?.value, elements.first?.value["models"] != nil { return .genaiPrices }
            return nil
        case .object(let members):
            if case .array? = root["providers"] { return .genaiPrices }
            let sample = members.prefix(50).filter { $0.key != "sample_spec" }
            if !sample.isEmpty, sample.contains(where: { $0.value["litellm_provider"] != nil }) { return .litellm }
            return nil
        default:
            return nil
        }
    }
}

/// Numbers in registry files, read from their text (never through a binary float).
enum RegistryNumber {
    /// A JSON number or numeric string as an exact decimal; nil when absent or not a number.
    static func decimal(_ value: JSONValue?) -> Decimal? {
        switch value {
        case .number(let text)?, .string(let text)?:
            guard let number = try? DecimalText.parse(text), number >= 0 else { return nil }
            return number
        default:
            return nil
        }
    }

    /// A price per token as a price per 1M tokens: 8.8e-07 is 0.88 exactly.
    static func perMillion(_ value: JSONValue?) -> Decimal? {
        decimal(value).map { $0 * 1_000_000 }
    }
}

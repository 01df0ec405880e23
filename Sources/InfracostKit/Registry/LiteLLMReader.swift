import Foundation

/// Reads LiteLLM's `model_prices_and_context_window.json`: an object of model keys to USD-per-token costs.
enum LiteLLMReader {
    /// Modes that are text generation priced per token.
    static let textModes: Set<String> = ["chat", "completion", "responses"]

    static func read(_ root: JSONValue, file: String) throws(InfracostError) -> RegistryFile {
        guard case .object(let members) = root else {
            throw .invalidData(problems: [DataProblem(file: file, line: 1, message: "a LiteLLM price file is an object of model names")])
        }
        var entries: [RegistryEntry] = []
        var skipped: [(key: String, reason: String)] = []
        var problems: [DataProblem] = []
        for member in members where member.key != "sample_spec" {
            let value = member.value
            guard case .object = value else {
                skipped.append((member.key, "not an object"))
                continue
            }
            if case .string(let mode)? = value["mode"], !textModes.contains(mode) {
                skipped.append((member.key, "mode '\(mode)' is not text generation"))
                continue
            }
            let invalid = ["input_cost_per_token", "output_cost_per_token"].filter { field in
                value[field] != nil && RegistryNumber.perMillion(value[field]) == nil
            }
            if let field = invalid.first {
                problems.append(DataProblem(file: file, line: member.line, entry: TextSafety.excerpt(member.key), entryKind: "model", field: field,
                                            message: "is not a price: a number of USD per token, at least 0"))
                continue
            }
            guard let input = RegistryNumber.perMillion(value["input_cost_per_token"]),
                  let output = RegistryNumber.perMillion(value["output_cost_per_token"]) else {
                skipped.append((member.key, "no input_cost_per_token and output_cost_per_token"))
                continue
            }
            var provider = ""
            if case .string(let name)? = value["litellm_provider"] { provider = name }
            var entry = RegistryEntry(registry: .litellm, provider: provider, model: member.key, line: member.line,
                                      rates: TokenRates(input: input, output: output))
            entry.cachedInputPerMTok = RegistryNumber.perMillion(value["cache_read_input_token_cost"])
            for (mode, suffix) in [(PricingMode.batch, "batches"), (.flex, "flex"), (.priority, "priority")] {
                if let modeInput = RegistryNumber.perMillion(value["input_cost_per_token_\(suffix)"]),
                   let modeOutput = RegistryNumber.perMillion(value["output_cost_per_token_\(suffix)"]) {
                    entry.modeRates[mode] = TokenRates(input: modeInput, output: modeOutput)
                }
            }
            for threshold in [128_000, 200_000, 256_000, 272_000] {
                let label = "above_\(threshold / 1000)k_tokens"
                if let longInput = RegistryNumber.perMillion(value["input_cost_per_token_\(label)"]) {
                    let longOutput = RegistryNumber.perMillion(value["output_cost_per_token_\(label)"]) ?? output
                    entry.contextTier = ContextTier(aboveInputTokens: Decimal(threshold), rates: TokenRates(input: longInput, output: longOutput))
                    break
                }
            }
            if case .string(let date)? = value["deprecation_date"], let day = Day(date) { entry.deprecatedOn = day }
            entries.append(entry)
        }
        if !problems.isEmpty { throw .invalidData(problems: problems) }
        return RegistryFile(registry: .litellm, file: file, version: nil, entries: entries, skipped: skipped)
    }
}

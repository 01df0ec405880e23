public import Foundation

/// A month of LLM inference to be priced: how many tokens, of what model size, under which assumptions.
public struct Workload: Equatable, Sendable {
    /// Input (prompt) tokens per month.
    public var inputTokens: Decimal
    /// Output (generated) tokens per month.
    public var outputTokens: Decimal
    /// Model size in billions of parameters; selects serverless offers and sizes GPUs.
    public var modelParamsB: Decimal
    /// Whether `modelParamsB` is the default rather than the user's choice (shown in assumptions).
    public var modelSizeIsDefault: Bool
    /// Hours in the billing month (default 730: 8,760 h / 12).
    public var hoursPerMonth: Decimal
    /// Share of a dedicated GPU's throughput that may be used when sizing, 0 < u <= 1 (default 0.8).
    public var targetUtilization: Decimal
    /// Cold starts per day billed to serverless-gpu options (default 0; `simulate` derives them from traffic).
    public var coldStartsPerDay: Decimal
    /// Replicas kept warm all month on serverless-gpu options (default 0).
    public var keepWarmReplicas: Int
    /// Seconds a serverless-gpu replica idles before scaling to zero; nil means the offer's own, or 300 s.
    public var idleTimeoutSeconds: Decimal?
    /// Share of a spot instance's hours assumed lost to interruptions (reclaim, re-provisioning, reload), 0...0.9
    /// (default 0.10, an assumption, not a published figure): spot capacity is sized at target utilization x (1 - it).
    public var spotInterruption: Decimal = Workload.defaultSpotInterruption
    /// Per-token pricing choices: mode, cached share, request size, time profile.
    public var tokenPricing = TokenPricing()
    /// How GPU options are sized: model architecture, precision, latency target.
    public var serving = ServingChoices()

    /// The model size used when the user names none: the 70B class of the published comparisons.
    public static let defaultModelParamsB: Decimal = 70
    public static let defaultHoursPerMonth: Decimal = 730
    public static let defaultTargetUtilization = Decimal(string: "0.8")!
    public static let defaultInputShare = Decimal(string: "0.75")!
    /// Idle timeout assumed when neither the user nor the offer gives one: the top of the published 30 s-5 min range.
    public static let defaultIdleTimeoutSeconds: Decimal = 300
    public static let defaultSpotInterruption = Decimal(string: "0.10")!

    /// The share of an instance's throughput used when sizing `offer`: the target utilization, less the assumed
    /// interruptions for spot instances.
    public func sizingUtilization(for offer: Offer) -> Decimal {
        offer.purchase == .spot ? targetUtilization * (1 - spotInterruption) : targetUtilization
    }

    /// A month's workload: input and output tokens (exact, non-negative), the model size in billions of parameters,
    /// the month's hours, and how dedicated capacity is sized and bought.
    public init(
        inputTokens: Decimal, outputTokens: Decimal, modelParamsB: Decimal = Workload.defaultModelParamsB,
        modelSizeIsDefault: Bool = false, hoursPerMonth: Decimal = Workload.defaultHoursPerMonth,
        targetUtilization: Decimal = Workload.defaultTargetUtilization, coldStartsPerDay: Decimal = 0,
        keepWarmReplicas: Int = 0, idleTimeoutSeconds: Decimal? = nil
    ) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.modelParamsB = modelParamsB
        self.modelSizeIsDefault = modelSizeIsDefault
        self.hoursPerMonth = hoursPerMonth
        self.targetUtilization = targetUtilization
        self.coldStartsPerDay = coldStartsPerDay
        self.keepWarmReplicas = keepWarmReplicas
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    /// The input and output tokens of a nominal month (1M tokens) split at `inputShare`: the shape of a workload for
    /// answers that do not depend on its volume (throughput, simulation, ranges of volume).
    public static func nominal(inputShare: Decimal = Workload.defaultInputShare) -> (input: Decimal, output: Decimal) {
        split(tokens: nominalTokens, inputShare: inputShare)
    }

    /// Tokens a month of the nominal workload (`nominal(inputShare:)`).
    public static let nominalTokens: Decimal = 1_000_000

    /// A workload of `tokens` a month split by `inputShare` (0...1) into input and output tokens.
    public static func split(tokens: Decimal, inputShare: Decimal = Workload.defaultInputShare) -> (input: Decimal, output: Decimal) {
        let input = tokens * inputShare
        return (input, tokens - input)
    }

    /// Input plus output tokens per month.
    public var totalTokens: Decimal { inputTokens + outputTokens }

    /// Input tokens as a share of all tokens (0...1).
    public var inputShare: Decimal { totalTokens == 0 ? 0 : inputTokens / totalTokens }

    /// Days in the month, `hoursPerMonth / 24`.
    public var daysPerMonth: Decimal { hoursPerMonth / 24 }

    /// Checks every field's range.
    /// - Throws: `InfracostError.invalidQuantity` naming the flag of the first bad field.
    public func validate() throws(InfracostError) {
        if inputTokens < 0 || outputTokens < 0 || totalTokens == 0 {
            throw .invalidQuantity(label: "\(Setting.tokens)", value: Numbers.exact(totalTokens), reason: "the workload needs a positive number of tokens")
        }
        if totalTokens > TokenCount.maximum {
            throw .invalidQuantity(label: "\(Setting.tokens)", value: Numbers.exact(totalTokens),
                                   reason: "it is more than 1e15 tokens a month (a request rate times tokens per request counts too)")
        }
        if modelParamsB <= 0 {
            throw .invalidQuantity(label: "\(Setting.modelSize)", value: Numbers.exact(modelParamsB), reason: "must be greater than zero")
        }
        if !Limits.hoursPerMonth.contains(hoursPerMonth) {
            throw .invalidQuantity(label: "\(Setting.hoursPerMonth)", value: Numbers.exact(hoursPerMonth), reason: "must be \(Limits.positive(upTo: Limits.hoursPerMonth)) (31 days)")
        }
        if !Limits.targetUtilization.contains(targetUtilization) {
            throw .invalidQuantity(label: "\(Setting.targetUtilization)", value: Numbers.exact(targetUtilization), reason: "must be \(Limits.positive(upTo: Limits.targetUtilization))")
        }
        if coldStartsPerDay < 0 {
            throw .invalidQuantity(label: "\(Setting.coldStartsPerDay)", value: Numbers.exact(coldStartsPerDay), reason: "cannot be negative")
        }
        if keepWarmReplicas < 0 {
            throw .invalidQuantity(label: "\(Setting.keepWarm)", value: String(keepWarmReplicas), reason: "cannot be negative")
        }
        if spotInterruption < 0 || spotInterruption > Decimal(string: "0.9")! {
            throw .invalidQuantity(label: "\(Setting.spotInterruption)", value: Numbers.exact(spotInterruption), reason: "must be between 0% and 90%")
        }
        if tokenPricing.cachedShare < 0 || tokenPricing.cachedShare > 1 {
            throw .invalidQuantity(label: "\(Setting.cachedShare)", value: Numbers.exact(tokenPricing.cachedShare), reason: "must be between 0% and 100%")
        }
        if let size = tokenPricing.inputTokensPerRequest, size <= 0 {
            throw .invalidQuantity(label: "\(Setting.tokensPerRequest)", value: Numbers.exact(size), reason: "must be greater than zero")
        }
        if let idleTimeoutSeconds, idleTimeoutSeconds < 0 {
            throw .invalidQuantity(label: "\(Setting.idleTimeout)", value: Numbers.exact(idleTimeoutSeconds), reason: "cannot be negative")
        }
    }
}

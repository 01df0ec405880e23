public import Foundation

/// A workload as a caller gives it, setting by setting, each already read into its type (the command line reads its
/// flags with the quantity parsers of `Quantities/`): a volume, its mix, the model and how GPU options are sized, the
/// month, and how serverless and dedicated capacity is billed. `workload()` applies the rules that combine settings
/// and the defaults of those not given; its errors name the settings (`Setting`), which each caller spells in its own
/// words. Ranges a value must be in on its own are the parsers'; `Workload.validate()` checks the result again.
public struct WorkloadSettings: Equatable, Sendable {
    /// Tokens a month, input + output, split by `inputShare`; or give `inputTokens` and `outputTokens` instead.
    public var tokens: Decimal?
    /// Input tokens a month (0 or more), with `outputTokens`.
    public var inputTokens: Decimal?
    /// Output tokens a month (0 or more), with `inputTokens`.
    public var outputTokens: Decimal?
    /// The share of `tokens` that is input, 0...1 (default `Workload.defaultInputShare`); only with `tokens`.
    public var inputShare: Decimal?
    /// The model size in billions of parameters (default `Workload.defaultModelParamsB`).
    public var modelSize: Decimal?
    /// A model of the catalog, by name (sets the size when GPUs are sized); resolved by the request that uses it.
    public var model: String?
    /// Active parameters of a generic mixture-of-experts model, billions; at most the model size.
    public var activeParams: Decimal?
    /// The weight precision GPU options run (default: the best native of bf16 and fp8).
    public var precision: Precision?
    /// The largest inter-token latency GPU options are sized for, seconds (more than 0; default 50 ms).
    public var maxITLSeconds: Decimal?
    /// The largest time to first token GPU options are sized for, seconds (more than 0; default none).
    public var maxTTFTSeconds: Decimal?
    /// Size GPU options for their saturated throughput, latency not bounded.
    public var maxThroughput = false
    /// Hours in the billing month (default `Workload.defaultHoursPerMonth`).
    public var hoursPerMonth: Decimal?
    /// The share of a dedicated GPU's throughput to plan for, more than 0 and at most 1.
    public var targetUtilization: Decimal?
    /// Cold starts a day billed to serverless-gpu options (default 0).
    public var coldStartsPerDay: Decimal?
    /// Replicas kept warm all month on serverless-gpu options.
    public var keepWarm = 0
    /// Idle seconds before a serverless-gpu replica scales to zero (default: the offer's).
    public var idleTimeoutSeconds: Decimal?
    /// The per-token pricing mode.
    public var mode: PricingMode = .standard
    /// The share of input tokens read from the prompt cache, 0...1.
    public var cachedShare: Decimal?
    /// Tokens per request, input + output, split like the workload's mix (applies long-context tiers).
    public var tokensPerRequest: Decimal?
    /// The share of a spot instance's hours assumed lost to interruptions, 0...0.9.
    public var spotInterruption: Decimal?

    /// No setting given: every default.
    public init() {}

    /// Whether a volume was given (`tokens`, `inputTokens` or `outputTokens`).
    public var hasVolume: Bool { tokens != nil || inputTokens != nil || outputTokens != nil }

    /// The workload these settings describe; without a volume and when `volumeRequired` is false, the shape alone
    /// with a nominal volume (the caller fills in the volume, e.g. from traffic).
    /// - Throws: `InfracostError` naming the settings that do not go together or are missing.
    public func workload(volumeRequired: Bool = true) throws(InfracostError) -> Workload {
        if !volumeRequired, !hasVolume { return try shapeOnly() }
        let input: Decimal
        let output: Decimal
        switch (tokens, inputTokens, outputTokens) {
        case (let tokens?, nil, nil):
            (input, output) = Workload.split(tokens: tokens, inputShare: inputShare ?? Workload.defaultInputShare)
        case (nil, let inputTokens?, let outputTokens?):
            if inputShare != nil {
                throw .invalidUsage(message: "\(Setting.inputShare) goes with \(Setting.tokens), not with \(Setting.inputTokens)/\(Setting.outputTokens)")
            }
            if inputTokens + outputTokens == 0 {
                throw .invalidQuantity(label: "\(Setting.inputTokens)", value: Numbers.exact(inputTokens), reason: "input and output tokens cannot both be zero")
            }
            (input, output) = (inputTokens, outputTokens)
        case (nil, nil, nil):
            throw .invalidUsage(message: "missing volume: give \(Setting.tokens) (e.g. \(Setting.tokens) 2B), or \(Setting.inputTokens) and \(Setting.outputTokens)")
        case (nil, _, _):
            throw .invalidUsage(message: "\(Setting.inputTokens) and \(Setting.outputTokens) go together")
        case (.some, _, _):
            throw .invalidUsage(message: "give \(Setting.tokens), or \(Setting.inputTokens) and \(Setting.outputTokens), not both")
        }
        return try workload(inputTokens: input, outputTokens: output)
    }

    /// A workload of this shape with a nominal volume (1M tokens at the input share), for answers over a range of
    /// volumes.
    public func shapeOnly() throws(InfracostError) -> Workload {
        let (input, output) = Workload.nominal(inputShare: inputShare ?? Workload.defaultInputShare)
        return try workload(inputTokens: input, outputTokens: output)
    }

    /// A workload of this model with a nominal volume (1M tokens, the default mix) and only the model, month and
    /// serving settings, for answers that price a shape rather than a volume (simulate, keepwarm, analyze).
    public func nominalShape() throws(InfracostError) -> Workload {
        let (input, output) = Workload.nominal()
        var shape = Workload(inputTokens: input, outputTokens: output, modelParamsB: modelParamsB, hoursPerMonth: hours)
        shape.serving = try serving()
        return shape
    }

    /// The model size given, or the default.
    public var modelParamsB: Decimal { modelSize ?? Workload.defaultModelParamsB }

    /// The month's hours given, or the default.
    public var hours: Decimal { hoursPerMonth ?? Workload.defaultHoursPerMonth }

    /// How GPU options are sized: the model, precision and latency target (a time-to-first-token target alone
    /// replaces the default inter-token one; maximum throughput drops both).
    /// - Throws: `InfracostError.invalidUsage` when the active parameters exceed the model size.
    public func serving() throws(InfracostError) -> ServingChoices {
        var choices = ServingChoices()
        choices.model = model
        choices.precision = precision
        if let activeParams {
            if activeParams > modelParamsB {
                throw .invalidUsage(message: "\(Setting.activeParams) \(Numbers.exact(activeParams))B is more than the model's \(Numbers.exact(modelParamsB))B")
            }
            choices.activeParamsB = activeParams
        }
        if let maxITLSeconds { choices.maxITLms = NSDecimalNumber(decimal: maxITLSeconds).doubleValue * 1000 }
        if let maxTTFTSeconds {
            choices.maxTTFTms = NSDecimalNumber(decimal: maxTTFTSeconds).doubleValue * 1000
            if maxITLSeconds == nil { choices.maxITLms = nil }
        }
        choices.maxThroughput = maxThroughput
        if maxThroughput { choices.maxITLms = nil }
        return choices
    }

    /// A workload of this shape with the given volume.
    func workload(inputTokens: Decimal, outputTokens: Decimal) throws(InfracostError) -> Workload {
        var workload = Workload(
            inputTokens: inputTokens, outputTokens: outputTokens, modelParamsB: modelParamsB, modelSizeIsDefault: modelSize == nil,
            hoursPerMonth: hours, targetUtilization: targetUtilization ?? Workload.defaultTargetUtilization,
            coldStartsPerDay: coldStartsPerDay ?? 0, keepWarmReplicas: keepWarm, idleTimeoutSeconds: idleTimeoutSeconds)
        if let spotInterruption { workload.spotInterruption = spotInterruption }
        workload.serving = try serving()
        workload.tokenPricing.mode = mode
        if let cachedShare { workload.tokenPricing.cachedShare = cachedShare }
        // Split like the workload's own mix (its input and output tokens, else the input share), so the request
        // shape and the volume agree.
        if let tokensPerRequest { workload.tokenPricing.inputTokensPerRequest = tokensPerRequest * workload.inputShare }
        try workload.validate()
        return workload
    }
}

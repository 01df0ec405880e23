import ArgumentParser
import Foundation
import InfracostKit

/// What a workload is like apart from its volume: model size, token mix, month, utilization, cold starts.
struct WorkloadShapeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Share of tokens that are input, 0-1 or a percentage. (default: 0.75, i.e. 3 input : 1 output)", valueName: "share"))
    var inputShare: String?

    @OptionGroup var model: ModelOptions

    @Option(help: ArgumentHelp("Share of a dedicated GPU's throughput to plan for, 0-1 or a percentage. (default: 0.8)", valueName: "share"))
    var targetUtilization: String?

    @Option(help: ArgumentHelp("Cold starts per day billed to serverless-gpu options. (default: 0)", valueName: "count"))
    var coldStartsPerDay: String?

    @Option(help: ArgumentHelp("Replicas kept warm all month on serverless-gpu options.", valueName: "replicas"))
    var keepWarm: Int = 0

    @Option(help: ArgumentHelp("Idle seconds before a serverless-gpu replica scales to zero, e.g. 60s or 5m. (default: the offer's, else 5m)", valueName: "duration"))
    var idleTimeout: String?

    @Option(help: ArgumentHelp("Per-token mode: standard, batch, flex or priority; offers without that mode's price are unpriced.", valueName: "mode"))
    var mode: PricingMode = .standard

    @Option(help: ArgumentHelp("Share of input tokens read from the prompt cache, billed at the cached-input price. (default: 0)", valueName: "share"))
    var cachedShare: String?

    @Option(help: ArgumentHelp("Tokens per request, input + output, split like --input-share; applies long-context tiers.", valueName: "count"))
    var tokensPerRequest: String?

    @Option(help: ArgumentHelp("Share of a spot instance's hours assumed lost to interruptions; spot capacity is sized for it. (default: 10%)", valueName: "share"))
    var spotInterruption: String?

    /// The input share given, or the default 0.75.
    func inputShareValue() throws(InfracostError) -> Decimal {
        try inputShare.map { text throws(InfracostError) in try Fraction.parse(text, label: "--input-share") } ?? Workload.defaultInputShare
    }

    /// A workload of this shape with the given volume.
    /// - Throws: `InfracostError.invalidQuantity` naming the flag of the first bad value.
    func workload(inputTokens: Decimal, outputTokens: Decimal) throws(InfracostError) -> Workload {
        var workload = Workload(
            inputTokens: inputTokens, outputTokens: outputTokens,
            modelParamsB: try model.modelParamsB(),
            modelSizeIsDefault: model.modelSize == nil,
            hoursPerMonth: try model.hours(),
            targetUtilization: try targetUtilization.map { text throws(InfracostError) in
                try Fraction.parse(text, label: "--target-utilization", allowZero: false)
            } ?? Workload.defaultTargetUtilization,
            coldStartsPerDay: try coldStartsPerDay.map { text throws(InfracostError) in
                try PlainNumber.parse(text, label: "--cold-starts-per-day", range: Limits.coldStartsPerDay, rangeText: "between 0 and \(Numbers.exact(Limits.coldStartsPerDay.upperBound))")
            } ?? 0,
            keepWarmReplicas: keepWarm,
            idleTimeoutSeconds: try idleTimeout.map { text throws(InfracostError) in try DurationText.parse(text, label: "--idle-timeout") }
        )
        if let spotInterruption {
            workload.spotInterruption = try Fraction.parse(spotInterruption, label: "--spot-interruption")
        }
        workload.serving = try model.serving()
        workload.tokenPricing.mode = mode
        if let cachedShare { workload.tokenPricing.cachedShare = try Fraction.parse(cachedShare, label: "--cached-share") }
        if let tokensPerRequest {
            let size = try TokenCount.parse(tokensPerRequest, label: "--tokens-per-request")
            // Split like the workload's own mix (its --input-tokens/--output-tokens, else --input-share), so the
            // request shape and the volume agree.
            workload.tokenPricing.inputTokensPerRequest = size * workload.inputShare
        }
        try workload.validate()
        return workload
    }

    /// A workload of this shape with a nominal volume (1M tokens), for commands that range over volumes.
    func shapeOnly() throws(InfracostError) -> Workload {
        let (input, output) = Workload.nominal(inputShare: try inputShareValue())
        return try workload(inputTokens: input, outputTokens: output)
    }

    func validate() throws {
        if !Limits.keepWarmReplicas.contains(keepWarm) {
            throw ValidationError("invalid value '\(keepWarm)' for --keep-warm: must be \(Limits.between(Limits.keepWarmReplicas))")
        }
    }
}

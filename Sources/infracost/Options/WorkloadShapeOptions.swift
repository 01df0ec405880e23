import ArgumentParser
import Foundation
import InfracostKit

/// What a workload is like apart from its volume: model size, token mix, month, utilization, cold starts.
struct WorkloadShapeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Share of tokens that are input, 0-1 or a percentage. (default: 0.75, i.e. 3 input : 1 output)", valueName: "share"),
            transform: ArgumentValue.share)
    var inputShare: Decimal?

    @OptionGroup var model: ModelOptions

    @Option(help: ArgumentHelp("Share of a dedicated GPU's (or an always-up serverless-gpu replica's) throughput to plan for, 0-1 or a percentage. (default: 0.8)", valueName: "share"),
            transform: ArgumentValue.positiveShare)
    var targetUtilization: Decimal?

    @Option(help: ArgumentHelp("Cold starts per day of serverless-gpu replicas: traffic with idle gaps, billed for busy time, loading and idle tails. With 0, replicas never scale to zero and are billed all month. (default: 0)", valueName: "count"),
            transform: ArgumentValue.number(in: Limits.coldStartsPerDay, "between 0 and \(Numbers.exact(Limits.coldStartsPerDay.upperBound))"))
    var coldStartsPerDay: Decimal?

    @Option(help: ArgumentHelp("Replicas kept warm all month on serverless-gpu options. (default: 0)", valueName: "replicas"),
            transform: ArgumentValue.integer(in: Limits.keepWarmReplicas))
    var keepWarm: Int = 0

    @Option(help: ArgumentHelp("Idle seconds before a serverless-gpu replica scales to zero, e.g. 60s or 5m. (default: the offer's, else 5m)", valueName: "duration"),
            transform: ArgumentValue.duration)
    var idleTimeout: Decimal?

    @Option(help: ArgumentHelp("Per-token mode: standard, batch, flex or priority; offers without that mode's price are unpriced.", valueName: "mode"))
    var mode: PricingMode = .standard

    @Option(help: ArgumentHelp("Share of input tokens read from the prompt cache, billed at the cached-input price. (default: 0)", valueName: "share"),
            transform: ArgumentValue.share)
    var cachedShare: Decimal?

    @Option(help: ArgumentHelp("Tokens per request, input + output, split like --input-share; applies long-context tiers.", valueName: "count"),
            transform: ArgumentValue.tokenCount)
    var tokensPerRequest: Decimal?

    @Option(help: ArgumentHelp("Share of a spot instance's hours assumed lost to interruptions; spot capacity is sized for it. (default: 10%)", valueName: "share"),
            transform: ArgumentValue.share)
    var spotInterruption: Decimal?

    /// The shape settings, with the model's.
    var settings: WorkloadSettings {
        var settings = model.settings
        settings.inputShare = inputShare
        settings.targetUtilization = targetUtilization
        settings.coldStartsPerDay = coldStartsPerDay
        settings.keepWarm = keepWarm
        settings.idleTimeoutSeconds = idleTimeout
        settings.mode = mode
        settings.cachedShare = cachedShare
        settings.tokensPerRequest = tokensPerRequest
        settings.spotInterruption = spotInterruption
        return settings
    }
}

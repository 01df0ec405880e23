import ArgumentParser
import Foundation
import InfracostKit

/// The workload: how many tokens a month (and, through `shape`, of what model under which assumptions).
struct WorkloadOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Tokens per month, input + output: 750k, 50M, 2B, 1.5e9 or 10000000.", valueName: "count"),
            transform: ArgumentValue.tokenCount)
    var tokens: Decimal?

    @Option(help: ArgumentHelp("Input tokens per month (with --output-tokens, instead of --tokens).", valueName: "count"),
            transform: ArgumentValue.tokenCountOrZero)
    var inputTokens: Decimal?

    @Option(help: ArgumentHelp("Output tokens per month (with --input-tokens, instead of --tokens).", valueName: "count"),
            transform: ArgumentValue.tokenCountOrZero)
    var outputTokens: Decimal?

    @OptionGroup var shape: WorkloadShapeOptions

    /// Every workload setting the flags give.
    var settings: WorkloadSettings {
        var settings = shape.settings
        settings.tokens = tokens
        settings.inputTokens = inputTokens
        settings.outputTokens = outputTokens
        return settings
    }
}

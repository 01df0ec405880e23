import ArgumentParser
import Foundation
import InfracostKit

/// The workload: how many tokens a month, of what model, under which assumptions.
struct WorkloadOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Tokens per month, input + output: 750k, 50M, 2B, 1.5e9 or 10000000.", valueName: "count"))
    var tokens: String?

    @Option(help: ArgumentHelp("Share of --tokens that is input, 0-1 or a percentage. (default: 0.75, i.e. 3 input : 1 output)", valueName: "share"))
    var inputShare: String?

    @Option(help: ArgumentHelp("Input tokens per month (with --output-tokens, instead of --tokens).", valueName: "count"))
    var inputTokens: String?

    @Option(help: ArgumentHelp("Output tokens per month (with --input-tokens, instead of --tokens).", valueName: "count"))
    var outputTokens: String?

    @Option(help: ArgumentHelp("Model size in billions of parameters, e.g. 8B or 70B: selects serverless offers and sizes GPUs. (default: 70B)", valueName: "size"))
    var modelSize: String?

    @Option(help: ArgumentHelp("Hours in the billing month. (default: 730)", valueName: "hours"))
    var hoursPerMonth: String?

    @Option(help: ArgumentHelp("Share of a dedicated GPU's throughput to plan for, 0-1 or a percentage. (default: 0.8)", valueName: "share"))
    var targetUtilization: String?

    @Option(help: ArgumentHelp("Cold starts per day billed to serverless-gpu options. (default: 0)", valueName: "count"))
    var coldStartsPerDay: String?

    @Option(help: ArgumentHelp("Replicas kept warm all month on serverless-gpu options.", valueName: "replicas"))
    var keepWarm: Int = 0

    @Option(help: ArgumentHelp("Idle seconds before a serverless-gpu replica scales to zero, e.g. 60s or 5m. (default: the offer's, else 5m)", valueName: "duration"))
    var idleTimeout: String?

    /// The workload the flags describe.
    /// - Throws: `InfracostError.invalidQuantity` naming the flag of the first bad value.
    func workload() throws(InfracostError) -> Workload {
        let input: Decimal
        let output: Decimal
        switch (tokens, inputTokens, outputTokens) {
        case (let tokens?, nil, nil):
            let total = try TokenCount.parse(tokens, flag: "--tokens")
            let share = try inputShare.map { text throws(InfracostError) in try Fraction.parse(text, flag: "--input-share") }
            (input, output) = Workload.split(tokens: total, inputShare: share ?? Workload.defaultInputShare)
        case (nil, let inputText?, let outputText?):
            if inputShare != nil {
                throw .invalidUsage(message: "--input-share goes with --tokens, not with --input-tokens/--output-tokens")
            }
            input = try TokenCount.parse(inputText, flag: "--input-tokens", allowZero: true)
            output = try TokenCount.parse(outputText, flag: "--output-tokens", allowZero: true)
            if input + output == 0 {
                throw .invalidQuantity(flag: "--input-tokens", value: inputText, reason: "input and output tokens cannot both be zero")
            }
        case (nil, nil, nil):
            throw .invalidUsage(message: "missing volume: give --tokens (e.g. --tokens 2B), or --input-tokens and --output-tokens")
        case (nil, _, _):
            throw .invalidUsage(message: "--input-tokens and --output-tokens go together")
        case (.some, _, _):
            throw .invalidUsage(message: "give --tokens, or --input-tokens and --output-tokens, not both")
        }
        let workload = Workload(
            inputTokens: input, outputTokens: output,
            modelParamsB: try modelSize.map { text throws(InfracostError) in try ModelSize.parse(text) } ?? Workload.defaultModelParamsB,
            modelSizeIsDefault: self.modelSize == nil,
            hoursPerMonth: try hoursPerMonth.map { text throws(InfracostError) in
                try PlainNumber.parse(text, flag: "--hours-per-month", range: Decimal(string: "0.001")!...744, rangeText: "more than 0 and at most 744 (31 days)")
            } ?? Workload.defaultHoursPerMonth,
            targetUtilization: try targetUtilization.map { text throws(InfracostError) in
                try Fraction.parse(text, flag: "--target-utilization", allowZero: false)
            } ?? Workload.defaultTargetUtilization,
            coldStartsPerDay: try coldStartsPerDay.map { text throws(InfracostError) in
                try PlainNumber.parse(text, flag: "--cold-starts-per-day", range: 0...1_000_000, rangeText: "between 0 and 1000000")
            } ?? 0,
            keepWarmReplicas: keepWarm,
            idleTimeoutSeconds: try idleTimeout.map { text throws(InfracostError) in try DurationText.parse(text, flag: "--idle-timeout") }
        )
        try workload.validate()
        return workload
    }

    func validate() throws {
        if keepWarm < 0 || keepWarm > 10_000 {
            throw ValidationError("invalid value '\(keepWarm)' for --keep-warm: must be between 0 and 10000")
        }
    }
}

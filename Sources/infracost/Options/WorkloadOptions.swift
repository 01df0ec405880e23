import ArgumentParser
import Foundation
import InfracostKit

/// The workload: how many tokens a month (and, through `shape`, of what model under which assumptions).
struct WorkloadOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Tokens per month, input + output: 750k, 50M, 2B, 1.5e9 or 10000000.", valueName: "count"))
    var tokens: String?

    @Option(help: ArgumentHelp("Input tokens per month (with --output-tokens, instead of --tokens).", valueName: "count"))
    var inputTokens: String?

    @Option(help: ArgumentHelp("Output tokens per month (with --input-tokens, instead of --tokens).", valueName: "count"))
    var outputTokens: String?

    @OptionGroup var shape: WorkloadShapeOptions

    /// The workload the flags describe; without volume flags and when `volumeRequired` is false, the shape alone
    /// (the caller fills in the volume, e.g. from traffic).
    func workloadOrShape(volumeRequired: Bool) throws(InfracostError) -> Workload {
        if !volumeRequired, tokens == nil, inputTokens == nil, outputTokens == nil { return try shape.shapeOnly() }
        return try workload()
    }

    /// The workload the flags describe.
    /// - Throws: `InfracostError.invalidQuantity` naming the flag of the first bad value.
    func workload() throws(InfracostError) -> Workload {
        let input: Decimal
        let output: Decimal
        switch (tokens, inputTokens, outputTokens) {
        case (let tokens?, nil, nil):
            let total = try TokenCount.parse(tokens, label: "--tokens")
            (input, output) = Workload.split(tokens: total, inputShare: try shape.inputShareValue())
        case (nil, let inputText?, let outputText?):
            if shape.inputShare != nil {
                throw .invalidUsage(message: "--input-share goes with --tokens, not with --input-tokens/--output-tokens")
            }
            input = try TokenCount.parse(inputText, label: "--input-tokens", allowZero: true)
            output = try TokenCount.parse(outputText, label: "--output-tokens", allowZero: true)
            if input + output == 0 {
                throw .invalidQuantity(label: "--input-tokens", value: inputText, reason: "input and output tokens cannot both be zero")
            }
        case (nil, nil, nil):
            throw .invalidUsage(message: "missing volume: give --tokens (e.g. --tokens 2B), or --input-tokens and --output-tokens")
        case (nil, _, _):
            throw .invalidUsage(message: "--input-tokens and --output-tokens go together")
        case (.some, _, _):
            throw .invalidUsage(message: "give --tokens, or --input-tokens and --output-tokens, not both")
        }
        return try shape.workload(inputTokens: input, outputTokens: output)
    }

}

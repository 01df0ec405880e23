import ArgumentParser
import Foundation
import InfracostKit

/// The model size and the length of the billing month.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Model size in billions of parameters, e.g. 8B or 70B: selects serverless offers and sizes GPUs. (default: 70B)", valueName: "size"))
    var modelSize: String?

    @Option(help: ArgumentHelp("Hours in the billing month. (default: 730)", valueName: "hours"))
    var hoursPerMonth: String?

    @Option(help: ArgumentHelp("The model served, e.g. llama-3.1-8b, qwen3-30b-a3b, gpt-oss-20b (Hugging Face ids too): sets the size and sizes GPUs from its architecture. (default: a generic model of --model-size)", valueName: "id"))
    var model: String?

    @Option(help: ArgumentHelp("Active parameters of a generic mixture-of-experts --model-size, e.g. 17B.", valueName: "size"))
    var activeParams: String?

    @Option(help: ArgumentHelp("Weight precision on GPU options: bf16, fp16, fp8, int4 or fp4; GPUs without it are left out. (default: fp8 where the GPU has FP8 tensor cores, else bf16)", valueName: "precision"))
    var precision: Precision?

    @Option(help: ArgumentHelp("Largest inter-token latency GPU options are sized for, e.g. 50ms. (default: 50ms)", valueName: "duration"))
    var maxItl: String?

    @Option(help: ArgumentHelp("Largest time to first token GPU options are sized for, e.g. 2s. (default: none)", valueName: "duration"))
    var maxTtft: String?

    @Flag(help: "Size GPU options for batch work: their saturated throughput, latency not bounded.")
    var maxThroughput = false

    func validate() throws {
        if model != nil, modelSize != nil { throw ValidationError("give --model or --model-size, not both (--model sets the size)") }
        if model != nil, activeParams != nil { throw ValidationError("--active-params is for a generic --model-size; --model knows its own") }
        if maxThroughput, maxItl != nil || maxTtft != nil { throw ValidationError("--max-throughput sizes without a latency bound; drop --max-itl and --max-ttft") }
    }

    /// A workload of this model with a nominal volume (1M tokens, the default mix), for commands that price a
    /// shape rather than a volume (simulate, keepwarm, analyze); the named model resolved in `catalog`.
    func nominalShape(catalog: PriceCatalog) throws(InfracostError) -> Workload {
        try nominalShape().resolvingModel(in: catalog)
    }

    /// The same workload with its model not yet resolved (a request resolves it).
    func nominalShape() throws(InfracostError) -> Workload {
        let (input, output) = Workload.nominal()
        var shape = Workload(inputTokens: input, outputTokens: output, modelParamsB: try modelParamsB(), hoursPerMonth: try hours())
        shape.serving = try serving()
        return shape
    }

    /// The serving choices: model, precision, latency target.
    func serving() throws(InfracostError) -> ServingChoices {
        var choices = ServingChoices()
        choices.model = model
        choices.precision = precision
        if let activeParams {
            let active = try ModelSize.parse(activeParams, label: "--active-params")
            if active > (try modelParamsB()) {
                throw .invalidUsage(message: "--active-params \(Numbers.exact(active))B is more than the model's \(Numbers.exact(try modelParamsB()))B")
            }
            choices.activeParamsB = active
        }
        func milliseconds(_ text: String, label: String) throws(InfracostError) -> Double {
            let seconds = try DurationText.parse(text, label: label)
            guard seconds > 0 else { throw .invalidQuantity(label: label, value: text, reason: "must be greater than zero") }
            return NSDecimalNumber(decimal: seconds).doubleValue * 1000
        }
        if let maxItl { choices.maxITLms = try milliseconds(maxItl, label: "--max-itl") }
        if let maxTtft {
            choices.maxTTFTms = try milliseconds(maxTtft, label: "--max-ttft")
            if maxItl == nil { choices.maxITLms = nil }
        }
        choices.maxThroughput = maxThroughput
        if maxThroughput { choices.maxITLms = nil }
        return choices
    }

    /// The model size given, or the default 70B.
    func modelParamsB() throws(InfracostError) -> Decimal {
        try modelSize.map { text throws(InfracostError) in try ModelSize.parse(text) } ?? Workload.defaultModelParamsB
    }

    /// The month length given, or the default 730 h.
    func hours() throws(InfracostError) -> Decimal {
        try hoursPerMonth.map { text throws(InfracostError) in
            try PlainNumber.parse(text, label: "--hours-per-month", range: Limits.hoursPerMonth, rangeText: Limits.positive(upTo: Limits.hoursPerMonth) + " (31 days)")
        } ?? Workload.defaultHoursPerMonth
    }
}

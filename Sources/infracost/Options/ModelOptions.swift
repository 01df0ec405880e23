import ArgumentParser
import Foundation
import InfracostKit

/// The model served, how GPU options are sized for it, and the length of the billing month.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Model size in billions of parameters, e.g. 8B or 70B: selects serverless offers and sizes GPUs. (default: 70B)", valueName: "size"),
            transform: ArgumentValue.modelSize)
    var modelSize: Decimal?

    @Option(help: ArgumentHelp("Hours in the billing month. (default: 730)", valueName: "hours"),
            transform: ArgumentValue.number(in: Limits.hoursPerMonth, Limits.positive(upTo: Limits.hoursPerMonth) + " (31 days)"))
    var hoursPerMonth: Decimal?

    @Option(help: ArgumentHelp("The model served, e.g. llama-3.1-8b, qwen3-30b-a3b, gpt-oss-20b (Hugging Face ids too): sets the size and sizes GPUs from its architecture. (default: a generic model of --model-size)", valueName: "id"))
    var model: String?

    @Option(help: ArgumentHelp("Active parameters of a generic mixture-of-experts --model-size, e.g. 17B.", valueName: "size"),
            transform: ArgumentValue.modelSize)
    var activeParams: Decimal?

    @Option(help: ArgumentHelp("Weight precision on GPU options: bf16, fp16, fp8, int4 or fp4; GPUs without it are left out. (default: fp8 where the GPU has FP8 tensor cores, else bf16)", valueName: "precision"))
    var precision: Precision?

    @Option(help: ArgumentHelp("Largest inter-token latency GPU options are sized for, e.g. 50ms. (default: 50ms)", valueName: "duration"),
            transform: ArgumentValue.positiveDuration)
    var maxItl: Decimal?

    @Option(help: ArgumentHelp("Largest time to first token GPU options are sized for, e.g. 2s. (default: none)", valueName: "duration"),
            transform: ArgumentValue.positiveDuration)
    var maxTtft: Decimal?

    @Flag(help: "Size GPU options for batch work: their saturated throughput, latency not bounded.")
    var maxThroughput = false

    func validate() throws {
        if model != nil, modelSize != nil { throw ValidationError("give --model or --model-size, not both (--model sets the size)") }
        if model != nil, activeParams != nil { throw ValidationError("--active-params is for a generic --model-size; --model knows its own") }
        if maxThroughput, maxItl != nil || maxTtft != nil { throw ValidationError("--max-throughput sizes without a latency bound; drop --max-itl and --max-ttft") }
    }

    /// The model and month settings; the other workload settings at their defaults.
    var settings: WorkloadSettings {
        var settings = WorkloadSettings()
        settings.modelSize = modelSize
        settings.hoursPerMonth = hoursPerMonth
        settings.model = model
        settings.activeParams = activeParams
        settings.precision = precision
        settings.maxITLSeconds = maxItl
        settings.maxTTFTSeconds = maxTtft
        settings.maxThroughput = maxThroughput
        return settings
    }
}

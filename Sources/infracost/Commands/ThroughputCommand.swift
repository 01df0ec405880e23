import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct Throughput: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "throughput",
            abstract: "Latency, throughput and memory of one replica serving a model on a GPU configuration.",
            discussion: """
                Prints whether the model fits (weights plus the KV cache of the requests, at 90% of GPU memory), the \
                tensor-parallel layout, the largest concurrency the KV cache holds, and at the requested concurrency: \
                time to first token, inter-token latency, end-to-end latency and throughput. From the serving \
                performance model fitted on published measurements, or a bundled published figure where one matches \
                the configuration (--model-only ignores those).

                Examples:
                  infracost throughput --model llama-3.3-70b --gpu H100 --concurrency 25
                  infracost throughput --model qwen3-30b-a3b --gpu H100 --input-tokens 5000
                  infracost throughput --model gpt-oss-20b --gpu L40S --format json
                  infracost throughput --model-size 70B --gpu A100 --explain
                """
        )

        @Option(help: ArgumentHelp("A model of the catalog, e.g. llama-3.1-8b, qwen3-30b-a3b, gpt-oss-20b, mixtral-8x7b (Hugging Face ids too).", valueName: "id"))
        var model: String?

        @Option(help: ArgumentHelp("A generic model of this size instead of --model, e.g. 70B. (default: 70B)", valueName: "size"), transform: ArgumentValue.modelSize)
        var modelSize: Decimal?

        @Option(help: ArgumentHelp("Active parameters of a generic mixture-of-experts model, e.g. 17B.", valueName: "size"), transform: ArgumentValue.modelSize)
        var activeParams: Decimal?

        @Option(help: ArgumentHelp("The GPU, e.g. H100, H200, A100, L40S, B200, MI300X.", valueName: "name"))
        var gpu: String

        @Option(help: ArgumentHelp("GPUs in the replica (tensor parallel), 1 to 8. (default: the fewest of 1, 2, 4, 8 that fit)", valueName: "count"))
        var gpus: Int?

        @Option(help: ArgumentHelp("Weight precision: bf16, fp16, fp8, int4 or fp4. (default: fp8 where the GPU has FP8 tensor cores, else bf16)", valueName: "precision"))
        var precision: Precision?

        @Option(help: ArgumentHelp("Input tokens per request. (default: 1000)", valueName: "tokens"))
        var inputTokens: Int = 1000

        @Option(help: ArgumentHelp("Output tokens per request. (default: 1000)", valueName: "tokens"))
        var outputTokens: Int = 1000

        @Option(help: ArgumentHelp("Requests in flight (clients in a closed loop), or max for the saturated point. (default: max)", valueName: "count|max"))
        var concurrency: ConcurrencyArgument?

        @Flag(help: "Answer from the model alone, even where a published figure matches.")
        var modelOnly = false

        @Flag(help: "Show the architecture, GPU figures and fitted constants behind the answer.")
        var explain = false

        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if model != nil, modelSize != nil { throw ValidationError("give --model or --model-size, not both") }
            if model != nil, activeParams != nil { throw ValidationError("--active-params is for a generic --model-size; --model knows its own") }
            if let gpus, !Limits.replicaGPUs.contains(gpus) { throw ValidationError("--gpus must be \(Limits.replicaGPUs.lowerBound) to \(Limits.replicaGPUs.upperBound), found \(gpus)") }
            // One request of at least one token each way, no larger than any request (Limits.tokensPerRequest).
            let tokens = 1...Limits.tokensPerRequest.upperBound
            guard tokens.contains(inputTokens) else { throw ValidationError("--input-tokens must be 1 to 10,000,000, found \(inputTokens)") }
            guard tokens.contains(outputTokens) else { throw ValidationError("--output-tokens must be 1 to 10,000,000, found \(outputTokens)") }
            if output.format == .csv || output.format == .markdown {
                throw ValidationError("--format \(output.format.rawValue): throughput writes table or json")
            }
        }

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let size = modelSize ?? Workload.defaultModelParamsB
                let active = activeParams
                if let active, active > size {
                    throw .invalidUsage(message: "\(Setting.activeParams) \(Numbers.exact(active))B is more than the model's \(Numbers.exact(size))B")
                }
                let query = ThroughputQuery(
                    model: model, paramsB: NSDecimalNumber(decimal: size).doubleValue, activeParamsB: active.map { NSDecimalNumber(decimal: $0).doubleValue },
                    gpu: gpu, gpus: gpus, precision: precision, inputTokens: inputTokens, outputTokens: outputTokens,
                    load: concurrency?.load ?? .max, modelOnly: modelOnly)
                // Only the tables throughput reads: GPU specifications, model architectures, published figures.
                let answer = try ThroughputAnswer.make(query, catalog: try pricing.catalog(tables: ["gpus.json", "models.json", "throughput.json"]))
                try Diagnostics.emit(ThroughputRenderer.render(answer, format: output.format, explain: explain), to: output.out)
            }
        }
    }
}

import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct Advise: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "advise",
            abstract: "Recommend an endpoint type, runtime, deployment target and migration path, with the rules that fired.",
            discussion: """
                Cost comes from the cost engine (cheapest tier, runner-up, break-even volumes); the rest from one table \
                of rules (Sources/InfracostKit/Advice/AdviceRules.swift), each printed with the numbers that made it \
                fire. Runtimes are scored 1-5 on seven criteria (latency, cost, dependencies, scaling, team, \
                compliance, lock-in); --weight changes a criterion's weight. Contradictory inputs are explained.

                Examples:
                  infracost advise --tokens 2B --p95-latency 2s --traffic-shape steady
                  infracost advise --tokens 50M --payload 500MB --deadline 15m
                  infracost advise --tokens 2B --traffic-shape bursty --on-call-engineers 0 --weight latency=3
                  infracost advise --workload infracost.yml --name reasoning --format markdown
                """
        )

        @OptionGroup var workload: WorkloadOptions
        @OptionGroup var pricing: PricingOptions
        @OptionGroup var tiers: TierOptions

        @Option(name: .customLong("workload"), help: ArgumentHelp("Read the workload (and its advise: settings) from a workload file.", valueName: "file"))
        var workloadFile: String?

        @Option(help: ArgumentHelp("The workload of --workload FILE to advise on. (default: the file's only workload)", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("Distinct models served. (default: 1)", valueName: "count"),
                transform: ArgumentValue.adviceSetting("models", \AdviceInput.models))
        var models: Int?

        @Option(help: ArgumentHelp("p95 latency target, e.g. 500ms or 2s. (default: none)", valueName: "duration"),
                transform: ArgumentValue.adviceSetting("p95_latency", \AdviceInput.p95LatencySeconds))
        var p95Latency: Decimal?

        @Option(help: ArgumentHelp("Size of one request's payload, e.g. 20KB or 500MB. (default: 10KB)", valueName: "size"),
                transform: ArgumentValue.adviceSetting("payload", \AdviceInput.payloadBytes))
        var payload: Decimal?

        @Option(help: ArgumentHelp("How soon results are needed when callers need not wait on the request, e.g. 15m or 24h. (default: callers wait)", valueName: "duration"),
                transform: ArgumentValue.adviceSetting("deadline", \AdviceInput.deadlineSeconds))
        var deadline: Decimal?

        @Option(help: ArgumentHelp("steady, bursty, sporadic or batch. (default: steady)", valueName: "shape"),
                transform: ArgumentValue.adviceSetting("traffic_shape", \AdviceInput.shape))
        var trafficShape: TrafficShape?

        @Flag(help: "Tokens stream to the caller as they are generated.")
        var streaming = false

        @Option(help: ArgumentHelp("Containers chained per request (pre-processing, model, post-processing). (default: 1)", valueName: "count"),
                transform: ArgumentValue.adviceSetting("pipeline_stages", \AdviceInput.pipelineStages))
        var pipelineStages: Int?

        @Option(help: ArgumentHelp("Engineers available for on-call. (default: 1)", valueName: "count"),
                transform: ArgumentValue.adviceSetting("on_call_engineers", \AdviceInput.onCallEngineers))
        var onCallEngineers: Int?

        @Option(help: ArgumentHelp("Compliance needs, comma-separated: soc2, hipaa, gdpr, residency, air-gapped.", valueName: "list"),
                transform: ArgumentValue.adviceSetting("compliance", \AdviceInput.compliance))
        var compliance: Set<ComplianceNeed>?

        @Option(help: ArgumentHelp("A provider you already have a GPU contract with, e.g. lambda.", valueName: "provider"))
        var gpuContract: String?

        @Option(help: ArgumentHelp("Tolerance for provider lock-in: low, medium or high. (default: medium)", valueName: "level"),
                transform: ArgumentValue.adviceSetting("lock_in", \AdviceInput.lockIn))
        var lockIn: LockInTolerance?

        @Flag(help: "The endpoint must scale to zero when idle.")
        var scaleToZero = false

        @Option(help: ArgumentHelp("Weight of a runtime criterion, e.g. latency=3. Repeatable. (default: 1 each)", valueName: "criterion=weight"),
                transform: ArgumentValue.reading { text throws(InfracostError) in try AdviceInput.weight(parsing: text) })
        var weight: [(RuntimeCriterion, Decimal)] = []

        @Option(help: ArgumentHelp("Top two runtimes within this share of the top score are a close call (a pilot is suggested). (default: 5%)", valueName: "share"),
                transform: ArgumentValue.percentage(in: 0...1, "0% to 100%"))
        var closeCall: Decimal?

        @OptionGroup var output: OutputOptions

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let catalog = try pricing.catalog()
                var input: AdviceInput
                if let workloadFile {
                    if workload.settings.hasVolume {
                        throw .invalidUsage(message: "give --workload FILE or a volume (--tokens), not both")
                    }
                    let file = try WorkloadFile.load(contentsOf: workloadFile)
                    input = try AdviceInput(spec: try file.workload(named: name), file: workloadFile)
                } else {
                    let shape = try workload.settings.workload()
                    input = AdviceInput(workload: shape)
                    input.keepWarm = shape.keepWarmReplicas
                }
                if let models { input.models = models }
                if let p95Latency { input.p95LatencySeconds = p95Latency }
                if let payload { input.payloadBytes = payload }
                if let deadline { input.deadlineSeconds = deadline }
                if let trafficShape { input.shape = trafficShape }
                if let pipelineStages { input.pipelineStages = pipelineStages }
                if let onCallEngineers { input.onCallEngineers = onCallEngineers }
                if let compliance { input.compliance = compliance }
                if let gpuContract { input.gpuContract = gpuContract.isEmpty ? nil : gpuContract }
                if let lockIn { input.lockIn = lockIn }
                if !tiers.selected.isEmpty { input.tiers = tiers.selected }
                if streaming { input.streaming = true }
                if scaleToZero { input.scaleToZero = true }
                for (criterion, value) in weight { input.weights[criterion] = value }
                if let closeCall { input.closeCallMargin = closeCall }
                let advice = try Advisor.advise(input, catalog: catalog)
                try Diagnostics.emit(AdviceRenderer.render(advice, format: output.format), to: output.out)
                let used = [advice.cost.cheapest?.id, advice.cost.runnerUp?.id].compactMap { $0 } + advice.migration.flatMap { [$0.fromID, $0.toID] }
                pricing.warnStale(ids: used, catalog: catalog)
            }
        }
    }
}

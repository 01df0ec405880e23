import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct KeepWarm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keepwarm",
            abstract: "Find the cheapest keep-warm setting that meets a cold-start or latency target.",
            discussion: """
                Simulates keep-warm replicas 0 to --keep-warm-max against each idle timeout, prints the frontier of \
                monthly cost against cold-start share and p95 latency, and recommends the cheapest setting that meets \
                --max-cold-start-share (default 1%) and/or --p95-latency.

                Examples:
                  infracost keepwarm --traffic poisson --rate 30/h
                  infracost keepwarm --traffic business-hours --rate 1/s --p95-latency 20s
                """
        )

        @OptionGroup var traffic: TrafficOptions
        @OptionGroup var endpoint: EndpointOptions
        @OptionGroup var model: ModelOptions
        @OptionGroup var pricing: PricingOptions

        @Option(help: "Most keep-warm replicas to try (from 0).")
        var keepWarmMax: Int = 3

        @Option(help: ArgumentHelp("Idle timeouts to try, comma-separated. (default: 1m,5m,15m)", valueName: "durations"), transform: ArgumentValue.secondsList)
        var idleTimeouts: [Double]?

        @Option(help: ArgumentHelp("Largest acceptable share of requests hitting a cold start, e.g. 1%. (default: 1% unless --p95-latency)", valueName: "share"), transform: ArgumentValue.share)
        var maxColdStartShare: Decimal?

        @Option(help: ArgumentHelp("Largest acceptable p95 latency, e.g. 2s.", valueName: "duration"), transform: ArgumentValue.seconds)
        var p95Latency: Double?

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if !KeepWarmStudy.largestKeepWarmCount.contains(keepWarmMax) {
                throw ValidationError("--keep-warm-max must be \(Limits.between(KeepWarmStudy.largestKeepWarmCount))")
            }
        }

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let catalog = try pricing.catalog()
                let shape = try model.settings.nominalShape()
                var request = KeepWarmRequest(
                    simulation: SimulationRequest(endpoint: endpoint.choices, workload: shape, traffic: try traffic.settings.source()),
                    largestKeepWarm: keepWarmMax)
                if let idleTimeouts { request.idleTimeouts = idleTimeouts }
                request.maxColdStartShare = maxColdStartShare.map { NSDecimalNumber(decimal: $0).doubleValue }
                request.maxP95Latency = p95Latency
                // --max-ttft and --max-itl size each replica's concurrency in the serving model and, given, are
                // held at p95 in the simulation.
                if model.maxTtft != nil { request.maxP95TimeToFirstToken = shape.serving.maxTTFTms.map { $0 / 1000 } }
                if model.maxItl != nil { request.maxP95InterTokenLatency = shape.serving.maxITLms.map { $0 / 1000 } }
                let study = try request.run(
                    catalog: catalog,
                    progress: ProgressLine.progress("simulating keep-warm settings").map { progress in { @Sendable in progress.update($0) } })
                ProgressLine.finish()
                try Diagnostics.emit(KeepWarmRenderer.render(study, format: self.output.format), to: self.output.out)
                pricing.warnStale(ids: [study.offerID], catalog: catalog)
            }
        }
    }
}

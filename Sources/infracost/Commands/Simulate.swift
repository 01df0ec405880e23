import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Simulate one scale-to-zero serverless-gpu endpoint under traffic: cold starts, latency, monthly cost.",
            discussion: """
                A deterministic discrete-event simulation: replicas boot on demand (cold starts), serve up to \
                --concurrency requests, and are removed after --idle-timeout idle; every default is printed. \
                Each replica runs its requests as one continuously batched engine: a decode step takes the serving \
                model's time for the batch's size, prompts prefill in chunks that share the steps, and requests wait \
                for KV-cache memory; --service-time (or --prefill-rate/--decode-rate) times requests instead.

                Examples:
                  infracost simulate --traffic poisson --rate 10/s
                  infracost simulate --traffic business-hours --rate 2/s --keep-warm 1@09:00-18:00
                  infracost simulate --trace conv.csv --model-size 70B --offer modal/h100
                  infracost simulate --traffic poisson --rate 1/s --days 2 --explain
                  infracost simulate --traffic closed --clients 25 --model llama-3.3-70b --offer modal/h200 --days 0.01
                """
        )

        @OptionGroup var traffic: TrafficOptions
        @OptionGroup var endpoint: EndpointOptions
        @OptionGroup var model: ModelOptions
        @OptionGroup var pricing: PricingOptions
        @Flag(help: "Show how each line item is made: simulated seconds, projection to the month, price and its source (table format).")
        var explain = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let catalog = try pricing.catalog()
                let request = SimulationRequest(
                    endpoint: endpoint.choices, workload: try model.settings.nominalShape(), traffic: try traffic.settings.source(allowsClosedLoop: true))
                let result = try request.run(catalog: catalog, progress: ProgressLine.progress("simulating"))
                ProgressLine.finish()
                try Diagnostics.emit(SimulationRenderer.render(result, format: self.output.format, explain: explain), to: self.output.out)
                Diagnostics.warn(result.warnings)
                pricing.warnStale(ids: [result.plan.offer.id], catalog: catalog)
            }
        }
    }
}

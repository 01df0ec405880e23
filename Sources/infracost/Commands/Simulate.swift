import ArgumentParser
import InfracostKit

extension Infracost {
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Simulate one scale-to-zero serverless-gpu endpoint under traffic: cold starts, latency, monthly cost.",
            discussion: """
                A deterministic discrete-event simulation: replicas boot on demand (cold starts), serve up to \
                --concurrency requests, and are removed after --idle-timeout idle; every default is printed.

                Examples:
                  infracost simulate --traffic poisson --rate 10/s
                  infracost simulate --traffic business-hours --rate 2/s --keep-warm 1@09:00-18:00
                  infracost simulate --trace conv.csv --model-size 70B --offer modal/h100
                """
        )

        @OptionGroup var traffic: TrafficOptions
        @OptionGroup var endpoint: EndpointOptions
        @OptionGroup var model: ModelOptions
        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let (input, output) = Workload.split(tokens: 1_000_000)
                let shape = Workload(inputTokens: input, outputTokens: output, modelParamsB: try model.modelParamsB(), hoursPerMonth: try model.hours())
                let plan = try SimulationPlan.make(choices: try endpoint.choices(), shape: shape, traffic: try traffic.source(), catalog: try pricing.catalog())
                let result = Simulation.run(plan)
                try Diagnostics.emit(SimulationRenderer.render(result, format: self.output.format), to: self.output.out)
                Diagnostics.warn(result.warnings)
            }
        }
    }
}

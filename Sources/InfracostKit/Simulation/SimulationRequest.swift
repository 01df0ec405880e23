import Foundation

/// What `infracost simulate` asks: one serverless-gpu endpoint's settings, the model and month it serves, and the
/// traffic it meets.
public struct SimulationRequest: Equatable, Sendable {
    /// The endpoint's settings; each one left nil takes its default (recorded in the plan's assumptions).
    public var endpoint: SimulationPlan.Choices
    /// The model (size or named model, serving choices) and the month length; its token volume is not used (the
    /// traffic sets it). A named model is resolved in the catalog when the plan is made.
    public var workload: Workload
    /// When requests arrive and how large they are.
    public var traffic: TrafficSource

    /// A request to simulate `traffic` on the endpoint `endpoint` describes, serving `workload`'s model.
    public init(endpoint: SimulationPlan.Choices = .init(), workload: Workload, traffic: TrafficSource) {
        self.endpoint = endpoint
        self.workload = workload
        self.traffic = traffic
    }

    /// The plan: the offer chosen (or the cheapest that fits), every default resolved and recorded.
    /// - Throws: what `TrafficSource.validate()` throws for traffic past the limits; `InfracostError.invalidUsage`
    ///   when the model is unknown, no serverless-gpu offer fits, the chosen offer is not one or has no price, or a
    ///   needed figure is missing.
    public func plan(catalog: PriceCatalog) throws(InfracostError) -> SimulationPlan {
        try traffic.validate()
        return try SimulationPlan.make(choices: endpoint, shape: try workload.resolvingModel(in: catalog), traffic: traffic, catalog: catalog)
    }

    /// Plans and runs the simulation and prices it for a month; `progress` is told how far the run is.
    /// - Throws: what `plan(catalog:)` throws.
    public func run(catalog: PriceCatalog, progress: WorkProgress? = nil) throws(InfracostError) -> SimulationResult {
        Simulation.run(try plan(catalog: catalog), progress: progress)
    }
}

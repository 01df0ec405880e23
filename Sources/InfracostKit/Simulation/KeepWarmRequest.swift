import Foundation

/// What `infracost keepwarm` asks: the endpoint and traffic to simulate, the keep-warm counts and idle timeouts to
/// try, and the targets the recommended setting must meet.
public struct KeepWarmRequest: Equatable, Sendable {
    /// The endpoint (its keep-warm count and idle timeout are the ones tried), the model and the traffic.
    public var simulation: SimulationRequest
    /// The most keep-warm replicas tried: every count from 0 to it, within `KeepWarmStudy.largestKeepWarmCount`.
    public var largestKeepWarm: Int
    /// Idle timeouts tried, seconds; `KeepWarmStudy.defaultIdleTimeouts` unless given. Counts x distinct timeouts
    /// must be at most `KeepWarmStudy.maximumSimulations`.
    public var idleTimeouts: [Double]
    /// The largest share of requests (0...1) that may meet a cold start; nil: 1% unless a latency target is given.
    public var maxColdStartShare: Double?
    /// The largest acceptable p95 end-to-end latency, seconds.
    public var maxP95Latency: Double?
    /// The largest acceptable p95 time to first token and inter-token latency, seconds: the latency targets the
    /// user gave, held at p95 in each simulation (the serving model's default inter-token target sizes concurrency
    /// but is not a constraint here).
    public var maxP95TimeToFirstToken: Double?
    public var maxP95InterTokenLatency: Double?

    /// A request to try keep-warm counts 0 to `largestKeepWarm` against each of `idleTimeouts` for `simulation`.
    public init(
        simulation: SimulationRequest, largestKeepWarm: Int = 3, idleTimeouts: [Double] = KeepWarmStudy.defaultIdleTimeouts,
        maxColdStartShare: Double? = nil, maxP95Latency: Double? = nil, maxP95TimeToFirstToken: Double? = nil,
        maxP95InterTokenLatency: Double? = nil
    ) {
        self.simulation = simulation
        self.largestKeepWarm = largestKeepWarm
        self.idleTimeouts = idleTimeouts
        self.maxColdStartShare = maxColdStartShare
        self.maxP95Latency = maxP95Latency
        self.maxP95TimeToFirstToken = maxP95TimeToFirstToken
        self.maxP95InterTokenLatency = maxP95InterTokenLatency
    }

    /// Simulates every setting (in parallel) and recommends the cheapest that meets the targets; `progress` is told
    /// the fraction done.
    /// - Throws: `InfracostError.invalidUsage` when the count is outside `KeepWarmStudy.largestKeepWarmCount`, the
    ///   study would run more than `KeepWarmStudy.maximumSimulations` simulations, or the simulation cannot be
    ///   planned (`SimulationRequest.plan(catalog:)`).
    public func run(catalog: PriceCatalog, progress: (@Sendable (Double) -> Void)? = nil) throws(InfracostError) -> KeepWarmStudy {
        guard KeepWarmStudy.largestKeepWarmCount.contains(largestKeepWarm) else {
            throw .invalidUsage(message: "\(Setting.keepWarmMax) must be \(Limits.between(KeepWarmStudy.largestKeepWarmCount))")
        }
        try simulation.traffic.validate()
        return try KeepWarmStudy.run(
            base: simulation.endpoint, shape: try simulation.workload.resolvingModel(in: catalog), traffic: simulation.traffic,
            catalog: catalog, keepWarmCounts: Array(0...largestKeepWarm), idleTimeouts: idleTimeouts,
            maxColdStartShare: maxColdStartShare, maxP95Latency: maxP95Latency,
            maxP95TimeToFirstToken: maxP95TimeToFirstToken, maxP95InterTokenLatency: maxP95InterTokenLatency, progress: progress)
    }
}

public import Foundation

/// The result of `infracost keepwarm`: cost, cold-start share and p95 latency for each keep-warm setting.
public struct KeepWarmStudy: Equatable, Sendable {
    /// One simulated setting.
    public struct Setting: Equatable, Sendable {
        public var keepWarm: Int
        public var idleTimeoutSeconds: Double
        public var monthlyCost: Decimal
        public var coldStartShare: Double
        public var p95Latency: Double
        /// p95 time to first token and inter-token latency, seconds; nil when requests were not timed token by
        /// token (`--service-time`).
        public var p95TimeToFirstToken: Double?
        public var p95InterTokenLatency: Double?
        /// The constraints this setting misses, in words (empty when it meets them all).
        public var misses: [String] = []
        /// No other setting is at least as good on cost, cold-start share and p95 and better on one.
        public var onFrontier: Bool
        /// Meets every constraint.
        public var meetsConstraints: Bool
    }

    public var offerID: String
    public var settings: [Setting]
    public var maxColdStartShare: Double?
    public var maxP95Latency: Double?
    /// Largest p95 time to first token and inter-token latency, seconds (`--max-ttft`, `--max-itl`).
    public var maxP95TimeToFirstToken: Double?
    public var maxP95InterTokenLatency: Double?
    /// Which constraint decides the recommendation: the one the cheaper settings miss most often, in words.
    public var binding: String?
    /// The cheapest setting that meets the constraints, if any does.
    public var recommended: Setting?
    /// The published rule of thumb applied to the no-keep-warm baseline, in words, when it applies.
    public var ruleOfThumb: String?
    /// The settings behind every row and where each came from.
    public var assumptions: [Assumption]
    /// ISO 4217 code of `monthlyCost`.
    public var currency: String

    /// The most simulations one study runs (keep-warm counts x idle timeouts): a bound on the work a command line
    /// can ask for.
    public static let maximumSimulations = 64

    /// Idle timeouts tried when none are given, in seconds: 1, 5 and 15 minutes.
    public static let defaultIdleTimeouts: [Double] = [60, 300, 900]
    /// The largest keep-warm count a study may be asked to try up to: each count is a simulation of its own, so
    /// no more than `maximumSimulations` (the limit on counts x idle timeouts is checked by `run`).
    public static let largestKeepWarmCount: ClosedRange<Int> = 0...maximumSimulations

    /// Simulates every combination of `keepWarmCounts` and `idleTimeouts` (in parallel) and picks the cheapest
    /// that meets the constraints (by default, cold starts on at most 1% of requests).
    public static func run(
        base: SimulationPlan.Choices, shape: Workload, traffic: TrafficSource, catalog: PriceCatalog,
        keepWarmCounts: [Int], idleTimeouts: [Double], maxColdStartShare: Double?, maxP95Latency: Double?,
        maxP95TimeToFirstToken: Double? = nil, maxP95InterTokenLatency: Double? = nil,
        progress: (@Sendable (Double) -> Void)? = nil
    ) throws(InfracostError) -> KeepWarmStudy {
        let count = keepWarmCounts.count * Set(idleTimeouts).count
        if count > maximumSimulations {
            throw .invalidUsage(message: "\(InfracostKit.Setting.keepWarmMax) and \(InfracostKit.Setting.idleTimeouts) ask for \(count) simulations (\(keepWarmCounts.count) keep-warm counts x \(Set(idleTimeouts).count) idle timeouts); the limit is \(maximumSimulations)")
        }
        var plans: [SimulationPlan] = []
        for keepWarm in keepWarmCounts {
            for idle in idleTimeouts {
                var choices = base
                choices.keepWarm = keepWarm
                choices.idleTimeoutSeconds = idle
                plans.append(try SimulationPlan.make(choices: choices, shape: shape, traffic: traffic, catalog: catalog))
            }
        }
        let results = Simulation.runAll(plans, progress: progress.map { WorkProgress(parts: plans.count, onChange: $0) })
        let latencyGiven = maxP95Latency != nil || maxP95TimeToFirstToken != nil || maxP95InterTokenLatency != nil
        let coldLimit = maxColdStartShare ?? (latencyGiven ? nil : 0.01)
        var settings = zip(plans, results).map { plan, result in
            let p95 = result.run.latency.quantile(0.95)
            let ttft = result.hasTokenTiming ? result.run.timeToFirstToken.quantile(0.95) : nil
            let itl = result.hasTokenTiming ? result.run.interTokenLatency.quantile(0.95) : nil
            var misses: [String] = []
            if let coldLimit, result.coldStartShare > coldLimit { misses.append("cold starts") }
            if let maxP95Latency, p95 > maxP95Latency { misses.append("p95 latency") }
            if let maxP95TimeToFirstToken, !((ttft ?? .infinity) <= maxP95TimeToFirstToken) { misses.append("p95 first token") }
            if let maxP95InterTokenLatency, !((itl ?? .infinity) <= maxP95InterTokenLatency) { misses.append("p95 inter-token latency") }
            return Setting(
                keepWarm: plan.configuration.keepWarm, idleTimeoutSeconds: plan.configuration.idleTimeoutSeconds, monthlyCost: result.total,
                coldStartShare: result.coldStartShare, p95Latency: p95, p95TimeToFirstToken: ttft, p95InterTokenLatency: itl, misses: misses,
                onFrontier: false, meetsConstraints: misses.isEmpty)
        }
        for index in settings.indices {
            let a = settings[index]
            settings[index].onFrontier = !settings.contains { b in
                b.monthlyCost <= a.monthlyCost && b.coldStartShare <= a.coldStartShare && b.p95Latency <= a.p95Latency
                    && (b.monthlyCost < a.monthlyCost || b.coldStartShare < a.coldStartShare || b.p95Latency < a.p95Latency)
            }
        }
        let recommended = settings.filter(\.meetsConstraints).min { ($0.monthlyCost, $0.keepWarm, $0.idleTimeoutSeconds) < ($1.monthlyCost, $1.keepWarm, $1.idleTimeoutSeconds) }
        // The rule of thumb speaks of the idle timeout the recommendation uses (else the default), and compares
        // keep-warm settings at that same timeout: the line and the recommendation read the same rows.
        var rule: String?
        let defaultIdle = base.idleTimeoutSeconds ?? NSDecimalNumber(decimal: Workload.defaultIdleTimeoutSeconds).doubleValue
        let idle = recommended?.idleTimeoutSeconds ?? defaultIdle
        let timeouts = settings.map(\.idleTimeoutSeconds)
        func percent(_ share: Double) -> String { String(format: "%.2f%%", share * 100) }
        if let baseline = settings.first(where: { $0.keepWarm == 0 && $0.idleTimeoutSeconds == idle }) ?? settings.first(where: { $0.keepWarm == 0 }) {
            let at = SimulationRenderer.setting(baseline.idleTimeoutSeconds, column: timeouts)
            if baseline.coldStartShare > 0.05 {
                rule = "At a \(at) idle timeout without keep-warm \(percent(baseline.coldStartShare)) of requests hit a cold start, above the 5-10% rule of thumb: keep replicas warm"
                let warm = settings.filter { $0.keepWarm > 0 && $0.idleTimeoutSeconds == baseline.idleTimeoutSeconds }
                    .min { ($0.coldStartShare, $0.monthlyCost) < ($1.coldStartShare, $1.monthlyCost) }
                if let warm {
                    rule! += "; \(warm.keepWarm) kept warm brings it to \(percent(warm.coldStartShare)) for \(Money.formatted(warm.monthlyCost - baseline.monthlyCost))/month more"
                }
                rule! += "."
            } else if let atDefault = settings.first(where: { $0.keepWarm == 0 && $0.idleTimeoutSeconds == defaultIdle }),
                      atDefault.idleTimeoutSeconds != baseline.idleTimeoutSeconds, atDefault.coldStartShare > 0.05 {
                rule = "At a \(SimulationRenderer.setting(defaultIdle, column: timeouts)) idle timeout \(percent(atDefault.coldStartShare)) of requests would hit a cold start,"
                    + " above the 5-10% rule of thumb; at \(at) it is \(percent(baseline.coldStartShare)) without keep-warm."
            }
        }
        // The binding constraint: of the settings cheaper than the recommendation (all, when none meets them), the
        // constraint most of them miss; ties go to the order cold starts, p95, first token, inter-token.
        let cheaper = settings.filter { setting in recommended.map { setting.monthlyCost < $0.monthlyCost } ?? true }
        var binding: String?
        let names = ["cold starts", "p95 latency", "p95 first token", "p95 inter-token latency"]
        let counts = names.map { name in (name, cheaper.filter { $0.misses.contains(name) }.count) }
        if let top = counts.max(by: { $0.1 < $1.1 }), top.1 > 0 {
            binding = "\(top.0): \(top.1) of the \(cheaper.count) \(recommended == nil ? "settings" : "cheaper settings") miss it"
        }
        let first = plans.first
        return KeepWarmStudy(
            offerID: first?.offer.id ?? "", settings: settings, maxColdStartShare: coldLimit, maxP95Latency: maxP95Latency,
            maxP95TimeToFirstToken: maxP95TimeToFirstToken, maxP95InterTokenLatency: maxP95InterTokenLatency, binding: binding,
            recommended: recommended, ruleOfThumb: rule,
            assumptions: (first?.assumptions ?? []).filter { $0.name != "keep-warm" && $0.name != "idle timeout" },
            currency: first?.offer.currency ?? "USD")
    }
}

extension Simulation {
    /// Runs several plans, on every core, in order; plan i reports to part i of `progress`.
    public static func runAll(_ plans: [SimulationPlan], progress: WorkProgress? = nil) -> [SimulationResult] {
        let box = ResultBox(count: plans.count)
        DispatchQueue.concurrentPerform(iterations: plans.count) { index in
            let result = run(plans[index], progress: progress, part: index)
            progress?.update(part: index, 1)
            box.set(index, result)
        }
        return box.results.map { $0! }
    }
}

/// Collects results written from several threads, each to its own index, under a lock.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var results: [SimulationResult?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: SimulationResult) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }
}

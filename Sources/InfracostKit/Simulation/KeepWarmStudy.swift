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
        /// No other setting is at least as good on cost, cold-start share and p95 and better on one.
        public var onFrontier: Bool
        /// Meets every constraint.
        public var meetsConstraints: Bool
    }

    public var offerID: String
    public var settings: [Setting]
    public var maxColdStartShare: Double?
    public var maxP95Latency: Double?
    /// The cheapest setting that meets the constraints, if any does.
    public var recommended: Setting?
    /// The published rule of thumb applied to the no-keep-warm baseline, in words, when it applies.
    public var ruleOfThumb: String?
    public var assumptions: [(name: String, value: String)]
    public var currency: String

    public static func == (lhs: KeepWarmStudy, rhs: KeepWarmStudy) -> Bool {
        lhs.offerID == rhs.offerID && lhs.settings == rhs.settings && lhs.recommended == rhs.recommended && lhs.ruleOfThumb == rhs.ruleOfThumb
    }

    /// The most simulations one study runs (keep-warm counts x idle timeouts): a bound on the work a command line
    /// can ask for.
    public static let maximumSimulations = 64

    /// Simulates every combination of `keepWarmCounts` and `idleTimeouts` (in parallel) and picks the cheapest
    /// that meets the constraints (by default, cold starts on at most 1% of requests).
    public static func run(
        base: SimulationPlan.Choices, shape: Workload, traffic: TrafficSource, catalog: PriceCatalog,
        keepWarmCounts: [Int], idleTimeouts: [Double], maxColdStartShare: Double?, maxP95Latency: Double?,
        progress: (@Sendable (Double) -> Void)? = nil
    ) throws(InfracostError) -> KeepWarmStudy {
        let count = keepWarmCounts.count * Set(idleTimeouts).count
        if count > maximumSimulations {
            throw .invalidUsage(message: "--keep-warm-max and --idle-timeouts ask for \(count) simulations (\(keepWarmCounts.count) keep-warm counts x \(Set(idleTimeouts).count) idle timeouts); the limit is \(maximumSimulations)")
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
        let coldLimit = maxColdStartShare ?? (maxP95Latency == nil ? 0.01 : nil)
        var settings = zip(plans, results).map { plan, result in
            Setting(
                keepWarm: plan.configuration.keepWarm, idleTimeoutSeconds: plan.configuration.idleTimeoutSeconds, monthlyCost: result.total,
                coldStartShare: result.coldStartShare, p95Latency: result.run.latency.quantile(0.95), onFrontier: false,
                meetsConstraints: (coldLimit.map { result.coldStartShare <= $0 } ?? true) && (maxP95Latency.map { result.run.latency.quantile(0.95) <= $0 } ?? true))
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
        let first = plans.first
        return KeepWarmStudy(
            offerID: first?.offer.id ?? "", settings: settings, maxColdStartShare: coldLimit, maxP95Latency: maxP95Latency,
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

public import Foundation

/// The result of `infracost advise`: a reasoned recommendation, each part with the rules that fired.
public struct Advice: Equatable, Sendable {
    public var input: AdviceInput
    public var cost: CostSummary
    public var endpoint: EndpointChoice
    public var runtime: RuntimeChoice
    public var target: TargetChoice
    public var migration: [MigrationStep]
    /// Inputs that cannot all be met, each explained.
    public var conflicts: [FiredRule]
    public var currency: String

    /// A rule that fired, with the numbers that made it fire.
    public struct FiredRule: Equatable, Sendable {
        public var id: String
        public var reason: String
    }

    /// What the cost answer rests on: the cheapest option, the cheapest of another tier, and the break-even volumes
    /// just below and above the workload's (monthly amounts in the comparison's currency, exact).
    public struct CostSummary: Equatable, Sendable {
        public var cheapest: Ranked?
        /// The cheapest option of another tier.
        public var runnerUp: Ranked?
        /// Where the volume sits among the break-even volumes: the crossovers just below and above it.
        public var crossoverBelow: BreakEven.Crossover?
        public var crossoverAbove: BreakEven.Crossover?

        /// One priced option: its offer id, tier and monthly cost (exact, in the comparison's currency).
        public struct Ranked: Equatable, Sendable {
            public var id: String
            public var tier: Tier
            public var monthly: Decimal
        }
    }

    /// The endpoint type chosen for the workload, the points each type scored and why others were excluded.
    public struct EndpointChoice: Equatable, Sendable {
        /// The chosen type; nil when every type is excluded (a conflict).
        public var chosen: EndpointType?
        /// Points per type still possible, and each excluded type with its reasons.
        public var points: [EndpointType: Int]
        public var excluded: [EndpointType: [String]]
        public var fired: [FiredRule]
        /// Multi-model endpoint and serial pipeline, when they apply, with why.
        public var arrangements: [FiredRule]
        /// Other open types with as many points as the chosen one: a tie, broken by the table's order.
        public var tiedWith: [EndpointType] = []
    }

    /// The serving runtime chosen, with a score from 1 to 5 per criterion and runtime and the reason for each row.
    public struct RuntimeChoice: Equatable, Sendable {
        /// Scores per criterion and runtime (1-5), with the reason of each criterion's row.
        public var scores: [RuntimeCriterion: [Runtime: Int]]
        public var reasons: [RuntimeCriterion: String]
        /// Weighted totals per runtime.
        public var totals: [Runtime: Decimal]
        /// Runtimes by total, best first (ties in declaration order).
        public var ranking: [Runtime]
        /// Whether the top two are within the close-call margin.
        public var isCloseCall: Bool
    }

    /// The deployment target chosen and the reason, in words.
    public struct TargetChoice: Equatable, Sendable {
        public var chosen: DeploymentTarget
        public var reason: String
    }

    /// One step of API -> serverless -> dedicated.
    public struct MigrationStep: Equatable, Sendable {
        public var fromID: String
        public var fromTier: Tier
        public var toID: String
        public var toTier: Tier
        /// The first whole-token volume above this workload's from which the step saves money; 0 when it saves at
        /// this volume already, nil when it never does up to 1T.
        public var threshold: Decimal?
        /// Monthly saving at this workload's volume (negative: the step costs more now).
        public var savingNow: Decimal
        /// Whether `toID` is cheaper than `fromID` at every volume from 1M to 1T.
        public var cheaperEverywhere = false
        /// Whether the step ever pays in 1M-1T tokens a month; one that never does is not a step to take.
        public var pays: Bool { threshold != nil || savingNow > 0 }
    }

    /// The traffic ramp of each migration step.
    public static let ramp = [5, 25, 50, 100]

    /// The two-week pilot for a close call.
    public static let pilotPhases = [
        "days 1-3: instrument both candidates (tracing, cost tags, dashboards)",
        "days 4-8: build two thin slices of the real workload, one per candidate",
        "days 9-12: load tests: burst, steady and cold-start scenarios, and a cost test",
        "days 13-14: decide and document the choice with the measured numbers",
    ]
    public static let pilotMetrics = ["p95 latency", "throttles", "cost per successful request"]
}

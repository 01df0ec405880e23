public import Foundation

/// The four classic endpoint types, and the two arrangements that can come on top of them.
public enum EndpointType: String, CaseIterable, Sendable {
    case realTime = "real-time"
    case serverless
    case asynchronous
    case batch

    /// Latency, payload limit and traffic each type is made for (published endpoint-type table).
    public var summary: String {
        switch self {
        case .realTime: return "milliseconds, payloads up to 6 MB, steady traffic, instances that stay up"
        case .serverless: return "seconds (cold starts), payloads up to 4 MB, intermittent traffic, billed per inference"
        case .asynchronous: return "minutes, queued, payloads up to 1 GB, long processing, instances can scale to zero"
        case .batch: return "hours, whole datasets, offline, billed per job, no endpoint"
        }
    }
}

/// Where the model runs.
public enum Runtime: String, CaseIterable, Sendable {
    case functions = "serverless functions"
    case containers
    case serverlessContainers = "serverless containers (min instances)"
    case hybrid = "hybrid (serverless glue + warm containers)"
}

/// The seven criteria runtimes are scored on, 1 to 5 each.
public enum RuntimeCriterion: String, CaseIterable, Sendable {
    case latency, cost, dependencies, scaling, team, compliance
    case lockIn = "lock-in"

    public var title: String {
        switch self {
        case .latency: return "meets the latency SLO (with mitigations)"
        case .cost: return "fits cost at expected utilization"
        case .dependencies: return "supports dependencies and model size"
        case .scaling: return "scales to peak without fragile workarounds"
        case .team: return "matches team capacity"
        case .compliance: return "satisfies security and compliance"
        case .lockIn: return "limits lock-in"
        }
    }
}

/// Where to deploy, from most managed to least.
public enum DeploymentTarget: String, CaseIterable, Sendable {
    case managedFlex = "managed flex"
    case managedActive = "managed active"
    case selfHostedServerless = "self-hosted serverless"
    case customGPU = "custom GPU"

    public var summary: String {
        switch self {
        case .managedFlex: return "scale to zero, billed per 1M tokens, cold start under 2 s: prototypes, bursty traffic, idle gaps"
        case .managedActive: return "always warm, a per-second reserved GPU fee plus a lower per-token rate: steady, latency-critical traffic"
        case .selfHostedServerless: return "serverless on your own cloud account: your bill, your region and reserved GPUs, compliance within your account"
        case .customGPU: return "Kubernetes, bare metal or a cloud instance: needs a container image, model artifacts, an OpenAI-compatible endpoint and people to run it"
        }
    }
}

/// The facts rules look at: the input, and what the cost engine found for it.
public struct AdviceFacts: Sendable {
    public var input: AdviceInput
    /// Seconds of a cold start for the model size (the published table's largest platform figure, or 60 s).
    public var coldStartSeconds: Decimal
    /// The tier of the cheapest way to serve the model (API offers only when nothing else is priced).
    public var cheapestTier: Tier?
    /// Whether that cheapest way is capacity up all month: dedicated instances, or serverless-gpu replicas priced
    /// without cold starts (billed per second, never scaled to zero).
    public var cheapestIsAlwaysOn = false

    var payload: String { ByteSize.text(input.payloadBytes) }
    var size: String { "\(Numbers.exact(input.workload.modelParamsB))B" }
}

/// What a fired endpoint rule does.
public enum EndpointEffect: Equatable, Sendable {
    /// The type cannot serve this workload.
    case excludes(EndpointType)
    /// The type suits it; points add up per type.
    case favors(EndpointType, points: Int)
}

/// One rule of the endpoint choice: when `test` returns a reason (with the numbers that made it fire), `effect` applies.
public struct EndpointRule: Sendable {
    public var id: String
    public var effect: EndpointEffect
    public var test: @Sendable (AdviceFacts) -> String?
}

/// The runtime scores one criterion gives when `test` fires (first firing rule of a criterion wins).
public struct RuntimeRule: Sendable {
    public var criterion: RuntimeCriterion
    /// Scores for functions, containers, serverless containers, hybrid.
    public var scores: [Int]
    public var test: @Sendable (AdviceFacts) -> String?
}

/// One deployment-target rule; the first that fires chooses the target.
public struct TargetRule: Sendable {
    public var target: DeploymentTarget
    public var test: @Sendable (AdviceFacts) -> String?
}

/// A combination of inputs that cannot all be met.
public struct ConflictRule: Sendable {
    public var id: String
    public var test: @Sendable (AdviceFacts) -> String?
}

/// Every rule `advise` applies, in one place. Thresholds are the published limits (endpoint-type table: 6 MB
/// real-time, 4 MB serverless, 1 GB asynchronous payloads; minutes for queued work, hours for batch).
public enum AdviceRules {
    static func seconds(_ value: Decimal) -> String { DurationWords.text(value) }

    public static let endpoint: [EndpointRule] = [
        EndpointRule(id: "payload-real-time", effect: .excludes(.realTime)) { f in
            f.input.payloadBytes > 6_000_000 ? "payload \(f.payload) > 6 MB real-time limit" : nil
        },
        EndpointRule(id: "payload-serverless", effect: .excludes(.serverless)) { f in
            f.input.payloadBytes > 4_000_000 ? "payload \(f.payload) > 4 MB serverless limit" : nil
        },
        EndpointRule(id: "payload-asynchronous", effect: .excludes(.asynchronous)) { f in
            f.input.payloadBytes > 1_000_000_000 ? "payload \(f.payload) > 1 GB asynchronous limit" : nil
        },
        EndpointRule(id: "deadline-asynchronous", effect: .excludes(.asynchronous)) { f in
            guard let d = f.input.deadlineSeconds, d < 60 else { return nil }
            return "deadline \(seconds(d)) < the minutes a queued asynchronous request may wait"
        },
        EndpointRule(id: "deadline-batch", effect: .excludes(.batch)) { f in
            guard let d = f.input.deadlineSeconds, d < 3600 else { return nil }
            return "deadline \(seconds(d)) < the hours a batch job takes"
        },
        EndpointRule(id: "interactive-batch", effect: .excludes(.batch)) { f in
            f.input.deadlineSeconds == nil && f.input.shape != .batch ? "callers wait on the open request (no \(Setting.deadline)): batch has no endpoint" : nil
        },
        EndpointRule(id: "streaming", effect: .excludes(.asynchronous)) { f in
            f.input.streaming ? "streaming needs an open connection to the caller; a queue returns results later" : nil
        },
        EndpointRule(id: "streaming-batch", effect: .excludes(.batch)) { f in
            f.input.streaming ? "streaming needs an open connection to the caller" : nil
        },
        EndpointRule(id: "cold-start-serverless", effect: .excludes(.serverless)) { f in
            guard let p95 = f.input.p95LatencySeconds, p95 < f.coldStartSeconds, f.input.shape != .steady else { return nil }
            return "p95 target \(seconds(p95)) < \(seconds(f.coldStartSeconds)) cold start of a \(f.size) model, and \(f.input.shape.rawValue) traffic brings cold starts"
        },
        EndpointRule(id: "steady", effect: .favors(.realTime, points: 2)) { f in
            f.input.shape == .steady ? "steady traffic keeps instances busy: they need not scale to zero" : nil
        },
        EndpointRule(id: "tight-latency", effect: .favors(.realTime, points: 2)) { f in
            guard let p95 = f.input.p95LatencySeconds, p95 < 1 else { return nil }
            return "p95 target \(seconds(p95)) < 1 s needs warm instances"
        },
        EndpointRule(id: "intermittent", effect: .favors(.serverless, points: 2)) { f in
            f.input.shape == .bursty || f.input.shape == .sporadic
                ? "\(f.input.shape.rawValue) traffic: pay per inference and scale to zero between requests" : nil
        },
        EndpointRule(id: "queue-allowed", effect: .favors(.asynchronous, points: 2)) { f in
            guard let d = f.input.deadlineSeconds, d >= 60 else { return nil }
            return "results due within \(seconds(d)) allow a queue that scales to zero"
        },
        EndpointRule(id: "large-payload", effect: .favors(.asynchronous, points: 1)) { f in
            f.input.payloadBytes > 4_000_000 && f.input.payloadBytes <= 1_000_000_000 ? "payload \(f.payload) fits the 1 GB asynchronous limit" : nil
        },
        EndpointRule(id: "offline", effect: .favors(.batch, points: 3)) { f in
            f.input.shape == .batch ? "batch traffic: whole datasets per job, no endpoint to keep up" : nil
        },
    ]

    /// Scores per criterion for [functions, containers, serverless containers, hybrid].
    public static let runtime: [RuntimeRule] = [
        RuntimeRule(criterion: .latency, scores: [1, 5, 4, 5]) { f in
            guard let p95 = f.input.p95LatencySeconds, p95 < 1 else { return nil }
            return "p95 \(seconds(p95)) < 1 s: function cold starts miss it; warm containers or min instances meet it"
        },
        RuntimeRule(criterion: .latency, scores: [3, 5, 5, 5]) { f in
            guard let p95 = f.input.p95LatencySeconds, p95 < 10 else { return nil }
            return "p95 \(seconds(p95)) < 10 s: functions need provisioned concurrency to meet it"
        },
        RuntimeRule(criterion: .latency, scores: [5, 5, 5, 5]) { f in
            f.input.p95LatencySeconds.map { "p95 \(seconds($0)) leaves room for cold starts" } ?? "no p95 target"
        },
        RuntimeRule(criterion: .cost, scores: [2, 5, 3, 4]) { f in
            guard f.cheapestIsAlwaysOn else { return nil }
            let what = f.cheapestTier == .dedicated ? "dedicated GPUs are" : "\(f.cheapestTier?.rawValue ?? "") replicas up all month are"
            return "\(what) the cheapest way to serve the model at this volume: always-on capacity is well used"
        },
        RuntimeRule(criterion: .cost, scores: [5, 2, 4, 3]) { f in
            "\(f.cheapestTier?.rawValue ?? "pay-per-use") is the cheapest way to serve the model at this volume: pay per use beats always-on capacity"
        },
        RuntimeRule(criterion: .dependencies, scores: [1, 5, 4, 5]) { f in
            f.input.workload.modelParamsB > 13 ? "a \(f.size) model's weights exceed function package and memory limits" : nil
        },
        RuntimeRule(criterion: .dependencies, scores: [3, 4, 4, 5]) { f in
            f.input.pipelineStages > 1 ? "\(f.input.pipelineStages) pipeline stages: serverless glue around a warm model container fits" : nil
        },
        RuntimeRule(criterion: .dependencies, scores: [5, 5, 5, 5]) { f in "a \(f.size) model and one stage fit every runtime" },
        RuntimeRule(criterion: .scaling, scores: [4, 2, 5, 5]) { f in
            f.input.shape == .bursty ? "bursty traffic: scale out in seconds without paying for idle peaks" : nil
        },
        RuntimeRule(criterion: .scaling, scores: [5, 2, 4, 4]) { f in
            f.input.shape == .sporadic ? "sporadic traffic: scale to zero between requests; min instances would sit idle" : nil
        },
        RuntimeRule(criterion: .scaling, scores: [3, 4, 5, 4]) { f in
            f.input.shape == .batch ? "batch jobs: many workers for a while, then none" : nil
        },
        RuntimeRule(criterion: .scaling, scores: [4, 5, 4, 4]) { f in "steady traffic: a fleet sized once" },
        RuntimeRule(criterion: .team, scores: [5, 1, 3, 2]) { f in
            f.input.onCallEngineers == 0 ? "no engineer on call: only fully managed runtimes" : nil
        },
        RuntimeRule(criterion: .team, scores: [5, 3, 5, 3]) { f in
            f.input.onCallEngineers <= 2 ? "\(f.input.onCallEngineers) engineer\(f.input.onCallEngineers == 1 ? "" : "s") on call: one managed system, not two" : nil
        },
        RuntimeRule(criterion: .team, scores: [4, 5, 4, 5]) { f in "\(f.input.onCallEngineers) engineers on call can run containers" },
        RuntimeRule(criterion: .compliance, scores: [1, 5, 1, 2]) { f in
            f.input.compliance.contains(.airGapped) ? "air-gapped: no managed service can reach it" : nil
        },
        RuntimeRule(criterion: .compliance, scores: [3, 5, 3, 4]) { f in
            let needs = f.input.compliance.intersection([.hipaa, .residency]).map(\.rawValue).sorted()
            return needs.isEmpty ? nil : "\(needs.joined(separator: " and ")): data stays where you control it"
        },
        RuntimeRule(criterion: .compliance, scores: [5, 5, 5, 5]) { f in
            let needs = f.input.compliance.map(\.rawValue).sorted()
            return needs.isEmpty ? "no compliance constraint" : "\(needs.joined(separator: ", ")): offered by managed platforms"
        },
        RuntimeRule(criterion: .lockIn, scores: [2, 5, 3, 3]) { f in
            f.input.lockIn == .low ? "low lock-in tolerance: portable containers" : nil
        },
        RuntimeRule(criterion: .lockIn, scores: [3, 5, 4, 4]) { f in
            f.input.lockIn == .medium ? "medium lock-in tolerance" : nil
        },
        RuntimeRule(criterion: .lockIn, scores: [5, 5, 5, 5]) { _ in "high lock-in tolerance" },
    ]

    public static let target: [TargetRule] = [
        TargetRule(target: .customGPU) { f in
            f.input.compliance.contains(.airGapped) ? "air-gapped: only your own hardware" : nil
        },
        TargetRule(target: .customGPU) { f in
            f.input.gpuContract.map { "existing GPU contract with \($0): run on it" }
        },
        TargetRule(target: .customGPU) { f in
            f.cheapestTier == .dedicated && f.input.onCallEngineers >= 2
                ? "dedicated GPUs are the cheapest way to serve the model at this volume and \(f.input.onCallEngineers) engineers can run them" : nil
        },
        TargetRule(target: .selfHostedServerless) { f in
            let needs = f.input.compliance.intersection([.hipaa, .residency]).map(\.rawValue).sorted()
            return needs.isEmpty ? nil : "\(needs.joined(separator: " and ")): keep data, region and compliance within your own account"
        },
        TargetRule(target: .managedActive) { f in
            guard f.input.shape == .steady else { return nil }
            if let p95 = f.input.p95LatencySeconds, p95 < 2 { return "steady traffic with a p95 target of \(seconds(p95)) < 2 s: always warm" }
            guard f.cheapestIsAlwaysOn else { return nil }
            return f.cheapestTier == .dedicated
                ? "steady traffic at a volume where always-on capacity is cheapest"
                : "steady traffic at a volume where always-on capacity is cheapest: \(f.cheapestTier?.rawValue ?? "") replicas up all month, billed per second"
        },
        TargetRule(target: .managedFlex) { f in
            let latency = f.input.p95LatencySeconds.map { "a p95 target of \(seconds($0))" } ?? "no p95 target"
            let tier = f.cheapestTier?.rawValue ?? "per-token"
            if f.input.shape == .steady {
                // Steady traffic does not call for scale to zero; the price does: billed per use, its replicas stay
                // busy, so it serves the real-time endpoint without paying for idle capacity.
                return "\(tier) is the cheapest way to serve the model at this volume (\(latency)); with steady traffic its replicas stay busy, so pay-per-use billing leaves no idle capacity to pay for"
            }
            return "\(f.input.shape.rawValue) traffic, \(latency), and \(tier) the cheapest way to serve the model at this volume: scale to zero and pay per use"
        },
    ]

    public static let conflicts: [ConflictRule] = [
        ConflictRule(id: "scale-to-zero-latency") { f in
            guard f.input.scaleToZero, f.input.keepWarm == 0, let p95 = f.input.p95LatencySeconds, p95 < f.coldStartSeconds else { return nil }
            return "a p95 of \(seconds(p95)) cannot be met with scale-to-zero and no keep-warm: the first request after an idle spell waits for a \(seconds(f.coldStartSeconds)) cold start (\(f.size) model); keep at least one replica warm or relax the target"
        },
        ConflictRule(id: "payload-deadline") { f in
            guard let d = f.input.deadlineSeconds, f.input.payloadBytes > 1_000_000_000, d < 3600 else { return nil }
            return "a \(f.payload) payload exceeds every endpoint's limit (1 GB asynchronous) and a \(seconds(d)) deadline rules out batch, the only way to process it"
        },
        ConflictRule(id: "air-gapped-team") { f in
            f.input.compliance.contains(.airGapped) && f.input.onCallEngineers == 0
                ? "air-gapped inference runs on your own hardware, which needs people to run it; 0 engineers are on call" : nil
        },
        ConflictRule(id: "deadline-latency") { f in
            guard let d = f.input.deadlineSeconds, let p95 = f.input.p95LatencySeconds, d < p95 else { return nil }
            return "the deadline \(seconds(d)) is shorter than the p95 target \(seconds(p95))"
        },
    ]
}

/// Durations in words: 500 ms, 2 s, 15 min, 3 h.
public enum DurationWords {
    /// `seconds` (non-negative) in the largest unit that reads well: ms below 1 s, s below 2 min, min below 2 h,
    /// else h.
    public static func text(_ seconds: Decimal) -> String {
        if seconds < 1 { return "\(Numbers.exact(seconds * 1000)) ms" }
        if seconds < 120 { return "\(Numbers.exact(seconds)) s" }
        if seconds < 7200 { return "\(Numbers.exact(Money.rounded(seconds / 60, scale: 1))) min" }
        return "\(Numbers.exact(Money.rounded(seconds / 3600, scale: 1))) h"
    }
}

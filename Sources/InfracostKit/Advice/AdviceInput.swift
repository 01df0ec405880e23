public import Foundation

/// How traffic arrives, for endpoint and runtime choices.
public enum TrafficShape: String, CaseIterable, Sendable {
    /// Requests all day at a similar rate.
    case steady
    /// Quiet periods broken by spikes.
    case bursty
    /// Occasional requests with long idle gaps.
    case sporadic
    /// Offline jobs over whole datasets.
    case batch
}

/// A compliance need that constrains where inference may run.
public enum ComplianceNeed: String, CaseIterable, Sendable {
    case soc2, hipaa, gdpr, residency
    case airGapped = "air-gapped"
}

/// How much dependence on one provider's proprietary runtime the team accepts.
public enum LockInTolerance: String, CaseIterable, Sendable {
    case low, medium, high
}

/// What `advise` weighs: a workload plus the facts that decide a deployment besides cost.
public struct AdviceInput: Equatable, Sendable {
    /// Volume, model size and the cost assumptions.
    public var workload: Workload
    /// Tiers it may run on (empty: all).
    public var tiers: Set<Tier> = []
    /// Distinct models served.
    public var models = 1
    /// The p95 latency target in seconds, if any.
    public var p95LatencySeconds: Decimal?
    /// Size of one request's payload in bytes (default: a small JSON request, 10 KB).
    public var payloadBytes: Decimal = 10_000
    /// How long the caller can wait for a result, in seconds (nil: it waits on the open request).
    public var deadlineSeconds: Decimal?
    public var shape: TrafficShape = .steady
    /// Whether tokens stream to the caller as they are generated.
    public var streaming = false
    /// Containers chained per request (pre-processing, model, post-processing): 1 for the model alone.
    public var pipelineStages = 1
    /// Engineers available for on-call.
    public var onCallEngineers = 1
    public var compliance: Set<ComplianceNeed> = []
    /// A provider the team already has a GPU contract with, if any.
    public var gpuContract: String?
    public var lockIn: LockInTolerance = .medium
    /// Whether the endpoint must scale to zero when idle.
    public var scaleToZero = false
    /// Replicas kept warm.
    public var keepWarm = 0
    /// Weight of each runtime criterion (default 1 each).
    public var weights: [RuntimeCriterion: Decimal] = [:]
    /// When the top two runtimes' weighted totals differ by at most this share of the top total, it is a close
    /// call and a pilot is recommended (default 5%).
    public var closeCallMargin = Decimal(string: "0.05")!

    /// Advice input for `workload` with every other setting at its default (no constraints, 5% close-call margin).
    public init(workload: Workload) {
        self.workload = workload
    }

    /// Advice input for one workload of the workload file `file`: its volume, shape, tiers and keep-warm count, and
    /// its `advise:` settings.
    /// - Throws: `InfracostError.invalidData` naming the file, line, workload and field of a bad `advise:` setting.
    public init(spec: WorkloadSpec, file: String) throws(InfracostError) {
        self.init(workload: spec.workload)
        tiers = spec.tiers
        keepWarm = spec.workload.keepWarmReplicas
        for setting in spec.adviceSettings {
            do throws(InfracostError) {
                try set(setting.name, to: setting.text, label: "advise.\(setting.name)")
            } catch {
                let reason: String
                if case .invalidQuantity(_, _, let why) = error { reason = "'\(setting.text)': \(why)" } else { reason = error.errorDescription ?? "invalid" }
                throw .invalidData(problems: [DataProblem(file: file, line: setting.line, entry: spec.name, entryKind: "workload", field: "advise.\(setting.name)", message: reason)])
            }
        }
    }

    /// The weight of `criterion` (1 unless set).
    public func weight(_ criterion: RuntimeCriterion) -> Decimal { weights[criterion] ?? 1 }

    /// The names `set(_:to:)` accepts, as flags and as workload-file fields.
    public static let settingNames = [
        "models", "p95_latency", "payload", "deadline", "traffic_shape", "streaming", "pipeline_stages", "on_call_engineers",
        "compliance", "gpu_contract", "lock_in", "scale_to_zero", "keep_warm",
    ]

    /// Sets one input from text, as a flag (`--p95-latency 500ms`) or a workload-file field (`p95_latency: 500ms`).
    /// - Parameter name: the setting's name with underscores (see `settingNames`); `label` names it in errors.
    /// - Throws: `InfracostError.invalidQuantity` naming `label`.
    public mutating func set(_ name: String, to text: String, label: String) throws(InfracostError) {
        func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(InfracostError) -> T where T.RawValue == String {
            if let value = T(rawValue: text.lowercased()) { return value }
            let names = T.allCases.map(\.rawValue)
            throw .invalidQuantity(label: label, value: text, reason: "must be one of \(names.joined(separator: ", "))\(Suggestions.hint(for: text, in: names))")
        }
        func count(_ range: ClosedRange<Decimal>) throws(InfracostError) -> Int {
            let value = try PlainNumber.parse(text, label: label, range: range, rangeText: "a whole number from \(Numbers.exact(range.lowerBound)) to \(Numbers.exact(range.upperBound))")
            guard value == Money.rounded(value, scale: 0) else {
                throw .invalidQuantity(label: label, value: text, reason: "must be a whole number")
            }
            return NSDecimalNumber(decimal: value).intValue
        }
        func flag() throws(InfracostError) -> Bool {
            switch text.lowercased() {
            case "true", "yes", "1": return true
            case "false", "no", "0": return false
            default: throw .invalidQuantity(label: label, value: text, reason: "must be true or false")
            }
        }
        switch name {
        case "models": models = try count(1...10_000)
        case "p95_latency": p95LatencySeconds = try DurationText.parse(text, label: label)
        case "payload": payloadBytes = try ByteSize.parse(text, label: label)
        case "deadline": deadlineSeconds = try DurationText.parse(text, label: label)
        case "traffic_shape": shape = try choice(TrafficShape.self)
        case "streaming": streaming = try flag()
        case "pipeline_stages": pipelineStages = try count(1...100)
        case "on_call_engineers": onCallEngineers = try count(0...10_000)
        case "compliance":
            var needs = Set<ComplianceNeed>()
            for part in text.split(separator: ",") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
                let name = part.trimmingCharacters(in: .whitespaces).lowercased()
                guard let need = ComplianceNeed(rawValue: name) else {
                    let names = ComplianceNeed.allCases.map(\.rawValue)
                    throw .invalidQuantity(label: label, value: text, reason: "'\(name)' is not one of \(names.joined(separator: ", "))\(Suggestions.hint(for: name, in: names))")
                }
                needs.insert(need)
            }
            compliance = needs
        case "gpu_contract": gpuContract = text.isEmpty ? nil : text
        case "lock_in": lockIn = try choice(LockInTolerance.self)
        case "scale_to_zero": scaleToZero = try flag()
        case "keep_warm": keepWarm = try count(Limits.keepWarmReplicasDecimal)
        default: throw .invalidUsage(message: "unknown advise setting '\(name)'\(Suggestions.hint(for: name, in: Self.settingNames))")
        }
    }

    /// Sets a criterion weight from `criterion=weight` text (`--weight latency=3`).
    public mutating func setWeight(_ text: String) throws(InfracostError) {
        let (criterion, weight) = try Self.weight(parsing: text)
        weights[criterion] = weight
    }

    /// A criterion and its weight (0 to 100) from `criterion=weight` text (`--weight latency=3`).
    /// - Throws: `InfracostError.invalidQuantity` naming `--weight`.
    public static func weight(parsing text: String) throws(InfracostError) -> (RuntimeCriterion, Decimal) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let names = RuntimeCriterion.allCases.map(\.rawValue)
        guard parts.count == 2, let criterion = RuntimeCriterion(rawValue: parts[0]) else {
            throw .invalidQuantity(label: "\(Setting.weight)", value: text, reason: "write CRITERION=WEIGHT with a criterion of \(names.joined(separator: ", "))\(Suggestions.hint(for: parts.first ?? "", in: names))")
        }
        return (criterion, try PlainNumber.parse(parts[1], label: "\(Setting.weight)", range: 0...100, rangeText: "between 0 and 100"))
    }
}

/// A size in bytes, written `500MB`, `6 MB`, `1.5GB`, `300KB` or `1024` (decimal units: 1 MB = 1,000,000 bytes).
public enum ByteSize {
    /// The bytes `text` names (decimal units); throws a usage error naming `label` when it is not a non-negative size.
    public static func parse(_ text: String, label: String) throws(InfracostError) -> Decimal {
        let trimmed = text.replacingOccurrences(of: " ", with: "").uppercased()
        let units: [(String, Decimal)] = [("TB", 1_000_000_000_000), ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("B", 1)]
        var number = trimmed
        var scale: Decimal = 1
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            number = String(trimmed.dropLast(suffix.count))
            scale = factor
            break
        }
        let value = try PlainNumber.parse(number, label: label, range: 0...1_000_000_000_000, rangeText: "a size such as 500MB or 2GB")
        return value * scale
    }

    /// A size in words: 500 MB, 2 GB, 10 KB.
    public static func text(_ bytes: Decimal) -> String {
        for (suffix, factor) in [("TB", Decimal(1_000_000_000_000)), ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000)] where bytes >= factor {
            return "\(Numbers.formatted(Money.rounded(bytes / factor, scale: 1), scale: (bytes / factor).isWhole ? 0 : 1)) \(suffix)"
        }
        return "\(Numbers.formatted(bytes)) B"
    }
}

public import Foundation

/// How GPU options are sized by the serving performance model: which model, precision and latency target.
public struct ServingChoices: Equatable, Sendable {
    /// A model architecture of the catalog (`--model`); nil means a generic model of the workload's size.
    public var model: String?
    /// Active parameters of a generic mixture-of-experts model (`--active-params`), billions.
    public var activeParamsB: Decimal?
    /// nil: the best the GPU runs natively among bf16 and fp8.
    public var precision: Precision?
    /// Largest inter-token latency, ms; the concurrency is the largest that stays within it.
    public var maxITLms: Double? = ServingChoices.defaultMaxITLms
    /// Largest time to first token, ms.
    public var maxTTFTms: Double?
    /// Size for batch work: the saturated throughput, ignoring latency.
    public var maxThroughput = false

    /// The default inter-token latency target: 50 ms (20 tokens/s per stream, faster than reading speed).
    public static let defaultMaxITLms = 50.0
    /// Tokens per request assumed when the workload gives none (input + output, split by the input share).
    public static let defaultTokensPerRequest = 1000

    /// The defaults: each setting as its documentation states.
    public init() {}

    /// The target in words, for assumptions and details.
    public var targetText: String {
        if maxThroughput { return "maximum throughput (latency not bounded; \(Setting.maxThroughput))" }
        var parts: [String] = []
        if let maxITLms { parts.append("inter-token latency <= \(Numbers.exactDouble(maxITLms)) ms") }
        if let maxTTFTms { parts.append("time to first token <= \(Numbers.exactDouble(maxTTFTms)) ms") }
        return parts.isEmpty ? "maximum throughput" : parts.joined(separator: ", ")
    }
}

extension Workload {
    /// Input and output tokens of one request, for sizing GPUs: the workload's request size
    /// (`--tokens-per-request`) or 1,000 tokens, split by the input share.
    public var requestShape: (input: Int, output: Int) {
        let share = NSDecimalNumber(decimal: inputShare).doubleValue
        let total: Double
        if let input = tokenPricing.inputTokensPerRequest, share > 0 {
            total = NSDecimalNumber(decimal: input).doubleValue / share
        } else {
            total = Double(ServingChoices.defaultTokensPerRequest)
        }
        let bounded = min(max(total, 2), 10_000_000)
        let input = max(1, Int((bounded * share).rounded()))
        return (input, max(1, Int(bounded.rounded()) - input))
    }

    /// The model architecture GPU options are sized for: the named one, or a generic one of the workload's size.
    public func servingArchitecture(in catalog: PriceCatalog) -> ModelArchitecture? {
        if let name = serving.model { return catalog.model(named: name) }
        let size = NSDecimalNumber(decimal: modelParamsB).doubleValue
        return .generic(paramsB: size, activeParamsB: serving.activeParamsB.map { NSDecimalNumber(decimal: $0).doubleValue })
    }

    /// This workload with its model size taken from the named architecture (`--model`).
    /// - Throws: `InfracostError.invalidUsage` when the catalog has no such model.
    public func resolvingModel(in catalog: PriceCatalog) throws(InfracostError) -> Workload {
        guard let name = serving.model else { return self }
        let architecture = try ServingSetup.architecture(model: name, paramsB: 0, activeParamsB: nil, catalog: catalog)
        var resolved = self
        resolved.serving.model = architecture.id
        resolved.modelParamsB = Decimal(string: Numbers.exactDouble(architecture.totalParamsB)) ?? modelParamsB
        resolved.modelSizeIsDefault = false
        return resolved
    }
}

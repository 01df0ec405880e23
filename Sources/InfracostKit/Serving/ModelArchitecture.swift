import Foundation

/// An open-weight model's shape: what the serving performance model needs to size weights, KV cache and work.
public struct ModelArchitecture: Equatable, Sendable {
    /// Lowercase id, e.g. `llama-3.1-8b`.
    public var id: String
    public var name: String
    /// Other names it is known by, e.g. Hugging Face ids.
    public var aliases: [String]
    /// Billions of parameters stored.
    public var totalParamsB: Double
    /// Billions of parameters used per token (equal to `totalParamsB` for a dense model).
    public var activeParamsB: Double
    public var layers: Int
    public var hiddenSize: Int
    public var attentionHeads: Int
    public var kvHeads: Int
    public var headDim: Int
    public var contextLength: Int
    /// The precision the weights ship in; `nil` when they ship in MXFP4 (`nativeIsMXFP4`).
    public var nativePrecision: Precision?
    /// Whether the expert weights ship in MXFP4 (about 4.25 bits a weight), as gpt-oss does.
    public var nativeIsMXFP4: Bool
    /// Routed experts per MoE layer and how many a token uses; nil for a dense model.
    public var experts: Int?
    public var expertsPerToken: Int?
    public var notes: String?
    /// Whether the figures are the stated typical ratios of a generic model rather than a published architecture.
    public var isGeneric: Bool
    public var provenance: Provenance

    /// A model's architecture: parameters in billions (total and active per token, positive), layers, hidden size,
    /// attention and KV heads, head dimension and context length in tokens, and its native precision.
    public init(
        id: String, name: String, aliases: [String] = [], totalParamsB: Double, activeParamsB: Double, layers: Int, hiddenSize: Int,
        attentionHeads: Int, kvHeads: Int, headDim: Int, contextLength: Int, nativePrecision: Precision?, nativeIsMXFP4: Bool = false,
        experts: Int? = nil, expertsPerToken: Int? = nil, notes: String? = nil, isGeneric: Bool = false, provenance: Provenance
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.totalParamsB = totalParamsB
        self.activeParamsB = activeParamsB
        self.layers = layers
        self.hiddenSize = hiddenSize
        self.attentionHeads = attentionHeads
        self.kvHeads = kvHeads
        self.headDim = headDim
        self.contextLength = contextLength
        self.nativePrecision = nativePrecision
        self.nativeIsMXFP4 = nativeIsMXFP4
        self.experts = experts
        self.expertsPerToken = expertsPerToken
        self.notes = notes
        self.isGeneric = isGeneric
        self.provenance = provenance
    }

    public var isMoE: Bool { experts != nil }

    /// Bytes of weights at `precision`: never more than the weights ship in (MXFP4 experts stay 4.25-bit, about
    /// 0.53 bytes, whatever the compute precision).
    public func weightBytes(at precision: Precision) -> Double {
        let bytes = nativeIsMXFP4 ? min(precision.bytesPerWeight, 0.53) : precision.bytesPerWeight
        return totalParamsB * 1e9 * bytes
    }

    /// KV-cache bytes per token: K and V for every layer and KV head.
    public func kvBytesPerToken(at precision: Precision) -> Double {
        2 * Double(layers * kvHeads * headDim) * precision.kvBytes
    }

    /// Billions of parameters one expert holds and those every token uses (attention, shared experts, dense
    /// layers), from the totals: total = shared + experts x e, active = shared + per-token x e.
    var expertSplit: (expertB: Double, sharedB: Double)? {
        guard let experts, let perToken = expertsPerToken, experts > perToken else { return nil }
        let expert = (totalParamsB - activeParamsB) / Double(experts - perToken)
        return (expert, activeParamsB - Double(perToken) * expert)
    }

    /// A generic model of `paramsB` billion parameters (MoE when `activeParamsB` is smaller), from the stated
    /// typical ratios of Llama-style transformers: hidden size 128 x layers, 8 KV heads of 128 dimensions, and
    /// about 12 x layers x hidden² parameters (so layers = (params / 196,608)^(1/3)).
    public static func generic(paramsB: Double, activeParamsB: Double? = nil) -> ModelArchitecture {
        let active = min(activeParamsB ?? paramsB, paramsB)
        let layers = max(1, Int(cbrt(active * 1e9 / 196_608).rounded()))
        let hidden = 128 * layers
        let isMoE = active < paramsB
        return ModelArchitecture(
            id: "generic-\(Numbers.exactDouble(paramsB))b", name: "generic \(Numbers.exactDouble(paramsB))B\(isMoE ? " (\(Numbers.exactDouble(active))B active)" : "")",
            totalParamsB: paramsB, activeParamsB: active, layers: layers, hiddenSize: hidden, attentionHeads: hidden / 128, kvHeads: 8,
            headDim: 128, contextLength: 131_072, nativePrecision: .bf16, experts: isMoE ? 64 : nil, expertsPerToken: isMoE ? 4 : nil,
            notes: "stated typical ratios: hidden 128 x layers, 8 KV heads of 128, 12 x layers x hidden² parameters\(isMoE ? ", 64 experts with 4 per token" : "")",
            isGeneric: true, provenance: Provenance(source: "infracost's generic model (stated ratios)", verifiedOn: nil))
    }
}

extension Numbers {
    /// A Double shown without a trailing `.0` (70 -> "70", 46.7 -> "46.7").
    static func exactDouble(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

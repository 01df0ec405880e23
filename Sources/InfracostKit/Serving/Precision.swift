/// The number format weights are stored and computed in.
public enum Precision: String, CaseIterable, Sendable, Comparable {
    case bf16, fp16, fp8, int4, fp4

    /// Bytes per weight.
    public var bytesPerWeight: Double {
        switch self {
        case .bf16, .fp16: 2
        case .fp8: 1
        case .int4, .fp4: 0.5
        }
    }

    /// Bytes per KV-cache value: FP8 checkpoints are served with an FP8 KV cache (as TensorRT-LLM and NIM do for
    /// FP8 and FP4 models); 16-bit weights keep a 16-bit cache.
    public var kvBytes: Double { self == .bf16 || self == .fp16 ? 2 : 1 }

    /// The tensor-core rate a GPU needs to compute in this precision natively (int4 weights are dequantized and
    /// computed at the 16-bit rate, as weight-only quantization does).
    public func peakTFLOPS(on compute: GPUCompute) -> Double? {
        switch self {
        case .bf16, .fp16, .int4: compute.bf16TFLOPS
        case .fp8: compute.fp8TFLOPS
        case .fp4: compute.fp4TFLOPS
        }
    }

    /// Precisions order by bytes per weight: int4 and fp4 (0.5) before fp8 (1) before bf16 and fp16 (2).
    public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.bytesPerWeight < rhs.bytesPerWeight }
}

/// A GPU's dense peak tensor throughput per precision and its GPU-to-GPU bandwidth, with their source.
public struct GPUCompute: Equatable, Sendable {
    public var bf16TFLOPS: Double
    public var fp8TFLOPS: Double?
    public var fp4TFLOPS: Double?
    /// GPU-to-GPU bandwidth per direction, GB/s (NVLink, Infinity Fabric or PCIe).
    public var interconnectGBs: Double
    public var provenance: Provenance

    /// Dense peak compute in TFLOPS at each precision the GPU has (positive), and its GPU-to-GPU interconnect in GB/s.
    public init(bf16TFLOPS: Double, fp8TFLOPS: Double? = nil, fp4TFLOPS: Double? = nil, interconnectGBs: Double, provenance: Provenance) {
        self.bf16TFLOPS = bf16TFLOPS
        self.fp8TFLOPS = fp8TFLOPS
        self.fp4TFLOPS = fp4TFLOPS
        self.interconnectGBs = interconnectGBs
        self.provenance = provenance
    }

    /// The default precision: the best of bf16 and fp8 the GPU computes natively (never a silent 4-bit).
    public var defaultPrecision: Precision { fp8TFLOPS == nil ? .bf16 : .fp8 }
}

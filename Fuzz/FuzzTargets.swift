// libFuzzer entry point for infracost's parsers, compiled into the InfracostKit module by scripts/fuzz.sh
// (swiftc -sanitize=fuzzer,address). One binary holds every target; INFRACOST_FUZZ_TARGET picks one:
//   quantities  the quantity parsers behind numeric flags (--tokens 2B, --model-size 70B, 80%, 30s)
//   pricing     the pricing-file loader (JSON parser, field checks, provenance)
//   workload    the workload-file loader (YAML subset or JSON)
//   trace       the request-trace reader (Azure and generic CSV)
//   yaml        the YAML-subset reader alone (nesting, flow collections, CRLF, quotes)
//   registry    the price-registry readers and importer (genai-prices, LiteLLM)
//   mcp         the MCP server's JSON-RPC handling, line by line, with a tool that echoes its arguments
//   benchmark   calibrate's benchmark-result readers (vLLM, GuideLLM, AIPerf) and the performance-file reader
//   simulate    the continuous-batching simulator on a request trace and endpoint the bytes describe, checking
//               that every request is accounted for once (served, turned away or unserved) with its first token
//               no later than its last
//   exact       the exact arithmetic of money: WideNumber agrees with ExactNumber wherever the 128-bit result
//               exists, and (a x b) / b rounds as a does
// Every input must either load or throw an InfracostError; a trap (overflow, index out of range) or an
// address-sanitizer report is a crash, and libFuzzer saves the input that caused it.

import Foundation

enum FuzzTarget: String, CaseIterable {
    case quantities, pricing, workload, trace, yaml, registry, mcp, benchmark, simulate, exact

    /// The bundled catalog the performance-file reader checks models and GPUs against, loaded once.
    static let catalog = (try? CatalogLoader.bundled()) ?? PriceCatalog()

    /// The server `mcp` feeds, made per input: one tool that answers with what it was given (the tools proper
    /// live in the CLI).
    static func server() -> MCPServer {
        MCPServer(name: "fuzz", version: "0", instructions: "", tools: [
            MCPTool(name: "echo", title: "Echo", description: "returns its arguments", inputSchema: .fields(["type": .string("object")])) { arguments in
                MCPToolResult(text: "echo", structured: arguments)
            },
        ])
    }

    /// Llama 3.3 70B at fp8 on 2 x H100 batching requests of about 1,000 in and 250 out, built once.
    static let profile: BatchingProfile? = {
        guard let architecture = catalog.model(named: "llama-3.3-70b"), let gpu = catalog.gpu(named: "H100"), let compute = gpu.compute
        else { return nil }
        let model = ServingModel(ServingConfiguration(architecture: architecture, gpu: gpu, compute: compute, gpus: 2, precision: .fp8))
        return BatchingProfile(model: model, inputTokens: 1000, outputTokens: 250)
    }()

    /// Four bytes of endpoint (slots, replicas, cold start, idle timeout, queue), then five bytes a request (the gap
    /// since the last, in 1/16 s; input and output tokens).
    static func simulate(_ bytes: [UInt8]) {
        guard bytes.count >= 4, let profile else { return }
        var configuration = EndpointConfiguration(
            concurrency: 1 + Int(bytes[0] % 64), serviceTime: .batching(profile), coldStartSeconds: Double(bytes[2] % 4),
            idleTimeoutSeconds: Double(bytes[3] % 32), maxReplicas: 1 + Int(bytes[1] % 8), keepWarm: Int(bytes[1] >> 7))
        configuration.maximumQueue = 1 + Int(bytes[3] >> 2)
        var requests: [Request] = []
        var clock = 0.0
        var offset = 4
        while offset + 5 <= bytes.count {
            clock += Double(bytes[offset]) / 16
            let input = Int32(bytes[offset + 1]) << 6 | Int32(bytes[offset + 2] & 63)
            let output = Int32(bytes[offset + 3]) << 4 | Int32(bytes[offset + 4] & 15)
            requests.append(Request(arrival: clock, inputTokens: input, outputTokens: output))
            offset += 5
        }
        var iterator = requests.makeIterator()
        let run = EndpointSimulator.run(configuration, duration: clock + 1) { iterator.next() }
        let served = run.latency.total
        precondition(run.requests == requests.count, "requests \(run.requests) of \(requests.count)")
        precondition(served + run.turnedAway + run.unservedAtEnd == run.requests, "served \(served), turned away \(run.turnedAway), unserved \(run.unservedAtEnd) of \(run.requests)")
        precondition(run.timeToFirstToken.total == served, "first tokens \(run.timeToFirstToken.total) for \(served) served")
        precondition(run.latency.sum.isFinite && run.latency.sum >= 0 && run.timeToFirstToken.sum <= run.latency.sum * (1 + 1e-9) + 1e-9,
                     "latency sum \(run.latency.sum), first-token sum \(run.timeToFirstToken.sum)")
    }

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["INFRACOST_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("set INFRACOST_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(64)
        }
        return target
    }()

    func run(_ bytes: [UInt8]) {
        switch self {
        case .quantities:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? TokenCount.parse(text, label: "--tokens")
            _ = try? TokenCount.parse(text, label: "--tokens", allowZero: true)
            _ = try? ModelSize.parse(text)
            _ = try? DecimalText.parse(text)
            _ = try? Fraction.parse(text, label: "--utilization", allowZero: false)
            _ = try? Percentage.parse(text, label: "--max-increase", range: 0...1000, rangeText: "0-1000%")
            _ = try? DurationText.parse(text, label: "--idle-timeout")
            _ = try? PlainNumber.parse(text, label: "--gpus", range: 1...1024, rangeText: "1-1024")
            _ = try? RateText.parse(text)
            _ = try? TimeOfDay.parseWindow(text, label: "--keep-warm-window")
            _ = try? TimeOfDay.parseOffset(text)
        case .pricing:
            _ = try? CatalogLoader.load(bytes, file: "fuzz.json", requireProvenance: true)
        case .workload:
            _ = try? WorkloadFile.parse(bytes, file: "fuzz.yml")
        case .trace:
            _ = try? TraceReader.parse(bytes, file: "fuzz.csv")
            _ = try? TraceReader.parse(bytes, file: "fuzz.csv", skipBadRows: true)
        case .yaml:
            _ = try? YAMLSubset.parse(String(decoding: bytes, as: UTF8.self))
        case .mcp:
            var server = FuzzTarget.server()
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                if let reply = server.handle(String(line)) {
                    // Every reply is one JSON object on one line.
                    precondition(!reply.contains("\n") && (try? JSONValue.parse(Array(reply.utf8))) != nil, "bad reply: \(reply)")
                }
            }
        case .simulate:
            FuzzTarget.simulate(bytes)
        case .exact:
            FuzzTarget.exact(bytes)
        case .benchmark:
            _ = try? BenchmarkFile.runs(bytes, file: "fuzz.json")
            if let root = try? JSONValue.parse(bytes) { _ = try? PerformanceFile.read(root, file: "fuzz.json", catalog: FuzzTarget.catalog) }
        case .registry:
            if let file = try? RegistryFile.read(bytes, file: "fuzz.json", day: "2026-12-01") {
                _ = PriceImport.make(file).pricingFile()
            }
        }
    }
}

extension FuzzTarget {
    /// Operands of 17 bytes each (a 128-bit mantissa, little-endian, and an exponent byte mapped to -40...40),
    /// taken in pairs.
    static func exact(_ bytes: [UInt8]) {
        var operands: [ExactNumber] = []
        var index = 0
        while index + 17 <= bytes.count, operands.count < 64 {
            var mantissa: UInt128 = 0
            for byte in bytes[index..<index + 16].reversed() { mantissa = mantissa << 8 | UInt128(byte) }
            operands.append(ExactNumber(mantissa: Int128(truncatingIfNeeded: mantissa), exponent: Int(bytes[index + 16] % 81) - 40))
            index += 17
        }
        var pair = 0
        while pair + 1 < operands.count {
            let a = operands[pair], b = operands[pair + 1]
            let wa = WideNumber(a), wb = WideNumber(b)
            let scale = Int(a.exponent & 7)
            let one = WideNumber(ExactNumber.one)
            for (narrow, wide) in [(try? a * b, try? wa * wb), (try? a + b, try? wa + wb), (try? a - b, try? wa - wb)] {
                guard let wide else { continue }
                if let narrow, let expected = try? narrow.rounded(scale: scale) {
                    precondition((try? wide.rounded(scale: scale, dividedBy: one)) == expected, "\(a) \(b): wide disagrees")
                }
            }
            if b.mantissa != 0 {
                if let expected = try? a.rounded(scale: scale, dividedBy: b) {
                    precondition((try? wa.rounded(scale: scale, dividedBy: wb)) == expected, "\(a) / \(b): wide disagrees")
                }
                // (a x b) / b is a: rounded alike, or both out of range.
                if let product = try? wa * wb, let quotient = try? product.rounded(scale: 0, dividedBy: wb) {
                    precondition(quotient == (try? wa.rounded(scale: 0, dividedBy: one)), "(\(a) x \(b)) / \(b) is not \(a)")
                }
                if b.mantissa > 0, let expected = try? a.ceilingDivided(by: b) {
                    precondition((try? wa.ceilingDivided(by: wb)) == expected, "ceil(\(a) / \(b)): wide disagrees")
                }
            }
            pair += 2
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func infracostFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzTarget.selected.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

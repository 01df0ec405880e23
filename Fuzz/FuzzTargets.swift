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
// Every input must either load or throw an InfracostError; a trap (overflow, index out of range) or an
// address-sanitizer report is a crash, and libFuzzer saves the input that caused it.

import Foundation

enum FuzzTarget: String, CaseIterable {
    case quantities, pricing, workload, trace, yaml, registry, mcp, benchmark

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
            _ = try? TokenCount.parse(text, flag: "--tokens")
            _ = try? TokenCount.parse(text, flag: "--tokens", allowZero: true)
            _ = try? ModelSize.parse(text)
            _ = try? DecimalText.parse(text)
            _ = try? Fraction.parse(text, flag: "--utilization", allowZero: false)
            _ = try? Percentage.parse(text, flag: "--max-increase", range: 0...1000, rangeText: "0-1000%")
            _ = try? DurationText.parse(text, flag: "--idle-timeout")
            _ = try? PlainNumber.parse(text, flag: "--gpus", range: 1...1024, rangeText: "1-1024")
            _ = try? RateText.parse(text)
            _ = try? TimeOfDay.parseWindow(text, flag: "--keep-warm-window")
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

@_cdecl("LLVMFuzzerTestOneInput")
public func infracostFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzTarget.selected.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

import Foundation
import Testing

/// `infracost mcp` end to end with the official MCP Python SDK as the client (.ci/run installs it into a
/// throwaway virtual environment and names its python in INFRACOST_MCP_PYTHON; without it the test is skipped,
/// visibly), and the protocol edge cases through the binary.
struct MCPServerTests {
    static let python = ProcessInfo.processInfo.environment["INFRACOST_MCP_PYTHON"]

    @Test(.enabled(if: python != nil, "INFRACOST_MCP_PYTHON is not set (.ci/run installs the MCP Python SDK)"))
    func aSessionWithTheOfficialPythonSDK() throws {
        let script = CLI.root.appendingPathComponent("Tests/Python/mcp_session.py").path
        let result = try CLI.run([script, CLI.binary.path], executable: URL(fileURLWithPath: try #require(Self.python)))
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("session complete"))
    }

    /// Lines in, lines out: the raw protocol through the binary.
    static func session(_ lines: [String]) throws -> [[String: Any]] {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["mcp"]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        process.currentDirectoryURL = CLI.root
        process.standardInput = try FileHandle(forReadingFrom: input)
        let output = folder.appendingPathComponent("out.jsonl")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOf: output, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func badMessagesGetErrorsAndTheServerKeepsServing() throws {
        let replies = try Self.session([
            "not json",
            "[1, 2]",
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"no/such"}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"nope"}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"compare","arguments":{"tokens":2000000000,"tier":"api"}}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"compare","arguments":{"tokens":"2B","pricing":["Tests/InfracostCLITests/Fixtures/seed-offers.json"],"no_bundled":true}}}"#,
            #"{"jsonrpc":"2.0","id":6,"method":"ping"}"#,
        ])
        // The notification gets no answer: eight replies for nine lines.
        #expect(replies.count == 8)
        #expect((replies[0]["error"] as? [String: Any])?["code"] as? Int == -32700)
        #expect((replies[1]["error"] as? [String: Any])?["code"] as? Int == -32600)
        #expect((replies[2]["result"] as? [String: Any])?["protocolVersion"] as? String == "2025-06-18")
        #expect((replies[3]["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect((replies[4]["error"] as? [String: Any])?["code"] as? Int == -32602)
        let wrongType = try #require(replies[5]["result"] as? [String: Any])
        #expect(wrongType["isError"] as? Bool == true)
        let seed = try #require(replies[6]["result"] as? [String: Any])
        #expect(seed["isError"] as? Bool == false)
        let structured = try #require(seed["structuredContent"] as? [String: Any])
        // The published seed comparison: the A100 at $929.00 is the cheapest way to serve the 70B model.
        #expect((structured["cheapest_serving_model"] as? [String: Any])?["monthly_cost"] as? String == "929.00")
        #expect(replies[7]["id"] as? Int == 6)
    }

    @Test func theThroughputToolReadsAPerformanceFile() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let performance = folder.appendingPathComponent("h100.json").path
        let calibrate = try CLI.run(["calibrate", "Tests/Fixtures/benchmarks/aiperf-nim-llama-3.3-70b-c25.json", "--gpu", "H100", "--gpus", "2", "--out", performance],
                                    in: CLI.root)
        #expect(calibrate.status == 0, "\(calibrate.stderr)")
        let call = #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"throughput","arguments":{"model":"llama-3.3-70b","gpu":"H100","gpus":2,"input_tokens":5000,"output_tokens":500,"concurrency":"25","performance":["PATH"]}}}"#
        let replies = try Self.session([
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{}}}"#,
            call.replacingOccurrences(of: "PATH", with: performance),
        ])
        let result = try #require(replies.last?["result"] as? [String: Any])
        #expect(result["isError"] as? Bool == false, "\(result)")
        let structured = try #require(result["structuredContent"] as? [String: Any])
        #expect(structured["basis"] as? String == "measured")
        #expect(structured["itl_ms"] as? Double == 38.75)
    }

    @Test func noToolWritesAFile() throws {
        // No tool takes out or chart: a call naming one is an error, and nothing appears in the folder.
        let replies = try Self.session([
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"compare","arguments":{"tokens":"2B","out":"x.txt"}}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"breakeven","arguments":{"chart":"x.svg"}}}"#,
        ])
        for reply in replies { #expect((reply["result"] as? [String: Any])?["isError"] as? Bool == true) }
        #expect(!FileManager.default.fileExists(atPath: CLI.root.appendingPathComponent("x.txt").path))
    }
}

struct MCPBoundsTests {
    @Test func aLineOverTheLimitIsAnsweredAndDroppedAndTheNextIsServed() throws {
        let replies = try MCPServerTests.session([
            String(repeating: "x", count: 1_500_000),
            #"{"jsonrpc":"2.0","id":7,"method":"ping"}"#,
        ])
        #expect(replies.count == 2)
        #expect((replies[0]["error"] as? [String: Any])?["message"] as? String == "message longer than 1000000 bytes")
        #expect(replies[1]["id"] as? Int == 7)
    }
}

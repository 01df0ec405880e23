import Foundation
import Testing

struct AnalyzeCommandTests {
    static let shared = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/data/azure-llm-inference-2023")

    @Test func recommendsTheDedicatedGPUOfThePublishedExample() throws {
        // 3,200,000 tokens over 2,628 s project (x1,000 for a 730 h month) to 3.2B tokens: 1,728.00 at 0.54;
        // the seed A100 at 929.00 saves 799.00 (46%).
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log.csv").path
        try "timestamp,input_tokens,output_tokens,model,latency_ms,cold_start\n2026-11-01T00:00:00Z,1200000,400000,llama-3-70b,900,true\n2026-11-01T00:43:48Z,1200000,400000,llama-3-70b,300,false\n"
            .write(toFile: log, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "analyze", "--log", log, "--offer", "together/llama-3.1-70b", "--pricing", CompareCommandTests.together,
            "--pricing", CompareCommandTests.seed, "--no-bundled",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("llama-3-70b on together processed 3.2B tokens at $1,728.00; a dedicated A100 at $929.00/month would save $799.00 (46%)."))
        #expect(result.stdout.contains("cold starts (logged)   1 (50.00% of requests)"))
        #expect(result.stdout.contains("latency (logged)"))
        #expect(result.stderr.contains("projected to a 730 h month (x1000.00)"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: shared.path), "../shared/data/azure-llm-inference-2023 is not beside the package"),
          arguments: [("conv.csv", 19_366), ("code.csv", 8_819)])
    func analyzesTheAzureTraces(file: String, requests: Int) throws {
        let path = Self.shared.appendingPathComponent(file).path
        let result = try CLI.run(["analyze", "--log", path, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["requests"] as? Int == requests)
        let hours = try #require(report["requests_by_hour_utc"] as? [Int])
        #expect(hours.reduce(0, +) == requests)
        // The samples run from 18:15 to 19:14 UTC.
        #expect(hours[18] > 0 && hours[19] > 0 && hours[17] == 0 && hours[20] == 0)
        #expect((report["recommendations"] as? [String])?.isEmpty == false)
        #expect(Decimal(string: report["monthly_cost"] as? String ?? "") != nil)
    }

    @Test func badLogColumnsExit65() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log.csv").path
        try "timestamp,input_tokens,output_tokens,cold_start\n1000,1,1,maybe\n1001,1,1,true\n".write(toFile: log, atomically: true, encoding: .utf8)
        let result = try CLI.run(["analyze", "--log", log])
        #expect(result.status == 65)
        #expect(result.stderr.contains("log.csv:2: field 'cold_start': 'maybe' is not true/false or 1/0"))
    }
}

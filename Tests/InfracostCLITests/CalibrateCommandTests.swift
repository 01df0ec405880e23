import Foundation
import Testing

/// `infracost calibrate` through the binary, and `--performance` on the commands that read it.
struct CalibrateCommandTests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/Fixtures/benchmarks")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    static let nim = ["c1", "c25", "c250"].map { fixture("aiperf-nim-llama-3.3-70b-\($0).json") }

    func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func writesAPerformanceFileThatThroughputAndCompareUse() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("h100.json").path
        let result = try CLI.run(["calibrate"] + Self.nim + ["--gpu", "H100", "--gpus", "2", "--precision", "fp8", "--out", out])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("wrote 3 measured points and the H100-SXM fit to \(out)"))
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(file["kind"] as? String == "infracost-performance")
        #expect((file["points"] as? [[String: Any]])?.count == 3)

        // The measured point for 25 clients answers `throughput` for that configuration.
        let throughput = try CLI.run(["throughput", "--model", "llama-3.3-70b", "--gpu", "H100", "--gpus", "2", "--input-tokens", "5000",
                                      "--output-tokens", "500", "--concurrency", "25", "--performance", out, "--format", "json"])
        #expect(throughput.status == 0, "stderr: \(throughput.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(throughput.stdout.utf8)) as? [String: Any])
        #expect(answer["basis"] as? String == "measured")
        #expect(answer["itl_ms"] as? Double == 38.75)
        #expect(answer["output_tokens_per_second_per_gpu"] as? Double == 311.7)
        #expect(answer["estimate"] as? Bool == false)

        // compare sizes the 8 x H100 machine from it: 311.7 x 8 GPUs x (5,000 + 500) / 500 = 27,429.6, rounded down.
        let compare = try CLI.run(["compare", "--model", "llama-3.3-70b", "--input-tokens", "9.09B", "--output-tokens", "0.91B",
                                   "--tokens-per-request", "5500", "--tier", "dedicated", "--performance", out, "--format", "json"])
        #expect(compare.status == 0, "stderr: \(compare.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
        let options = try #require(report["options"] as? [[String: Any]])
        let h100 = try #require(options.first { $0["id"] as? String == "lambda/8x-h100-sxm" })
        let estimate = try #require(h100["throughput"] as? [String: Any])
        #expect(estimate["method"] as? String == "measured")
        #expect(estimate["tokens_per_second"] as? String == "27429")
    }

    @Test func reportsTheBacktest() throws {
        let result = try CLI.run(["calibrate"] + Self.nim + ["--gpu", "H100", "--gpus", "2", "--report"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("infracost calibrate: 3 runs of llama-3.3-70b at fp8 on 2 x H100-SXM"))
        #expect(result.stdout.contains("on points left out of the fit"))
        #expect(result.stdout.contains("  25 clients   5000 / 500   38.75      311.7     688.7  "))
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        let json = try CLI.run(["calibrate"] + Self.nim + ["--gpu", "H100", "--gpus", "2", "--report", "--format", "json"])
        let value = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((value["points"] as? [Any])?.count == 3)
    }

    @Test func refusesBadFilesWithTheFileAndField() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(String, String)] = [
            (#"{"what": "is this"}"#, "not a benchmark result this version reads"),
            (#"{"backend": "openai", "output_throughput": 10, "completed": 5, "duration": 0}"#, "field 'duration': 0: a run of no duration measured nothing"),
            (#"{"backend": "openai", "completed": 5, "duration": 2}"#, "field 'total_input_tokens': missing"),
            ("{\"backend\": ", "not valid JSON"),
        ]
        for (index, (text, message)) in cases.enumerated() {
            let path = try write(text, "bad\(index).json", in: folder)
            let result = try CLI.run(["calibrate", path, "--gpu", "H100"])
            #expect(result.status == 65, "\(text): \(result.stderr)")
            #expect(result.stderr.contains(path) && result.stderr.contains(message), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func asksForWhatTheFileDoesNotSay() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unnamed = try write(#"{"backend": "openai", "model_id": "./my-finetune", "num_prompts": 5, "request_rate": "inf", "max_concurrency": 4, "duration": 2, "completed": 5, "total_input_tokens": 500, "total_output_tokens": 500, "output_throughput": 250, "mean_ttft_ms": 30, "mean_itl_ms": 15}"#, "run.json", in: folder)
        let result = try CLI.run(["calibrate", unnamed, "--gpu", "H100"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("names the model './my-finetune', which is not a model architecture of the catalog; give --model"))
        let given = try CLI.run(["calibrate", unnamed, "--gpu", "H100", "--model", "llama-3.1-8b"])
        #expect(given.status == 0, "\(given.stderr)")
        // Never written onto an input.
        let onto = try CLI.run(["calibrate", unnamed, "--gpu", "H100", "--model", "llama-3.1-8b", "--out", unnamed])
        #expect(onto.status == 64)
        #expect(try String(contentsOfFile: unnamed, encoding: .utf8).contains("my-finetune"))
    }

    @Test func aBadPerformanceFileExits65() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try write(#"{"schema_version": 1, "kind": "infracost-performance", "points": [{"model": "llama-3.1-8b", "gpu": "H100", "gpus": 1, "precision": "fp8", "concurrency": 8, "input_tokens": 1000, "output_tokens": 1000, "output_tokens_per_second": 0, "ttft_ms": {"mean": 20}, "itl_ms": {"mean": 9}, "tool": "vllm bench serve"}]}"#, "perf.json", in: folder)
        let result = try CLI.run(["throughput", "--model", "llama-3.1-8b", "--gpu", "H100", "--performance", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(path):1: field 'points[0].output_tokens_per_second': 0: must be above zero"), "\(result.stderr)")
        let benchmark = try CLI.run(["throughput", "--model", "llama-3.1-8b", "--gpu", "H100", "--performance", Self.nim[0]])
        #expect(benchmark.status == 65)
        #expect(benchmark.stderr.contains("benchmark results go to `infracost calibrate` first"))
    }
}

import Foundation
import Testing

/// `infracost throughput` through the binary: fields, exit codes, published and model answers.
struct ThroughputCommandTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(["throughput"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func answersWithTheDocumentedFields() throws {
        let report = try json(["--model", "llama-3.3-70b", "--gpu", "H100", "--gpus", "2", "--input-tokens", "5000", "--output-tokens", "500",
                               "--concurrency", "25"])
        #expect(report["fits"] as? Bool == true)
        #expect(report["max_concurrency"] as? Int == 83)
        #expect(report["precision"] as? String == "fp8")
        #expect(report["basis"] as? String == "model")
        for key in ["output_tokens_per_second_per_gpu", "total_tokens_per_second_per_gpu", "ttft_ms", "itl_ms", "e2e_ms"] {
            #expect(report[key] is Double, "\(key) is a number")
        }
        let output = try #require(report["output_tokens_per_second_per_gpu"] as? Double)
        let total = try #require(report["total_tokens_per_second_per_gpu"] as? Double)
        // 5,000 in / 500 out: input + output is 11 x output (each printed to 0.1: within 0.05 + 11 x 0.05).
        #expect(abs(total - output * 11) <= 0.6)
    }

    @Test func aConfigurationThatDoesNotFitExitsZeroWithItsReason() throws {
        let report = try json(["--model", "llama-3.1-405b", "--gpu", "L40S", "--gpus", "8"])
        #expect(report["fits"] as? Bool == false)
        #expect((report["reason"] as? String)?.contains("exceed the 345.6 GB usable") == true)
        #expect(report["ttft_ms"] is NSNull)
    }

    @Test func aMatchingPublishedFigureIsUsedAndSaysSo() throws {
        let arguments = ["--model", "llama-3-70b", "--gpu", "H200", "--gpus", "1", "--precision", "fp8", "--input-tokens", "128", "--output-tokens", "128"]
        let published = try json(arguments)
        #expect(published["basis"] as? String == "published")
        #expect(published["output_tokens_per_second_per_gpu"] as? Double == 3014)
        let model = try json(arguments + ["--model-only"])
        #expect(model["basis"] as? String == "model")
        #expect(model["output_tokens_per_second_per_gpu"] as? Double != 3014)
    }

    @Test(arguments: [
        ["--gpu", "H100", "--gpus", "9"], ["--gpu", "H100", "--format", "csv"], ["--gpu", "H100", "--model", "lama-3"],
        ["--gpu", "H101"], ["--gpu", "H100", "--precision", "fp2"], ["--gpu", "H100", "--concurrency", "0"],
        ["--gpu", "H100", "--model", "llama-3.1-8b", "--model-size", "8B"], ["--gpu", "H100", "--input-tokens", "0"],
    ])
    func badFlagsAreUsageErrors(arguments: [String]) throws {
        let result = try CLI.run(["throughput"] + arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func explainShowsTheFittedConstantsAndSources() throws {
        let result = try CLI.run(["throughput", "--model", "gpt-oss-20b", "--gpu", "L40S", "--explain"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("fitted on: ../shared/data/serving-benchmarks/calibration.csv"))
        #expect(result.stdout.contains("huggingface.co/openai/gpt-oss-20b"))
        #expect(result.stdout.contains("MoE, 20.9B parameters (3.6B active, 32 experts, 4 per token)"))
    }

    @Test func compareNamesThePrecisionOfEveryGPURow() throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--model", "llama-3.1-8b", "--tier", "dedicated", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let options = try #require(report["options"] as? [[String: Any]])
        #expect(!options.isEmpty)
        for option in options where option["status"] as? String == "priced" {
            let throughput = try #require(option["throughput"] as? [String: Any])
            #expect(["fp8", "bf16"].contains(throughput["precision"] as? String), "\(option["id"] ?? "")")
        }
    }

    @Test func aWorkloadFileNamesItsModel() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("w.yml").path
        try "version: 1\nworkloads:\n  - name: a\n    model: llama-3.1-8b\n    tokens_per_month: 500M\n    tiers: [dedicated]\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["compare", "--workload", file, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        // The architecture sets the size (8.03B) and every GPU row is sized for it.
        #expect(result.stdout.contains("\"model_params_b\": \"8.03\"") || result.stdout.contains("8.03"))
        #expect(result.stdout.contains("Llama 3.1 8B at fp8") || result.stdout.contains("Llama 3.1 8B at bf16"))
    }

    @Test func aUsersOwnFigureIsMeasured() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("m.json").path
        try """
            {"schema_version": 1, "throughput": [
              {"model_params_b": 8, "gpu": "L40S", "gpu_count": 1, "tokens_per_second": 4000, "counts": "output", "input_len": 500,
               "output_len": 500, "precision": "fp8", "notes": "our vLLM run"}
            ]}
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let report = try json(["--model", "llama-3.1-8b", "--gpu", "L40S", "--gpus", "1", "--input-tokens", "500", "--output-tokens", "500", "--pricing", file])
        #expect(report["basis"] as? String == "measured")
        #expect(report["output_tokens_per_second_per_gpu"] as? Double == 4000)
        #expect(report["total_tokens_per_second_per_gpu"] as? Double == 8000)
    }
}


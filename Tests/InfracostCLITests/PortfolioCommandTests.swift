import Foundation
import Testing

/// Workload files through the binary, priced with the frozen March 2026 catalog so the figures stay those
/// computed by hand (the README shows the same commands with the bundled prices of today).
struct PortfolioCommandTests {
    static let example = CLI.root.appendingPathComponent("examples/infracost.yml").path

    func write(_ text: String, name: String) throws -> (URL, String) {
        let folder = try CLI.temporaryFolder()
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (folder, path)
    }

    @Test func checkExitsOneOverBudgetNamingTheWorkloadAndZeroWithin() throws {
        // classifier: 1,000 requests/min x 43,800 min x (400 + 20) tokens at 0.10 per 1M = 1,839.60, over its 1,000.
        let over = try CLI.run(["check", "--workload", Self.example] + CLI.frozenPricing)
        #expect(over.status == 1)
        #expect(over.stdout.hasPrefix("infracost check: FAIL: workload classifier at $1,839.60/month is over its $1,000.00 budget by $839.60 (84.0%)\n"))
        let (folder, path) = try write(try String(contentsOfFile: Self.example, encoding: .utf8).replacingOccurrences(of: "    budget: 1000\n", with: ""), name: "w.yml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let within = try CLI.run(["check", "--workload", path] + CLI.frozenPricing)
        #expect(within.status == 0)
        #expect(within.stdout.hasPrefix("infracost check: OK: 2 workloads, total $2,540.40/month within the $5,000.00 budget (50.8% used)\n"))
        let tight = try CLI.run(["check", "--workload", path, "--budget", "2000", "--format", "json"] + CLI.frozenPricing)
        #expect(tight.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(tight.stdout.utf8)) as? [String: Any])
        #expect(report["passed"] as? Bool == false)
        #expect(report["total_monthly_cost"] as? String == "2540.40")
        #expect((report["failures"] as? [String])?.first == "total $2,540.40/month is over the $2,000.00 budget by $540.40 (27.0%)")
    }

    @Test func checkFailsOnAnIncreaseOverTheBaseline() throws {
        let proposed = try String(contentsOfFile: Self.example, encoding: .utf8)
            .replacingOccurrences(of: "    budget: 1000\n", with: "").replacingOccurrences(of: "requests_per_minute: 10\n", with: "requests_per_minute: 20\n")
        let (folder, path) = try write(proposed, name: "new.yml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let baselineText = try String(contentsOfFile: Self.example, encoding: .utf8).replacingOccurrences(of: "    budget: 1000\n", with: "")
        let baselinePath = folder.appendingPathComponent("old.yml").path
        try baselineText.write(toFile: baselinePath, atomically: true, encoding: .utf8)
        // reasoning doubles from 700.80 to 1,401.60: +700.80 on 2,540.40 is +27.6%.
        let result = try CLI.run(["check", "--workload", path, "--baseline", baselinePath, "--max-increase", "10%"] + CLI.frozenPricing)
        #expect(result.status == 1)
        #expect(result.stdout.contains("total rose $700.80 (27.6%) over the baseline $2,540.40, more than the allowed 10.0%"))
        #expect(try CLI.run(["check", "--workload", path, "--baseline", baselinePath, "--max-increase", "30%"] + CLI.frozenPricing).status == 0)
    }

    @Test func aMissingPriceFailsTheCheckUnlessAllowed() throws {
        let text = """
            version: 1
            workloads:
              - name: mystery
                tokens_per_month: 1B
                offer: modal/b200
            """
        let (folder, path) = try write(text, name: "w.yml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let failed = try CLI.run(["check", "--workload", path] + CLI.frozenPricing)
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("workload mystery has no price"))
        #expect(failed.stdout.contains("never counts as $0"))
        let allowed = try CLI.run(["check", "--workload", path, "--allow-missing-prices"] + CLI.frozenPricing)
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("1 workload(s) without a price left out"))
    }

    @Test(arguments: [
        ("version: 1\nworkloads:\n  - name: a\n    tokens_per_month: 2X\n", "w.yml:4: workload 'a', field 'tokens_per_month': it is not a token count (write e.g. 750k, 50M, 2B, 1.5e9 or 10000000)"),
        ("version: 1\nworkloads:\n  - name: a\n    tokens_per_mnth: 1B\n", "w.yml:4: workload 'a', field 'tokens_per_mnth': unknown field (did you mean 'tokens_per_month'?)"),
        ("version: 1\nworkloads:\n  - name: a\n    tokens_per_month: 1B\n    tiers: [gpu]\n", "w.yml:5: workload 'a', field 'tiers': 'gpu' is not a tier (use api, serverless, serverless-gpu, dedicated)"),
        ("version: 1\nworkloads:\n  - name: a\n    requests_per_minute: 10\n", "w.yml:3: workload 'a', field 'input_tokens_per_request': is missing: a request rate needs tokens per request"),
        ("version: 1\nworkloads:\n  - name: a\n    model: lama-3.1-8b\n    tokens_per_month: 1B\n", "w.yml:3: workload 'a', field 'model': no model architecture has the id 'lama-3.1-8b'"),
        ("version: 1\nworkloads:\n  - name: a\n    model: llama-3.1-8b\n    model_size: 8B\n    tokens_per_month: 1B\n", "w.yml:4: workload 'a', field 'model': give model or model_size, not both (model sets the size)"),
        ("version: 2\nworkloads:\n  - name: a\n    tokens_per_month: 1B\n", "w.yml:1: field 'version': must be the number 1, found 2"),
        ("version: 1\nworkloads:\n  - name: a\n    tokens_per_month: 1B\n    offer: togther/llama-3.1-8b\n", "w.yml:3: workload 'a', field 'offer': no offer has the id 'togther/llama-3.1-8b' (did you mean 'together/llama-3.1-8b'?)"),
        ("version: 1\nworkloads:\n  - name: a\n    tokens_per_month: 1B\n  - name: a\n    tokens_per_month: 2B\n", "w.yml:5: workload 'a', field 'name': two workloads have this name"),
        ("version: 1\nworkloads:\n  - name: a\n\ttokens_per_month: 1B\n", "w.yml:4: tabs are not allowed in indentation; use spaces (column 1)"),
        ("{\"version\": 1, \"workloads\": [{\"name\": \"a\", \"tokens_per_month\": \"1B\", \"budget\": -5}]}", "w.yml:1: workload 'a', field 'budget': must be 0 or more, found -5"),
    ])
    func badWorkloadFilesExit65WithLineAndField(text: String, message: String) throws {
        let (folder, path) = try write(text, name: "w.yml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["check", "--workload", path] + CLI.frozenPricing)
        #expect(result.status == 65)
        // The first problem leads; every other problem follows on its own line.
        #expect(result.stderr.hasPrefix("error: " + message.replacingOccurrences(of: "w.yml", with: path) + "\n"))
    }

    @Test func missingWorkloadFileExits74() throws {
        let result = try CLI.run(["check", "--workload", "/nonexistent/infracost.yml"] + CLI.frozenPricing)
        #expect(result.status == 74)
    }

    @Test func diffRendersAPullRequestComment() throws {
        let proposed = try String(contentsOfFile: Self.example, encoding: .utf8)
            .replacingOccurrences(of: "offer: together/llama-3.1-8b      # what it runs on today (optional)", with: "offer: fireworks/llama-3.1-8b")
            .replacingOccurrences(of: "requests_per_minute: 10\n", with: "requests_per_minute: 20\n")
        let (folder, path) = try write(proposed, name: "new.yml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["diff", "--baseline", Self.example, "--proposed", path, "--format", "markdown"] + CLI.frozenPricing)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<!-- infracost-diff -->\n**infracost:** Monthly cost +$700.80 (+27.6%): $2,540.40 -> $3,241.20\n"))
        try CLI.expectGolden(result.stdout, "diff-example.md")
    }

    @Test func financeReportReadsBackAndAddsUpToItsTotals() throws {
        let result = try CLI.run(["report", "--workload", Self.example, "--months", "12", "--growth", "8%", "--start-month", "2027-01"] + CLI.frozenPricing)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = CSVReader.parse(result.stdout)
        #expect(rows.first == ["month", "workload", "model", "tier", "offer", "input_tokens", "output_tokens", "gpu_hours", "monthly_cost", "currency", "price_verified_on"])
        let body = rows.dropFirst().dropLast()
        #expect(body.count == 24)
        let totals = try #require(rows.last)
        #expect(totals[0] == "total")
        let costSum = body.map { Decimal(string: $0[8])! }.reduce(0, +)
        #expect(costSum == Decimal(string: totals[8])!)
        let inputSum = body.map { Decimal(string: $0[5])! }.reduce(0, +)
        #expect(inputSum == Decimal(string: totals[5])!)
        #expect(body.allSatisfy { !$0[8].contains("$") && !$0[8].contains(",") })
        // Month 1 is the plan; month 2 grows 8%: classifier input 17,520,000,000 x 1.08 = 18,921,600,000.
        #expect(body.first?[5] == "17520000000")
        #expect(body.first?[8] == "1839.60")
        #expect(rows[3][0] == "2027-02")
        #expect(rows[3][5] == "18921600000")
        #expect(body.last?[0] == "2027-12")
    }

    @Test func compareTakesAWorkloadFile() throws {
        let result = try CLI.run(["compare", "--workload", Self.example, "--format", "json"] + CLI.frozenPricing)
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["total_monthly_cost"] as? String == "2540.40")
        let workloads = try #require(report["workloads"] as? [[String: Any]])
        #expect(workloads.map { $0["name"] as? String } == ["classifier", "reasoning"])
        #expect(((workloads[0]["planned"] as? [String: Any])?["current"]) as? Bool == true)
    }
}

/// The budget gate in one line: `check` reads compare's workload flags (issue 20, part 2).
struct OneLineCheckTests {
    @Test func withinOverAndUsage() throws {
        // The seed: the cheapest way to serve 2B tokens of the 70B model is the A100 at $929.00.
        let seed = ["--pricing", CompareCommandTests.seed, "--no-bundled"]
        let within = try CLI.run(["check", "--tokens", "2B", "--budget", "1000"] + seed)
        #expect(within.status == 0, "\(within.stderr)")
        #expect(within.stdout.hasPrefix("infracost check: OK: 1 workloads, total $929.00/month within the $1,000.00 budget (92.9% used)"))
        let over = try CLI.run(["check", "--tokens", "2B", "--budget", "900"] + seed)
        #expect(over.status == 1)
        #expect(over.stdout.hasPrefix("infracost check: FAIL: total $929.00/month is over the $900.00 budget by $29.00 (3.2%)"))
        let json = try CLI.run(["check", "--tokens", "2B", "--budget", "900", "--format", "json"] + seed)
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["passed"] as? Bool == false)
        #expect(report["total_monthly_cost"] as? String == "929.00")
        for usage in [["check", "--budget", "100"], ["check", "--tokens", "2B", "--workload", "examples/infracost.yml"], ["check", "--tokens", "lots"],
                      ["check", "--tokens", "2B", "--tier", "gpu"]] {
            let result = try CLI.run(usage + seed)
            #expect(result.status == 64, "\(usage): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func theTierAndModelFlagsShapeTheWorkload() throws {
        let seed = ["--pricing", CompareCommandTests.seed, "--no-bundled"]
        // Per-token tiers only: the serverless 70B at $1.08 per 1M, $2,160.00 for 2B.
        let serverless = try CLI.run(["check", "--tokens", "2B", "--tier", "serverless", "--budget", "2000"] + seed)
        #expect(serverless.status == 1)
        #expect(serverless.stdout.contains("$2,160.00"))
        // A model nobody serves: unpriced, which fails the gate (never $0).
        let none = try CLI.run(["check", "--tokens", "2B", "--model-size", "8B", "--tier", "serverless"] + seed)
        #expect(none.status == 1)
        #expect(none.stdout.contains("has no price"))
    }
}

/// The CI job files in examples/ci run commands that work: each `infracost check|diff` line, pointed at the example
/// workload file, parses and answers (0 or 1, never a usage or input error); the diff keeps its marker line.
struct CIJobTests {
    static let jobs = ["examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml"]

    @Test(arguments: jobs)
    func everyInfracostCommandOfTheJobRuns(job: String) throws {
        let text = try String(contentsOf: CLI.root.appendingPathComponent(job), encoding: .utf8)
        let commands = text.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "infracost check ") ?? line.range(of: "infracost diff ") else { return nil }
            return String(line[range.lowerBound...])
        }
        #expect(commands.count == 2, "\(job): \(commands)")
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = CLI.root.appendingPathComponent("examples/infracost.yml").path
        for command in commands {
            let arguments = command.split(separator: " ").dropFirst().map { word -> String in
                switch word {
                case "infracost.yml", "base.yml": return example
                case "infracost-diff.md": return folder.appendingPathComponent("diff.md").path
                default: return String(word)
                }
            }
            let result = try CLI.run(arguments + ["--as-of", "2026-12-01"])
            #expect(result.status == 0 || result.status == 1, "\(job): \(command): \(result.stderr)")
        }
        let diff = try String(contentsOf: folder.appendingPathComponent("diff.md"), encoding: .utf8)
        #expect(diff.hasPrefix("<!-- infracost-diff -->\n"))
        // The same file on both sides: nothing rises, so the comment is one line after the marker.
        #expect(diff.contains("**infracost:** no cost increase"))
        #expect(diff.split(separator: "\n").count == 2)
    }

    @Test func onlyIncreasesListsTheWorkloadsThatRise() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = folder.appendingPathComponent("before.yml").path, after = folder.appendingPathComponent("after.yml").path
        try "version: 1\nworkloads:\n  - name: up\n    tokens_per_month: 1B\n  - name: down\n    tokens_per_month: 2B\n".write(toFile: before, atomically: true, encoding: .utf8)
        try "version: 1\nworkloads:\n  - name: up\n    tokens_per_month: 3B\n  - name: down\n    tokens_per_month: 1B\n".write(toFile: after, atomically: true, encoding: .utf8)
        let result = try CLI.run(["diff", "--baseline", before, "--proposed", after, "--format", "markdown", "--only-increases"] + CLI.frozenPricing)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<!-- infracost-diff -->\n**infracost:** Monthly cost"))
        #expect(result.stdout.contains("| up |"))
        #expect(!result.stdout.contains("| down |"))
        #expect(result.stdout.contains("Workloads whose cost rises (1 of 2)"))
    }
}

import Foundation
import Testing

struct SimulateCommandTests {
    static let sharedTrace = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/data/azure-llm-inference-2023/code.csv").path

    /// The report against the bundled tables (which have the serving model's GPU figures and architectures).
    func bundledJSON(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments + ["--format", "json", "--as-of", "2026-12-01"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments + ["--format", "json"] + CLI.frozenPricing)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func publishedColdStartCostThroughTheBinary() throws {
        // 100 cold starts a day of 60 s at 0.0014/s for a 30-day (720 h) month: 252.00 of loading.
        let report = try json([
            "simulate", "--traffic", "steady", "--rate", "100/d", "--offer", "replicate/a100-80gb", "--service-time", "1s",
            "--idle-timeout", "5m", "--hours-per-month", "720",
        ])
        let items = try #require(report["line_items"] as? [[String: Any]])
        let loading = try #require(items.first { $0["label"] as? String == "cold-start loading" })
        #expect(loading["amount"] as? String == "252.00")
        #expect(loading["quantity"] as? String == "180000.000")
        #expect((report["cold_starts"] as? [String: Any])?["count"] as? Int == 3000)
        #expect((report["cold_starts"] as? [String: Any])?["per_day"] as? String == "100.000")
        let sum = items.compactMap { $0["amount"] as? String }.map { Decimal(string: $0)! }.reduce(0, +)
        #expect(sum == Decimal(string: report["monthly_cost"] as? String ?? "")!)
    }

    @Test func defaultsRunAsTheyAreAndArePrinted() throws {
        let result = try CLI.run(["simulate", "--traffic", "poisson", "--rate", "2/s", "--days", "1"] + CLI.frozenPricing)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for assumption in ["offer: replicate/a40 (cheapest serverless-gpu per second that fits 70B; --offer)", "concurrency: 16", "cold start: 60 s", "idle timeout: 300 s (default; --idle-timeout)", "traffic: poisson at 2/s"] {
            #expect(result.prose.contains(assumption), "missing: \(assumption)")
        }
        try CLI.expectGolden(result.stdout, "simulate-poisson-2s-1day.txt")
    }

    static let hasSharedTrace = FileManager.default.fileExists(atPath: sharedTrace)

    @Test(.enabled(if: hasSharedTrace, "../shared/data/azure-llm-inference-2023 is not beside the package"))
    func replaysTheAzureCodeTraceAndProjectsIt() throws {
        let result = try CLI.run(["simulate", "--trace", Self.sharedTrace, "--offer", "modal/h100", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["requests"] as? Int == 8_819)
        #expect(result.stderr.contains("projected to a 730 h month"))
    }

    /// An offer without a price is refused, never simulated at $0 a GPU-hour (it was, before the plan held the rate).
    @Test func anUnpricedOfferIsRefusedNotBilledAtZero() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("unpriced.json").path
        try #"{"schema_version": 1, "offers": [{"id": "x/a100", "tier": "serverless-gpu", "gpu": "A100-80GB", "tokens_per_second": 1000, "cold_start_s": 30}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["simulate", "--pricing", path, "--offer", "x/a100", "--traffic", "poisson", "--rate", "1/s", "--days", "0.01", "--service-time", "2s"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("error: --offer x/a100: no price (per_second or per_hour is missing)"))
    }

    /// `compare --traffic` on a day an offer has no known price: it stays unpriced with its reason and is never
    /// the cheapest (it was simulated at $0.00 and ranked first).
    @Test func trafficPricingLeavesAnOfferWithoutAPriceUnpriced() throws {
        let report = try json(["compare", "--tokens", "100M", "--model-size", "8B", "--tier", "serverless-gpu", "--traffic", "poisson",
                               "--rate", "1/s", "--days", "1", "--as-of", "2026-03-15"])
        let options = try #require(report["options"] as? [[String: Any]])
        let replicate = try #require(options.first { $0["id"] as? String == "replicate/a40" })
        #expect(replicate["status"] as? String == "no_price")
        #expect((replicate["unpriced_reason"] as? String)?.hasPrefix("no price known on 2026-03-15") == true)
        #expect(replicate["monthly_cost"] is NSNull)
        let cheapest = try #require(report["cheapest"] as? [String: Any])
        #expect(cheapest["id"] as? String == "modal/l4")
        #expect(cheapest["monthly_cost"] as? String == "1205.85")
    }

    /// The flat model without cold starts and a simulation of steady (Poisson) arrivals at the same volume agree on
    /// an option one replica carries: both bill that replica all month. The flat model billed only the busy
    /// GPU-seconds at full batches before (cerebrium/h100 $300.99 flat against $1,616.11 simulated here).
    @Test func flatPricingWithoutColdStartsAgreesWithSimulatedSteadyTraffic() throws {
        // 0.5 requests/s of 1,000 in + 250 out for 730 h = 1,642,500,000 tokens a month, 80% input.
        let shape = ["compare", "--tier", "serverless-gpu", "--model-size", "8B", "--as-of", "2026-03-15", "--format", "json"] + CLI.frozenPricing
        let flat = try CLI.run(shape + ["--tokens", "1642500000", "--input-share", "0.8", "--tokens-per-request", "1250"])
        let simulated = try CLI.run(shape + ["--traffic", "poisson", "--rate", "0.5/s", "--days", "2"])
        #expect(flat.status == 0 && simulated.status == 0, "\(flat.stderr) \(simulated.stderr)")
        func costs(_ result: CLI.Result) throws -> [String: Decimal] {
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            var costs: [String: Decimal] = [:]
            for option in report["options"] as? [[String: Any]] ?? [] {
                if let id = option["id"] as? String, let cost = option["monthly_cost"] as? String { costs[id] = Decimal(string: cost) }
            }
            return costs
        }
        let flatCosts = try costs(flat), simulatedCosts = try costs(simulated)
        for id in ["cerebrium/h100", "modal/a100-80gb", "modal/h100"] {
            let a = try #require(flatCosts[id], "\(id)"), b = try #require(simulatedCosts[id], "\(id)")
            // 730 h x the hourly rate, against the simulation's same replica plus its few cold starts.
            #expect((a - b).magnitude <= b / 100, "\(id): flat \(a), simulated \(b)")
        }
        #expect(flatCosts["cerebrium/h100"] == Decimal(string: "1613.30")!)  // 730 h x 2.21/h
    }

    /// `compare --traffic` simulates with the workload's own keep-warm replicas and idle timeout, as the flat model
    /// prices them (it ignored `--keep-warm 2 --idle-timeout 5m`, printing the same cost with or without them, while
    /// its assumptions said "2 keep-warm replicas").
    @Test func trafficPricingKeepsTheKeepWarmReplicasAndIdleTimeout() throws {
        let base = ["compare", "--tokens", "100M", "--model-size", "8B", "--tier", "serverless-gpu", "--traffic", "poisson", "--rate", "1/s", "--days", "1"]
        let warm = try json(base + ["--keep-warm", "2", "--idle-timeout", "5m"])
        let option = try #require((warm["options"] as? [[String: Any]])?.first { $0["id"] as? String == "modal/l4" })
        let items = try #require(option["line_items"] as? [[String: Any]])
        // Two replicas are up from the start to the end, so the month bills at least 2 x 730 GPU-hours, and at most
        // that (plus the few seconds the last requests take past the simulated day) of keep-warm time.
        func hours(_ label: String? = nil) -> Double {
            items.filter { label == nil || $0["label"] as? String == label }.compactMap { ($0["quantity"] as? String).flatMap(Double.init) }.reduce(0, +)
        }
        #expect(items.allSatisfy { $0["unit"] as? String == "GPU-hour" })
        #expect(hours() >= 1460, "GPU-hours \(hours())")
        #expect(hours("keep-warm") > 0 && hours("keep-warm") <= 1460 * 1.001, "keep-warm GPU-hours \(hours("keep-warm"))")
        let assumptions = try #require(warm["assumptions"] as? [[String: Any]])
        #expect(assumptions.contains { $0["name"] as? String == "serverless-gpu" && $0["value"] as? String == "cold starts and idle time from simulating the traffic, 2 keep-warm replicas" })
        #expect(assumptions.contains { $0["name"] as? String == "idle timeout" && $0["value"] as? String == "300 s" })
        let amounts = items.compactMap { ($0["amount"] as? String).flatMap { Decimal(string: $0) } }.reduce(0, +)
        #expect(option["monthly_cost"] as? String == "\(amounts)")
        // Without them the same offer costs less ($1,205.85, the figure trafficPricingLeavesAnOfferWithoutAPriceUnpriced holds).
        let cold = try json(base)
        let coldOption = try #require((cold["options"] as? [[String: Any]])?.first { $0["id"] as? String == "modal/l4" })
        #expect(coldOption["monthly_cost"] as? String == "1205.85")
        #expect(amounts > 1205.85)
        // Cold starts a day are the flat model's: the simulation counts its own, and the warning says so.
        let flat = try CLI.run(base + ["--cold-starts-per-day", "50"] + CLI.frozenPricing)
        #expect(flat.status == 0)
        #expect(flat.stderr.contains("--cold-starts-per-day 50 applies only to the others: a simulation counts its own cold starts"))
    }

    @Test func badTraceRowsExit65WithLineNumbersUnlessSkipped() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.csv").path
        try "timestamp,input_tokens,output_tokens\n2024-01-01T00:00:00Z,10,5\n2024-01-01T00:00:0Z,10,5\n2024-01-01T00:00:09Z,-1,5\n2024-01-01T00:01:00Z,7,7\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let failed = try CLI.run(["simulate", "--trace", path])
        #expect(failed.status == 65)
        #expect(failed.stderr.contains("bad.csv:3: field 'timestamp'"))
        #expect(failed.stderr.contains("bad.csv:4: field 'input_tokens'"))
        let skipped = try CLI.run(["simulate", "--trace", path, "--skip-bad-rows", "--service-time", "1s"])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("warning: 2 bad rows of \(path) were skipped (--skip-bad-rows)"))
    }

    @Test(arguments: [
        (["simulate"], "error: missing traffic: give --traffic poisson --rate 10/s (or steady, business-hours, bursty), or --trace FILE"),
        (["simulate", "--traffic", "poisson"], "error: --traffic poisson needs --rate (e.g. --rate 10/s)"),
        (["simulate", "--traffic", "poisson", "--rate", "fast"], "Error: The value 'fast' is invalid for '--rate <rate>': it is not a rate (write e.g. 30/h, 5/s, 1000/min or 100/d)"),
        (["simulate", "--traffic", "spiky", "--rate", "1/s"], "Error: The value 'spiky' is invalid for '--traffic <pattern>': use one of: steady, poisson, business-hours, bursty"),
        (["simulate", "--traffic", "poisson", "--rate", "1/s", "--keep-warm", "1@9-18"], "Error: The value '1@9-18' is invalid for '--keep-warm <n[@window]>': it is not a time of day (write HH:MM, e.g. 09:00)"),
        (["simulate", "--traffic", "poisson", "--rate", "1/s", "--offer", "together/llama-3.1-70b"], "error: --offer together/llama-3.1-70b: simulate needs a serverless-gpu offer, not serverless"),
        (["simulate", "--trace", "/nonexistent.csv"], "error: /nonexistent.csv: no such file"),
    ])
    func badInputsNameTheFlag(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        // A value its flag cannot take is refused by the argument parser: its first line, then the flag's help and usage.
        #expect(message.hasPrefix("Error: ") ? result.stderr.hasPrefix(message + "\nHelp:  --") : result.stderr == message + "\n")
        #expect(result.status == (message.contains("no such file") ? 74 : 64))
    }

    @Test func keepWarmRecommendsTheCheapestSettingThatMeetsTheTarget() throws {
        let report = try json(["keepwarm", "--traffic", "poisson", "--rate", "30/h", "--days", "7"])
        let settings = try #require(report["settings"] as? [[String: Any]])
        #expect(settings.count == 12)
        let recommended = try #require(report["recommended"] as? [String: Any])
        let meeting = settings.filter { $0["meets_constraints"] as? Bool == true }
        let cheapest = meeting.map { Decimal(string: $0["monthly_cost"] as? String ?? "")! }.min()
        #expect(Decimal(string: recommended["monthly_cost"] as? String ?? "") == cheapest)
        #expect(meeting.allSatisfy { Double($0["cold_start_share"] as? String ?? "1")! <= 0.01 })
        #expect((report["rule_of_thumb"] as? String)?.contains("above the 5-10% rule of thumb") == true)
    }

    @Test func keepWarmHoldsTheFirstTokenTargetAndSaysItBinds() throws {
        // 30 requests an hour with an 8 s cold start: without keep-warm over 5% of requests wait for a boot, so the
        // p95 time to first token is the boot; one replica kept warm meets 2 s.
        let report = try bundledJSON(["keepwarm", "--traffic", "poisson", "--rate", "30/h", "--days", "2", "--keep-warm-max", "1", "--idle-timeouts", "1m,5m",
                               "--max-ttft", "2s", "--model", "llama-3.1-8b"])
        let settings = try #require(report["settings"] as? [[String: Any]])
        for setting in settings {
            let ttft = try #require(Double(setting["p95_ttft_ms"] as? String ?? ""))
            #expect((setting["meets_constraints"] as? Bool) == (ttft <= 2000))
            #expect(((setting["misses"] as? [String]) ?? []).contains("p95 first token") == (ttft > 2000))
        }
        let recommended = try #require(report["recommended"] as? [String: Any])
        #expect(recommended["keep_warm"] as? Int == 1)
        #expect(report["binding_constraint"] as? String == "p95 first token: 2 of the 2 cheaper settings miss it")
    }

    @Test func simulateReportsFirstTokenAndInterTokenLatency() throws {
        let report = try bundledJSON(["simulate", "--traffic", "closed", "--clients", "4", "--days", "0.01", "--model", "llama-3.1-8b", "--offer", "modal/h100",
                               "--concurrency", "4", "--max-replicas", "1", "--keep-warm", "1"])
        for key in ["ttft_ms", "itl_ms"] {
            let figures = try #require(report[key] as? [String: Any], "\(key)")
            for quantile in ["mean", "p50", "p95", "p99"] { #expect(Double(figures[quantile] as? String ?? "") ?? 0 > 0, "\(key).\(quantile)") }
        }
        #expect(Double(report["output_tokens_per_second_per_gpu"] as? String ?? "") ?? 0 > 0)
        let assumptions = try #require(report["assumptions"] as? [[String: Any]])
        #expect(assumptions.contains { ($0["value"] as? String)?.hasPrefix("closed loop: 4 clients") == true })
        #expect(assumptions.contains { ($0["value"] as? String)?.hasPrefix("continuous batching") == true })
        // Requests of no tokens would take no time and the loop would never move on: refused; a prompt of none
        // still costs one forward pass, so a loop of 0-in / 1-out requests moves on.
        let empty = try CLI.run(["simulate", "--traffic", "closed", "--clients", "5", "--days", "0.001", "--model", "llama-3.1-8b", "--offer", "modal/h100",
                                 "--input-tokens-per-request", "0", "--output-tokens-per-request", "0"])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("a request of none takes no time"))
        let tiny = try bundledJSON(["simulate", "--traffic", "closed", "--clients", "5", "--days", "0.001", "--model", "llama-3.1-8b", "--offer", "modal/h100",
                                    "--input-tokens-per-request", "0", "--output-tokens-per-request", "1"])
        #expect(Double((tiny["ttft_ms"] as? [String: Any])?["mean"] as? String ?? "") ?? 0 > 1)
        // A closed loop prices no volume before it runs: compare refuses it.
        let compare = try CLI.run(["compare", "--tokens", "1B", "--traffic", "closed", "--clients", "3"])
        #expect(compare.status == 64)
        #expect(compare.stderr.contains("--traffic closed is for simulate"))
    }

    @Test func paretoListsTheOptionsNoOtherBeatsOnCostAndLatency() throws {
        let report = try bundledJSON(["compare", "--traffic", "poisson", "--rate", "1/s", "--days", "0.5", "--model", "llama-3.1-8b", "--pareto"])
        let frontier = try #require(report["pareto"] as? [[String: Any]])
        let options = try #require(report["options"] as? [[String: Any]]).filter { $0["pricing_method"] as? String == "simulation" }
        #expect(frontier.count >= 2)
        func cost(_ o: [String: Any]) -> Decimal { Decimal(string: o["monthly_cost"] as? String ?? "") ?? -1 }
        func p95(_ o: [String: Any]) -> Double { Double(o["p95_latency_s"] as? String ?? "") ?? -1 }
        // Cheapest first, each faster than every cheaper one.
        for (a, b) in zip(frontier, frontier.dropFirst()) {
            #expect(cost(a) <= cost(b))
            #expect(p95(a) > p95(b))
        }
        // Every simulated option off the frontier is dominated by one on it (its p95 from the same report).
        let onFrontier = Set(frontier.compactMap { $0["id"] as? String })
        let table = try CLI.run(["compare", "--traffic", "poisson", "--rate", "1/s", "--days", "0.5", "--model", "llama-3.1-8b", "--pareto", "--as-of", "2026-12-01"])
        #expect(table.stdout.contains("Pareto frontier (monthly cost against simulated p95 latency"))
        for option in options where !onFrontier.contains(option["id"] as? String ?? "") {
            let total = Decimal(string: option["monthly_cost"] as? String ?? "") ?? 0
            #expect(frontier.contains { cost($0) <= total }, "\(option["id"] ?? "")")
        }
        let without = try CLI.run(["compare", "--tokens", "1B", "--pareto"])
        #expect(without.status == 64)
        #expect(without.stderr.contains("--pareto needs --traffic or --trace"))
    }

    @Test func comparePricesServerlessGPUBySimulationWhenGivenTraffic() throws {
        let result = try CLI.run(["compare", "--traffic", "poisson", "--rate", "30/h", "--days", "7", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        // 30 requests/h x 730 h x 1,250 tokens = 27,375,000 tokens a month.
        #expect((report["workload"] as? [String: Any])?["tokens"] as? String == "27375000")
        let options = try #require(report["options"] as? [[String: Any]])
        #expect(options.filter { $0["tier"] as? String == "serverless-gpu" && $0["status"] as? String == "priced" }.allSatisfy { $0["pricing_method"] as? String == "simulation" })
        #expect(options.filter { $0["tier"] as? String == "serverless" }.allSatisfy { $0["pricing_method"] as? String == "model" })
    }
}

extension SimulateCommandTests {
    /// --explain derives each line from simulated seconds: for the published 100 cold starts a day, 3,000 x 60 s of
    /// loading over a 30-day simulation of a 720 h month is 180,000 GPU-seconds x $0.0014 = $252.00.
    @Test func explainDerivesEachLineFromSimulatedSeconds() throws {
        let result = try CLI.run([
            "simulate", "--traffic", "steady", "--rate", "100/d", "--offer", "replicate/a100-80gb", "--service-time", "1s",
            "--idle-timeout", "5m", "--hours-per-month", "720", "--explain",
        ] + CLI.frozenPricing)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.prose.contains("cold-start loading: 180,000.000 replica-seconds simulated x 1 GPU x (2,592,000 s month / 2,592,000.000 s simulated)"))
        #expect(result.stdout.contains("= 180,000.0 GPU-seconds x $0.0014 = $252.00"))
        #expect(result.stdout.contains("price: $0.0014 per GPU-second"))
    }

    /// Progress goes to a terminal only: with stderr a file (as in CI) a long run prints no progress line.
    @Test func noProgressLineWhenStderrIsNotATerminal() throws {
        let result = try CLI.run(["simulate", "--traffic", "poisson", "--rate", "5/s", "--days", "3"])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("\r"))
        #expect(!result.stderr.contains("simulating"))
    }
}

/// keepwarm's recommendation and its rule-of-thumb line read the same rows, and durations keep one unit.
struct KeepWarmConsistencyTests {
    @Test func theRuleOfThumbSpeaksOfTheRecommendedTimeout() throws {
        let result = try CLI.run(["keepwarm", "--traffic", "poisson", "--rate", "30/h"] + CLI.frozenPricing)
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.prose
        #expect(text.contains("Recommended: keep 0 warm, idle timeout 15 min: $1,510.83/month"))
        // Keep-warm is not advised next to a recommendation of none: the line names the default timeout's share
        // and the recommended one's, figures of the table (6.81% at 5 min, 0.06% at 15 min).
        #expect(!text.contains("keep replicas warm"))
        #expect(text.contains("At a 5 min idle timeout 6.81% of requests would hit a cold start, above the 5-10% rule of thumb; at 15 min it is 0.06% without keep-warm."))
        // One unit per column: "1 min", never "60.00 s" beside "5.0 min".
        #expect(!text.contains("60.00 s") && !text.contains("5.0 min"))
        let seconds = try CLI.run(["keepwarm", "--traffic", "poisson", "--rate", "30/h", "--idle-timeouts", "30s,90s"] + CLI.frozenPricing)
        #expect(seconds.stdout.contains("30 s") && seconds.stdout.contains("90 s"))
    }

    @Test func whenTheRecommendationKeepsReplicasWarmTheLineComparesTheSameTimeout() throws {
        let result = try CLI.run(["keepwarm", "--traffic", "poisson", "--rate", "30/h", "--idle-timeouts", "30s,90s"] + CLI.frozenPricing)
        #expect(result.status == 0)
        let lines = result.prose.split(separator: "\n").map(String.init)
        let recommended = try #require(lines.first { $0.hasPrefix("Recommended:") })
        #expect(recommended.contains("keep 1 warm, idle timeout 30 s"))
        let rule = try #require(lines.first { $0.hasPrefix("At a ") })
        #expect(rule.hasPrefix("At a 30 s idle timeout without keep-warm"))
        #expect(rule.contains("1 kept warm brings it to 0.00%"))
    }
}

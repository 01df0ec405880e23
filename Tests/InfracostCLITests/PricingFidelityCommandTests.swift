import Foundation
import Testing

/// Price history, modes, currencies, freshness and cross-checks through the binary.
struct PricingFidelityCommandTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func monthly(_ report: [String: Any], _ id: String) -> String? {
        (report["options"] as? [[String: Any]])?.first { $0["id"] as? String == id }?["monthly_cost"] as? String
    }

    @Test func asOfPricesWithTheHistory() throws {
        let before = try json(["compare", "--tokens", "2B", "--tier", "api", "--as-of", "2025-06-09"])
        let after = try json(["compare", "--tokens", "2B", "--tier", "api", "--as-of", "2025-06-10"])
        #expect(monthly(before, "openai/o3") == "35000.00")
        #expect(monthly(after, "openai/o3") == "7000.00")
        let bad = try CLI.run(["compare", "--tokens", "2B", "--as-of", "2025-13-01"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--as-of"))
    }

    @Test func batchModeAndCachedShare() throws {
        let batch = try json(["compare", "--tokens", "2B", "--tier", "api", "--mode", "batch", "--as-of", "2025-01-01"])
        #expect(monthly(batch, "openai/gpt-4o") == "4375.00")
        let cached = try json(["compare", "--tokens", "2B", "--tier", "api", "--cached-share", "40%", "--as-of", "2025-01-01"])
        #expect(monthly(cached, "openai/gpt-4o") == "8000.00")
        let bad = try CLI.run(["compare", "--tokens", "2B", "--cached-share", "140%"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--cached-share"))
    }

    /// --tokens-per-request 266,668 at 75% input is 200,001 input tokens: Sonnet 4.5's long-context tier applies.
    @Test func tokensPerRequestAppliesTheLongContextTier() throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--tier", "api", "--tokens-per-request", "266668", "--explain"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("long-context tier applied: 200,001 input tokens per request > 200,000"))
        #expect(result.stdout.contains("request size: 200,001 input tokens per request"))
        // 1.5B x 6 + 0.5B x 22.50 = 9,000 + 11,250.
        #expect(result.stdout.contains("anthropic/claude-sonnet-4.5 = $20,250.00"))
    }

    /// Business-hours traffic 09:00-18:00 UTC puts 90 of 540 minutes in DeepSeek's off-peak window.
    @Test func businessHoursTrafficUsesOffPeakPrices() throws {
        let result = try CLI.run(["compare", "--traffic", "business-hours", "--rate", "1/s", "--tier", "api", "--explain"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("off-peak prices 16:30-00:30 UTC: 16.7% of tokens arrive then"))
        #expect(result.stdout.contains("input tokens (off-peak)"))
    }

    @Test func currencyConvertsWithADatedRate() throws {
        let report = try json(["compare", "--tokens", "2B", "--tier", "api", "--mode", "batch", "--currency", "EUR", "--as-of", "2025-01-01"])
        #expect(report["currency"] as? String == "EUR")
        #expect(monthly(report, "openai/gpt-4o") == "4202.29")
        let unknown = try CLI.run(["compare", "--tokens", "2B", "--currency", "XYZ"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no exchange rate for it (known: USD, EUR)"))
    }

    @Test func stalePricesWarnAndCanFailTheCheck() throws {
        // The frozen March 2026 catalog: its dates are old by 2026-11-23.
        let compare = try CLI.run(["compare", "--tokens", "2B", "--tier", "api", "--as-of", "2026-11-23"] + CLI.frozenPricing)
        #expect(compare.status == 0)
        #expect(compare.stderr.contains("older than 180 days on 2026-11-23 (oldest: openai/gpt-4o-mini, last verified 2024-07-18"))
        let fresh = try CLI.run(["compare", "--tokens", "2B", "--tier", "api", "--as-of", "2026-11-23", "--max-price-age", "3650d"] + CLI.frozenPricing)
        #expect(!fresh.stderr.contains("older than"))
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workload = folder.appendingPathComponent("infracost.yml").path
        try "version: 1\nworkloads:\n  - name: chat\n    tokens_per_month: 2B\n    offer: openai/gpt-4o\n  - name: reasoning\n    tokens_per_month: 1B\n    offer: openai/o3\n"
            .write(toFile: workload, atomically: true, encoding: .utf8)
        let loose = try CLI.run(["check", "--workload", workload, "--budget", "100000", "--as-of", "2026-11-23"] + CLI.frozenPricing)
        #expect(loose.status == 0)
        #expect(loose.stderr.contains("warning: 2 of the 2 prices used are older than 180 days"))
        let strict = try CLI.run(["check", "--workload", workload, "--budget", "100000", "--as-of", "2026-11-23", "--fail-on-stale"] + CLI.frozenPricing)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("stale prices: 2 of the 2 prices used are older than 180 days"))
    }

    /// Every report that uses prices warns about stale ones, naming how many of those it used.
    @Test(arguments: [["breakeven"], ["sweep", "--steps", "5"], ["simulate", "--traffic", "poisson", "--rate", "1/s", "--days", "0.1"], ["advise", "--tokens", "2B"]])
    func otherReportsWarnAboutStalePrices(arguments: [String]) throws {
        let stale = try CLI.run(arguments + ["--as-of", "2026-11-23"] + CLI.frozenPricing)
        #expect(stale.status == 0)
        #expect(stale.stderr.contains("prices used"), "stderr: \(stale.stderr)")
        #expect(stale.stderr.contains("older than 180 days on 2026-11-23"))
        let fresh = try CLI.run(arguments + ["--as-of", "2026-11-23", "--max-price-age", "3650d"] + CLI.frozenPricing)
        #expect(!fresh.stderr.contains("older than"))
        // The bundled catalog, verified on 2026-12-01, is fresh that day: no warning, no retired model priced.
        let today = try CLI.run(arguments + ["--as-of", "2026-12-01"])
        #expect(today.status == 0)
        #expect(!today.stderr.contains("older than"), "stderr: \(today.stderr)")
    }

    /// The acceptance line of the catalog issue: on 2026-12-01 `compare --tokens 2B` prints no stale-price warning
    /// and prices no retired model; the retired one is listed with its date.
    @Test func compareOnTheDayTheCatalogWasVerified() throws {
        let result = try CLI.run(["compare", "--tokens", "2B", "--as-of", "2026-12-01"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty || !result.stderr.contains("older than"), "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Retired (not priced): vertex/gemini-2.0-flash on 2026-06-01"))
        #expect(!result.stdout.contains("  vertex/gemini-2.0-flash "))
        let json = try json(["compare", "--tokens", "2B", "--as-of", "2026-12-01"])
        let options = try #require(json["options"] as? [[String: Any]])
        #expect(!options.contains { $0["id"] as? String == "vertex/gemini-2.0-flash" })
        #expect((json["retired"] as? [[String: Any]])?.first?["retired_on"] as? String == "2026-06-01")
        let o3 = try #require(options.first { $0["id"] as? String == "openai/o3" })
        #expect(o3["deprecated_on"] as? String == "2026-12-11")
        #expect(o3["price_verified_on"] as? String == "2026-12-01")
        #expect(o3["price_effective_from"] as? String == "2025-06-10")
    }

    @Test func pricesCheckAgainstALiteLLMFile() throws {
        let file = CLI.fixtures.appendingPathComponent("litellm-prices.json").path
        let result = try CLI.run(["prices", "check", "--against", file, "--format", "json", "--as-of", "2026-01-01"])
        #expect(result.status == 1)  // o3 disagrees: the file still has 10 / 40
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let matches = try #require(report["matches"] as? [[String: Any]])
        let disagreeing = matches.filter { $0["agrees"] as? Bool == false }.compactMap { $0["offer"] as? String }
        #expect(disagreeing == ["openai/o3"])
        #expect(matches.first { $0["offer"] as? String == "anthropic/claude-sonnet-4.5" }?["matched_as"] as? String == "claude-sonnet-4-5")
        let o3 = try #require(matches.first { $0["offer"] as? String == "openai/o3" })
        #expect((o3["theirs"] as? [String: Any])?["input_per_mtok"] as? String == "10")
        // Before the cut our o3 price agrees with the file.
        let old = try CLI.run(["prices", "check", "--against", file, "--as-of", "2025-06-01"])
        #expect(old.status == 0)
        let notJSON = try CLI.run(["prices", "check", "--against", CLI.fixtures.appendingPathComponent("truncated.json").path])
        #expect(notJSON.status == 65)
    }
}

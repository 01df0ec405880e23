import Foundation
import Testing

struct PricesCommandTests {
    @Test func listsEveryBundledOfferWithItsDate() throws {
        let result = try CLI.run(["prices", "list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("together/llama-3.1-70b"))
        #expect(result.stdout.contains("$0.88 / $0.88 per 1M in/out"))
        #expect(result.stdout.contains("$0.001097/GPU-s"))
        #expect(result.stdout.contains("$31.92/h"))
        try CLI.expectGolden(result.stdout, "prices-list.txt")
    }

    @Test func filtersByTier() throws {
        let result = try CLI.run(["prices", "list", "--tier", "dedicated", "--format", "csv"])
        let rows = CSVReader.parse(result.stdout)
        #expect(rows.first == ["id", "tier", "provider", "subject", "price", "effective_from", "verified_on", "source"])
        #expect(rows.dropFirst().allSatisfy { $0[1] == "dedicated" })
        #expect(rows.count == 19)
    }

    @Test func showsEveryFieldWithSourceAndHistory() throws {
        let result = try CLI.run(["prices", "show", "modal/a100-80gb"])
        #expect(result.status == 0)
        try CLI.expectGolden(result.stdout, "prices-show-modal-a100.txt")
        #expect(result.stdout.contains("per_hour"))
        #expect(result.stdout.contains("Price history"))
        #expect(result.stdout.contains("$0.001092"))
    }

    @Test func showsJSONWithExactPrices() throws {
        let result = try CLI.run(["prices", "show", "modal/b200", "--format", "json"])
        let offer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(offer["per_second"] as? String == "0.001736")
        #expect(offer["verified_on"] as? String == "2026-07-01")
        #expect(offer["effective_from"] == nil)
    }

    /// Both dates and the source, and the lifecycle, in words: the day a price took effect is unknown unless published.
    @Test func showsBothDatesAndTheLifecycle() throws {
        func field(_ result: CLI.Result, _ name: String) -> String? {
            result.stdout.split(separator: "\n").first { $0.hasPrefix(name + "  ") }.map { $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces) }
        }
        let o3 = try CLI.run(["prices", "show", "openai/o3"])
        #expect(field(o3, "effective from") == "2025-06-10")
        #expect(field(o3, "verified on") == "2026-12-01")
        #expect(field(o3, "deprecated on") == "2026-12-11")
        let modal = try CLI.run(["prices", "show", "modal/h100"])
        #expect(field(modal, "effective from") == "unknown (the day the price took effect was not published)")
        #expect(field(modal, "verified on") == "2026-07-01")
        let gemini = try CLI.run(["prices", "show", "vertex/gemini-2.0-flash", "--as-of", "2026-12-01"])
        #expect(gemini.status == 0)
        #expect(field(gemini, "retired on") == "2026-06-01 (not priced from that day)")
    }
}

import Foundation
import Testing

struct PricesCommandTests {
    @Test func listsEveryBundledOfferWithItsDate() throws {
        let result = try CLI.run(["prices", "list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("together/llama-3.1-70b"))
        #expect(result.stdout.contains("$0.54 / $0.54 per 1M in/out"))
        #expect(result.stdout.contains("$0.000575/GPU-s"))
        #expect(result.stdout.contains("$929/month") || result.stdout.contains("$929.00/month"))
        try CLI.expectGolden(result.stdout, "prices-list.txt")
    }

    @Test func filtersByTier() throws {
        let result = try CLI.run(["prices", "list", "--tier", "dedicated", "--format", "csv"])
        let rows = CSVReader.parse(result.stdout)
        #expect(rows.first == ["id", "tier", "provider", "subject", "price", "as_of", "source"])
        #expect(rows.dropFirst().allSatisfy { $0[1] == "dedicated" })
        #expect(rows.count == 18)
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
        let result = try CLI.run(["prices", "show", "replicate/a40", "--format", "json"])
        let offer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(offer["per_second"] as? String == "0.000575")
        #expect(offer["as_of"] as? String == "2026-03-16")
    }
}

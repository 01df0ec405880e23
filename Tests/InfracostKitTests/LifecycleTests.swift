import Foundation
import Testing

@testable import InfracostKit

/// Deprecated and retired models: a retired offer is neither priced nor ranked from its day; one deprecated
/// within 90 days of the day priced is flagged.
struct LifecycleTests {
    static let file = """
        {"schema_version": 1, "offers": [
          {"id": "old/cheap", "tier": "api", "input_per_mtok": "0.01", "output_per_mtok": "0.01", "deprecated_on": "2026-05-01", "retired_on": "2026-06-01"},
          {"id": "soon/gone", "tier": "api", "input_per_mtok": "1", "output_per_mtok": "1", "deprecated_on": "2027-03-01"},
          {"id": "far/off", "tier": "api", "input_per_mtok": "2", "output_per_mtok": "2", "deprecated_on": "2027-03-02"},
          {"id": "plain/model", "tier": "api", "input_per_mtok": "3", "output_per_mtok": "3"}
        ]}
        """

    func comparison(on day: Day, baseline: String? = nil) throws -> Comparison {
        let catalog = try Fixtures.catalog(Self.file).asOf(day)
        return try Comparison.make(.init(workload: try Fixtures.workload(tokens: "1B"), baselineID: baseline), catalog: catalog)
    }

    @Test func aRetiredOfferIsNeitherPricedNorRankedFromItsDay() throws {
        let before = try comparison(on: "2026-05-31")
        #expect(before.cheapest?.offer.id == "old/cheap")
        #expect(before.retired.isEmpty)
        let after = try comparison(on: "2026-06-01")
        #expect(after.cheapest?.offer.id == "soon/gone")
        #expect(!after.options.contains { $0.offer.id == "old/cheap" })
        #expect(after.retired.map(\.id) == ["old/cheap"])
        #expect(after.retired.first?.retiredOn == "2026-06-01")
        #expect(throws: InfracostError.invalidUsage(message: "baseline old/cheap: the model was retired on 2026-06-01 and is no longer priced")) {
            try comparison(on: "2026-12-01", baseline: "old/cheap")
        }
    }

    /// 2026-12-01 to 2027-03-01 is 90 days: flagged; 2027-03-02 is 91 days: not yet.
    @Test func anOfferDeprecatedWithinNinetyDaysIsFlagged() throws {
        let report = try comparison(on: "2026-12-01")
        let flagged = report.options.filter(\.offer.deprecationDue).map(\.offer.id)
        #expect(flagged == ["soon/gone"])
        #expect(IsoDate.days(from: "2026-12-01", to: "2027-03-01") == 90)
        let json = ComparisonJSONReport.render(report)
        #expect(json.contains("\"deprecated_on\": \"2027-03-01\""))
        #expect(!json.contains("\"deprecated_on\": \"2027-03-02\""))
        let table = ComparisonTableRenderer.render(report)
        #expect(table.contains("! deprecated: soon/gone on 2027-03-01"))
        #expect(table.contains("Retired (not priced): old/cheap on 2026-06-01"))
    }

    @Test func theBundledRetiredModelsAreNotPricedToday() throws {
        let catalog = try CatalogLoader.bundled().asOf("2026-12-01")
        #expect(catalog.retired.map(\.id) == ["vertex/gemini-2.0-flash"])
        #expect(catalog.offer(id: "vertex/gemini-2.0-flash") == nil)
        // The day before, it is still an offer (its price then is not recorded: verified later, start unknown).
        let earlier = try CatalogLoader.bundled().asOf("2026-05-31")
        #expect(earlier.retired.isEmpty)
        #expect(earlier.offer(id: "vertex/gemini-2.0-flash")?.priceGap
            == "no price known on 2026-05-31 (the price was verified on 2026-12-01; the day it took effect is not published)")
        let comparison = try Comparison.make(.init(workload: try Fixtures.workload(tokens: "2B")), catalog: catalog)
        #expect(comparison.cheapest?.offer.id != "vertex/gemini-2.0-flash")
        #expect(comparison.retired.map(\.id) == ["vertex/gemini-2.0-flash"])
    }
}

/// Serverless platforms' own billing facts apply to every offer of the platform that states none.
struct ServerlessPlatformTests {
    @Test func aPlatformsDefaultIdleTimeoutPricesItsOffers() throws {
        var catalog = try CatalogLoader.bundled()
        catalog.merge(try Fixtures.catalog("""
            {"schema_version": 1, "offers": [
              {"id": "runpod/h100-flex", "tier": "serverless-gpu", "gpu": "H100", "per_second": "0.001", "tokens_per_second": 1000, "cold_start_s": 30},
              {"id": "runpod/h100-own", "tier": "serverless-gpu", "gpu": "H100", "per_second": "0.001", "tokens_per_second": 1000, "cold_start_s": 30, "idle_timeout_s": 120}
            ]}
            """))
        let priced = catalog.asOf("2026-12-01")
        #expect(priced.platform("runpod")?.idleTimeoutSeconds == 5)
        #expect(priced.platform("modal")?.idleTimeoutSeconds == 60)
        #expect(priced.platform("replicate")?.billsIdle == false)
        let flex = try #require(priced.offer(id: "runpod/h100-flex"))
        let own = try #require(priced.offer(id: "runpod/h100-own"))
        var workload = try Fixtures.workload(tokens: "1M")
        workload.coldStartsPerDay = 10
        let estimate = ThroughputEstimate(tokensPerSecond: 1000, isEstimate: false, method: .stated, detail: "test")
        let flexItems = PerSecondGPUModel.cost(of: flex, for: workload, throughput: .success(estimate), coldStart: (30, "test")).lineItems
        let idleFlex = try #require(flexItems.first { $0.label.contains("idle") })
        // 10 a day x (730 h / 24 = 30.4166... days) x 5 s = 1,520.83 GPU-seconds of idle tails at RunPod's default.
        #expect(Money.rounded(idleFlex.quantity, scale: 2) == Decimal(string: "1520.83"))
        let ownItems = PerSecondGPUModel.cost(of: own, for: workload, throughput: .success(estimate), coldStart: (30, "test")).lineItems
        let idleOwn = try #require(ownItems.first { $0.label.contains("idle") })
        // The offer's own 120 s wins over the platform's 5 s: 24 times the idle seconds.
        #expect(idleOwn.quantity == idleFlex.quantity * 24)
    }
}

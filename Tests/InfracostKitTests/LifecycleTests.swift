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

    func comparison(on day: String, baseline: String? = nil) throws -> Comparison {
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
        #expect(throws: InfracostError.invalidUsage(message: "--baseline old/cheap: the model was retired on 2026-06-01 and is no longer priced")) {
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

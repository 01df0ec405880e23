import Foundation
import Testing

@testable import InfracostKit

struct BreakEvenTests {
    func seed() throws -> BreakEven {
        try BreakEven.solve(.init(workload: try Fixtures.workload(tokens: "2B")), catalog: try Fixtures.seedCatalog())
    }

    @Test func serverlessToDedicatedAtThePublishedVolume() throws {
        // API at 7.50 blended, serverless at 1.08, dedicated A100 at 929: the only change is at 929 / 1.08 per 1M.
        let result = try seed()
        #expect(result.crossovers.count == 1)
        let crossover = try #require(result.crossovers.first)
        #expect(crossover.volume == Decimal(929) / Decimal(string: "1.08")! * 1_000_000)
        #expect(crossover.firstWholeToken == 860_185_186)
        #expect(Money.plain(crossover.volume / 1_000_000, scale: 3) == "860.185")
        #expect((crossover.fromID, crossover.toID) == ("acme/llama-70b", "acme/a100"))
        #expect(Money.rounded(crossover.fromCost) == 929)
        #expect(crossover.toCost == 929)
        #expect(result.regions.map(\.id) == ["acme/llama-70b", "acme/a100"])
        #expect(!result.regions.contains { $0.tier == .api })
    }

    @Test func theCrossoverIsWhereTheRoundedCostsFlip() throws {
        // One token before the crossover serverless is still cheaper; at the first whole token dedicated is.
        let catalog = try Fixtures.seedCatalog()
        for (tokens, cheapest) in [("860185185", "acme/llama-70b"), ("860185186", "acme/a100")] {
            var workload = try Fixtures.workload(tokens: tokens)
            workload.targetUtilization = Decimal(string: "0.8")!
            let serverless = try #require(catalog.offer(id: "acme/llama-70b"))
            let exact = workload.totalTokens * Decimal(string: "1.08")! / 1_000_000
            #expect((exact < 929) == (cheapest == "acme/llama-70b"), "\(tokens)")
            _ = serverless
        }
    }

    @Test func dedicatedStepsAreCrossoversWhenTheyHandBackTheLead() throws {
        // An instance of 180 a month carrying 1e6 tok/s x 3,600 s x 1 h x 0.5 = 1.8B tokens, against a line at
        // 0.15 per 1M: the line is cheaper up to 180 / 0.15 = 1.2B, the instance from there to 1.8B; past 1.8B two
        // instances (360) lose to the line (270 at 1.8B) until 360 / 0.15 = 2.4B.
        let catalog = try Fixtures.catalog("""
            {"schema_version": 1, "offers": [
              {"id": "a/line", "tier": "serverless", "model_params_b": 70, "input_per_mtok": "0.15", "output_per_mtok": "0.15"},
              {"id": "a/box", "tier": "dedicated", "gpu": "A100", "per_month": "180", "tokens_per_second": "1000000"}
            ]}
            """)
        var workload = try Fixtures.workload(tokens: "1B", utilization: "0.5")
        workload.hoursPerMonth = 1
        let result = try BreakEven.solve(.init(workload: workload), catalog: catalog, low: 1_000_000, high: 3_000_000_000)
        #expect(result.crossovers.map(\.volume) == [1_200_000_000, 1_800_000_000, 2_400_000_000])
        #expect(result.crossovers.map(\.toID) == ["a/box", "a/line", "a/box"])
        #expect(result.crossovers.map(\.firstWholeToken) == [1_200_000_001, 1_800_000_001, 2_400_000_001])
        #expect(result.crossovers[1].fromCost == 180)
        #expect(result.crossovers[1].toCost == 270)
        #expect(result.regions.map(\.id) == ["a/line", "a/box", "a/line", "a/box"])
    }

    @Test func betweenTwoOffersThatNeverMeet() throws {
        let result = try BreakEven.solve(
            .init(workload: try Fixtures.workload(tokens: "1B")), catalog: try Fixtures.seedCatalog(),
            onlyIDs: ["acme/gpt-4o", "acme/llama-70b"])
        #expect(result.crossovers.isEmpty)
        #expect(result.regions.map(\.id) == ["acme/llama-70b"])
    }

    @Test func keepWarmKneeMakesServerlessGPUFlatThenLinear() throws {
        // With cold starts (traffic with idle gaps): one keep-warm replica at 0.0014/s for 730 h = 3,679.20 carries
        // 2,500 x 2,628,000 = 6.57B tokens; beyond it each 1B tokens bill 400,000 s = 560.00.
        let catalog = try Fixtures.catalog()
        var workload = try Fixtures.workload(tokens: "1B")
        workload.keepWarmReplicas = 1
        workload.coldStartsPerDay = 1
        let pricer = OfferPricer(offer: try #require(catalog.offer(id: "acme/a100-s")), shape: workload, catalog: catalog)
        let curve = try #require(CostCurve(pricer: pricer, shape: workload))
        #expect(curve.breakpoints(in: 1, 10_000_000_000) == [6_570_000_000])
        #expect(curve.value(at: 6_570_000_000) == curve.value(at: 1_000_000_000))
        #expect(curve.value(at: 7_570_000_000) == curve.value(at: 1_000_000_000) + 560)
    }

    @Test func withoutColdStartsServerlessGPUStepsByWholeReplicas() throws {
        // No cold starts: replicas up all month, 3,679.20 each, at least the 2 kept warm; one carries 2,500 x 3,600 x
        // 730 x 0.8 = 5.256B tokens, so the third is needed past 10.512B.
        let catalog = try Fixtures.catalog()
        var workload = try Fixtures.workload(tokens: "1B")
        workload.keepWarmReplicas = 2
        let pricer = OfferPricer(offer: try #require(catalog.offer(id: "acme/a100-s")), shape: workload, catalog: catalog)
        let curve = try #require(CostCurve(pricer: pricer, shape: workload))
        #expect(curve.shape == .steps(unit: Decimal(string: "3679.2")!, capacity: 5_256_000_000, minimum: 2))
        #expect(curve.value(at: 1) == Decimal(string: "7358.4")!)
        #expect(curve.breakpoints(in: 1, 12_000_000_000) == [10_512_000_000])
        #expect(curve.value(at: 10_512_000_001) == Decimal(string: "11037.6")!)
        #expect(curve.piece(after: 5_000_000_000) == (Decimal(string: "7358.4")!, 0))
    }

    @Test func curvesAgreeWithTheRoundedCostModels() throws {
        let catalog = try Fixtures.frozenCatalog()
        for coldStarts: Decimal in [24, 0] {
            var shape = try Fixtures.workload(tokens: "1B")
            shape.coldStartsPerDay = coldStarts
            shape.keepWarmReplicas = 1
            for pricer in OfferPricer.all(catalog: catalog, shape: shape) {
                guard let curve = CostCurve(pricer: pricer, shape: shape) else { continue }
                for tokens in ["1M", "777777777", "3B", "50B"] {
                    var workload = shape
                    (workload.inputTokens, workload.outputTokens) = Workload.split(tokens: try TokenCount.parse(tokens, label: "t"))
                    let cost = pricer.cost(for: workload)
                    let total = try #require(cost.total)
                    let tolerance = Decimal(string: "0.005")! * Decimal(cost.lineItems.count)
                    #expect((curve.value(at: workload.totalTokens) - total).magnitude <= tolerance, "\(pricer.offer.id) at \(tokens), \(coldStarts) cold starts a day")
                }
            }
        }
    }

    @Test func rejectsAnInvertedRange() throws {
        #expect(throws: InfracostError.self) {
            try BreakEven.solve(.init(workload: try Fixtures.workload(tokens: "1B")), catalog: try Fixtures.seedCatalog(), low: 10, high: 5)
        }
    }
}

struct SweepTests {
    @Test func logSpacedVolumesHitBothEnds() {
        let volumes = Sweep.volumes(from: 10_000_000, to: 10_000_000_000, steps: 4, linear: false)
        #expect(volumes == [10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000])
        #expect(Sweep.volumes(from: 0 + 1_000, to: 5_000, steps: 5, linear: true) == [1_000, 2_000, 3_000, 4_000, 5_000])
    }

    @Test func rowsMatchCompareAtTheSameVolume() throws {
        let sweep = try Sweep.make(.init(workload: try Fixtures.workload(tokens: "1M")), catalog: try Fixtures.seedCatalog(),
                                   from: 50_000_000, to: 10_000_000_000, steps: 3)
        #expect(sweep.columns.map(\.name) == ["acme/gpt-4o", "acme/llama-70b", "acme/a100"])
        let last = try #require(sweep.rows.last)
        #expect(last.volume == 10_000_000_000)
        #expect(last.costs == [75_000, 10_800, 1_858])
        #expect(last.cheapest == 2)
        #expect(sweep.rows.first?.costs == [375, 54, 929])
        #expect(sweep.rows.first?.cheapest == 1)
    }

    @Test func perTierKeepsTheBestOfferOfEachTier() throws {
        let sweep = try Sweep.make(.init(workload: try Fixtures.workload(tokens: "1M")), catalog: try Fixtures.frozenCatalog(),
                                   from: 1_000_000_000, to: 2_000_000_000, steps: 2, perTier: true)
        #expect(sweep.columns.map(\.name) == ["api", "serverless", "serverless-gpu", "dedicated"])
        let first = try #require(sweep.rows.first)
        // 1B tokens of Gemini 2.0 Flash at 0.10 / 0.40, 3:1: 75 + 100 = 175.
        #expect(first.offerIDs[0] == "vertex/gemini-2.0-flash")
        #expect(first.costs[0] == 175)
        // Fireworks 70B at 0.40: 400.
        #expect(first.offerIDs[1] == "fireworks/llama-3.1-70b")
        #expect(first.costs[1] == 400)
    }

    @Test func rejectsBadStepCounts() throws {
        #expect(throws: InfracostError.invalidQuantity(label: "steps", value: "1", reason: "must be between 2 and 100000")) {
            try Sweep.make(.init(workload: try Fixtures.workload(tokens: "1M")), catalog: try Fixtures.seedCatalog(), from: 1, to: 10, steps: 1)
        }
    }
}

struct UtilizationViewTests {
    @Test func twentyPercentCostsFiveTimesTheFullRate() throws {
        // Seed A100: 929 a month, 2,500 tok/s x 3,600 x 730 h = 6.57B tokens at 100%: 0.1414 per 1M.
        let view = try UtilizationView.make(offerID: "acme/a100", againstID: "acme/llama-70b",
                                            workload: try Fixtures.workload(tokens: "1B"), catalog: try Fixtures.seedCatalog())
        #expect(view.fullCapacityTokens == 6_570_000_000)
        #expect(Money.rounded(view.fullRatePerMillion, scale: 4) == Decimal(string: "0.1414")!)
        let twenty = try #require(view.rows.first { $0.utilization == Decimal(string: "0.2")! })
        #expect(twenty.multiple == 5)
        #expect(twenty.costPerMillion == view.fullRatePerMillion * 5)
        // Serverless at 1.08 is cheaper below 929 / (6,570 x 1.08) = 13.09% utilization.
        #expect(Money.rounded(try #require(view.breakEvenUtilization) * 100, scale: 2) == Decimal(string: "13.09")!)
    }

    @Test func defaultsToTheCheapestServerlessOfferForTheModel() throws {
        let view = try UtilizationView.make(offerID: "crusoe/h200", againstID: nil,
                                            workload: try Fixtures.workload(tokens: "1B"), catalog: try Fixtures.frozenCatalog())
        #expect(view.against?.id == "fireworks/llama-3.1-70b")
    }

    @Test func refusesPerTokenOffers() throws {
        #expect(throws: InfracostError.self) {
            try UtilizationView.make(offerID: "acme/gpt-4o", againstID: nil, workload: try Fixtures.workload(tokens: "1B"), catalog: try Fixtures.seedCatalog())
        }
    }
}

/// Charts plot the exact cost curves and keep every series and crossover readable (issue 16, part 3).
struct ChartReadabilityTests {
    @Test func seriesHeightsAreTheExactCostsNotCentRoundedOnes() throws {
        let catalog = try Fixtures.seedCatalog()
        let workload = try Fixtures.workload(tokens: "1M")
        let chart = try #require(try BreakEvenRequest(comparison: ComparisonRequest(workload: workload), low: 1_000_000, high: 1_000_000_000_000,
                                                        wantsChart: true).solve(catalog: catalog).chart)
        let api = try #require(chart.series.first { $0.name == "acme/gpt-4o" })
        // 5.00 in and 15.00 out per 1M at 3:1 is 7.5e-6 a token, exactly; rounded to cents a 1.07M-token month is off.
        for point in api.points {
            #expect(abs(point.plotted - point.volume * 7.5e-6) <= 1e-9 * point.plotted, "at \(point.volume): \(point.plotted)")
        }
    }

    @Test func theSVGNumbersCrossoversApartAndKeepsNarrowRegions() throws {
        let chart = ChartData(
            title: "t", subtitle: "s",
            series: [ChartData.Series(name: "a", points: [ChartData.Point(volume: 1e6, plotted: 1), ChartData.Point(volume: 1e12, plotted: 1e6)])],
            regions: [ChartData.Region(from: 1e6, to: 1.0001e6, label: "narrow"), ChartData.Region(from: 1.0001e6, to: 1e12, label: "wide")],
            markers: [ChartData.Marker(volume: 21_700_000_000, cost: 1, label: "21.7B: x"), ChartData.Marker(volume: 23_500_000_000, cost: 1, label: "23.5B: y")],
            low: 1e6, high: 1e12)
        let svg = SVGChart.render(chart)
        // The narrow region is still drawn, at least 1.5 px wide.
        #expect(svg.contains("data-label=\"narrow\"") && !svg.contains("width=\"0.0\""))
        // Two crossovers 0.04 decades apart get their numbers on different rows.
        let numberRows = svg.split(separator: "\n").filter { $0.contains("font-size=\"10\"") }.compactMap { line -> String? in
            guard let y = line.range(of: "y=\"") else { return nil }
            return String(line[y.upperBound...].prefix { $0 != "\"" })
        }
        #expect(numberRows.count == 2 && numberRows[0] != numberRows[1], "\(numberRows)")
        // The legend reads "1. from 21.7B: x", never "1  21.7B" (SVG collapses the spaces into "1 21.7B").
        #expect(svg.contains("1. from 21.7B: x"))
    }

    /// A region names its cheapest tier only when the name fits inside it: the last region of the break-even chart
    /// (serverless-gpu from 132B to 1T, about 100 px) printed "cheapest: serverless-gpu" across the legend.
    @Test func aRegionLabelStaysInsideItsRegion() throws {
        func chart(lastFrom: Double) -> ChartData {
            ChartData(
                title: "t", subtitle: "s",
                series: [ChartData.Series(name: "a", points: [ChartData.Point(volume: 1e6, plotted: 1), ChartData.Point(volume: 1e12, plotted: 1e6)])],
                regions: [ChartData.Region(from: 1e6, to: lastFrom, label: "serverless"), ChartData.Region(from: lastFrom, to: 1e12, label: "serverless-gpu")],
                markers: [], low: 1e6, high: 1e12)
        }
        // 6 decades over the plot's width: the last 0.88 decade (132B-1T) is too narrow for 24 characters, 2 decades are not.
        let narrow = SVGChart.render(chart(lastFrom: 1.32e11))
        #expect(narrow.contains(">cheapest: serverless</text>"))
        #expect(!narrow.contains("cheapest: serverless-gpu"))
        #expect(SVGChart.render(chart(lastFrom: 1e10)).contains(">cheapest: serverless-gpu</text>"))
    }

    @Test func theTerminalChartShowsWhereSeriesMeetAndNumbersCrossovers() throws {
        let chart = ChartData(
            title: "t", subtitle: "s",
            series: [ChartData.Series(name: "a", points: [ChartData.Point(volume: 1e6, plotted: 10)]),
                     ChartData.Series(name: "b", points: [ChartData.Point(volume: 1e6, plotted: 10)])],
            regions: [], markers: [ChartData.Marker(volume: 1e9, cost: 10, label: "1B: b")], low: 1e6, high: 1e12)
        let text = TerminalChart.render(chart)
        #expect(text.contains("|:"), "the shared cell shows both series:\n\(text)")
        #expect(text.contains("  1 from 1B: b"))
        #expect(!text.contains("^ 1B"))
    }

    @Test func perTierSeriesNameTheOffersTheyFollow() throws {
        let catalog = try CatalogLoader.bundled()
        let workload = try Fixtures.workload(tokens: "1M")
        let chart = try #require(try BreakEvenRequest(comparison: ComparisonRequest(workload: workload, tiers: [.serverless, .serverlessGPU, .dedicated]),
                                                        low: 10_000_000, high: 20_000_000_000, wantsChart: true).solve(catalog: catalog).chart)
        #expect(chart.title.contains("best offer per tier"))
        // Each tier's series is labelled with the offers that were its best: what the reader compares.
        for series in chart.series {
            let parts = series.name.split(separator: ": ", maxSplits: 1)
            #expect(parts.count == 2 && parts[1].contains("/"), "\(series.name)")
        }
        let svg = SVGChart.render(chart)
        // Legends stay inside the picture: no text starts past the right edge minus a label's room.
        #expect(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1060\""))
    }
}


import Foundation
import Testing

@testable import InfracostKit

/// One request per use case: break-even and sweep answer with the result and the chart drawn from it; simulate and
/// keepwarm resolve the model and check their limits (issue 17).
struct UseCaseRequestTests {
    @Test func theBreakEvenChartShowsTheCrossoverItSolved() throws {
        let request = BreakEvenRequest(comparison: .init(workload: try Fixtures.workload(tokens: "2B")), wantsChart: true)
        let answer = try request.solve(catalog: try Fixtures.seedCatalog())
        // The one change of the seed catalog, 929 / 1.08 per 1M tokens, is the chart's one marker, at that volume.
        #expect(answer.breakEven.crossovers.map(\.volume) == [Decimal(929) / Decimal(string: "1.08")! * 1_000_000])
        let chart = try #require(answer.chart)
        #expect(chart.markers.map(\.volume) == answer.breakEven.crossovers.map(\.volume))
        #expect(chart.markers.map(\.label) == ["860M: acme/a100"])
        #expect(chart.series.map(\.name) == ["acme/gpt-4o", "acme/llama-70b", "acme/a100"])
        #expect(chart.series.allSatisfy { $0.points.count == ChartData.points })
        // Without a chart asked for, none is built.
        var plain = request
        plain.wantsChart = false
        #expect(try plain.solve(catalog: try Fixtures.seedCatalog()).chart == nil)
    }

    @Test func aSweepWiderThanItsLimitShowsTiersAndSaysSo() throws {
        let comparison = ComparisonRequest(workload: try Fixtures.workload(tokens: "1M"))
        let catalog = try Fixtures.seedCatalog()
        // The seed catalog prices three offers: within a limit of 3 they stay columns, past a limit of 2 they are tiers.
        let fits = try SweepRequest(comparison: comparison, from: 50_000_000, to: 10_000_000_000, steps: 3, columns: .perOfferUpTo(3))
            .run(catalog: catalog)
        #expect(!fits.narrowedToTiers && fits.sweep.columns.map(\.name) == ["acme/gpt-4o", "acme/llama-70b", "acme/a100"])
        let narrowed = try SweepRequest(comparison: comparison, from: 50_000_000, to: 10_000_000_000, steps: 3, columns: .perOfferUpTo(2))
            .run(catalog: catalog)
        #expect(narrowed.narrowedToTiers && narrowed.sweep.perTier)
        #expect(narrowed.sweep.columns.map(\.name) == ["api", "serverless", "dedicated"])
        #expect(narrowed.sweep.offerIDsShown == ["acme/a100", "acme/gpt-4o", "acme/llama-70b"])
        // Asked per tier, the sweep is per tier but was not narrowed.
        let asked = try SweepRequest(comparison: comparison, from: 50_000_000, to: 10_000_000_000, steps: 3, columns: .perTier).run(catalog: catalog)
        #expect(asked.sweep.perTier && !asked.narrowedToTiers)
        #expect(asked.chart == nil)
    }

    @Test func theSweepChartIsTheBreakEvenChartOfTheSameRange() throws {
        let comparison = ComparisonRequest(workload: try Fixtures.workload(tokens: "1M"))
        let catalog = try Fixtures.seedCatalog()
        let swept = try SweepRequest(comparison: comparison, from: 1_000_000, to: 100_000_000_000, steps: 5, wantsChart: true).run(catalog: catalog)
        let solved = try BreakEvenRequest(comparison: comparison, low: 1_000_000, high: 100_000_000_000, wantsChart: true).solve(catalog: catalog)
        #expect(swept.chart != nil && swept.chart == solved.chart)
    }

    @Test func aSimulationRequestReproducesThePublishedColdStartCost() throws {
        // 70B, 60 s cold start at 0.0014/s = 0.084 each; 100 a day for a 30-day (720 h) month = 252.00.
        var workload = try Fixtures.workload(tokens: "1M")
        workload.hoursPerMonth = 720
        var endpoint = SimulationPlan.Choices()
        endpoint.offerID = "replicate/a100-80gb"
        endpoint.serviceTimeSeconds = 1
        endpoint.idleTimeoutSeconds = 300
        let traffic = TrafficSource.synthetic(TrafficProfile(pattern: .steady, requestsPerSecond: 100.0 / 86400, days: 30))
        let result = try SimulationRequest(endpoint: endpoint, workload: workload, traffic: traffic).run(catalog: try Fixtures.frozenCatalog())
        #expect(result.run.coldStarts == 3000)
        #expect(result.lineItems.first { $0.label == "cold-start loading" }?.amount == Decimal(string: "252.00")!)
    }

    @Test func aSimulationRequestResolvesItsNamedModel() throws {
        var workload = try Fixtures.workload(tokens: "1M")
        workload.serving.model = "llama-3.1-8b"
        let traffic = TrafficSource.synthetic(TrafficProfile(pattern: .steady, requestsPerSecond: 1, days: 1))
        let plan = try SimulationRequest(workload: workload, traffic: traffic).plan(catalog: try CatalogLoader.bundled())
        // The named model sets the size from its architecture (8.03B parameters), not the workload's default 70B.
        #expect(plan.assumptions.first { $0.name == "offer" }?.value.contains("fits 8.03B") == true, "\(plan.assumptions)")
        #expect(plan.assumptions.first { $0.name == "serving" }?.value.contains("Llama 3.1 8B at fp8") == true)
        workload.serving.model = "no-such-model"
        #expect(throws: InfracostError.self) { try SimulationRequest(workload: workload, traffic: traffic).plan(catalog: try CatalogLoader.bundled()) }
    }

    @Test func aKeepWarmRequestChecksItsLimits() throws {
        let traffic = TrafficSource.synthetic(TrafficProfile(pattern: .steady, requestsPerSecond: 1.0 / 60, days: 1))
        var endpoint = SimulationPlan.Choices()
        endpoint.offerID = "replicate/a100-80gb"
        endpoint.serviceTimeSeconds = 1
        let simulation = SimulationRequest(endpoint: endpoint, workload: try Fixtures.workload(tokens: "1M"), traffic: traffic)
        let catalog = try Fixtures.frozenCatalog()
        #expect(throws: InfracostError.invalidUsage(message: "keep-warm-max must be between 0 and 64")) {
            try KeepWarmRequest(simulation: simulation, largestKeepWarm: 65).run(catalog: catalog)
        }
        // 4 counts x 17 timeouts is 68 simulations, past the limit of 64.
        #expect(throws: InfracostError.self) {
            try KeepWarmRequest(simulation: simulation, idleTimeouts: (1...17).map { Double($0) * 60 }).run(catalog: catalog)
        }
        // Within the limits: counts 0 and 1 against the three default timeouts, six settings.
        let study = try KeepWarmRequest(simulation: simulation, largestKeepWarm: 1).run(catalog: catalog)
        #expect(study.settings.count == 6)
    }

    @Test func aComparisonWithTrafficNotesWhatItSimulatedAsValues() throws {
        var workload = try Fixtures.workload(tokens: "1M")
        workload.modelParamsB = 8
        let traffic = TrafficSource.synthetic(TrafficProfile(pattern: .steady, requestsPerSecond: 0.05, days: 1))
        let comparison = try Comparison.make(
            ComparisonRequest(workload: workload, tiers: [.serverlessGPU], traffic: traffic, volumeFromTraffic: true), catalog: try CatalogLoader.bundled())
        let simulated = comparison.options.filter { $0.method == .simulation }
        try #require(!simulated.isEmpty)
        for option in simulated {
            // The first note is the simulation's summary; it quotes the p95 latency the option reports.
            let summary = try #require(option.notes.first)
            #expect(summary.topic == .simulation && summary.text.hasPrefix("priced by simulating the traffic"))
            #expect(summary.figure == option.simulatedLatency.map { Decimal($0.p95) })
            #expect(option.notes.contains { $0.topic == .simulatedTokenLatency } == (option.simulatedLatency?.p95TimeToFirstToken != nil))
        }
    }
}

/// The traffic a caller may ask the library to simulate is bounded by the library, not by the command line alone.
struct TrafficLimitTests {
    @Test func tooManyRequestsAreRefusedNamingTheSettings() throws {
        // 1,000 a second for 30 days is 2,592,000,000 requests, past the 1e9 limit.
        let traffic = TrafficSource.synthetic(TrafficProfile(pattern: .poisson, requestsPerSecond: 1000, days: 30))
        let expected = InfracostError.invalidUsage(message: "that is about 2592000000 requests; simulate at most 1e9 (lower rate or days)")
        #expect(throws: expected) { try traffic.validate() }
        #expect(throws: expected) {
            try SimulationRequest(workload: try Fixtures.workload(tokens: "1M"), traffic: traffic).plan(catalog: try Fixtures.frozenCatalog())
        }
        #expect(throws: expected) {
            try Comparison.make(ComparisonRequest(workload: try Fixtures.workload(tokens: "1M"), traffic: traffic), catalog: try Fixtures.frozenCatalog())
        }
        // Inside: 10,000 a second for a day is 864,000,000 requests, allowed (not simulated here).
        try TrafficSource.synthetic(TrafficProfile(pattern: .steady, requestsPerSecond: 10_000, days: 1)).validate()
    }

    @Test func sizesBurstsAndClientsAreChecked() {
        #expect(throws: InfracostError.invalidQuantity(label: "output-tokens-per-request", value: "-1", reason: "must be between 0 and 10000000")) {
            try TrafficProfile(pattern: .poisson, requestsPerSecond: 1, outputTokensPerRequest: -1, days: 1).validate()
        }
        #expect(throws: InfracostError.invalidQuantity(label: "burst-size", value: "0", reason: "must be between 1 and 1000000")) {
            try TrafficProfile(pattern: .bursty, requestsPerSecond: 1, burstSize: 0, days: 1).validate()
        }
        #expect(throws: InfracostError.invalidQuantity(label: "clients", value: "0", reason: "must be between 1 and 10000")) {
            try ClosedLoopTraffic(clients: 0, seconds: 60).validate()
        }
        #expect(throws: InfracostError.self) { try ClosedLoopTraffic(clients: 5, inputTokensPerRequest: 0, outputTokensPerRequest: 0, seconds: 60).validate() }
    }
}

/// `advise --workload FILE [--name N]`: which workload, and its `advise:` settings read into the advice input.
struct AdviceFromWorkloadFileTests {
    static let text = """
        version: 1
        workloads:
          - name: chat
            tokens_per_month: 2B
            advise:
              p95_latency: 2s
          - name: scans
            tokens_per_month: 50M
            advise:
              payload: 500MB
              deadline: soon
        """

    @Test func aNamedWorkloadIsPickedAndItsSettingsRead() throws {
        let file = try WorkloadFile.parse(Array(Self.text.utf8), file: "w.yml")
        let chat = try file.workload(named: "chat")
        let input = try AdviceInput(spec: chat, file: "w.yml")
        #expect(input.workload.totalTokens == 2_000_000_000)
        #expect(input.p95LatencySeconds == 2)
        // Two workloads and no name: the error lists them; a wrong name gets a suggestion.
        #expect(throws: InfracostError.invalidUsage(message: "w.yml has 2 workloads; pick one with name (chat, scans)")) { try file.workload(named: nil) }
        #expect(throws: InfracostError.self) { try file.workload(named: "chats") }
    }

    @Test func aBadSettingNamesItsFileLineWorkloadAndField() throws {
        let file = try WorkloadFile.parse(Array(Self.text.utf8), file: "w.yml")
        do {
            _ = try AdviceInput(spec: try file.workload(named: "scans"), file: "w.yml")
            Issue.record("a deadline of 'soon' was accepted")
        } catch {
            guard case .invalidData(let problems) = error, let problem = problems.first else { Issue.record("\(error)"); return }
            #expect((problem.file, problem.line, problem.entry, problem.field) == ("w.yml", 11, "scans", "advise.deadline"))
            #expect(problem.message.hasPrefix("'soon': "))
        }
    }
}

/// `check` and `report`: the rules on price age, months and growth are the library's.
struct PortfolioRuleTests {
    func portfolio(_ catalog: PriceCatalog) throws -> Portfolio {
        let text = """
            version: 1
            workloads:
              - name: chat
                tokens_per_month: 2B
                tiers: [serverless]
            """
        return try Portfolio.make(try WorkloadFile.parse(Array(text.utf8), file: "w.yml"), catalog: catalog, detail: .summary)
    }

    @Test func stalePricesWarnOrFailTheCheck() throws {
        let portfolio = try portfolio(try Fixtures.frozenCatalog())
        let chosen = try #require(portfolio.entries.first?.chosen?.offer)
        let verified = try #require(chosen.provenance.verifiedOn)
        // A day far past the verification date: the one price used is stale.
        let day: Day = "2099-01-01"
        let expected = PriceAge.staleWarnings([chosen], day: day, maxAgeDays: 180)
        #expect(expected.count == 1, "verified \(verified)")
        let warned = BudgetCheck.run(portfolio, budget: nil, baseline: nil, maxIncrease: nil, allowMissingPrices: false,
                                     priceAge: .init(day: day, maxAgeDays: 180, failOnStale: false))
        #expect(warned.passed && warned.warnings == expected)
        let failed = BudgetCheck.run(portfolio, budget: nil, baseline: nil, maxIncrease: nil, allowMissingPrices: false,
                                     priceAge: .init(day: day, maxAgeDays: 180, failOnStale: true))
        #expect(!failed.passed && failed.failures == expected.map { "stale prices: \($0.text)" } && failed.warnings.isEmpty)
        // On the day the price was verified nothing is stale.
        let fresh = BudgetCheck.run(portfolio, budget: nil, baseline: nil, maxIncrease: nil, allowMissingPrices: false,
                                    priceAge: .init(day: verified, maxAgeDays: 180, failOnStale: true))
        #expect(fresh.passed && fresh.warnings.isEmpty)
    }

    @Test func aReportChecksItsMonthsGrowthAndStart() throws {
        let catalog = try Fixtures.seedCatalog()
        let portfolio = try portfolio(catalog)
        #expect(try FinanceReport.startMonth("2027-01") == (2027, 1))
        #expect(throws: InfracostError.invalidQuantity(label: "start-month", value: "2027-13", reason: "write YYYY-MM, e.g. 2027-01")) {
            try FinanceReport.startMonth("2027-13")
        }
        #expect(throws: InfracostError.invalidUsage(message: "months must be between 1 and 120")) {
            try FinanceReport.make(portfolio, catalog: catalog, months: 121, growth: 0, start: (2027, 1))
        }
        #expect(throws: InfracostError.self) { try FinanceReport.make(portfolio, catalog: catalog, months: 2, growth: 11, start: (2027, 1)) }
        // Two months of 2B at 1.08 per 1M, growing 10%: 2,160.00 then 2,376.00 (2.2B tokens).
        let report = try FinanceReport.make(portfolio, catalog: catalog, months: 2, growth: Decimal(string: "0.1")!, start: (2027, 12))
        #expect(report.rows.map(\.month) == ["2027-12", "2028-01"])
        #expect(report.rows.map(\.cost) == [2_160, 2_376])
    }
}

/// Each assumption names the settings that change it, so a caller can point at the input instead of the words.
struct AssumptionSettingTests {
    @Test func aComparisonsAssumptionsNameTheirSettings() throws {
        var workload = try Fixtures.workload(tokens: "2B")
        workload.tokenPricing.cachedShare = Decimal(string: "0.3")!
        let comparison = try Comparison.make(.init(workload: workload), catalog: try Fixtures.seedCatalog())
        let byName = Dictionary(comparison.assumptions.map { ($0.name, $0.settings) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["month"] == [.hoursPerMonth])
        #expect(byName["cached input"] == [.cachedShare])
        #expect(byName["dedicated sizing"] == [.targetUtilization])
        // A fixed rule has no setting.
        #expect(byName["rounding"] == [])
        // Every setting named has a spelling the command line knows (checked in SettingFlagTests); none is repeated.
        for assumption in comparison.assumptions { #expect(Set(assumption.settings).count == assumption.settings.count) }
    }
}

/// Days are read strictly, ordered as days and written back as read.
struct DayTests {
    /// `Day("...")` with a literal would take the literal initializer (which traps); text from outside is a String.
    func day(_ text: String) -> Day? { Day(text) }

    @Test func realDatesOnly() {
        #expect(day("2026-12-03")?.number == 20_790)
        #expect(day("1970-01-01")?.number == 0)
        #expect(day("2024-02-29") != nil && day("2025-02-29") == nil && day("1900-02-29") == nil && day("2000-02-29") != nil)
        for bad in ["2026-13-01", "2026-00-10", "2026-04-31", "2026-4-01", "2026-04-011", "20260401", "2026/04/01", "", "２０２６-04-01"] {
            #expect(day(bad) == nil, "\(bad)")
        }
        // Every day of four years against Foundation's Gregorian calendar: valid exactly when it is a date there, and
        // numbered as its days since 1970.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for year in [1999, 2000, 2024, 2100] {
            for month in 1...12 {
                for dayOfMonth in 1...31 {
                    let text = String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
                    let components = DateComponents(calendar: calendar, year: year, month: month, day: dayOfMonth)
                    #expect((day(text) != nil) == components.isValidDate, "\(text)")
                    if let parsed = day(text), let date = components.date {
                        #expect(parsed.number == Int((date.timeIntervalSince1970 / 86_400).rounded(.down)), "\(text)")
                    }
                }
            }
        }
    }

    @Test func orderedAsDaysAndWrittenAsRead() {
        let a: Day = "2025-12-31", b: Day = "2026-01-01"
        #expect(a < b && a.days(until: b) == 1 && b.days(until: a) == -1)
        #expect(b.description == "2026-01-01" && "\(b)" == "2026-01-01")
        #expect(Day.today(now: 0) == "1970-01-01")
        #expect(throws: InfracostError.invalidQuantity(label: "as-of", value: "2026-02-30", reason: "must be a date in the form YYYY-MM-DD")) {
            try Day.parse("2026-02-30", label: "as-of")
        }
    }
}

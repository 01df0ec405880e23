import Foundation
import Testing

@testable import InfracostKit

struct ComparisonTests {
    /// The published seed table: API GPT-4o at launch price, serverless 70B at 1.08 blended, dedicated A100 at 929.
    @Test(arguments: [
        ("50M", "375.00", "54.00", "929.00", 1, "acme/llama-70b"),
        ("500M", "3750.00", "540.00", "929.00", 1, "acme/llama-70b"),
        ("2B", "15000.00", "2160.00", "929.00", 1, "acme/a100"),
        ("10B", "75000.00", "10800.00", "1858.00", 2, "acme/a100"),
    ])
    func reproducesThePublishedSeedTable(tokens: String, api: String, serverless: String, dedicated: String, gpus: Int, cheapest: String) throws {
        let comparison = try Comparison.make(.init(workload: try Fixtures.workload(tokens: tokens)), catalog: try Fixtures.seedCatalog())
        func total(_ id: String) -> Decimal? { comparison.options.first { $0.offer.id == id }?.total }
        #expect(total("acme/gpt-4o") == Decimal(string: api)!)
        #expect(total("acme/llama-70b") == Decimal(string: serverless)!)
        #expect(total("acme/a100") == Decimal(string: dedicated)!)
        #expect(comparison.options.first { $0.offer.id == "acme/a100" }?.gpus == gpus)
        #expect(comparison.cheapest?.offer.id == cheapest)
    }

    @Test func measuresSavingsAgainstABaseline() throws {
        // 3.2B tokens at 0.54 per 1M is 1,728.00; a 929 dedicated A100 saves 799.00, 46.2%.
        var catalog = try Fixtures.seedCatalog()
        catalog.merge(try Fixtures.catalog("""
            {"schema_version": 1, "offers": [
              {"id": "together/llama-70b", "tier": "serverless", "model_params_b": 70, "input_per_mtok": "0.54", "output_per_mtok": "0.54"}
            ]}
            """))
        let comparison = try Comparison.make(
            .init(workload: try Fixtures.workload(tokens: "3.2B"), baselineID: "together/llama-70b"), catalog: catalog)
        #expect(comparison.baseline?.total == Decimal(string: "1728.00")!)
        let dedicated = try #require(comparison.options.first { $0.offer.id == "acme/a100" })
        #expect(comparison.saving(of: dedicated) == Comparison.Saving(amount: 799, percent: Decimal(string: "46.2")!))
        let api = try #require(comparison.options.first { $0.offer.id == "acme/gpt-4o" })
        #expect(comparison.saving(of: api)?.amount == Decimal(string: "-22272.00")!)
    }

    @Test func rejectsAnUnknownBaselineWithASuggestion() throws {
        #expect(throws: InfracostError.invalidUsage(message: "baseline acme/a10: no offer has this id (did you mean 'acme/a100'?); see 'infracost prices list'")) {
            try Comparison.make(.init(workload: try Fixtures.workload(tokens: "2B"), baselineID: "acme/a10"), catalog: try Fixtures.seedCatalog())
        }
    }

    @Test func lineItemsAddUpExactlyToEveryTotal() throws {
        let catalog = try Fixtures.frozenCatalog()
        for tokens in ["750k", "33333333", "2B", "77.7B"] {
            let comparison = try Comparison.make(.init(workload: try Fixtures.workload(tokens: tokens)), catalog: catalog)
            for option in comparison.options {
                guard let total = option.total else { continue }
                #expect(option.lineItems.reduce(0) { $0 + $1.amount } == total)
                #expect(option.lineItems.allSatisfy { Money.rounded($0.amount) == $0.amount }, "\(option.offer.id) has a line item below the cent")
            }
        }
    }

    @Test func anOfferWithoutAPriceIsListedButNeverRankedCheapest() throws {
        let catalog = try Fixtures.catalog("""
            {"schema_version": 1, "offers": [
              {"id": "a/free-looking", "tier": "serverless", "model_params_b": 70, "input_per_mtok": "0.01"},
              {"id": "a/priced", "tier": "serverless", "model_params_b": 70, "input_per_mtok": "9", "output_per_mtok": "9"}
            ]}
            """)
        let comparison = try Comparison.make(.init(workload: try Fixtures.workload(tokens: "1M")), catalog: catalog)
        #expect(comparison.cheapest?.offer.id == "a/priced")
        let unpriced = try #require(comparison.options.last)
        #expect(unpriced.offer.id == "a/free-looking")
        #expect(unpriced.total == nil)
        #expect(unpriced.unpricedReason == "no price (output_per_mtok is missing)")
    }

    @Test func sizesDedicatedGPUsToTheTargetUtilization() throws {
        // One GPU at 2,500 tok/s, 730 h, 80% carries 2,500 x 3,600 x 730 x 0.8 = 5,256,000,000 tokens.
        let catalog = try Fixtures.seedCatalog()
        for (tokens, gpus) in [("5256000000", 1), ("5256000001", 2), ("10512000000", 2), ("10512000001", 3)] {
            let comparison = try Comparison.make(.init(workload: try Fixtures.workload(tokens: tokens), tiers: [.dedicated]), catalog: catalog)
            #expect(comparison.options.first?.gpus == gpus, "\(tokens) tokens")
        }
        // At 50% utilization 5,256,000,000 tokens need two GPUs.
        let half = try Comparison.make(.init(workload: try Fixtures.workload(tokens: "5256000000", utilization: "0.5"), tiers: [.dedicated]), catalog: catalog)
        #expect(half.options.first?.gpus == 2)
    }

    @Test func filtersByTierAndModelSize() throws {
        let catalog = try Fixtures.frozenCatalog()
        var workload = try Fixtures.workload(tokens: "2B")
        workload.modelParamsB = 8
        let comparison = try Comparison.make(.init(workload: workload, tiers: [.serverless]), catalog: catalog)
        #expect(Set(comparison.options.map(\.offer.id)) == ["together/llama-3.1-8b", "fireworks/llama-3.1-8b"])
        #expect(comparison.excluded.count == 4)
        #expect(comparison.excluded.allSatisfy { $0.reason.hasSuffix("not 8B") })
    }

    @Test func leavesOutGPUsTheModelDoesNotFit() throws {
        // 70B needs 70 x 0.5 x 1.1 = 38.5 GB even at 4 bits: more than an A10's or an L4's 24 GB.
        let comparison = try Comparison.make(.init(workload: try Fixtures.workload(tokens: "2B")), catalog: try Fixtures.frozenCatalog())
        let excluded = Set(comparison.excluded.filter { $0.tier != .serverless }.map(\.id))
        #expect(excluded == ["lambda/a10", "modal/l4", "cloudrun/l4"])
        #expect(comparison.excluded.first { $0.id == "lambda/a10" }?.reason == "a 70B model does not fit A10 (24 GB) even with 4-bit weights")
    }
}

struct CostModelTests {
    @Test func coldStartsBillTheirLoadingSeconds() throws {
        // The published example: 60 s cold start at 0.0014 USD/s = 0.084 each; 100 a day for a 30-day month = 252.00.
        let catalog = try Fixtures.catalog()
        let offer = try #require(catalog.offer(id: "acme/a100-s"))
        var workload = Workload(inputTokens: 0, outputTokens: 1, hoursPerMonth: 720, coldStartsPerDay: 100, idleTimeoutSeconds: 0)
        let cost = OfferPricer(offer: offer, shape: workload, catalog: catalog).cost(for: workload)
        let loading = try #require(cost.lineItems.first { $0.label.hasPrefix("cold-start loading") })
        #expect(loading.quantity == 180_000)
        #expect(loading.amount == Decimal(string: "252.00")!)
        #expect(Decimal(string: "0.0014")! * 60 == Decimal(string: "0.084")!)
        workload.idleTimeoutSeconds = 300
        let withIdle = OfferPricer(offer: offer, shape: workload, catalog: catalog).cost(for: workload)
        // Each cold start also bills 300 idle seconds: 3,000 x 300 x 0.0014 = 1,260.00.
        #expect(withIdle.lineItems.first { $0.label.hasPrefix("idle tail") }?.amount == Decimal(string: "1260.00")!)
    }

    @Test func withColdStartsServingIsTokensOverThroughput() throws {
        // Traffic with idle gaps (1 cold start a day, no idle tail): 2B tokens / 2,500 tok/s = 800,000 GPU-seconds x
        // 0.0014 = 1,120.00 of serving, besides the cold starts' loading.
        let catalog = try Fixtures.catalog()
        let offer = try #require(catalog.offer(id: "acme/a100-s"))
        var workload = try Fixtures.workload(tokens: "2B")
        workload.coldStartsPerDay = 1
        workload.idleTimeoutSeconds = 0
        let cost = OfferPricer(offer: offer, shape: workload, catalog: catalog).cost(for: workload)
        let serving = try #require(cost.lineItems.first)
        #expect(serving.label == "serving")
        #expect(serving.quantity == 800_000)
        #expect(serving.amount == Decimal(string: "1120.00")!)
    }

    @Test func withoutColdStartsReplicasAreUpAllMonth() throws {
        // No cold starts: replicas never scale to zero. One replica carries 2,500 tok/s x 3,600 x 730 h x 0.8 =
        // 5,256,000,000 tokens a month; 2B tokens need 1, billed 730 h = 2,628,000 s x 0.0014 = 3,679.20 (not the
        // 800,000 busy seconds' 1,120.00); 10B tokens need ceil(10 / 5.256) = 2: 7,358.40.
        let catalog = try Fixtures.catalog()
        let offer = try #require(catalog.offer(id: "acme/a100-s"))
        let workload = try Fixtures.workload(tokens: "2B")
        let cost = OfferPricer(offer: offer, shape: workload, catalog: catalog).cost(for: workload)
        #expect(cost.lineItems.map(\.label) == ["replica up all month (1)"])
        #expect(cost.gpuSeconds == 2_628_000)
        #expect(cost.total == Decimal(string: "3679.20")!)
        #expect(cost.gpus == 1)
        let busy = try #require(cost.notes.first { $0.topic == .alwaysUp })
        #expect(busy.text.contains("busy 30.4% of it"))  // 800,000 / 2,628,000
        let large = try Fixtures.workload(tokens: "10B")
        let two = OfferPricer(offer: offer, shape: large, catalog: catalog).cost(for: large)
        #expect(two.total == Decimal(string: "7358.40")!)
        #expect(two.gpus == 2)
        // The break-even curve is the same step function.
        let curve = try #require(CostCurve(pricer: OfferPricer(offer: offer, shape: workload, catalog: catalog), shape: workload))
        #expect(curve.value(at: 5_256_000_000) == Decimal(string: "3679.2")!)
        #expect(curve.value(at: 5_256_000_001) == Decimal(string: "7358.4")!)
        #expect(curve.breakpoints(in: 1_000_000, 11_000_000_000) == [5_256_000_000, 10_512_000_000])
    }

    @Test func keepWarmReplicasAbsorbServingTheyCanCarry() throws {
        // One keep-warm replica for 730 h is 2,628,000 s x 0.0014 = 3,679.20; 2B tokens need no more than it.
        let catalog = try Fixtures.catalog()
        let offer = try #require(catalog.offer(id: "acme/a100-s"))
        var workload = try Fixtures.workload(tokens: "2B")
        workload.keepWarmReplicas = 1
        let cost = OfferPricer(offer: offer, shape: workload, catalog: catalog).cost(for: workload)
        #expect(cost.lineItems.map(\.amount) == [Decimal(string: "3679.20")!])
        // 10B tokens need 2 replicas: the keep-warm one and one more up all month.
        workload.inputTokens *= 5
        workload.outputTokens *= 5
        let more = OfferPricer(offer: offer, shape: workload, catalog: catalog).cost(for: workload)
        #expect(more.lineItems.map(\.label) == ["keep-warm (1 replica)", "replicas beyond keep-warm up all month (1)"])
        #expect(more.lineItems.map(\.amount) == [Decimal(string: "3679.20")!, Decimal(string: "3679.20")!])
        // With cold starts, serving the keep-warm replica can carry is not billed again.
        workload.inputTokens /= 5
        workload.outputTokens /= 5
        workload.coldStartsPerDay = 1
        let bursty = OfferPricer(offer: offer, shape: workload, catalog: catalog).cost(for: workload)
        #expect(bursty.lineItems.prefix(2).map(\.amount) == [Decimal(string: "3679.20")!, 0])
    }

    @Test func perHourPricesBillExactFractionsOfAnHour() throws {
        // Modal A100 at 2.50/h for 1,000 s of serving (with a cold start a day, of 0 s and no idle tail): 1,000 x 2.50
        // / 3,600 = 0.69444... -> 0.69. Without cold starts it is up all month: 730 x 2.50 = 1,825.00.
        let offer = Offer(id: "m/a100", pricing: .serverlessGPU(.init(hardware: .init(gpu: "A100", tokensPerSecond: 1000), rate: .perHour(Decimal(string: "2.50")!),
                                                                        coldStartSeconds: 0, idleTimeoutSeconds: 0)))
        var workload = Workload(inputTokens: 750_000, outputTokens: 250_000, coldStartsPerDay: 1)
        #expect(OfferPricer(offer: offer, shape: workload, catalog: PriceCatalog()).cost(for: workload).total == Decimal(string: "0.69")!)
        workload.coldStartsPerDay = 0
        #expect(OfferPricer(offer: offer, shape: workload, catalog: PriceCatalog()).cost(for: workload).total == Decimal(string: "1825.00")!)
    }

    @Test func rooflineEstimateIsLabelledAndComputedFromBandwidth() throws {
        // 70B on one A100 80 GB: fp16 (154 GB with overhead) does not fit, 8-bit (77 GB) does;
        // 16 x 2,039 GB/s / 70 GB = 466.06 -> 466 tokens/s.
        let catalog = try Fixtures.frozenCatalog()
        let offer = Offer(id: "x/a100", pricing: .dedicated(.init(hardware: .init(gpu: "A100-80GB"), rate: .hourly(1))))
        let estimate = try Throughput.resolve(offer: offer, modelParamsB: 70, catalog: catalog).get()
        #expect(estimate.tokensPerSecond == 466)
        #expect(estimate.isEstimate)
        #expect(estimate.method == .roofline)
        #expect(estimate.detail.contains("8-bit"))
        // 8B in fp16 (17.6 GB) fits an L4: 16 x 300 / 16 = 300 tokens/s.
        let l4 = Offer(id: "x/l4", pricing: .dedicated(.init(hardware: .init(gpu: "L4"), rate: .hourly(1))))
        #expect(try Throughput.resolve(offer: l4, modelParamsB: 8, catalog: catalog).get().tokensPerSecond == 300)
    }

    @Test func picksThePublishedFigureClosestToTheWorkloadsMix() throws {
        let catalog = try Fixtures.frozenCatalog()
        let offer = Offer(id: "x/h200", pricing: .dedicated(.init(hardware: .init(gpu: "H200"), rate: .hourly(1))))
        // 50% input matches the 128/128 run: 3,014 x 256 / 128 = 6,028.
        #expect(try Throughput.resolve(offer: offer, modelParamsB: 70, inputShare: Decimal(string: "0.5")!, catalog: catalog).get().tokensPerSecond == 6028)
        // 95% input matches the 2,048/128 run: 303 x 2,176 / 128 = 5,151.
        #expect(try Throughput.resolve(offer: offer, modelParamsB: 70, inputShare: Decimal(string: "0.95")!, catalog: catalog).get().tokensPerSecond == 5151)
    }

    @Test func aGPUWithoutSpecificationIsUnpricedNotFree() throws {
        let comparison = try Comparison.make(.init(workload: try Fixtures.workload(tokens: "2B")), catalog: try Fixtures.frozenCatalog())
        let b200 = try #require(comparison.options.first { $0.offer.id == "modal/b200" })
        #expect(b200.total == nil)
        #expect(comparison.options.last?.offer.id == "modal/b200")
    }
}

/// Two verdicts, one per question: the cheapest way to serve the requested model, and the cheapest API
/// alternative (another model). A smaller API model never answers the first.
struct VerdictTests {
    @Test func servingAndAPIVerdictsAreSeparate() throws {
        let catalog = try Fixtures.frozenCatalog().asOf("2026-03-16")
        let comparison = try Comparison.make(.init(workload: try Fixtures.workload(tokens: "2B")), catalog: catalog)
        // The cheapest overall is a different, smaller model behind an API (Gemini 2.0 Flash, 1.5B x 0.10 + 0.5B x 0.40).
        #expect(comparison.cheapest?.offer.id == "vertex/gemini-2.0-flash")
        #expect(comparison.cheapestAPIAlternative?.offer.id == "vertex/gemini-2.0-flash")
        #expect(comparison.cheapestAPIAlternative?.total == 350)
        // The cheapest way to serve a 70B model: Fireworks' Llama 3.1 70B at 0.40 per 1M, 2B x 0.40 = 800.
        #expect(comparison.cheapestServingModel?.offer.id == "fireworks/llama-3.1-70b")
        #expect(comparison.cheapestServingModel?.total == 800)
        let json = ComparisonJSONReport.render(comparison)
        #expect(json.contains(#""cheapest_serving_model": {"#))
        #expect(json.contains(#""cheapest_api_alternative": {"#))
        let text = ComparisonTableRenderer.render(comparison)
        #expect(text.contains("Cheapest way to serve the 70B model: fireworks/llama-3.1-70b (serverless)\n  at $800.00/month"))
        #expect(text.contains("Cheapest API alternative: vertex/gemini-2.0-flash at $350.00/month"))
        let markdown = ComparisonMarkdownRenderer.render(comparison)
        #expect(markdown.contains("**Cheapest way to serve the 70B model**: fireworks/llama-3.1-70b (serverless) at $800.00/month"))
        // The portfolio plans an unplaced workload on the serving verdict, and the advice says the same.
        let advice = try Advisor.advise(AdviceInput(workload: try Fixtures.workload(tokens: "2B")), catalog: catalog)
        #expect(advice.cost.cheapest?.id == "fireworks/llama-3.1-70b")
    }
}

/// A summary portfolio (check, diff, report) keeps only the options it shows, ranked by exact cents: every figure
/// it shows equals the full portfolio's.
struct SummaryPortfolioTests {
    @Test func summaryAgreesWithTheFullPortfolioOnEveryFigureItShows() throws {
        let catalog = try CatalogLoader.bundled()
        let text = """
            version: 1
            workloads:
              - name: chat
                tokens_per_month: 2B
                model_size: 70B
              - name: small
                tokens_per_month: 500M
                model_size: 8B
                tiers: [serverless, dedicated]
              - name: pinned
                tokens_per_month: 10B
                offer: together/llama-3.3-70b
              - name: again
                tokens_per_month: 3B
                model_size: 70B
              - name: api-only
                tokens_per_month: 40M
                tiers: [api]
            """
        let file = try WorkloadFile.parse(Array(text.utf8), file: "w.yml")
        let full = try Portfolio.make(file, catalog: catalog, detail: .full)
        let summary = try Portfolio.make(file, catalog: catalog, detail: .summary)
        #expect(full.entries.count == 5 && summary.entries.count == 5)
        #expect(summary.total == full.total)
        for (a, b) in zip(full.entries, summary.entries) {
            #expect(a.chosen?.offer.id == b.chosen?.offer.id, "\(a.spec.name)")
            #expect(a.chosen?.total == b.chosen?.total, "\(a.spec.name)")
            #expect(a.chosen?.lineItems == b.chosen?.lineItems, "\(a.spec.name)")
            #expect(a.comparison.cheapestServingModel?.offer.id == b.comparison.cheapestServingModel?.offer.id, "\(a.spec.name)")
            #expect(a.comparison.cheapest?.offer.id == b.comparison.cheapest?.offer.id, "\(a.spec.name)")
            #expect(a.comparison.cheapest?.total == b.comparison.cheapest?.total, "\(a.spec.name)")
            #expect(a.problem == b.problem)
            #expect(b.comparison.isSummary && !a.comparison.isSummary)
            #expect(b.comparison.options.count <= 3)
        }
    }
}

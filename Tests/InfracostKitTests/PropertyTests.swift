import Foundation
import Testing

@testable import InfracostKit

/// Properties of the cost engine over seeded random catalogs and workloads. Each property runs many cases from a
/// fixed seed; a failure names the seed and case so it can be replayed.
struct PropertyTests {
    static let cases = 150

    /// A random catalog: per-token, per-second GPU and dedicated offers with random prices (about one in eight
    /// without one) and stated throughputs.
    static func catalog(_ rng: inout SeededGenerator) -> PriceCatalog {
        var offers: [Offer] = []
        func price(_ range: ClosedRange<Int>, scale: Int) -> Decimal? {
            Int.random(in: 0..<8, using: &rng) == 0 ? nil : Decimal(Int.random(in: range, using: &rng)) / pow(10, scale)
        }
        for index in 0..<Int.random(in: 2...6, using: &rng) {
            let input = price(1...2_000, scale: 2), output = price(1...8_000, scale: 2)
            offers.append(Offer(id: "api/m\(index)", pricing: .api(.init(inputPerMTok: input, outputPerMTok: output))))
        }
        for index in 0..<Int.random(in: 1...4, using: &rng) {
            let input = price(1...300, scale: 2), output = price(1...300, scale: 2)
            offers.append(Offer(id: "sls/m\(index)", pricing: .serverless(.init(inputPerMTok: input, outputPerMTok: output)), modelParamsB: 70))
        }
        for index in 0..<Int.random(in: 1...4, using: &rng) {
            let perSecond = price(100...3_000, scale: 6)
            let tokensPerSecond = Decimal(Int.random(in: 200...5_000, using: &rng))
            let coldStart = Decimal(Int.random(in: 5...90, using: &rng))
            offers.append(Offer(id: "gpu/s\(index)", pricing: .serverlessGPU(.init(
                hardware: .init(gpu: "H100", tokensPerSecond: tokensPerSecond), rate: perSecond.map(Offer.GPUTimeRate.perSecond), coldStartSeconds: coldStart))))
        }
        for index in 0..<Int.random(in: 1...5, using: &rng) {
            let hourly = Int.random(in: 0...1, using: &rng) == 0
            let count = [1, 1, 2, 8][Int.random(in: 0...3, using: &rng)]
            let rate = hourly ? price(50...3_000, scale: 2).map(Offer.InstanceRate.hourly) : price(300...20_000, scale: 0).map(Offer.InstanceRate.monthly)
            let tokensPerSecond = Decimal(Int.random(in: 200...20_000, using: &rng))
            let purchase: [Offer.Purchase] = [.onDemand, .spot, .reserved(termMonths: nil)]
            offers.append(Offer(id: "ded/d\(index)", pricing: .dedicated(.init(
                hardware: .init(gpu: "H100", count: count, tokensPerSecond: tokensPerSecond), rate: rate,
                purchase: purchase[Int.random(in: 0...2, using: &rng)]))))
        }
        let h100 = GPUSpec(name: "H100", aliases: [], memoryGB: 80, bandwidthGBs: 3350, provenance: Provenance())
        return PriceCatalog(offers: offers, gpus: [h100])
    }

    static func workload(_ rng: inout SeededGenerator, tokens: Decimal? = nil) -> Workload {
        let total = tokens ?? Decimal(UInt64.random(in: 1_000_000...2_000_000_000_000, using: &rng))
        let share = Decimal(Int.random(in: 0...100, using: &rng)) / 100
        let (input, output) = Workload.split(tokens: total, inputShare: share)
        var workload = Workload(
            inputTokens: Money.rounded(input, scale: 0), outputTokens: total - Money.rounded(input, scale: 0),
            hoursPerMonth: [720, 730, 744][Int.random(in: 0...2, using: &rng)],
            targetUtilization: Decimal(Int.random(in: 30...100, using: &rng)) / 100,
            coldStartsPerDay: Decimal(Int.random(in: 0...3, using: &rng) * 25), keepWarmReplicas: Int.random(in: 0...1, using: &rng))
        workload.spotInterruption = Decimal(Int.random(in: 0...30, using: &rng)) / 100
        _ = output
        return workload
    }

    func comparison(seed: UInt64) throws -> (Comparison, PriceCatalog) {
        var rng = SeededGenerator(seed: seed)
        let catalog = Self.catalog(&rng)
        return (try Comparison.make(ComparisonRequest(workload: Self.workload(&rng)), catalog: catalog), catalog)
    }

    @Test func lineItemsAddUpExactlyAndTheCheapestIsCheapest() throws {
        for seed in 1...UInt64(Self.cases) {
            let (comparison, _) = try comparison(seed: seed)
            for option in comparison.options {
                if let total = option.total {
                    #expect(option.lineItems.reduce(0) { $0 + $1.amount } == total, "seed \(seed) \(option.offer.id)")
                    #expect(option.lineItems.allSatisfy { Money.rounded($0.amount) == $0.amount }, "seed \(seed): amounts are whole cents")
                }
            }
            let priced = comparison.options.compactMap(\.total)
            if let cheapest = comparison.cheapest?.total {
                #expect(priced.allSatisfy { cheapest <= $0 }, "seed \(seed)")
            }
            // A missing price is never ranked, never cheapest: every priced option comes before every unpriced one.
            let firstUnpriced = comparison.options.firstIndex { $0.total == nil } ?? comparison.options.count
            #expect(comparison.options[firstUnpriced...].allSatisfy { $0.total == nil }, "seed \(seed)")
            #expect(comparison.cheapest?.total != nil || priced.isEmpty, "seed \(seed)")
        }
    }

    @Test func costNeverFallsAsVolumeGrows() throws {
        var compared = Set<Tier>()
        for seed in 1...UInt64(Self.cases) {
            var rng = SeededGenerator(seed: seed &* 7919)
            let catalog = Self.catalog(&rng)
            let shape = Self.workload(&rng, tokens: 1_000_000)
            var volumes = (0..<6).map { _ in Decimal(UInt64.random(in: 1_000_000...500_000_000_000, using: &rng)) }
            volumes.sort()
            for pricer in OfferPricer.all(catalog: catalog, shape: shape) where pricer.exclusionReason == nil {
                var previous: Decimal?
                for volume in volumes {
                    var workload = shape
                    (workload.inputTokens, workload.outputTokens) = Workload.split(tokens: volume, inputShare: shape.inputShare)
                    guard let total = pricer.cost(for: workload).total else { continue }
                    if let previous {
                        #expect(total >= previous, "seed \(seed) \(pricer.offer.id) at \(volume)")
                        compared.insert(pricer.offer.tier)
                    }
                    previous = total
                }
            }
        }
        #expect(compared == Set(Tier.allCases))
    }

    /// Per-token cost is linear: each line is tokens x rate rounded once, so the total is within half a cent per
    /// line of the exact product, at any volume.
    @Test func perTokenCostIsLinear() throws {
        for seed in 1...UInt64(Self.cases) {
            var rng = SeededGenerator(seed: seed &* 104_729)
            let catalog = Self.catalog(&rng)
            let workload = Self.workload(&rng)
            for offer in catalog.offers where offer.tier == .api {
                guard let rates = offer.pricing.tokens?.standard, let total = PerTokenModel.cost(of: offer, for: workload).total else { continue }
                let exact = (workload.inputTokens * rates.input + workload.outputTokens * rates.output) / 1_000_000
                #expect(abs(total - exact) <= Decimal(string: "0.01")!, "seed \(seed) \(offer.id)")
                var doubled = workload
                doubled.inputTokens *= 2
                doubled.outputTokens *= 2
                let twice = try #require(PerTokenModel.cost(of: offer, for: doubled).total)
                #expect(abs(twice - 2 * total) <= Decimal(string: "0.02")!, "seed \(seed) \(offer.id)")
            }
        }
    }

    /// The GPU count is the smallest that carries the tokens at the (spot-adjusted) target utilization.
    @Test func gpuCountIsTheSmallestThatFits() throws {
        var checked = 0
        var multiple = 0
        for seed in 1...UInt64(Self.cases) {
            let (comparison, _) = try comparison(seed: seed &+ 10_000)
            let workload = comparison.workload
            for option in comparison.options where option.offer.tier == .dedicated && option.total != nil {
                let instances = Decimal(try #require(option.gpus) / option.offer.gpuCount)
                let tps = try #require(option.throughput?.tokensPerSecond)
                let capacity = tps * 3600 * workload.hoursPerMonth * workload.sizingUtilization(for: option.offer)
                #expect(instances * capacity >= workload.totalTokens, "seed \(seed) \(option.offer.id): too few")
                #expect(instances == 1 || (instances - 1) * capacity < workload.totalTokens, "seed \(seed) \(option.offer.id): one too many")
                checked += 1
                if instances > 1 { multiple += 1 }
            }
        }
        // The property was exercised, including with more than one instance.
        #expect(checked > 100)
        #expect(multiple > 20)
    }

    /// JSON and CSV carry every amount as exact text: read back, they equal the result's values.
    @Test func jsonAndCSVRoundTripExactly() throws {
        for seed in 1...UInt64(40) {
            let (comparison, _) = try comparison(seed: seed &+ 20_000)
            let json = try JSONValue.parse(Array(ComparisonJSONReport.render(comparison).utf8))
            guard case .array(let options)? = json["options"] else {
                Issue.record("no options in JSON, seed \(seed)")
                continue
            }
            #expect(options.count == comparison.options.count)
            for (element, option) in zip(options, comparison.options) {
                #expect(element.value["id"] == .string(option.offer.id))
                let amount: Decimal? = if case .string(let text)? = element.value["monthly_cost"] { Decimal(string: text) } else { nil }
                #expect(amount == option.total, "seed \(seed) \(option.offer.id)")
                guard case .array(let items)? = element.value["line_items"] else { continue }
                let amounts = items.compactMap { item -> Decimal? in if case .string(let text)? = item.value["amount"] { Decimal(string: text) } else { nil } }
                #expect(amounts == option.lineItems.map(\.amount), "seed \(seed) \(option.offer.id)")
            }
            let rows = ComparisonCSVReport.render(comparison).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let column = try #require(Comparison.csvColumns.firstIndex(of: "monthly_cost"))
            let idColumn = try #require(Comparison.csvColumns.firstIndex(of: "id"))
            for (row, option) in zip(rows.dropFirst(), comparison.options) {
                #expect(String(row[idColumn]) == option.offer.id)
                #expect((row[column].isEmpty ? nil : Decimal(string: String(row[column]))) == option.total, "seed \(seed) \(option.offer.id)")
            }
        }
    }

    /// Cold starts never exceed requests, and every request is served.
    @Test func simulatorColdStartsNeverExceedRequests() {
        for seed in 1...UInt64(60) {
            var rng = SeededGenerator(seed: seed &* 31)
            let pattern: TrafficProfile.Pattern = [.steady, .poisson, .businessHours, .bursty][Int.random(in: 0...3, using: &rng)]
            let profile = TrafficProfile(pattern: pattern, requestsPerSecond: Double.random(in: 0.001...2, using: &rng), seed: seed, days: Double.random(in: 0.2...2, using: &rng))
            var stream = RequestStream(profile: profile)
            let configuration = EndpointConfiguration(
                concurrency: Int.random(in: 1...8, using: &rng), serviceTime: .measured(seconds: Double.random(in: 0.05...30, using: &rng)),
                coldStartSeconds: Double.random(in: 0...120, using: &rng), idleTimeoutSeconds: Double.random(in: 0...900, using: &rng),
                maxReplicas: Int.random(in: 1...50, using: &rng), keepWarm: Int.random(in: 0...2, using: &rng), seed: seed)
            let run = EndpointSimulator.run(configuration, duration: profile.days * 86_400) { stream.next() }
            #expect(run.coldStarts <= run.requests, "seed \(seed)")
            #expect(run.requestsWaitingForBoot <= run.requests, "seed \(seed)")
            #expect(run.loadingSeconds >= 0 && run.servingSeconds >= 0 && run.idleSeconds >= 0, "seed \(seed)")
        }
    }
}

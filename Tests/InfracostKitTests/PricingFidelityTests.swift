import Foundation
import Testing

@testable import InfracostKit

/// The published figures of the pricing-fidelity issue, reproduced through the cost engine and bundled tables.
struct PricingFidelityTests {
    static let bundled = Result { try CatalogLoader.bundled() }

    func offer(_ id: String) throws -> Offer {
        try #require(try Self.bundled.get().offer(id: id))
    }

    func total(_ id: String, _ workload: Workload, asOf day: Day? = nil) throws -> Decimal? {
        var offer = try offer(id)
        if let day { offer = offer.asOf(day) }
        return PerTokenModel.cost(of: offer, for: workload).total
    }

    static func tokens(_ input: Decimal, _ output: Decimal, _ pricing: TokenPricing = TokenPricing()) -> Workload {
        var workload = Workload(inputTokens: input, outputTokens: output)
        workload.tokenPricing = pricing
        return workload
    }

    /// 2B gpt-4o tokens at 3:1: 1.5B x 2.50 + 0.5B x 10.00 = 3,750 + 5,000.
    @Test func gpt4oTwoBillionTokens() throws {
        #expect(try total("openai/gpt-4o", try Fixtures.workload(tokens: "2B")) == 8750)
    }

    /// o3 cost 10 / 40 until 2025-06-10 and 2 / 8 from that day.
    @Test func o3BeforeAndAfterThePriceCut() throws {
        let workload = try Fixtures.workload(tokens: "2B")
        #expect(try total("openai/o3", workload, asOf: "2025-06-09") == 35_000)  // 1.5B x 10 + 0.5B x 40
        #expect(try total("openai/o3", workload, asOf: "2025-06-10") == 7_000)  // 1.5B x 2 + 0.5B x 8
        #expect(try total("openai/o3", workload) == 7_000)
        #expect(try offer("openai/o3").asOf("2025-06-09").provenance.source?.contains("genai-prices 0.2.3") == true)
    }

    /// Gemini 3.8 Flash's introductory 0.75 / 3.75 runs through 2026-12-31; from 2027-01-01 it is 1.50 / 7.50
    /// (genai-prices 0.2.3, a start-dated price). 1B tokens at 3:1: 0.75B x 0.75 + 0.25B x 3.75 = 1,500, then 3,000.
    @Test func announcedPriceChangeAppliesFromItsDay() throws {
        let workload = try Fixtures.workload(tokens: "1B")
        #expect(try total("google/gemini-3.8-flash", workload, asOf: "2026-12-01") == 1_500)
        #expect(try total("google/gemini-3.8-flash", workload, asOf: "2026-12-31") == 1_500)
        #expect(try total("google/gemini-3.8-flash", workload, asOf: "2027-01-01") == 3_000)  // 0.75B x 1.5 + 0.25B x 7.5
    }

    /// DeepSeek V4 Pro was a flat 0.435 / 0.87 before 2026-08-17, then 1.32 / 3.96 at peak (the standard rate,
    /// used without a time profile). 1B tokens at 3:1: 0.75B x 0.435 + 0.25B x 0.87 = 543.75; then 1,980.
    @Test func deepSeekV4BeforeAndAfterItsPeakPricing() throws {
        let workload = try Fixtures.workload(tokens: "1B")
        #expect(try total("deepseek/deepseek-v4-pro", workload, asOf: "2026-08-16") == Decimal(string: "543.75"))
        #expect(try total("deepseek/deepseek-v4-pro", workload, asOf: "2026-08-17") == 1_980)
        let window = try #require(try offer("deepseek/deepseek-v4-pro").pricing.tokens?.offPeak)
        #expect(window.text == "10:00-01:00, 04:00-06:00 UTC")
        // Peak is 01:00-04:00 and 06:00-10:00, 7 hours; off-peak is the other 17.
        #expect((0..<1440).filter { window.contains(minute: $0) }.count == 17 * 60)
    }

    /// gpt-4o launched on 2024-05-13 at 5 / 15; before any known price there is no price, never $0.
    @Test func beforeEveryKnownPriceThereIsNone() throws {
        let workload = try Fixtures.workload(tokens: "2B")
        #expect(try total("openai/gpt-4o", workload, asOf: "2024-06-01") == 15_000)  // 1.5B x 5 + 0.5B x 15
        let early = PerTokenModel.cost(of: try offer("openai/gpt-4o").asOf("2024-01-01"), for: workload)
        #expect(early.total == nil)
        #expect(early.unpricedReason == "no price known on 2024-01-01 (the earliest recorded price applies from 2024-05-13)")
    }

    /// Claude Sonnet 4.5: a request above 200,000 input tokens is priced wholly at input 6 per 1M.
    @Test func longContextCliff() throws {
        let sonnet = try offer("anthropic/claude-sonnet-4.5")
        func requestCost(_ input: Decimal) throws -> Decimal {
            let pricing = TokenPricing(inputTokensPerRequest: input)
            guard case .success(let (parts, _)) = PerTokenModel.parts(of: sonnet, pricing: pricing) else { throw CancellationError() }
            return parts.filter { $0.side == .input }.reduce(0) { $0 + input * $1.share * $1.rate / 1_000_000 }
        }
        #expect(try requestCost(199_999) == Decimal(string: "0.599997"))
        #expect(try requestCost(200_000) == Decimal(string: "0.6"))
        #expect(try requestCost(200_001) == Decimal(string: "1.200006"))
        // A month of such requests: the whole workload moves to the higher tier, output included (22.50).
        let month = PerTokenModel.cost(of: sonnet, for: Self.tokens(200_001_000, 1_000_000, TokenPricing(inputTokensPerRequest: 200_001)))
        #expect(month.lineItems.map(\.amount) == [Decimal(string: "1200.006")!.rounded2, Decimal(string: "22.50")!])
        #expect(month.notes.first?.text.hasPrefix("long-context tier applied: 200,001 input tokens per request > 200,000") == true)
        let applied = try #require(month.notes.first)
        #expect(applied.topic == .longContextTier && applied.setting == .tokensPerRequest && applied.figure == 1)
        // Without a request size the tier is noted, not applied.
        let unknown = PerTokenModel.cost(of: sonnet, for: Self.tokens(1_000_000, 0))
        #expect(unknown.total == 3)
        #expect(unknown.notes.first?.text.contains("not applied without a request size") == true)
        let notApplied = try #require(unknown.notes.first)
        #expect(notApplied.topic == .longContextTier && notApplied.setting == .tokensPerRequest && notApplied.figure == nil)
    }

    /// With a trace, only the requests above the threshold move to the long-context tier: here 2 of 3 requests,
    /// 550,000 of 650,000 input tokens and 3,000 of 4,000 output tokens.
    @Test func longContextFromEachRequestOfATrace() throws {
        let sonnet = try offer("anthropic/claude-sonnet-4.5")
        let sizes = try #require(RequestSizeProfile(requests: [(100_000, 1_000), (300_000, 1_000), (250_000, 2_000)], origin: "log.csv"))
        let shares = sizes.shares(above: 200_000)
        #expect(shares.requests == 2)
        #expect(shares.input == Decimal(550_000) / Decimal(650_000))
        #expect(shares.output == Decimal(3) / Decimal(4))
        #expect(sizes.shares(above: 300_000).requests == 0)
        var pricing = TokenPricing()
        pricing.requestSizes = sizes
        let cost = PerTokenModel.cost(of: sonnet, for: Self.tokens(650_000, 4_000, pricing))
        // 100,000 x 3 = 0.30; 1,000 x 15 = 0.015 -> 0.02; 550,000 x 6 = 3.30; 3,000 x 22.50 = 0.0675 -> 0.07.
        #expect(cost.lineItems.map(\.label) == ["input tokens", "output tokens", "input tokens (long context)", "output tokens (long context)"])
        #expect(cost.lineItems.map(\.amount) == [Decimal(string: "0.30")!, Decimal(string: "0.02")!, Decimal(string: "3.30")!, Decimal(string: "0.07")!])
        #expect(cost.total == Decimal(string: "3.69"))
        #expect(cost.notes.first?.text.hasPrefix("long-context tier applied to 2 requests above 200,000 input tokens (84.6% of input tokens, log.csv)") == true)
        // The note quotes the exact share of input tokens at the tier's rate, 550,000 of 650,000.
        #expect(cost.notes.first?.figure == Decimal(550_000) / Decimal(650_000))
    }

    /// DeepSeek chat: 0.27 / 1.10 from 00:30 to 16:30 UTC, 0.135 / 0.55 off-peak.
    @Test func deepSeekTimeOfDay() throws {
        let deepseek = try offer("deepseek/deepseek-chat")
        func cost(at minute: Int) -> Decimal? {
            let profile = DayProfile.window(fromMinute: minute, toMinute: minute + 1, origin: "one request")
            return PerTokenModel.cost(of: deepseek, for: Self.tokens(2_000_000, 2_000_000, TokenPricing(dayProfile: profile))).total
        }
        #expect(cost(at: 10 * 60) == Decimal(string: "2.74"))  // 2 x 0.27 + 2 x 1.10
        #expect(cost(at: 20 * 60) == Decimal(string: "1.37"))  // 2 x 0.135 + 2 x 0.55
        #expect(cost(at: 16 * 60 + 29) == Decimal(string: "2.74"))
        #expect(cost(at: 16 * 60 + 30) == Decimal(string: "1.37"))
        #expect(cost(at: 30) == Decimal(string: "2.74"))
        #expect(cost(at: 29) == Decimal(string: "1.37"))
        // Business hours 09:00-18:00 UTC: 450 of 540 minutes at peak.
        let profile = try #require(DayProfile.window(fromMinute: 540, toMinute: 1080, origin: "business hours"))
        let window = try #require(deepseek.pricing.tokens?.offPeak)
        #expect(profile.share(in: window) == Decimal(90) / Decimal(540))
    }

    /// gpt-4o batch is half price; 40% cached input is billed at 1.25.
    @Test func batchAndCachedModes() throws {
        let workload = try Fixtures.workload(tokens: "2B")
        var batch = workload
        batch.tokenPricing.mode = .batch
        #expect(try total("openai/gpt-4o", batch) == 4_375)  // 1.5B x 1.25 + 0.5B x 5
        let noBatch = PerTokenModel.cost(of: try offer("deepseek/deepseek-chat"), for: batch)
        #expect(noBatch.total == nil)
        #expect(noBatch.unpricedReason == "no batch price (mode batch)")
        var cached = workload
        cached.tokenPricing.cachedShare = Decimal(string: "0.4")!
        let items = PerTokenModel.cost(of: try offer("openai/gpt-4o"), for: cached).lineItems
        // 0.6B cached x 1.25 = 750; 0.9B x 2.50 = 2,250; 0.5B x 10 = 5,000.
        #expect(items.map(\.label) == ["cached input tokens", "input tokens", "output tokens"])
        #expect(items.map(\.amount) == [750, 2_250, 5_000])
    }

    /// 0.0175 per second for 730 h, exactly, and a Lambda H100 month at 730 h and 720 h.
    @Test func gpuMonths() throws {
        let h100 = try offer("lambda/h100-pcie")
        let estimate = ThroughputEstimate(tokensPerSecond: 1000, isEstimate: false, method: .stated, detail: "test")
        for (hours, expected) in [(Decimal(730), Decimal(string: "2401.70")!), (Decimal(720), Decimal(string: "2368.80")!)] {
            let workload = Workload(inputTokens: 750_000, outputTokens: 250_000, hoursPerMonth: hours)
            #expect(DedicatedGPUModel.cost(of: h100, for: workload, throughput: .success(estimate)).total == expected)
        }
        let perSecond = Offer(id: "x/gpu", pricing: .serverlessGPU(.init(hardware: .init(gpu: "A100"), rate: .perSecond(Decimal(string: "0.0175")!))))
        let keepWarm = Workload(inputTokens: 1, outputTokens: 0, keepWarmReplicas: 1)
        let busy = PerSecondGPUModel.cost(of: perSecond, for: keepWarm, throughput: .success(estimate), coldStart: nil)
        #expect(busy.lineItems.first { $0.label.contains("keep-warm") }?.amount == 45_990)
    }

    /// Spot capacity is sized with the interruption assumption; a reserved term states its commitment.
    @Test func spotAndReservedOptions() throws {
        // Crusoe's spot prices are "contact sales" since 2026-09; 1.60 is the earlier published H100 spot figure.
        let spot = Offer(id: "crusoe/h100-sxm-spot", pricing: .dedicated(.init(hardware: .init(gpu: "H100-SXM"), rate: .hourly(Decimal(string: "1.60")!), purchase: .spot)))
        let estimate = ThroughputEstimate(tokensPerSecond: 1000, isEstimate: false, method: .stated, detail: "test")
        // One instance carries 1,000 x 3,600 x 730 x 0.8 = 2,102,400,000 tokens on demand; spot loses 10%.
        let tokens = Decimal(2_000_000_000)
        var workload = Workload(inputTokens: tokens * Decimal(string: "0.75")!, outputTokens: tokens / 4)
        let interrupted = DedicatedGPUModel.cost(of: spot, for: workload, throughput: .success(estimate))
        #expect(interrupted.gpus == 2)
        // The note names the setting and quotes the share of hours it assumes lost (10% by default).
        #expect(interrupted.notes.map(\.topic) == [.spotSizing])
        #expect(interrupted.notes.first?.setting == .spotInterruption && interrupted.notes.first?.figure == Decimal(string: "0.1"))
        workload.spotInterruption = 0
        #expect(DedicatedGPUModel.cost(of: spot, for: workload, throughput: .success(estimate)).gpus == 1)
        let reserved = DedicatedGPUModel.cost(of: try offer("runpod/h100-sxm-reserved-1y"), for: workload, throughput: .success(estimate))
        #expect(reserved.total == Decimal(string: "1416.20"))  // 1.94 x 730
        #expect(reserved.notes.map(\.text) == ["reserved term of 12 months: commits to $16,994.40 for 1 instance (12 x $1,416.20)"])
        #expect(reserved.notes.map(\.topic) == [.reservedCommitment] && reserved.notes.first?.figure == Decimal(string: "16994.40"))
    }

    /// Amounts convert once from exact USD: 4,375 USD of gpt-4o batch is 1,800.98 + 2,401.31 EUR at 1.0411.
    @Test func currencyConversionRoundsEachLineOnce() throws {
        let catalog = try Self.bundled.get()
        let rate = try #require(catalog.exchangeRate("eur"))
        #expect(rate.usdPerUnit == Decimal(string: "1.0411"))
        #expect(rate.provenance.verifiedOn == "2025-02-28")
        var workload = try Fixtures.workload(tokens: "2B")
        workload.tokenPricing.mode = .batch
        var comparison = try Comparison.make(ComparisonRequest(workload: workload, tiers: [.api]), catalog: catalog)
        comparison.convert(to: rate)
        let gpt = try #require(comparison.options.first { $0.offer.id == "openai/gpt-4o" })
        #expect(gpt.lineItems.map(\.amount) == [Decimal(string: "1800.98")!, Decimal(string: "2401.31")!])
        #expect(gpt.total == Decimal(string: "4202.29"))
        #expect(comparison.currency == "EUR")
    }

    /// Prices last verified longer ago than the limit give one warning naming the oldest; the age keys on
    /// verified_on, not on the day the price took effect.
    @Test func stalePricesWarnOnce() throws {
        var old = Offer(id: "x/old", pricing: .api(.init(inputPerMTok: 1, outputPerMTok: 1)), provenance: Provenance(source: "s", verifiedOn: "2024-08-06"))
        old.effectiveFrom = "2020-01-01"
        var recent = Offer(id: "x/recent", pricing: .api(.init(inputPerMTok: 1, outputPerMTok: 1)), provenance: Provenance(source: "s", verifiedOn: "2025-06-10"))
        recent.effectiveFrom = "2019-01-01"
        let offers = [old, recent]
        #expect(PriceAge.staleWarnings(offers, day: "2025-06-10", maxAgeDays: 365).isEmpty)
        #expect(PriceAge.stale(offers, day: "2025-08-07", maxAgeDays: 365).map(\.offer.id) == ["x/old"])
        let stale = PriceAge.staleWarnings(offers, day: "2026-11-23", maxAgeDays: 180)
        #expect(stale.map(\.text) == [
            "2 of the 2 prices used are older than 180 days on 2026-11-23 (oldest: x/old, last verified 2024-08-06, 839 days); check them or pass max-price-age"
        ])
        #expect(stale.first?.topic == .stalePrices && stale.first?.setting == .maxPriceAge && stale.first?.figure == 2)
        #expect(throws: InfracostError.self) { try PriceAge.parse("-3d", label: "--max-price-age") }
        #expect(try PriceAge.parse("90d", label: "--max-price-age") == 90)
    }

    @Test func calendarArithmetic() {
        #expect(IsoDate.dayNumber("1970-01-01") == 0)
        #expect(IsoDate.days(from: "2024-02-28", to: "2024-03-01") == 2)
        #expect(IsoDate.days(from: "2025-02-28", to: "2025-03-01") == 1)
        #expect(IsoDate.today(now: 0) == "1970-01-01")
        #expect(IsoDate.today(now: 1_779_494_400) == "2026-05-23")
        #expect(IsoDate.dayNumber("2025-02-30") == nil)
    }
}

extension Decimal {
    var rounded2: Decimal { Money.rounded(self) }
}

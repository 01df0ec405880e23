import Foundation
import Testing

@testable import InfracostKit

/// The rules that combine a caller's settings live in the library (issue 17): `WorkloadSettings`, `TrafficSettings`,
/// `CatalogSources` and the reporting currency, with the settings named in the library's own spelling here.
struct WorkloadSettingsTests {
    @Test func aVolumeIsSplitByTheInputShareOrGivenBySide() throws {
        var settings = WorkloadSettings()
        settings.tokens = 2_000_000_000
        let plain = try settings.workload()
        #expect(plain.inputTokens == 1_500_000_000)
        #expect(plain.outputTokens == 500_000_000)
        #expect(plain.modelParamsB == 70)
        #expect(plain.modelSizeIsDefault)
        #expect(plain.hoursPerMonth == 730)
        #expect(plain.targetUtilization == Decimal(string: "0.8")!)
        settings.inputShare = Decimal(string: "0.6")!
        #expect(try settings.workload().inputTokens == 1_200_000_000)

        var sides = WorkloadSettings()
        sides.inputTokens = 1_000_000_000
        sides.outputTokens = 0
        sides.modelSize = 8
        let workload = try sides.workload()
        #expect(workload.totalTokens == 1_000_000_000)
        #expect(workload.modelParamsB == 8)
        #expect(!workload.modelSizeIsDefault)
    }

    @Test func settingsThatDoNotGoTogetherAreNamed() throws {
        func message(_ settings: WorkloadSettings) -> String? {
            do {
                _ = try settings.workload()
                return nil
            } catch {
                return error.errorDescription
            }
        }
        var settings = WorkloadSettings()
        #expect(message(settings) == "missing volume: give tokens (e.g. tokens 2B), or input-tokens and output-tokens")
        settings.inputTokens = 5
        #expect(message(settings) == "input-tokens and output-tokens go together")
        settings.tokens = 5
        #expect(message(settings) == "give tokens, or input-tokens and output-tokens, not both")
        settings.tokens = nil
        settings.outputTokens = 5
        settings.inputShare = Decimal(string: "0.5")!
        #expect(message(settings) == "input-share goes with tokens, not with input-tokens/output-tokens")
        settings.inputShare = nil
        settings.inputTokens = 0
        settings.outputTokens = 0
        #expect(message(settings) == "invalid value '0' for input-tokens: input and output tokens cannot both be zero")
        var moe = WorkloadSettings()
        moe.tokens = 1_000
        moe.activeParams = 80
        #expect(message(moe) == "active-params 80B is more than the model's 70B")
        // Without a volume, where none is required, the shape at the nominal 1M tokens.
        #expect((try? moe.workload(volumeRequired: false)) == nil)
        moe.activeParams = 17
        #expect(try moe.workload(volumeRequired: false).serving.activeParamsB == 17)
        #expect(try WorkloadSettings().workload(volumeRequired: false).totalTokens == 1_000_000)
    }

    @Test func latencyTargetsReplaceTheDefaultAsDocumented() throws {
        var settings = WorkloadSettings()
        #expect(try settings.serving().maxITLms == 50)
        settings.maxTTFTSeconds = 2
        // A time-to-first-token target alone replaces the default inter-token one.
        #expect(try settings.serving().maxITLms == nil)
        #expect(try settings.serving().maxTTFTms == 2000)
        settings.maxITLSeconds = Decimal(string: "0.03")!
        #expect(try settings.serving().maxITLms == 30)
        settings = WorkloadSettings()
        settings.maxThroughput = true
        #expect(try settings.serving().maxITLms == nil)
        #expect(try settings.serving().maxThroughput)
    }

    @Test func theRequestSizeIsSplitLikeTheMix() throws {
        var settings = WorkloadSettings()
        settings.inputTokens = 600
        settings.outputTokens = 400
        settings.tokensPerRequest = 10_000
        #expect(try settings.workload().tokenPricing.inputTokensPerRequest == 6_000)
    }
}

struct TrafficSettingsTests {
    func message(_ settings: TrafficSettings, closedLoop: Bool = false) -> String? {
        do {
            _ = try settings.source(allowsClosedLoop: closedLoop)
            return nil
        } catch {
            return error.errorDescription
        }
    }

    @Test func aPatternTakesItsDefaults() throws {
        var settings = TrafficSettings()
        settings.kind = try .init(parsing: "bursty")
        settings.requestsPerSecond = 2
        guard case .synthetic(let profile) = try settings.source() else {
            Issue.record("expected synthetic traffic")
            return
        }
        #expect(profile.pattern == .bursty)
        #expect(profile.days == 30)
        #expect(profile.burstEverySeconds == 3600)
        #expect(profile.burstSeconds == 10)
        #expect(profile.businessHours == 32400...64800)
        #expect(profile.inputTokensPerRequest == 1000 && profile.outputTokensPerRequest == 250)
    }

    @Test func aClosedLoopRunsADayUnlessTold() throws {
        var settings = TrafficSettings()
        settings.kind = try .init(parsing: "closed")
        settings.clients = 25
        #expect(message(settings) == "traffic closed is for simulate: a closed loop's volume depends on the endpoint's speed; give an open pattern (poisson, steady, business-hours, bursty) with rate")
        guard case .closedLoop(let loop) = try settings.source(allowsClosedLoop: true) else {
            Issue.record("expected a closed loop")
            return
        }
        #expect(loop.seconds == 86_400)
        #expect(loop.thinkSeconds == 0)
        settings.days = Decimal(string: "0.5")!
        guard case .closedLoop(let half) = try settings.source(allowsClosedLoop: true) else { return }
        #expect(half.seconds == 43_200)
    }

    @Test func settingsThatDoNotGoTogetherAreNamed() throws {
        var settings = TrafficSettings()
        #expect(!settings.isGiven)
        #expect(message(settings) == "missing traffic: give traffic poisson rate 10/s (or steady, business-hours, bursty), or trace FILE")
        settings.kind = .open(.poisson)
        #expect(message(settings) == "traffic poisson needs rate (e.g. rate 10/s)")
        settings.clients = 3
        #expect(message(settings) == "clients and think-time describe a closed loop: add traffic closed")
        settings.clients = nil
        settings.tracePath = "/nonexistent.csv"
        #expect(message(settings) == "give trace or traffic/rate, not both")
        settings = TrafficSettings()
        settings.kind = .closed
        #expect(message(settings, closedLoop: true) == "traffic closed needs clients (e.g. clients 25)")
        settings.requestsPerSecond = 1
        #expect(message(settings, closedLoop: true) == "traffic closed takes clients, not rate: each client waits for its last response")
        #expect(throws: InfracostError.invalidQuantity(label: "traffic", value: "spiky", reason: "use one of: steady, poisson, business-hours, bursty")) {
            try TrafficSettings.Kind(parsing: "spiky")
        }
    }
}

struct CatalogSourcesTests {
    @Test func anOfferInTwoOfTheCallersFilesIsWarnedAboutAndTheLaterWins() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infracost-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, output: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            let text = """
                {"schema_version": 1, "offers": [{"id": "acme/model", "tier": "api", "input_per_mtok": "1", "output_per_mtok": "\(output)",
                 "verified_on": "2026-11-01", "source": "test"}]}
                """
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        var sources = CatalogSources(day: "2026-12-01")
        sources.bundled = false
        sources.pricingFiles = [try file("a.json", output: "2"), try file("b.json", output: "3")]
        let (catalog, warnings) = try sources.load()
        #expect(catalog.offers.count == 1)
        #expect(try #require(catalog.offer(id: "acme/model")).pricing.tokens?.outputPerMTok == 3)
        #expect(warnings.map(\.topic) == [.offerInTwoFiles])
        #expect(warnings.first?.text == "offer acme/model is in both \(sources.pricingFiles[0]) and \(sources.pricingFiles[1]); the one in \(sources.pricingFiles[1]) is used")
    }

    @Test func amountsAreReportedInAKnownCurrencyOnly() throws {
        let catalog = try CatalogLoader.bundled(tables: ["exchange-rates.json"])
        #expect(try catalog.reportingRate(currency: "usd") == nil)
        #expect(try catalog.reportingRate(currency: "eur")?.usdPerUnit == Decimal(string: "1.0411")!)
        #expect(throws: InfracostError.invalidQuantity(label: "currency", value: "XYZ", reason: "no exchange rate for it (known: USD, EUR)")) {
            try catalog.reportingRate(currency: "XYZ")
        }
    }
}

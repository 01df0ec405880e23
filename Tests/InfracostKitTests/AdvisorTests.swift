import Foundation
import Testing

@testable import InfracostKit

/// `advise`: each endpoint type, each runtime and target winning, the published CT-scan example, a close call and
/// conflicts. Runtime totals are worked out by hand from the score table in AdviceRules.
struct AdvisorTests {
    static let catalog = Result { try Fixtures.frozenCatalog().asOf("2026-11-23") }

    func advise(tokens: String, model: String = "70B", _ settings: [String: String] = [:], weights: [String] = []) throws -> Advice {
        var workload = try Fixtures.workload(tokens: tokens)
        workload.modelParamsB = try ModelSize.parse(model)
        var input = AdviceInput(workload: workload)
        for (name, text) in settings.sorted(by: { $0.key < $1.key }) { try input.set(name, to: text, label: name) }
        for weight in weights { try input.setWeight(weight) }
        return try Advisor.advise(input, catalog: try Self.catalog.get())
    }

    func totals(_ advice: Advice) -> [Runtime: Decimal] { advice.runtime.totals }

    // MARK: Endpoint type

    /// The published example: 500 MB CT scans with results within 15 minutes go to an asynchronous endpoint.
    @Test func ctScansGoAsynchronous() throws {
        let advice = try advise(tokens: "50M", ["payload": "500MB", "deadline": "15m"])
        #expect(advice.endpoint.chosen == .asynchronous)
        #expect(advice.endpoint.excluded[.realTime] == ["payload 500 MB > 6 MB real-time limit"])
        #expect(advice.endpoint.excluded[.serverless] == ["payload 500 MB > 4 MB serverless limit"])
        #expect(advice.endpoint.excluded[.batch] == ["deadline 15 min < the hours a batch job takes"])
        #expect(advice.endpoint.points[.asynchronous] == 3)
        #expect(advice.conflicts.isEmpty)
    }

    /// The cost section's break-even is `breakeven`'s: among the ways to serve the model, not API offers (other
    /// models). It said "from 12.6B tokens/month crusoe/mi300x becomes cheaper than anthropic/claude-haiku-5.5" at 50M
    /// while naming deepinfra/llama-3.3-70b the cheapest, and `breakeven` put the change at 6.13B.
    @Test func theCostBreakEvenIsTheBreakevenCommands() throws {
        let advice = try advise(tokens: "50M")
        let workload = try Fixtures.workload(tokens: "50M")
        let solved = try BreakEven.solve(ComparisonRequest(workload: workload, tiers: Tier.serving), catalog: try Self.catalog.get())
        let above = try #require(advice.cost.crossoverAbove)
        #expect(above == solved.crossovers.first { $0.volume >= workload.totalTokens })
        #expect(advice.cost.cheapest?.id == above.fromID)
        let tiers = try Self.catalog.get().offers.filter { [above.fromID, above.toID].contains($0.id) }.map(\.tier)
        #expect(!tiers.contains(.api))
    }

    /// A serverless-gpu option priced without cold starts is capacity up all month, billed per second: the advice
    /// calls it always-on (managed active for steady traffic), not pay-per-use. With cold starts it scales to zero.
    @Test func serverlessGPUUpAllMonthIsAlwaysOnCapacity() throws {
        var input = AdviceInput(workload: try Fixtures.workload(tokens: "20B"))
        input.tiers = [.serverlessGPU]
        let steady = try Advisor.advise(input, catalog: try Self.catalog.get())
        #expect(steady.cost.cheapest?.tier == .serverlessGPU)
        #expect(steady.target.chosen == .managedActive)
        #expect(steady.target.reason.contains("serverless-gpu replicas up all month, billed per second"))
        #expect(steady.runtime.reasons[.cost]?.hasSuffix("always-on capacity is well used") == true)
        input.workload.coldStartsPerDay = 24
        let bursty = try Advisor.advise(input, catalog: try Self.catalog.get())
        #expect(bursty.cost.cheapest?.tier == .serverlessGPU)
        #expect(bursty.target.chosen == .managedFlex)
        #expect(bursty.runtime.reasons[.cost]?.hasSuffix("pay per use beats always-on capacity") == true)
    }

    /// A migration step is read from this volume up: on the frozen catalog fireworks/llama-3.1-70b and crusoe/h200
    /// take turns (fireworks to 7.83B, crusoe/h200 to 10.8B, fireworks to 15.7B, crusoe/h200 from there to 21.7B...).
    /// At 12B the step is cheaper from 15,658,500,001 tokens, not from the 7.83B crossover below this volume; at 9B
    /// crusoe/h200 is cheaper here already, but not at every volume. (At 20B the old rule printed "cheaper at every
    /// volume" and "would cost $15,264.59/month more" in one line.)
    @Test func aMigrationStepIsReadFromThisVolumeUp() throws {
        let at12 = try #require(try advise(tokens: "12B").migration.first { $0.toTier == .dedicated })
        #expect(at12.fromID == "fireworks/llama-3.1-70b" && at12.toID == "crusoe/h200")
        #expect(at12.threshold == 15_658_500_001)
        #expect(at12.savingNow < 0)
        let advice9 = try advise(tokens: "9B")
        let at9 = try #require(advice9.migration.first { $0.toTier == .dedicated })
        #expect(at9.toID == "crusoe/h200" && at9.threshold == 0 && !at9.cheaperEverywhere)
        #expect(at9.savingNow > 0)
        let text = AdviceRenderer.render(advice9, format: .table).replacingOccurrences(of: #"\n +"#, with: " ", options: .regularExpression)
        #expect(text.contains("fireworks/llama-3.1-70b -> crusoe/h200: cheaper at this volume; at 9B it saves"))
        #expect(!text.contains("cheaper at every volume"))
    }

    @Test func steadyTightLatencyGoesRealTime() throws {
        let advice = try advise(tokens: "2B", ["traffic_shape": "steady", "p95_latency": "500ms"])
        #expect(advice.endpoint.chosen == .realTime)
        #expect(advice.endpoint.points[.realTime] == 4)
        #expect(advice.endpoint.fired.contains { $0.reason == "p95 target 500 ms < 1 s needs warm instances" })
    }

    @Test func sporadicTrafficGoesServerless() throws {
        let advice = try advise(tokens: "10M", ["traffic_shape": "sporadic"])
        #expect(advice.endpoint.chosen == .serverless)
        #expect(advice.endpoint.excluded[.batch] != nil)
    }

    @Test func offlineDatasetsGoBatch() throws {
        let advice = try advise(tokens: "5B", ["traffic_shape": "batch", "deadline": "24h"])
        #expect(advice.endpoint.chosen == .batch)
        #expect(advice.endpoint.points[.batch] == 3)
        #expect(advice.endpoint.points[.asynchronous] == 2)
    }

    @Test func manySmallModelsAndPipelinesAddArrangements() throws {
        let advice = try advise(tokens: "1B", model: "8B", ["models": "5", "pipeline_stages": "3"])
        #expect(advice.endpoint.arrangements.map(\.id) == ["multi-model", "serial-pipeline"])
        #expect(advice.endpoint.arrangements[0].reason == "5 models of 8B share traffic: host them on one multi-model endpoint")
    }

    // MARK: Runtime

    /// 8B, sporadic, nobody on call, high lock-in tolerance, no p95: F 35, C 25, S 31, H 29.
    @Test func functionsWin() throws {
        let advice = try advise(tokens: "10M", model: "8B", ["traffic_shape": "sporadic", "on_call_engineers": "0", "lock_in": "high"])
        #expect(totals(advice) == [.functions: 35, .containers: 25, .serverlessContainers: 31, .hybrid: 29])
        #expect(advice.runtime.ranking.first == .functions)
        #expect(!advice.runtime.isCloseCall)
    }

    /// 70B at 100B tokens (dedicated cheapest), steady, p95 500 ms, 3 on call, air-gapped, low lock-in: F 15, C 35, S 23, H 28.
    @Test func containersWin() throws {
        let advice = try advise(tokens: "100B", [
            "traffic_shape": "steady", "p95_latency": "500ms", "on_call_engineers": "3", "compliance": "air-gapped", "lock_in": "low",
        ])
        #expect(totals(advice) == [.functions: 15, .containers: 35, .serverlessContainers: 23, .hybrid: 28])
        #expect(advice.runtime.ranking.first == .containers)
    }

    /// 70B at 2B (serverless cheapest), bursty, p95 5 s, 1 on call: F 26, C 27, S 32, H 30 (6% ahead: not a close call).
    @Test func serverlessContainersWin() throws {
        let advice = try advise(tokens: "2B", ["traffic_shape": "bursty", "p95_latency": "5s"])
        #expect(totals(advice) == [.functions: 26, .containers: 27, .serverlessContainers: 32, .hybrid: 30])
        #expect(advice.runtime.ranking.first == .serverlessContainers)
        #expect(!advice.runtime.isCloseCall)
    }

    /// 8B at 20B (dedicated cheapest), bursty, p95 500 ms, 3 pipeline stages, 3 on call, SOC 2: F 22, C 31, S 29, H 33.
    @Test func hybridWins() throws {
        let advice = try advise(tokens: "20B", model: "8B", [
            "traffic_shape": "bursty", "p95_latency": "500ms", "pipeline_stages": "3", "on_call_engineers": "3", "compliance": "soc2",
        ])
        #expect(totals(advice) == [.functions: 22, .containers: 31, .serverlessContainers: 29, .hybrid: 33])
        #expect(advice.runtime.ranking.first == .hybrid)
    }

    /// Weights change the outcome: lock-in x10 moves the serverless-containers case to containers (C 72 vs S 68).
    @Test func weightsChangeTheWinner() throws {
        let advice = try advise(tokens: "2B", ["traffic_shape": "bursty", "p95_latency": "5s"], weights: ["lock-in=10"])
        #expect(totals(advice)[.containers] == 72)
        #expect(totals(advice)[.serverlessContainers] == 68)
        #expect(advice.runtime.ranking.first == .containers)
        var input = AdviceInput(workload: try Fixtures.workload(tokens: "1B"))
        #expect(throws: InfracostError.self) { try input.setWeight("latncy=3") }
        #expect(throws: InfracostError.self) { try input.setWeight("latency=-1") }
    }

    /// The CT-scan case is a close call (S 31 vs C 30): the two-week pilot with its four phases is recommended.
    @Test func closeCallRecommendsAPilot() throws {
        let advice = try advise(tokens: "50M", ["payload": "500MB", "deadline": "15m"])
        #expect(totals(advice)[.serverlessContainers] == 31)
        #expect(totals(advice)[.containers] == 30)
        #expect(advice.runtime.isCloseCall)
        // The report wraps its prose at 80 columns: read each line break and the indent after it as one space.
        let text = AdviceRenderer.render(advice, format: .table).replacingOccurrences(of: #"\n +"#, with: " ", options: .regularExpression)
        #expect(text.contains("close call: serverless containers (min instances) 31 vs containers 30 (within 5%)"))
        for phase in Advice.pilotPhases { #expect(text.contains(phase)) }
        #expect(text.contains("record: p95 latency, throttles, cost per successful request"))
    }

    // MARK: Deployment target

    @Test func eachDeploymentTarget() throws {
        #expect(try advise(tokens: "10M", model: "8B", ["traffic_shape": "sporadic"]).target.chosen == .managedFlex)
        let active = try advise(tokens: "2B", ["traffic_shape": "steady", "p95_latency": "1s"]).target
        #expect(active.chosen == .managedActive)
        #expect(active.reason == "steady traffic with a p95 target of 1 s < 2 s: always warm")
        let own = try advise(tokens: "2B", ["traffic_shape": "bursty", "compliance": "hipaa"]).target
        #expect(own.chosen == .selfHostedServerless)
        #expect(own.reason == "hipaa: keep data, region and compliance within your own account")
        #expect(try advise(tokens: "2B", ["compliance": "air-gapped", "on_call_engineers": "2"]).target.chosen == .customGPU)
        #expect(try advise(tokens: "2B", ["gpu_contract": "lambda"]).target.reason == "existing GPU contract with lambda: run on it")
        #expect(try advise(tokens: "100B", ["on_call_engineers": "2"]).target.chosen == .customGPU)
    }

    // MARK: Cost and migration

    /// 2B tokens of a 70B model: fireworks serverless at 0.40 per 1M ($800) until crusoe/h200 ($3,131.70 a month)
    /// becomes cheaper from 3,131.70 / 0.40 x 1M = 7,829,250,000 tokens.
    @Test func migrationPathHasThresholdsAndSavings() throws {
        let advice = try advise(tokens: "2B")
        let step = try #require(advice.migration.last)
        #expect(step.fromID == "fireworks/llama-3.1-70b")
        #expect(step.toID == "crusoe/h200")
        #expect(step.threshold == 7_829_250_001)
        #expect(step.savingNow == 800 - Decimal(string: "3131.70")!)
        // The cost verdict is the cheapest way to serve the 70B model, as in compare: not the smaller API model
        // (vertex/gemini-2.0-flash at $350), which the advice no longer calls the cheapest.
        #expect(advice.cost.cheapest?.id == "fireworks/llama-3.1-70b")
        #expect(advice.cost.cheapest?.monthly == 800)
        #expect(advice.cost.runnerUp?.tier == .dedicated)
    }

    // MARK: Conflicts

    @Test func contradictoryInputsAreExplained() throws {
        let zero = try advise(tokens: "1B", ["p95_latency": "50ms", "scale_to_zero": "true"])
        #expect(zero.conflicts.map(\.id) == ["scale-to-zero-latency"])
        #expect(zero.conflicts[0].reason.hasPrefix("a p95 of 50 ms cannot be met with scale-to-zero and no keep-warm"))
        let warm = try advise(tokens: "1B", ["p95_latency": "50ms", "scale_to_zero": "true", "keep_warm": "1"])
        #expect(warm.conflicts.isEmpty)
        let huge = try advise(tokens: "1B", ["payload": "2GB", "deadline": "1s"])
        #expect(huge.endpoint.chosen == nil)
        #expect(huge.conflicts.map(\.id) == ["payload-deadline"])
        #expect(huge.endpoint.excluded[.asynchronous]?.contains("payload 2 GB > 1 GB asynchronous limit") == true)
        let text = AdviceRenderer.render(huge, format: .table)
        #expect(text.contains("Conflicts: these inputs cannot all be met"))
        #expect(text.contains("2. Endpoint type: none fits (see conflicts)"))
    }

    @Test func badSettingsNameTheirFlag() throws {
        var input = AdviceInput(workload: try Fixtures.workload(tokens: "1B"))
        #expect(throws: InfracostError.invalidQuantity(label: "--traffic-shape", value: "burst", reason: "must be one of steady, bursty, sporadic, batch (did you mean 'bursty'?)")) {
            try input.set("traffic_shape", to: "burst", label: "--traffic-shape")
        }
        #expect(throws: InfracostError.self) { try input.set("payload", to: "-5MB", label: "--payload") }
        #expect(throws: InfracostError.self) { try input.set("compliance", to: "hipa", label: "--compliance") }
        #expect(throws: InfracostError.self) { try input.set("pipeline_stages", to: "1.5", label: "--pipeline-stages") }
        #expect(try ByteSize.parse("6 MB", label: "--payload") == 6_000_000)
    }
}

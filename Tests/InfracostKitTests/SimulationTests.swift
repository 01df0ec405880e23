import Foundation
import Testing

@testable import InfracostKit

struct SimulationTests {
    /// One replica, Poisson arrivals at rate lambda, negligible service and boot, idle timeout T:
    /// a request finds the endpoint cold when the gap since the last one exceeds T, with probability exp(-lambda T).
    @Test(arguments: [(0.2, 5.0), (0.2, 10.0), (0.1, 3.0), (0.05, 30.0), (0.5, 0.5)])
    func coldShareMatchesExponentialGapTheory(lambda: Double, timeout: Double) {
        let profile = TrafficProfile(pattern: .poisson, requestsPerSecond: lambda, seed: 7, days: 30)
        let configuration = EndpointConfiguration(
            serviceTime: .measured(seconds: 1e-6), coldStartSeconds: 1e-6, idleTimeoutSeconds: timeout, maxReplicas: 1)
        var stream = RequestStream(profile: profile)
        let run = EndpointSimulator.run(configuration, duration: profile.days * 86400) { stream.next() }
        let share = Double(run.coldStarts) / Double(run.requests)
        #expect(abs(share - exp(-lambda * timeout)) < 0.005, "lambda \(lambda), T \(timeout): \(share) vs \(exp(-lambda * timeout))")
    }

    /// SimFaaS's published example: one request per replica, exponential service, 0.9 requests/s, warm service
    /// 1.991 s, cold 2.244 s (a 0.253 s boot), expiration 600 s: cold-start share about 0.0014 and about 7.66 replicas.
    @Test func agreesWithSimFaaSPublishedExample() {
        let profile = TrafficProfile(pattern: .poisson, requestsPerSecond: 0.9, seed: 11, days: 30)
        let configuration = EndpointConfiguration(
            concurrency: 1, serviceTime: .measured(seconds: 1.991), distribution: .exponential, coldStartSeconds: 0.253,
            idleTimeoutSeconds: 600)
        var stream = RequestStream(profile: profile)
        let run = EndpointSimulator.run(configuration, duration: profile.days * 86400) { stream.next() }
        let share = Double(run.coldStarts) / Double(run.requests)
        let replicas = run.replicaSeconds / run.duration
        print("SimFaaS check: cold share \(share), average replicas \(replicas)")
        #expect(share > 0.0005 && share < 0.003, "cold share \(share)")
        #expect(abs(replicas - 7.66) < 0.5, "average replicas \(replicas)")
    }

    @Test func replicaSecondsAreTheSumOfTheirStates() {
        let profile = TrafficProfile(pattern: .bursty, requestsPerSecond: 0.2, burstSize: 40, burstEverySeconds: 7200, seed: 3, days: 7)
        let configuration = EndpointConfiguration(
            concurrency: 4, serviceTime: .measured(seconds: 3), distribution: .exponential, coldStartSeconds: 20,
            idleTimeoutSeconds: 120, maxReplicas: 6, keepWarm: 1, keepWarmWindow: 32400...64800)
        var stream = RequestStream(profile: profile)
        let run = EndpointSimulator.run(configuration, duration: profile.days * 86400) { stream.next() }
        let states = run.loadingSeconds + run.servingSeconds + run.idleSeconds + run.keepWarmSeconds
        #expect(abs(states - run.replicaSeconds) < 1e-3 * run.replicaSeconds, "\(states) vs \(run.replicaSeconds)")
        #expect(run.coldStarts <= run.requests)
        #expect(run.peakReplicas <= 6)
        #expect(run.latency.total == run.requests)
    }

    @Test func theSameSeedGivesTheSameRun() {
        func once() -> EndpointRun {
            let profile = TrafficProfile(pattern: .poisson, requestsPerSecond: 2, seed: 42, days: 1)
            var stream = RequestStream(profile: profile)
            return EndpointSimulator.run(
                EndpointConfiguration(serviceTime: .measured(seconds: 0.5), distribution: .exponential, coldStartSeconds: 5, idleTimeoutSeconds: 30),
                duration: 86400) { stream.next() }
        }
        #expect(once() == once())
    }

    @Test func plansThatDifferOnlyInAnAssumptionAreNotEqual() throws {
        var choices = SimulationPlan.Choices()
        choices.offerID = "replicate/a100-80gb"
        choices.serviceTimeSeconds = 1
        let traffic = TrafficSource.synthetic(TrafficProfile(pattern: .steady, requestsPerSecond: 1, days: 1))
        let plan = try SimulationPlan.make(choices: choices, shape: try Fixtures.workload(tokens: "1M"), traffic: traffic, catalog: try Fixtures.frozenCatalog())
        #expect(plan.assumptions.contains(Assumption("month", "730 h", settings: [.hoursPerMonth])))
        var reworded = plan
        reworded.assumptions[0].value += " (reworded)"
        #expect(plan == plan)
        #expect(reworded != plan)
    }

    @Test func publishedColdStartCost() throws {
        // 70B, 60 s cold start at 0.0014/s = 0.084 each; 100 a day for a 30-day (720 h) month = 252.00.
        var shape = try Fixtures.workload(tokens: "1M")
        shape.hoursPerMonth = 720
        var choices = SimulationPlan.Choices()
        choices.offerID = "replicate/a100-80gb"
        choices.serviceTimeSeconds = 1
        choices.idleTimeoutSeconds = 300
        let traffic = TrafficSource.synthetic(TrafficProfile(pattern: .steady, requestsPerSecond: 100.0 / 86400, days: 30))
        let plan = try SimulationPlan.make(choices: choices, shape: shape, traffic: traffic, catalog: try Fixtures.frozenCatalog())
        #expect(plan.configuration.coldStartSeconds == 60)
        let result = Simulation.run(plan)
        #expect(result.run.coldStarts == 3000)
        #expect(abs(result.coldStartsPerDay - 100) < 1e-9)
        let loading = try #require(result.lineItems.first { $0.label == "cold-start loading" })
        #expect(loading.quantity == 180_000)
        #expect(loading.amount == Decimal(string: "252.00")!)
        #expect(result.projection == 1)
        #expect(result.lineItems.reduce(0) { $0 + $1.amount } == result.total)
    }

    @Test func businessHoursTrafficArrivesOnlyInBusinessHours() {
        var stream = RequestStream(profile: TrafficProfile(pattern: .businessHours, requestsPerSecond: 0.1, seed: 5, days: 14))
        var count = 0
        while let request = stream.next() {
            let day = Int(request.arrival / 86400)
            let second = request.arrival - Double(day) * 86400
            #expect(day % 7 < 5 && second >= 32400 && second <= 64800)
            count += 1
        }
        // 0.1/s x 9 h x 10 weekdays = 32,400 expected.
        #expect(abs(Double(count) - 32_400) < 600)
    }
}

struct TraceReaderTests {
    static let conversationTrace = PackagePaths.root.deletingLastPathComponent()
        .appendingPathComponent("shared/data/azure-llm-inference-2023/conv.csv").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: conversationTrace), "../shared/data/azure-llm-inference-2023 is not beside the package"))
    func readsTheAzureConversationTrace() throws {
        let path = Self.conversationTrace
        let trace = try TraceReader.read(contentsOf: path)
        #expect(trace.format == "azure")
        #expect(trace.requests.count == 19_366)
        #expect(trace.requests[0].inputTokens == 374)
        #expect(trace.requests[0].outputTokens == 44)
        // 2023-11-16 18:15:46.68059 UTC.
        #expect(abs(trace.startEpoch - 1_700_158_546.68059) < 1e-4)
        #expect(trace.span > 3500 && trace.span < 3600)
    }

    @Test func parsesTimestampsInEveryAcceptedForm() {
        func parse(_ text: String) -> Double? { TraceReader.parseTimestamp(ArraySlice(Array(text.utf8))) }
        // Elapsed seconds: the POSIX time 1,700,158,546 plus the 27 leap seconds inserted before 2023.
        #expect(parse("2023-11-16 18:15:46.6805900") == 1_700_158_573.68059)
        #expect(parse("2023-11-16T18:15:46Z") == 1_700_158_573)
        #expect(parse("2023-11-16T20:15:46+02:00") == 1_700_158_573)
        #expect(parse("2023-11-16T13:15:46-0500") == 1_700_158_573)
        #expect(parse("1700158546.5") == 1_700_158_573.5)
        #expect(parse("1970-01-01T00:00:00Z") == 0)
        #expect(parse("2023-02-30T00:00:00Z") == nil)
        #expect(parse("yesterday") == nil)
        #expect(parse("2023-11-16T18:15:46+25:00") == nil)
    }

    @Test func countsALeapSecondAsItsOwnSecond() throws {
        func parse(_ text: String) -> Double? { TraceReader.parseTimestamp(ArraySlice(Array(text.utf8))) }
        // 2016-12-31 ended with 23:59:60 UTC (the 27th leap second): 23:59:59, :60 and 00:00:00 are a second apart.
        let before = try #require(parse("2016-12-31T23:59:59Z"))
        #expect(parse("2016-12-31T23:59:60Z") == before + 1)
        #expect(parse("2016-12-31T23:59:60.5Z") == before + 1.5)
        #expect(parse("2017-01-01T00:00:00Z") == before + 2)
        #expect(parse("2017-01-01T00:59:60+01:00") == before + 1)
        // No leap second at the end of 2017 or in mid-month.
        #expect(parse("2017-12-31T23:59:60Z") == nil)
        #expect(parse("2016-12-30T23:59:60Z") == nil)
        let text = "timestamp,input_tokens,output_tokens\n2016-12-31T23:59:59Z,1,1\n2016-12-31T23:59:60Z,1,1\n2017-01-01T00:00:00Z,1,1\n"
        let trace = try TraceReader.parse(Array(text.utf8), file: "t.csv")
        #expect(trace.requests.map(\.arrival) == [0, 1, 2])
        // The start is the clock reading, for time-of-day prices.
        #expect(trace.startEpoch == Double(TraceReader.daysFromCivil(year: 2016, month: 12, day: 31) * 86400 + 86399))
    }

    @Test func keepsBothRequestsOfATraceSpanningAThousandYears() throws {
        let text = "timestamp,input_tokens,output_tokens\n1970-01-01T00:00:00Z,100,10\n2999-12-31T23:59:59Z,100,10\n"
        let trace = try TraceReader.parse(Array(text.utf8), file: "t.csv")
        #expect(trace.requests.count == 2)
        // Simulated on the endpoint, the last request at the very end of the span is still served.
        var choices = SimulationPlan.Choices()
        choices.offerID = "replicate/a100-80gb"
        choices.serviceTimeSeconds = 1
        let plan = try SimulationPlan.make(
            choices: choices, shape: try Fixtures.workload(tokens: "1M"), traffic: .trace(trace), catalog: try Fixtures.frozenCatalog())
        #expect(Simulation.run(plan).run.requests == 2)
    }

    @Test func sortsUnsortedRowsAndSaysSo() throws {
        let text = "timestamp,input_tokens,output_tokens\n1000,10,5\n990,20,6\n1005,30,7\n"
        let trace = try TraceReader.parse(Array(text.utf8), file: "t.csv")
        #expect(trace.wasUnsorted)
        #expect(trace.requests.map(\.inputTokens) == [20, 10, 30])
        #expect(trace.requests.map(\.arrival) == [0, 10, 15])
    }

    @Test func reportsBadRowsWithTheirLineNumbers() {
        let text = "timestamp,input_tokens,output_tokens\n1000,10,5\n1001,-3,5\n1002,10\nnot-a-time,1,1\n1003,4,4\n"
        #expect(throws: InfracostError.invalidData(problems: [
            DataProblem(file: "t.csv", line: 3, field: "input_tokens", message: "'-3' is not a token count (a whole number, 0 or more)"),
            DataProblem(file: "t.csv", line: 4, message: "expected 3 columns, found 2"),
            DataProblem(file: "t.csv", line: 5, field: "timestamp", message: "'not-a-time' is not a timestamp (ISO 8601, 'YYYY-MM-DD HH:MM:SS.fffffff' or epoch seconds; second 60 only at a leap second)"),
        ])) {
            try TraceReader.parse(Array(text.utf8), file: "t.csv")
        }
        let skipped = try? TraceReader.parse(Array(text.utf8), file: "t.csv", skipBadRows: true)
        #expect(skipped?.skippedRows == 3)
        #expect(skipped?.requests.count == 2)
    }

    @Test(arguments: ["", "timestamp,input_tokens,output_tokens\n", "a,b,c\n1,2,3\n", "timestamp,input_tokens,output_tokens\n5,1,1\n5,1,1\n"])
    func rejectsTracesWithoutRequests(text: String) {
        #expect(throws: InfracostError.self) { try TraceReader.parse(Array(text.utf8), file: "t.csv") }
    }
}

struct LatencyHistogramTests {
    @Test(arguments: [0.0123, 0.5, 1.0, 15.72, 300.0, 86_400.0])
    func quantilesAreWithinOnePercent(seconds: Double) {
        var histogram = LatencyHistogram()
        for _ in 0..<10 { histogram.record(seconds) }
        let estimate = histogram.quantile(0.95)
        #expect(estimate >= seconds && estimate <= seconds * 1.01, "\(estimate) for \(seconds)")
    }

    @Test func ordersQuantiles() {
        var histogram = LatencyHistogram()
        for value in 1...1000 { histogram.record(Double(value) / 100) }
        // p50 of 0.01..10.00 is 5.00, p99 is 9.90.
        #expect(abs(histogram.quantile(0.5) - 5.0) < 0.05)
        #expect(abs(histogram.quantile(0.99) - 9.9) < 0.1)
    }
}

struct LatencyRangeTests {
    @Test func aLatencyBeyondTheHistogramIsReportedNotCapped() {
        var histogram = LatencyHistogram()
        histogram.record(4_194_304 * 2)  // 97 days: within the range now (it was the old 1,165 h cap)
        #expect(histogram.quantile(0.5) >= 4_194_304 * 2)
        #expect(histogram.quantile(0.5).isFinite)
        var beyond = LatencyHistogram()
        beyond.record(pow(2, 31))
        #expect(!beyond.quantile(0.5).isFinite)
        #expect(SimulationRenderer.seconds(beyond.quantile(0.5)) == "over 34 years")
    }
}

/// `compare --p95-latency/--max-itl`: each simulated option's per-replica concurrency is the largest meeting the
/// targets at p95, and the binding one is named.
@Suite struct LatencyTargetTests {
    @Test func choosesTheLargestConcurrencyThatMeetsTheTargets() throws {
        let catalog = try CatalogLoader.bundled().asOf("2026-12-01")
        var choices = SimulationPlan.Choices()
        choices.offerID = "modal/h200"
        var shape = try Fixtures.workload(tokens: "1M")
        shape.serving.model = "llama-3.3-70b"
        let traffic = TrafficSource.synthetic(TrafficProfile(pattern: .poisson, requestsPerSecond: 2, days: 0.25))
        let plan = try SimulationPlan.make(choices: choices, shape: shape, traffic: traffic, catalog: catalog)
        let first = Simulation.run(plan)
        let targets = LatencyTargets(itlMs: 40)
        // The planned concurrency (the serving model's at 50 ms) misses 40 ms at p95 in the simulation.
        #expect(!targets.meets(first))
        let choice = targets.choose(plan, first: first)
        #expect(choice.meets)
        #expect(choice.concurrency < plan.configuration.concurrency)
        #expect(choice.binding == "p95 inter-token latency")
        #expect(first.run.interTokenLatency.quantile(0.95) * 1000 > 40)
        #expect(choice.result.run.interTokenLatency.quantile(0.95) * 1000 <= 40)
        // One more request per replica misses: the choice is the largest.
        var more = plan
        more.configuration.concurrency = choice.concurrency + 1
        #expect(!targets.meets(Simulation.run(more)))
    }
}

import Foundation
import InfracostKit
import Testing

struct WorkProgressTests {
    final class Box: @unchecked Sendable {
        let lock = NSLock()
        var values: [Double] = []
        func add(_ value: Double) {
            lock.lock()
            values.append(value)
            lock.unlock()
        }
    }

    @Test func reportsTheMeanOfItsPartsClamped() {
        let box = Box()
        let progress = WorkProgress(parts: 4) { box.add($0) }
        progress.update(part: 0, 1)
        progress.update(part: 1, 0.5)
        progress.update(part: 2, 7)  // clamped to 1
        progress.update(part: 3, -.infinity)  // not finite: 0
        progress.update(part: 9, 1)  // no such part: ignored
        #expect(box.values == [0.25, 0.375, 0.625, 0.625])
        #expect(progress.fraction == 0.625)
    }

    /// A simulation reports its simulated time as it goes, ending near 1.
    @Test func simulationReportsAsItRuns() throws {
        let box = Box()
        let progress = WorkProgress { box.add($0) }
        var stream = RequestStream(profile: TrafficProfile(pattern: .poisson, requestsPerSecond: 5, days: 1))
        let configuration = EndpointConfiguration(serviceTime: .measured(seconds: 1), coldStartSeconds: 10, idleTimeoutSeconds: 60)
        _ = EndpointSimulator.run(configuration, duration: 86_400, progress: { progress.update($0) }) { stream.next() }
        // 432,000 arrivals: reported every 65,536, six times, rising.
        #expect(box.values.count == 6)
        #expect(box.values == box.values.sorted())
        #expect((box.values.last ?? 0) > 0.85)
    }
}

import Foundation
import Testing

@testable import InfracostKit

/// Arrivals generated on a second thread are exactly the stream's, in order, across chunk boundaries.
@Suite struct RequestPipelineTests {
    static func profile(days: Double) -> TrafficProfile {
        TrafficProfile(pattern: .poisson, requestsPerSecond: 3, inputTokensPerRequest: 700, outputTokensPerRequest: 90, days: days)
    }

    @Test func yieldsTheStreamsRequestsInOrderAcrossChunks() {
        let profile = Self.profile(days: 0.01)
        var stream = RequestStream(profile: profile)
        var expected: [Request] = []
        while let request = stream.next() { expected.append(request) }
        // About 2,592 requests: chunks of 7 leave a partial last chunk; 1 and a chunk larger than the run are edges.
        #expect(expected.count > 2000 && expected.count % 7 != 0)
        for chunkSize in [1, 7, 4096] {
            let pipeline = RequestPipeline(stream: RequestStream(profile: profile), chunkSize: chunkSize)
            var got: [Request] = []
            while let request = pipeline.next() { got.append(request) }
            #expect(got == expected, "chunk size \(chunkSize)")
            #expect(pipeline.next() == nil)
        }
    }

    @Test func cancellingStopsTheProducerAndEndsTheRequests() {
        // A year at 3/s is 94M requests: the producer fills its few chunks and waits; cancelling ends it.
        let pipeline = RequestPipeline(stream: RequestStream(profile: Self.profile(days: 365)), chunkSize: 1000)
        var read = 0
        while read < 2500, pipeline.next() != nil { read += 1 }
        #expect(read == 2500)
        pipeline.cancel()
        var after = 0
        while pipeline.next() != nil { after += 1 }
        // What is left of the chunk in hand, and nothing from the producer.
        #expect(after == 500)
    }

    @Test func releasingThePipelineStopsItsProducer() {
        // The producer holds only the hand-over: a pipeline let go mid-stream is freed (and stops its thread).
        weak var released: RequestPipeline?
        do {
            let pipeline = RequestPipeline(stream: RequestStream(profile: Self.profile(days: 365)), chunkSize: 1000)
            released = pipeline
            #expect(pipeline.next() != nil)
        }
        #expect(released == nil)
    }

    @Test func anEmptyStreamEndsAtOnce() {
        let pipeline = RequestPipeline(stream: RequestStream(profile: Self.profile(days: 0)))
        #expect(pipeline.next() == nil)
    }
}

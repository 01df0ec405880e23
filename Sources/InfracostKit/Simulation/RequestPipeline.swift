import Foundation

/// Synthetic requests generated on a second thread while the simulator consumes them, in chunks: a month of Poisson
/// arrivals is 26 million logarithms and random draws, about a tenth of a long run, that need not wait for the
/// simulation. The requests and their order are exactly those of the `RequestStream` alone (one producer, one
/// consumer, chunks handed over in order); at most `depth` chunks wait, so memory stays flat.
///
/// The consumer calls `next()` on one thread. The producer thread ends when the stream does, when `cancel()` is
/// called, or when the pipeline is released (it holds only the hand-over, not the pipeline).
public final class RequestPipeline: @unchecked Sendable {
    /// Requests per chunk, and how many full chunks may wait for the consumer.
    public static let chunkSize = 16_384
    static let depth = 4
    /// Runs expected to have fewer requests than this generate them inline: a thread is not worth it.
    public static let minimumRequests = 1_000_000

    private let handOver = HandOver()
    // The consumer's side (one thread): the chunk being read and the position in it. Only `next()` touches them, on
    // one thread, never overlapping, so the per-request dynamic exclusivity check (a runtime call) is left out.
    @exclusivity(unchecked) private var current: [Request] = []
    @exclusivity(unchecked) private var position = 0

    /// Starts generating `stream`'s requests on a new thread, `chunkSize` (at least 1) at a time.
    public init(stream: RequestStream, chunkSize: Int = RequestPipeline.chunkSize) {
        precondition(chunkSize > 0, "a chunk holds at least one request")
        let handOver = handOver
        let thread = Thread { handOver.produce(stream, chunkSize: chunkSize) }
        thread.name = "infracost request generator"
        thread.start()
    }

    deinit { handOver.cancel() }

    /// The next request in arrival order, nil after the stream's last.
    @inline(__always)
    public func next() -> Request? {
        if position == current.count {
            position = 0
            guard let chunk = handOver.take(returning: &current) else { return nil }
            current = chunk
        }
        defer { position &+= 1 }
        return current[position]
    }

    /// Stops the producer; the requests of chunks not yet taken are dropped (those of the chunk in hand are still
    /// read). Safe to call more than once.
    public func cancel() { handOver.cancel() }

    /// The chunks between the two threads, behind one condition.
    private final class HandOver: @unchecked Sendable {
        private let condition = NSCondition()
        private var ready: [[Request]] = []
        private var spare: [[Request]] = []
        private var finished = false
        private var cancelled = false

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }

        /// Keeps `used` (emptied) for reuse and waits for the next chunk; nil when the stream has ended or the
        /// pipeline was cancelled.
        func take(returning used: inout [Request]) -> [Request]? {
            condition.lock()
            defer { condition.unlock() }
            if used.capacity > 0 {
                spare.append(used)
                used = []
            }
            while ready.isEmpty, !finished, !cancelled { condition.wait() }
            guard !cancelled, !ready.isEmpty else { return nil }
            condition.broadcast()
            return ready.removeFirst()
        }

        func produce(_ stream: RequestStream, chunkSize: Int) {
            var stream = stream
            while true {
                condition.lock()
                while ready.count >= RequestPipeline.depth, !cancelled { condition.wait() }
                if cancelled {
                    condition.unlock()
                    return
                }
                var chunk = spare.popLast() ?? []
                condition.unlock()
                chunk.removeAll(keepingCapacity: true)
                chunk.reserveCapacity(chunkSize)
                var ended = false
                while chunk.count < chunkSize {
                    guard let request = stream.next() else {
                        ended = true
                        break
                    }
                    chunk.append(request)
                }
                condition.lock()
                if !chunk.isEmpty { ready.append(chunk) }
                if ended { finished = true }
                condition.broadcast()
                condition.unlock()
                if ended { return }
            }
        }
    }
}

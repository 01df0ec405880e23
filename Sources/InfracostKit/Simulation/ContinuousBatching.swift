import Foundation

/// How one replica serves under continuous batching, from the serving performance model: the time of a decode step
/// for each batch size, each request's prefill work, the KV cache's room and the step's token budget. Tabulated once
/// so the simulator never recomputes the model per event. A class: the simulator reads it on every event, and a
/// reference costs nothing to pass where a copy of the tables and the model would.
public final class BatchingProfile: Equatable, Sendable {
    public let model: ServingModel
    /// The most requests decoding or prefilling at once (the engine's max batch and the KV cache, whichever is less,
    /// for requests of the planned size).
    public let maxRunning: Int
    /// Tokens the KV cache holds; a request holds its input plus half its output on average.
    public let kvCapacityTokens: Double
    /// The step times by batch size, as the simulator reads them.
    let tables: StepTables

    /// The profile of `model` for requests of about `inputTokens` in and `outputTokens` out (they size the KV cache's
    /// room in requests; each simulated request then holds its own tokens).
    public init(model: ServingModel, inputTokens: Int, outputTokens: Int) {
        self.model = model
        let fit = model.memory(inputTokens: inputTokens, outputTokens: outputTokens)
        maxRunning = max(1, fit.maxConcurrency)
        kvCapacityTokens = fit.kvBytesPerToken > 0 ? fit.kvCacheGB * 1e9 / fit.kvBytesPerToken : .infinity
        let maxRunning = max(1, fit.maxConcurrency)
        var weights = [0.0], compute = [0.0], fixed = [0.0], chunk = [0.0]
        let budget = model.efficiencies.stepTokenBudget
        var perToken = 0.0
        for n in 1...maxRunning {
            let parts = model.stepParts(batch: Double(n))
            weights.append(parts.weights)
            compute.append(parts.compute)
            fixed.append(parts.fixed)
            perToken = parts.perContextToken
            chunk.append(model.prefillSeconds(tokens: max(1, budget - n)))
        }
        tables = StepTables(weights: weights, perContextToken: perToken, compute: compute, fixed: fixed, chunk: chunk,
                            maxRunning: maxRunning, kvCapacityTokens: kvCapacityTokens)
    }

    public static func == (lhs: BatchingProfile, rhs: BatchingProfile) -> Bool {
        lhs === rhs || (lhs.model == rhs.model && lhs.maxRunning == rhs.maxRunning && lhs.kvCapacityTokens == rhs.kvCapacityTokens)
    }

    /// Seconds of compute to prefill a prompt of `tokens`.
    func prefillSeconds(tokens: Int32) -> Double { model.prefillSeconds(tokens: Int(tokens)) }

    /// KV tokens a request holds on average over its life.
    @inline(__always)
    static func heldTokens(input: Int32, output: Int32) -> Double { Double(input) + Double(output) / 2 }
}

/// Step times by batch size n (index 0 unused): seconds reading weights, computing, and not overlapping
/// (communication, overhead), and the seconds a step spends on prompt chunks when n requests decode and prompts wait
/// (the prefill of budget - n tokens).
struct StepTables: Sendable {
    var weights: [Double] = [0]
    var perContextToken = 0.0
    var compute: [Double] = [0]
    var fixed: [Double] = [0]
    var chunk: [Double] = [0]
    var maxRunning = 1
    var kvCapacityTokens = Double.infinity

    /// Seconds of one decode step with `running` requests holding `contextTokens` tokens of KV cache in all.
    @inline(__always)
    func stepSeconds(running: Int, contextTokens: Double) -> Double {
        max(weights[running] + perContextToken * contextTokens, compute[running]) + fixed[running]
    }
}

/// The requests on one replica under continuous batching, advanced as a fluid between events: while nothing
/// arrives or finishes, every decoding request gains tokens at one rate (one per step), and the prompt at the head of
/// the prefill line is worked off at the share of each step its chunk takes.
///
/// Requests wait on the replica (`waiting`) until the KV cache has room, then prefill one after another (their
/// chunks share steps with decoding: chunked prefill), then decode together. A step with prompts waiting takes the
/// decode step plus one chunk; without, the decode step alone; with nothing decoding, the prompt has the GPU.
///
/// A prompt that finishes prefilling and goes on to decode changes only its replica's rates, so it is not an event
/// of the simulation: the simulator looks ahead through such changes (up to 8 prompts, so a long line costs no more
/// per event) to the replica's next event (a last token, a one-token request's prefill, the end of a boot, the 8th
/// prompt's prefill) and takes them in, at their own times, when the replica is next touched
/// (`EndpointSimulator.State.settle`).
struct ContinuousBatch {
    /// Decode steps done since the replica started: a request that joined decoding at s finishes at s + its tokens.
    var steps = 0.0
    var updatedAt = 0.0
    /// Decoding requests by the step at which each finishes (the simulator's completion heap, keyed by step and
    /// holding the request's slot).
    var decoding = CompletionHeap()
    /// KV tokens of the decoding requests (input + half the output each), for the step's cache reads.
    var decodingTokens = 0.0
    /// KV tokens held by decoding and prefilling requests, against the cache's room.
    var heldTokens = 0.0
    var prefilling = SlotQueue()
    /// Seconds of prefill work left for the prompt at the head of `prefilling`.
    var prefillLeft = 0.0
    var waiting = SlotQueue()
    /// Steps per second and prefill seconds done per second, until the next event.
    var decodeRate = 0.0
    var prefillRate = 0.0
    /// Their reciprocals (seconds per step, seconds per second of prefill work), so finding the next event
    /// multiplies instead of dividing.
    var stepSeconds = 0.0
    var prefillSecondsPerWork = 0.0
    /// What the next event is, so it lands exactly: 1 a one-token request's prefill ends, 2 a request's last token,
    /// 3 the replica becomes ready, 4 the prefill of the last prompt the look ahead goes through ends.
    var nextKind: UInt8 = 0
    /// How many prompts of the prefill line finish (and go on to decode) before the next event: a prompt added
    /// behind them cannot move that event.
    var promptsBeforeEvent = 0

    var running: Int { decoding.entries.count + prefilling.count }
    var count: Int { decoding.entries.count + prefilling.count + waiting.count }

    mutating func reset() {
        steps = 0
        updatedAt = 0
        decoding.entries.removeAll(keepingCapacity: true)
        decodingTokens = 0
        heldTokens = 0
        prefilling.removeAll()
        prefillLeft = 0
        waiting.removeAll()
        decodeRate = 0
        prefillRate = 0
        stepSeconds = 0
        prefillSecondsPerWork = 0
        nextKind = 0
        promptsBeforeEvent = 0
    }

    /// Moves the fluid state on to `time` at the current rates.
    @inline(__always)
    mutating func advance(to time: Double) {
        let elapsed = time - updatedAt
        guard elapsed > 0 else { return }
        steps += elapsed * decodeRate
        prefillLeft -= elapsed * prefillRate
        updatedAt = time
    }

    /// Sets the rates for the current requests.
    @inline(__always)
    mutating func updateRates(_ tables: borrowing StepTables) {
        Self.setRates(decoding: decoding.entries.count, tokens: decodingTokens, prefilling: !prefilling.isEmpty, tables,
                      decodeRate: &decodeRate, prefillRate: &prefillRate, stepSeconds: &stepSeconds,
                      prefillSecondsPerWork: &prefillSecondsPerWork)
    }

    /// The rates for `n` decoding requests holding `tokens` of KV cache, with or without a prompt prefilling: one
    /// formula for the batch's own rates and for the simulator's look ahead (so both give the same bits). A rate of
    /// zero leaves its reciprocal as it was (it is not read then).
    @inline(__always)
    static func setRates(
        decoding n: Int, tokens: Double, prefilling: Bool, _ tables: borrowing StepTables, decodeRate: inout Double,
        prefillRate: inout Double, stepSeconds: inout Double, prefillSecondsPerWork: inout Double
    ) {
        if n == 0 {
            decodeRate = 0
            prefillRate = prefilling ? 1 : 0
            prefillSecondsPerWork = 1
            return
        }
        let step = tables.stepSeconds(running: min(n, tables.maxRunning), contextTokens: tokens)
        if !prefilling {
            stepSeconds = step
            decodeRate = 1 / step
            prefillRate = 0
        } else {
            let chunk = tables.chunk[min(n, tables.maxRunning)]
            stepSeconds = step + chunk
            decodeRate = 1 / stepSeconds
            prefillRate = chunk * decodeRate
            prefillSecondsPerWork = stepSeconds / chunk
        }
    }

    /// When the prompt at the head of the prefill line finishes at the current rates; infinity when none prefills.
    @inline(__always)
    var prefillEnd: Double { prefillRate > 0 ? updatedAt + max(0, prefillLeft) * prefillSecondsPerWork : .infinity }
}

/// A first-in first-out line of request slots in a ring buffer (capacity a power of two): appending and popping
/// never move the other slots, and a line that empties keeps its room for the next requests.
struct SlotQueue {
    private var storage: [Int32] = []
    private var head = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }
    var first: Int32? { count == 0 ? nil : storage[head] }

    /// The slot `offset` places from the front (0 is the first); `offset` must be less than `count`.
    subscript(offset offset: Int) -> Int32 { storage[(head &+ offset) & (storage.count &- 1)] }

    @inline(__always)
    mutating func append(_ slot: Int32) {
        if count == storage.count { grow() }
        storage[(head &+ count) & (storage.count &- 1)] = slot
        count &+= 1
    }

    mutating func popFirst() -> Int32? {
        guard count > 0 else { return nil }
        let slot = storage[head]
        head = (head &+ 1) & (storage.count &- 1)
        count &-= 1
        return slot
    }

    mutating func removeAll() {
        head = 0
        count = 0
    }

    /// Doubles the room, the slots kept in line order from the start.
    @inline(never)
    private mutating func grow() {
        var grown = [Int32](repeating: 0, count: max(8, storage.count * 2))
        for offset in 0..<count { grown[offset] = storage[(head + offset) & (storage.count - 1)] }
        storage = grown
        head = 0
    }
}

/// Each replica's next batching event, in a min-heap indexed by replica so an event can move when the replica's
/// requests change (O(log replicas)). Entries carry their time, so sifting reads one array.
struct ReplicaEventHeap {
    struct Entry {
        var time: Double
        var replica: Int32
    }

    var heap: [Entry] = []
    /// Position of each replica in `heap`, -1 when it has no event.
    var position: [Int32] = []

    var peekTime: Double { heap.isEmpty ? .infinity : heap[0].time }
    var peekReplica: Int { Int(heap[0].replica) }

    mutating func set(_ replica: Int, at time: Double) {
        while position.count <= replica { position.append(-1) }
        let at = Int(position[replica])
        if time == .infinity {
            if at >= 0 { remove(at: at) }
            return
        }
        if at < 0 {
            heap.append(Entry(time: time, replica: Int32(replica)))
            up(heap.count - 1)
        } else if time < heap[at].time {
            heap[at].time = time
            up(at)
        } else {
            heap[at].time = time
            down(at)
        }
    }

    mutating func remove(at index: Int) {
        position[Int(heap[index].replica)] = -1
        let last = heap.removeLast()
        guard index < heap.count else { return }
        heap[index] = last
        position[Int(last.replica)] = Int32(index)
        if index > 0, last.time < heap[(index - 1) >> 1].time { up(index) } else { down(index) }
    }

    mutating func up(_ index: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            position.withUnsafeMutableBufferPointer { position in
                var child = index
                let item = heap[child]
                while child > 0 {
                    let parent = (child - 1) >> 1
                    if heap[parent].time <= item.time { break }
                    heap[child] = heap[parent]
                    position[Int(heap[child].replica)] = Int32(child)
                    child = parent
                }
                heap[child] = item
                position[Int(item.replica)] = Int32(child)
            }
        }
    }

    mutating func down(_ index: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            position.withUnsafeMutableBufferPointer { position in
                var parent = index
                let item = heap[parent]
                let count = heap.count
                while true {
                    let left = 2 * parent + 1
                    if left >= count { break }
                    let right = left + 1
                    let smaller = right < count && heap[right].time < heap[left].time ? right : left
                    if item.time <= heap[smaller].time { break }
                    heap[parent] = heap[smaller]
                    position[Int(heap[parent].replica)] = Int32(parent)
                    parent = smaller
                }
                heap[parent] = item
                position[Int(item.replica)] = Int32(parent)
            }
        }
    }
}

import Foundation

/// How one serverless-gpu endpoint behaves: replicas, service times, cold starts, idle timeout, keep-warm.
public struct EndpointConfiguration: Equatable, Sendable {
    /// How long a request holds its slot on a replica.
    public enum ServiceTime: Equatable, Sendable {
        /// From token counts: input / prefill rate + output / decode rate (tokens per second per request).
        case tokens(prefillRate: Double, decodeRate: Double)
        /// A measured time per request, in seconds.
        case measured(seconds: Double)
        /// Continuous batching: the requests on a replica decode as one batch whose step time the serving model
        /// gives for its size, prompts prefill in chunks that share the steps, and requests wait for KV memory.
        case batching(BatchingProfile)
    }

    /// Whether service times are the given value exactly or exponentially distributed around it.
    public enum Distribution: String, CaseIterable, Sendable {
        case fixed, exponential
    }

    /// Requests one replica serves at once.
    public var concurrency: Int
    public var serviceTime: ServiceTime
    public var distribution: Distribution
    /// Seconds from starting a replica to its first request (billed as loading).
    public var coldStartSeconds: Double
    /// Seconds a replica with nothing in flight stays up before it is removed.
    public var idleTimeoutSeconds: Double
    /// The most replicas at once; requests queue when all are full.
    public var maxReplicas: Int
    /// Replicas kept up (never removed for idleness) while the keep-warm window is open.
    public var keepWarm: Int
    /// The keep-warm window, seconds after local midnight each day; nil means all day.
    public var keepWarmWindow: ClosedRange<Double>?
    /// Seconds after local Monday 00:00 at simulated time 0 (schedules are local).
    public var clockOrigin: Double
    /// Seed for exponential service times.
    public var seed: UInt64
    /// The longest queue kept: past it the endpoint is overloaded and further arrivals are turned away, so memory
    /// stays flat whatever the offered load.
    public var maximumQueue = 100_000

    /// An endpoint: `concurrency` requests per replica (at least 1), service times, cold start and idle timeout in
    /// seconds (non-negative), at most `maxReplicas` replicas, `keepWarm` kept up during `keepWarmWindow` (seconds
    /// after local midnight), the local time at simulated time 0, and the seed for random service times.
    public init(
        concurrency: Int = 1, serviceTime: ServiceTime, distribution: Distribution = .fixed, coldStartSeconds: Double,
        idleTimeoutSeconds: Double, maxReplicas: Int = 1000, keepWarm: Int = 0, keepWarmWindow: ClosedRange<Double>? = nil,
        clockOrigin: Double = 0, seed: UInt64 = 1
    ) {
        self.concurrency = concurrency
        self.serviceTime = serviceTime
        self.distribution = distribution
        self.coldStartSeconds = coldStartSeconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maxReplicas = maxReplicas
        self.keepWarm = keepWarm
        self.keepWarmWindow = keepWarmWindow
        self.clockOrigin = clockOrigin
        self.seed = seed
    }
}

/// What happened in a simulation, before prices: counts, times and replica-seconds by state.
public struct EndpointRun: Equatable, Sendable {
    public var requests = 0
    public var inputTokens = 0
    public var outputTokens = 0
    /// Replicas started because a request found no room (cold starts).
    public var coldStarts = 0
    /// Requests that waited for a replica to boot (started one, or joined one still booting).
    public var requestsWaitingForBoot = 0
    /// Replicas started to keep the minimum warm.
    public var keepWarmStarts = 0
    /// Requests that waited in the queue because every replica was full at --max-replicas.
    public var queuedRequests = 0
    /// Requests turned away because the queue was full: arrivals exceeded what the endpoint can serve.
    public var turnedAway = 0
    /// Requests still queued when arrivals stopped on an overloaded endpoint (not served: the run ends there).
    public var unservedAtEnd = 0
    /// The first simulated second at which the queue was full, when it ever was.
    public var overloadedAt: Double?
    /// Whether arrivals exceeded the endpoint's capacity (latency then grows with the length of the run).
    public var overloaded: Bool { overloadedAt != nil }
    /// Seconds from the start to the end of the last replica's life: the span replica-seconds are spread over.
    public var span = 0.0
    /// Replica-seconds by state.
    public var loadingSeconds = 0.0
    public var servingSeconds = 0.0
    public var idleSeconds = 0.0
    public var keepWarmSeconds = 0.0
    /// Sum of replica lifetimes, counted separately from the states as a check.
    public var replicaSeconds = 0.0
    public var peakReplicas = 0
    /// Simulated seconds (arrivals stop there; requests in flight then are finished).
    public var duration = 0.0
    /// End-to-end latency: arrival to last token.
    public var latency = LatencyHistogram()
    /// Time to first token and mean inter-token latency per request; empty when service times are fixed
    /// (`--service-time`), which say nothing about tokens.
    public var timeToFirstToken = LatencyHistogram()
    public var interTokenLatency = LatencyHistogram()
    /// Output tokens of the requests that completed (the served throughput counts these).
    public var completedOutputTokens = 0
}

/// A closed loop, as benchmark tools drive a server: each client sends its next request `thinkSeconds` after its
/// previous one completes; all start at time 0.
public struct ClosedLoopTraffic: Equatable, Sendable {
    public var clients: Int
    public var thinkSeconds: Double
    public var inputTokensPerRequest: Int
    public var outputTokensPerRequest: Int
    /// Simulated seconds: clients send no request after this.
    public var seconds: Double

    /// Days a closed loop runs when not given: one (a benchmark is minutes; a day gives steady percentiles).
    public static let defaultDays: Double = 1

    /// `clients` (at least 1) each sending a request of the given sizes `thinkSeconds` after the previous one
    /// completes, for `seconds` of simulated time.
    public init(clients: Int, thinkSeconds: Double = 0, inputTokensPerRequest: Int = 1000, outputTokensPerRequest: Int = 250, seconds: Double) {
        self.clients = clients
        self.thinkSeconds = thinkSeconds
        self.inputTokensPerRequest = inputTokensPerRequest
        self.outputTokensPerRequest = outputTokensPerRequest
        self.seconds = seconds
    }
}

/// A deterministic discrete-event simulation of one scale-to-zero endpoint.
///
/// Model: a request goes to the most recently used replica with a free slot (so surplus replicas go idle and
/// expire, as real platforms route); with none, a new replica boots (a cold start; the request waits for it) unless
/// `maxReplicas` are up, when the request queues first-in first-out. A replica with nothing in flight for the idle
/// timeout is removed, except the keep-warm minimum while its window is open. With fixed service times a request's
/// time does not depend on how many share its replica; with `.batching` it does (`ContinuousBatch`).
public enum EndpointSimulator {
    /// Runs `configuration` on the requests `next()` yields (in arrival order) until `duration` seconds.
    /// `progress`, when given, is told the simulated time reached as a fraction of `duration`, every 65,536 arrivals.
    public static func run(
        _ configuration: EndpointConfiguration, duration: Double, progress: ((Double) -> Void)? = nil, next: () -> Request?
    ) -> EndpointRun {
        var state = State(configuration: configuration)
        state.run(duration: duration, progress: progress, next: next)
        return state.result
    }

    /// Runs `configuration` driven by a closed loop of clients for `traffic.seconds`.
    public static func run(_ configuration: EndpointConfiguration, closedLoop traffic: ClosedLoopTraffic, progress: ((Double) -> Void)? = nil) -> EndpointRun {
        var state = State(configuration: configuration)
        var traffic = traffic
        // Requests of no tokens timed by token rates take no time: a loop of them without think time would never
        // move on, so such a client waits at least 1 ms.
        if traffic.inputTokensPerRequest == 0, traffic.outputTokensPerRequest == 0, case .tokens = configuration.serviceTime {
            traffic.thinkSeconds = max(traffic.thinkSeconds, 0.001)
        }
        state.closedLoop = traffic
        state.sends.items = Array(repeating: 0, count: traffic.clients)
        state.run(duration: traffic.seconds, progress: progress) { nil }
        return state.result
    }

    /// Send times of a closed loop's clients, in order (completions come in time order and the think time is one).
    struct SendQueue {
        var items: [Double] = []
        var head = 0
        var first: Double { head < items.count ? items[head] : .infinity }
        mutating func popFirst() {
            head += 1
            if head > 1024, head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
        }
    }

    /// A batched request on a replica: when it arrived, when its first token came, and its size.
    struct Slot {
        var arrival: Double
        var firstToken: Double
        var input: Int32
        var output: Int32
    }

    struct Replica {
        var bornAt: Double
        var readyAt: Double
        var inFlight: Int
        var busySince: Double
        var idleSince: Double
        var pinned: Bool
    }

    struct State {
        let c: EndpointConfiguration
        var result = EndpointRun()
        /// The replicas by index, read and written in place like `batches` (indices come from `start`). Owned by
        /// `replicaStore`.
        var replicas: UnsafeMutablePointer<Replica>
        let replicaStore = SimulationStore(empty: Replica(bornAt: 0, readyAt: 0, inFlight: 0, busySince: 0, idleSince: 0, pinned: false))
        /// Indices of live replicas, least recently used first.
        var order: [Int] = []
        var free: [Int] = []
        var completions = CompletionHeap()
        var queue: [(arrival: Double, service: Double, input: Int, output: Int)] = []
        var queueHead = 0
        var generator: SeededGenerator
        /// Continuous batching: the profile, each replica's batch, the next batching event of each replica, and the
        /// requests on replicas by slot.
        let profile: BatchingProfile?
        let batching: Bool
        let tables: StepTables
        /// Each replica's batch, by replica index, read and written in place on every event (no copy-on-write or
        /// bounds check: indices come from `start`, which makes room). Owned by `batchStore`.
        var batches: UnsafeMutablePointer<ContinuousBatch>
        let batchStore = SimulationStore(empty: ContinuousBatch())
        var events = ReplicaEventHeap()
        /// The batched requests by slot, read and written in place like `batches` (indices come from `allocate`).
        /// Owned by `slotStore`.
        var slots: UnsafeMutablePointer<Slot>
        let slotStore = SimulationStore(empty: Slot(arrival: 0, firstToken: 0, input: 0, output: 0))
        var freeSlots: [Int32] = []
        /// Latencies as they are recorded, counted in place (`result`'s histograms are filled from them at the end).
        let histogramStore = SimulationStore(empty: 0)
        var latency: LatencyHistogram.Counter
        var timeToFirstToken: LatencyHistogram.Counter
        var interTokenLatency: LatencyHistogram.Counter
        var lastBatchEvent = 0.0
        /// The last prompt length prefilled and its seconds (synthetic traffic repeats one size).
        var cachedPrefill: (tokens: Int32, seconds: Double) = (-1, 0)
        var closedLoop: ClosedLoopTraffic?
        var sends = SendQueue()
        var windowOpen = false
        var nextBoundary = Double.infinity
        /// No replica can expire before this time: `expire` returns at once until then.
        var nextExpiry = Double.infinity

        init(configuration: EndpointConfiguration) {
            c = configuration
            generator = SeededGenerator(seed: configuration.seed)
            batches = batchStore.base
            slots = slotStore.base
            replicas = replicaStore.base
            let buckets = LatencyHistogram.bucketCount
            histogramStore.makeRoom(for: 3 * buckets - 1)
            latency = LatencyHistogram.Counter(counts: histogramStore.base)
            timeToFirstToken = LatencyHistogram.Counter(counts: histogramStore.base + buckets)
            interTokenLatency = LatencyHistogram.Counter(counts: histogramStore.base + 2 * buckets)
            if case .batching(let profile) = configuration.serviceTime {
                self.profile = profile
                tables = profile.tables
                batching = true
            } else {
                profile = nil
                tables = StepTables()
                batching = false
            }
        }

        mutating func serviceTime(_ request: Request) -> Double {
            if batching { return 0 }
            let mean: Double
            switch c.serviceTime {
            case .tokens(let prefill, let decode): mean = Double(request.inputTokens) / prefill + Double(request.outputTokens) / decode
            case .measured(let seconds): mean = seconds
            case .batching: return 0
            }
            return c.distribution == .fixed ? mean : generator.exponential(mean: mean)
        }

        // MARK: Keep-warm windows

        /// The next time at or after `time` when the keep-warm window opens or closes (local schedule).
        func boundary(after time: Double) -> (at: Double, opens: Bool) {
            guard let window = c.keepWarmWindow else { return (.infinity, false) }
            let local = time + c.clockOrigin
            var day = (local / 86400).rounded(.down)
            while true {
                let open = day * 86400 + window.lowerBound - c.clockOrigin
                let close = day * 86400 + window.upperBound - c.clockOrigin
                if open > time { return (open, true) }
                if close > time { return (close, false) }
                day += 1
            }
        }

        func windowIsOpen(at time: Double) -> Bool {
            guard let window = c.keepWarmWindow else { return true }
            let local = time + c.clockOrigin
            let second = local - (local / 86400).rounded(.down) * 86400
            return window.contains(second) && second < window.upperBound
        }

        mutating func openWindow(at time: Double) {
            windowOpen = true
            var pinned = order.filter { replicas[$0].pinned }.count
            for index in order.reversed() where pinned < c.keepWarm && !replicas[index].pinned {
                pin(index, at: time)
                pinned += 1
            }
            while pinned < c.keepWarm {
                let warmAtStart = time == 0 && c.keepWarmWindow == nil
                let index = start(at: time, bootSeconds: warmAtStart ? 0 : c.coldStartSeconds)
                replicas[index].pinned = true
                if !warmAtStart { result.keepWarmStarts += 1 }
                pinned += 1
            }
        }

        mutating func closeWindow(at time: Double) {
            windowOpen = false
            for index in order where replicas[index].pinned {
                if replicas[index].inFlight == 0 {
                    result.keepWarmSeconds += max(0, time - replicas[index].idleSince)
                    replicas[index].idleSince = max(time, replicas[index].idleSince)
                    nextExpiry = min(nextExpiry, replicas[index].idleSince + c.idleTimeoutSeconds)
                }
                replicas[index].pinned = false
            }
        }

        mutating func pin(_ index: Int, at time: Double) {
            if replicas[index].inFlight == 0, time > replicas[index].idleSince {
                result.idleSeconds += time - replicas[index].idleSince
                replicas[index].idleSince = time
            }
            replicas[index].pinned = true
        }

        // MARK: Replicas

        mutating func start(at time: Double, bootSeconds: Double) -> Int {
            let replica = Replica(bornAt: time, readyAt: time + bootSeconds, inFlight: 0, busySince: 0, idleSince: time + bootSeconds, pinned: false)
            let index: Int
            if let reused = free.popLast() {
                replicas[reused] = replica
                index = reused
            } else {
                index = replicaStore.count
                replicaStore.makeRoom(for: index)
                replicas = replicaStore.base
                replicas[index] = replica
            }
            order.append(index)
            if batching {
                if index >= batchStore.count {
                    batchStore.makeRoom(for: index)
                    batches = batchStore.base
                }
                batches[index].reset()
                batches[index].updatedAt = time
            }
            nextExpiry = min(nextExpiry, time + bootSeconds + c.idleTimeoutSeconds)
            result.loadingSeconds += bootSeconds
            result.peakReplicas = max(result.peakReplicas, order.count)
            return index
        }

        /// Removes replicas whose idle timeout ran out by `time`, billing their idle tails.
        mutating func expire(upTo time: Double) {
            guard time >= nextExpiry else { return }
            nextExpiry = .infinity
            var position = 0
            while position < order.count {
                let index = order[position]
                let replica = replicas[index]
                if !replica.pinned, replica.inFlight == 0, replica.idleSince + c.idleTimeoutSeconds <= time {
                    result.idleSeconds += c.idleTimeoutSeconds
                    result.replicaSeconds += replica.idleSince + c.idleTimeoutSeconds - replica.bornAt
                    order.remove(at: position)
                    free.append(index)
                } else {
                    if !replica.pinned, replica.inFlight == 0 { nextExpiry = min(nextExpiry, replica.idleSince + c.idleTimeoutSeconds) }
                    position += 1
                }
            }
        }

        /// Starts `service` seconds of work on replica `index` at `time` (or when it is ready); with batching, adds
        /// the request to the replica's batch.
        mutating func assign(_ index: Int, arrival: Double, at time: Double, service: Double, input: Int32, output: Int32) {
            let begin = max(time, replicas[index].readyAt)
            if replicas[index].inFlight == 0 {
                let idle = max(0, begin - replicas[index].idleSince)
                if replicas[index].pinned { result.keepWarmSeconds += idle } else { result.idleSeconds += idle }
                replicas[index].busySince = begin
            }
            replicas[index].inFlight += 1
            if batching {
                let slot = allocate(arrival: arrival, input: input, output: output)
                if batches[index].promptsBeforeEvent < batches[index].prefilling.count {
                    // Prompts prefill until past the replica's next event: this one lines up behind them (or waits
                    // for memory), which moves neither the rates until then nor the event, so there is nothing to
                    // take in or reschedule.
                    batches[index].waiting.append(slot)
                    admit(index, at: time)
                    return
                }
                settle(index, to: time)
                batches[index].waiting.append(slot)
                admit(index, at: time)
                reschedule(index, at: time)
                return
            }
            let done = begin + service
            completions.push(done, Int32(index))
            latency.record(done - arrival)
            recordTokens(input: input, output: output, begin: begin, done: done, arrival: arrival)
        }

        /// First-token and inter-token latency of a fixed-time request served at the configured token rates.
        mutating func recordTokens(input: Int32, output: Int32, begin: Double, done: Double, arrival: Double) {
            guard case .tokens(let prefill, let decode) = c.serviceTime else { return }
            result.completedOutputTokens += Int(output)
            let first = begin + Double(input) / prefill + (output > 0 ? 1 / decode : 0)
            timeToFirstToken.record(first - arrival)
            if output > 1 { interTokenLatency.record((done - first) / Double(output - 1)) }
        }

        // MARK: Continuous batching

        mutating func allocate(arrival: Double, input: Int32, output: Int32) -> Int32 {
            if let slot = freeSlots.popLast() {
                let i = Int(slot)
                slots[i] = Slot(arrival: arrival, firstToken: 0, input: input, output: output)
                return slot
            }
            let index = slotStore.count
            slotStore.makeRoom(for: index)
            slots = slotStore.base
            slots[index] = Slot(arrival: arrival, firstToken: 0, input: input, output: output)
            return Int32(index)
        }

        /// Lets waiting requests into the batch while the KV cache and the engine's batch have room (always at
        /// least one, so a request larger than the cache still runs).
        mutating func admit(_ index: Int, at time: Double) {
            guard batching, time >= replicas[index].readyAt else { return }
            while let slot = batches[index].waiting.first {
                let i = Int(slot)
                let held = BatchingProfile.heldTokens(input: slots[i].input, output: slots[i].output)
                let running = batches[index].running
                if running > 0, running >= tables.maxRunning || batches[index].heldTokens + held > tables.kvCapacityTokens { break }
                _ = batches[index].waiting.popFirst()
                batches[index].heldTokens += held
                if batches[index].prefilling.isEmpty { batches[index].prefillLeft = prefillSeconds(slots[i].input) }
                batches[index].prefilling.append(slot)
            }
        }

        @inline(__always)
        mutating func prefillSeconds(_ tokens: Int32) -> Double {
            // A prompt's forward pass reads every weight at least once, however short: never less than one step.
            if cachedPrefill.tokens != tokens, let profile {
                cachedPrefill = (tokens, max(profile.prefillSeconds(tokens: tokens), tables.stepSeconds(running: 1, contextTokens: Double(tokens))))
            }
            return cachedPrefill.seconds
        }

        mutating func reschedule(_ index: Int, at time: Double) {
            guard batching else { return }
            batches[index].updateRates(tables)
            events.set(index, at: nextEvent(index, now: time))
        }

        /// The most prompts the look ahead goes through before it makes one's end an event.
        static let lookAheadPrompts = 8

        /// The replica's next event and its kind (`ContinuousBatch.nextKind`), looking ahead through the prompts that
        /// finish prefilling before it and go on to decode: each such prompt changes the rates from its end on, worked
        /// out with the arithmetic `settle` applies later, so the event lands where the step-by-step run would put it.
        mutating func nextEvent(_ index: Int, now: Double) -> Double {
            let batch = batches + index
            if now < replicas[index].readyAt {
                batch.pointee.nextKind = batch.pointee.waiting.isEmpty ? 0 : 3
                batch.pointee.promptsBeforeEvent = 0
                return batch.pointee.waiting.isEmpty ? .infinity : replicas[index].readyAt
            }
            var updatedAt = batch.pointee.updatedAt, steps = batch.pointee.steps, prefillLeft = batch.pointee.prefillLeft
            var decodeRate = batch.pointee.decodeRate, prefillRate = batch.pointee.prefillRate
            var stepSeconds = batch.pointee.stepSeconds, prefillSecondsPerWork = batch.pointee.prefillSecondsPerWork
            var decoding = batch.pointee.decoding.entries.count, tokens = batch.pointee.decodingTokens
            var firstFinish = batch.pointee.decoding.minimum ?? .infinity
            let line = batch.pointee.prefilling.count
            var prompt = 0
            while true {
                let prefillEnd = prefillRate > 0 ? updatedAt + max(0, prefillLeft) * prefillSecondsPerWork : .infinity
                let finish = decodeRate > 0 && firstFinish < .infinity ? updatedAt + max(0, firstFinish - steps) * stepSeconds : .infinity
                batch.pointee.promptsBeforeEvent = prompt
                if finish < prefillEnd {
                    batch.pointee.nextKind = 2
                    return finish
                }
                guard prefillEnd < .infinity else {
                    batch.pointee.nextKind = 0
                    return .infinity
                }
                let slot = Int(batch.pointee.prefilling[offset: prompt])
                if slots[slot].output <= 1 {
                    batch.pointee.nextKind = 1
                    return prefillEnd
                }
                if prompt + 1 == Self.lookAheadPrompts {
                    // Far enough: this prompt's end is an event (taken in by `settle`), so the work per event stays
                    // bounded however long the line (a burst can put thousands of prompts in it).
                    batch.pointee.nextKind = 4
                    return prefillEnd
                }
                // The prompt joins decoding at its end (as `ContinuousBatch.advance` and `startDecoding` do).
                let elapsed = prefillEnd - updatedAt
                if elapsed > 0 {
                    steps += elapsed * decodeRate
                    updatedAt = prefillEnd
                }
                firstFinish = min(firstFinish, steps + Double(slots[slot].output - 1))
                tokens += BatchingProfile.heldTokens(input: slots[slot].input, output: slots[slot].output)
                decoding += 1
                prompt += 1
                prefillLeft = prompt < line ? prefillSeconds(slots[Int(batch.pointee.prefilling[offset: prompt])].input) : 0
                ContinuousBatch.setRates(decoding: decoding, tokens: tokens, prefilling: prompt < line, tables, decodeRate: &decodeRate,
                                         prefillRate: &prefillRate, stepSeconds: &stepSeconds, prefillSecondsPerWork: &prefillSecondsPerWork)
            }
        }

        /// Brings replica `index`'s batch to `time`: the prompts that finished prefilling by then join decoding at their
        /// own ends (their first tokens recorded then), each changing the rates from there on. No event of the replica
        /// falls before `time` (the simulator handles events in time order), so none is skipped.
        mutating func settle(_ index: Int, to time: Double) {
            let batch = batches + index
            while let head = batch.pointee.prefilling.first, slots[Int(head)].output > 1 {
                let end = batch.pointee.prefillEnd
                guard end <= time else { break }
                batch.pointee.advance(to: end)
                batch.pointee.prefillLeft = 0
                startDecoding(index, at: end)
                batch.pointee.updateRates(tables)
            }
            batch.pointee.advance(to: time)
        }

        /// The prompt at the head of the prefill line has its first token at `time`: it decodes from now on (or, with
        /// one token, is done), and the next prompt in line starts prefilling.
        mutating func startDecoding(_ index: Int, at time: Double) {
            guard let head = batches[index].prefilling.popFirst() else { return }
            let i = Int(head)
            slots[i].firstToken = time
            timeToFirstToken.record(time - slots[i].arrival)
            let held = BatchingProfile.heldTokens(input: slots[i].input, output: slots[i].output)
            if slots[i].output <= 1 {
                batches[index].heldTokens -= held
                finish(slot: head, on: index, at: time)
            } else {
                batches[index].decoding.push(batches[index].steps + Double(slots[i].output - 1), head)
                batches[index].decodingTokens += held
            }
            if let next = batches[index].prefilling.first { batches[index].prefillLeft = prefillSeconds(slots[Int(next)].input) }
        }

        /// A replica's batching event: requests finish (a one-token request when its prefill ends), or the replica
        /// becomes ready.
        mutating func batchEvent(_ index: Int, at time: Double) {
            guard batching else { return }
            lastBatchEvent = max(lastBatchEvent, time)
            settle(index, to: time)
            switch batches[index].nextKind {
            case 1: batches[index].prefillLeft = 0
            case 2: batches[index].steps = max(batches[index].steps, batches[index].decoding.minimum ?? 0)
            default: break
            }
            while !batches[index].prefilling.isEmpty, batches[index].prefillLeft <= 1e-12 { startDecoding(index, at: time) }
            while let step = batches[index].decoding.minimum, step <= batches[index].steps + 1e-6 {
                let (_, slot) = batches[index].decoding.pop()
                let i = Int(slot)
                let held = BatchingProfile.heldTokens(input: slots[i].input, output: slots[i].output)
                batches[index].decodingTokens -= held
                batches[index].heldTokens -= held
                finish(slot: slot, on: index, at: time)
            }
            if batches[index].decoding.entries.isEmpty { batches[index].decodingTokens = 0 }
            if batches[index].running == 0 { batches[index].heldTokens = 0 }
            admit(index, at: time)
            reschedule(index, at: time)
        }

        /// A batched request's last token: its latencies, its slot freed, and the replica's slot passed on.
        mutating func finish(slot: Int32, on index: Int, at time: Double) {
            let i = Int(slot)
            latency.record(time - slots[i].arrival)
            let output = slots[i].output
            result.completedOutputTokens += Int(output)
            if output > 1 { interTokenLatency.record((time - slots[i].firstToken) / Double(output - 1)) }
            freeSlots.append(slot)
            complete(at: time, replica: index)
        }

        mutating func arrive(_ request: Request) {
            let time = request.arrival
            expire(upTo: time)
            result.requests += 1
            result.inputTokens += Int(request.inputTokens)
            result.outputTokens += Int(request.outputTokens)
            let service = serviceTime(request)
            // The most recently used replica with a free slot.
            var position = order.count - 1
            while position >= 0, replicas[order[position]].inFlight >= c.concurrency { position -= 1 }
            if position >= 0 {
                let index = order[position]
                if position != order.count - 1 {
                    order.remove(at: position)
                    order.append(index)
                }
                if replicas[index].readyAt > time { result.requestsWaitingForBoot += 1 }
                assign(index, arrival: time, at: time, service: service, input: request.inputTokens, output: request.outputTokens)
            } else if order.count < c.maxReplicas {
                let index = start(at: time, bootSeconds: c.coldStartSeconds)
                result.coldStarts += 1
                if c.coldStartSeconds > 0 { result.requestsWaitingForBoot += 1 }
                assign(index, arrival: time, at: time, service: service, input: request.inputTokens, output: request.outputTokens)
            } else if queue.count - queueHead >= c.maximumQueue {
                if result.overloadedAt == nil { result.overloadedAt = time }
                result.turnedAway += 1
                result.inputTokens -= Int(request.inputTokens)
                result.outputTokens -= Int(request.outputTokens)
            } else {
                result.queuedRequests += 1
                queue.append((time, service, Int(request.inputTokens), Int(request.outputTokens)))
            }
        }

        mutating func complete(at time: Double, replica index: Int) {
            replicas[index].inFlight -= 1
            if let loop = closedLoop { sends.items.append(time + loop.thinkSeconds) }
            if queueHead < queue.count {
                let waiting = queue[queueHead]
                queueHead += 1
                if queueHead > 4096, queueHead * 2 > queue.count {
                    queue.removeFirst(queueHead)
                    queueHead = 0
                }
                // The slot passes straight to the next queued request.
                replicas[index].inFlight += 1
                if batching {
                    // It joins the batch's line; the batching event that freed the slot admits it.
                    batches[index].waiting.append(allocate(arrival: waiting.arrival, input: Int32(waiting.input), output: Int32(waiting.output)))
                } else {
                    completions.push(time + waiting.service, Int32(index))
                    latency.record(time + waiting.service - waiting.arrival)
                    recordTokens(input: Int32(waiting.input), output: Int32(waiting.output), begin: time, done: time + waiting.service, arrival: waiting.arrival)
                }
                if let position = order.firstIndex(of: index) {
                    order.remove(at: position)
                    order.append(index)
                }
                return
            }
            if replicas[index].inFlight == 0 {
                result.servingSeconds += time - replicas[index].busySince
                replicas[index].idleSince = time
                if !replicas[index].pinned { nextExpiry = min(nextExpiry, time + c.idleTimeoutSeconds) }
            }
        }

        mutating func run(duration: Double, progress: ((Double) -> Void)?, next: () -> Request?) {
            result.duration = duration
            if c.keepWarm > 0 {
                if windowIsOpen(at: 0) { openWindow(at: 0) }
                nextBoundary = boundary(after: 0).at
            }
            var pending = next()
            var arrivals = 0
            let closed = closedLoop
            while true {
                let send = closed == nil ? Double.infinity : sends.first < duration ? sends.first : .infinity
                let arrival = min(send, pending.map { $0.arrival < duration ? $0.arrival : Double.infinity } ?? .infinity)
                let completion = completions.peekTime
                let batchTime = events.peekTime
                let boundaryTime = nextBoundary < duration ? nextBoundary : Double.infinity
                if arrival == .infinity, completion == .infinity, boundaryTime == .infinity, batchTime == .infinity { break }
                if completion <= arrival, completion <= boundaryTime, completion <= batchTime {
                    let (time, index) = completions.pop()
                    complete(at: time, replica: Int(index))
                } else if batchTime <= arrival, batchTime <= boundaryTime {
                    batchEvent(events.peekReplica, at: batchTime)
                } else if boundaryTime <= arrival {
                    expire(upTo: boundaryTime)
                    if boundary(after: boundaryTime - 1e-9).opens { openWindow(at: boundaryTime) } else { closeWindow(at: boundaryTime) }
                    nextBoundary = boundary(after: boundaryTime).at
                } else if let closed, send == arrival {
                    sends.popFirst()
                    arrive(Request(arrival: send, inputTokens: Int32(clamping: closed.inputTokensPerRequest), outputTokens: Int32(clamping: closed.outputTokensPerRequest)))
                    arrivals &+= 1
                    if arrivals & 0xFFFF == 0, let progress { progress(send / duration) }
                } else if let request = pending {
                    arrive(request)
                    pending = next()
                    arrivals &+= 1
                    if arrivals & 0xFFFF == 0, let progress { progress(request.arrival / duration) }
                    // An overloaded endpoint is not drained after arrivals stop: what is still queued then is
                    // unserved, so the bill covers the simulated time, not an arbitrarily long tail.
                    if pending.map({ $0.arrival >= duration }) ?? true, result.overloaded {
                        let waiting = queue.count - queueHead
                        result.unservedAtEnd = waiting
                        result.queuedRequests -= waiting
                        for item in queue[queueHead...] {
                            result.inputTokens -= item.input
                            result.outputTokens -= item.output
                        }
                        queue.removeAll()
                        queueHead = 0
                    }
                }
            }
            finish(at: max(duration, lastEventTime))
        }

        var lastEventTime: Double { max(completions.lastPopped, lastBatchEvent) }

        /// Bills what is still up at the end: pinned replicas until the end, others their idle tail.
        mutating func finish(at end: Double) {
            result.latency = latency.histogram()
            result.timeToFirstToken = timeToFirstToken.histogram()
            result.interTokenLatency = interTokenLatency.histogram()
            result.span = end
            for index in order {
                let replica = replicas[index]
                result.span = max(result.span, replica.pinned ? end : replica.idleSince + c.idleTimeoutSeconds)
            }
            for index in order {
                let replica = replicas[index]
                if replica.pinned {
                    result.keepWarmSeconds += max(0, end - replica.idleSince)
                    result.replicaSeconds += max(end, replica.idleSince) - replica.bornAt
                } else {
                    // Its idle tail runs out after the last event, as it would on the platform.
                    result.idleSeconds += c.idleTimeoutSeconds
                    result.replicaSeconds += replica.idleSince + c.idleTimeoutSeconds - replica.bornAt
                }
            }
            order.removeAll()
        }
    }
}

/// Values of one kind in one buffer that grows as they are added and frees them at the end: the simulator's replica
/// batches, request slots and latency counts, read and written through `base` with no copy-on-write check.
final class SimulationStore<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int
    private let empty: Element

    /// An empty store whose new elements start as `empty`.
    init(empty: Element) {
        self.empty = empty
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    /// Makes elements up to `index` (new ones `empty`); `base` may move.
    func makeRoom(for index: Int) {
        if index >= capacity {
            let grown = max(index + 1, capacity * 2)
            let moved = UnsafeMutablePointer<Element>.allocate(capacity: grown)
            moved.moveInitialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = grown
        }
        while count <= index {
            (base + count).initialize(to: empty)
            count += 1
        }
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}

/// A binary min-heap of (time, index): completion times and replica indices in the simulator, finishing steps and
/// request slots in a replica's batch. Sifted with a hole rather than swaps.
struct CompletionHeap {
    struct Entry {
        var time: Double
        var replica: Int32
    }

    var entries: [Entry] = []
    var lastPopped = 0.0

    var peekTime: Double { entries.isEmpty ? .infinity : entries[0].time }
    /// The earliest key, nil when empty.
    var minimum: Double? { entries.first?.time }

    mutating func push(_ time: Double, _ replica: Int32) {
        entries.append(Entry(time: time, replica: replica))
        entries.withUnsafeMutableBufferPointer { heap in
            let item = heap[heap.count - 1]
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) >> 1
                if heap[parent].time <= item.time { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = item
        }
    }

    mutating func pop() -> (Double, Int32) {
        let top = entries[0]
        lastPopped = top.time
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries.withUnsafeMutableBufferPointer { heap in
                let count = heap.count
                var parent = 0
                while true {
                    let left = 2 * parent + 1
                    if left >= count { break }
                    let right = left + 1
                    let smaller = right < count && heap[right].time < heap[left].time ? right : left
                    if last.time <= heap[smaller].time { break }
                    heap[parent] = heap[smaller]
                    parent = smaller
                }
                heap[parent] = last
            }
        }
        return (top.time, top.replica)
    }
}

/// Latencies in buckets 1/128 of an octave wide (under 0.8%), from about 1 ms to 24 days: quantiles to within 1%
/// in fixed memory. The bucket comes from the float's exponent and top mantissa bits, with no logarithm.
public struct LatencyHistogram: Equatable, Sendable {
    static let subBuckets = 128
    static let lowestExponent = 1023 - 10
    /// 2^-10 s to 2^30 s (34 years, past any 366-day run's queue): a latency above it is reported as beyond the
    /// range (infinite), never silently capped.
    static let octaves = 40
    /// Buckets: below 2^-10 s, 128 per octave, and beyond 2^30 s.
    static let bucketCount = 128 * 40 + 1
    var counts = [Int](repeating: 0, count: LatencyHistogram.bucketCount)
    public private(set) var total = 0
    /// The sum of the recorded latencies, for the mean (exact, not from the buckets).
    public private(set) var sum = 0.0

    /// An empty histogram.
    public init() {}

    /// The mean latency in seconds; 0 when nothing was recorded.
    public var mean: Double { total == 0 ? 0 : sum / Double(total) }

    mutating func record(_ seconds: Double) {
        counts[Self.bucket(seconds)] += 1
        total += 1
        sum += seconds
    }

    /// The bucket of `seconds`: from the float's exponent and its top seven mantissa bits.
    @inline(__always)
    static func bucket(_ seconds: Double) -> Int {
        let bits = seconds.bitPattern
        let exponent = Int((bits >> 52) & 0x7FF) - lowestExponent
        if seconds <= 0 || exponent < 0 { return 0 }
        if exponent >= octaves { return bucketCount - 1 }
        return 1 + exponent * subBuckets + Int((bits >> 45) & 0x7F)
    }

    /// Counts latencies into `bucketCount` counts someone else owns (the simulator's store), with no copy-on-write
    /// check per latency; `histogram()` is the histogram so far.
    struct Counter {
        let counts: UnsafeMutablePointer<Int>
        var total = 0
        var sum = 0.0

        init(counts: UnsafeMutablePointer<Int>) { self.counts = counts }

        @inline(__always)
        mutating func record(_ seconds: Double) {
            counts[LatencyHistogram.bucket(seconds)] &+= 1
            total &+= 1
            sum += seconds
        }

        func histogram() -> LatencyHistogram {
            var histogram = LatencyHistogram()
            histogram.counts = Array(UnsafeBufferPointer(start: counts, count: LatencyHistogram.bucketCount))
            histogram.total = total
            histogram.sum = sum
            return histogram
        }
    }

    /// The latency at quantile `q` (0...1): the upper edge of the bucket holding it, in seconds.
    public func quantile(_ q: Double) -> Double {
        guard total > 0 else { return 0 }
        let rank = max(1, Int((q * Double(total)).rounded(.up)))
        var seen = 0
        for (bucket, count) in counts.enumerated() {
            seen += count
            if seen >= rank {
                if bucket == 0 { return pow(2, -10) }
                if bucket == counts.count - 1 { return .infinity }
                let octave = (bucket - 1) / Self.subBuckets
                let sub = (bucket - 1) % Self.subBuckets
                return pow(2, Double(octave - 10)) * (1 + Double(sub + 1) / Double(Self.subBuckets))
            }
        }
        return .infinity
    }
}

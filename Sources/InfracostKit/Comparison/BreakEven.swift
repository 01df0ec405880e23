public import Foundation

/// The result of `infracost breakeven`: every volume between two bounds where the cheapest option changes.
public struct BreakEven: Equatable, Sendable {
    /// The workload shape (its volume is not used).
    public var workload: Workload
    public var currency: String
    /// The volume range searched, tokens per month.
    public var low: Decimal
    public var high: Decimal
    /// The cheapest option over each stretch of volume, in order; consecutive regions meet at a crossover.
    public var regions: [Region]
    /// The changes of cheapest option, in order of volume.
    public var crossovers: [Crossover]
    /// Offers in play (priced curves), by id.
    public var optionIDs: [String]
    /// Offers left out (cannot serve the workload, or no price).
    public var excluded: [Comparison.Exclusion]
    /// Whether every option compared costs the same at every volume (two offers at the same prices, `--between`).
    public var sameCostThroughout = false
    /// The exact cost curves compared, by offer id (for charts that plot the exact costs, not cent-rounded ones).
    public var curves: [String: CostCurve] = [:]

    public static func == (lhs: BreakEven, rhs: BreakEven) -> Bool {
        lhs.workload == rhs.workload && lhs.currency == rhs.currency && lhs.low == rhs.low && lhs.high == rhs.high && lhs.regions == rhs.regions
            && lhs.crossovers == rhs.crossovers && lhs.optionIDs == rhs.optionIDs && lhs.excluded == rhs.excluded
            && lhs.sameCostThroughout == rhs.sameCostThroughout
    }

    /// A stretch of volume over which one option is cheapest.
    public struct Region: Equatable, Sendable {
        /// From this volume (exclusive, except for the range's low end) to `to` (inclusive).
        public var from: Decimal
        public var to: Decimal
        public var id: String
        public var tier: Tier
    }

    /// One affine piece of a cost curve: cost(V) = intercept + slope x V, slope in currency per token.
    public struct Line: Equatable, Sendable {
        public var intercept: Decimal
        public var slope: Decimal

        /// The slope in currency per 1M tokens.
        public var slopePerMillion: Decimal { slope * 1_000_000 }
    }

    /// A volume where the cheapest option changes.
    public struct Crossover: Equatable, Sendable {
        /// The exact volume: where the two costs meet, or where a dedicated option needs one more instance.
        public var volume: Decimal
        public var fromID: String
        public var fromTier: Tier
        public var toID: String
        public var toTier: Tier
        /// The old option's cost at `volume`.
        public var fromCost: Decimal
        /// The new option's cost just past `volume`.
        public var toCost: Decimal
        /// The line the old option followed just before `volume`, and the one the new option follows after it.
        public var fromLine: Line
        public var toLine: Line
        /// True when the two lines cross at `volume`; false when a curve steps there (a dedicated option needs
        /// one more instance, or a keep-warm knee), so the change happens at the step, not at a crossing.
        public var isCrossing: Bool
        /// Both options' monthly totals at `firstWholeToken`, as `compare` prints them at that volume (line items
        /// rounded to the cent): what a sentence about the crossover quotes. Past a step they are the prices after
        /// the step.
        public var fromTotal: Decimal? = nil
        public var toTotal: Decimal? = nil

        /// Why the cheapest changes at a step rather than at a crossing, in words.
        public var stepReason: String {
            switch fromTier {
            case .dedicated: "\(fromID) needs one more instance there"
            case .serverlessGPU: "\(fromID) steps up there"
            default: "\(toID) steps down there"
            }
        }

        /// The first whole-token volume at which the new option is the cheaper: floor(volume) + 1.
        public var firstWholeToken: Decimal {
            var exact = volume
            var floor = Decimal()
            NSDecimalRound(&floor, &exact, 0, .down)
            return floor + 1
        }
    }
}

extension BreakEven {
    /// The default range: 1M to 1T tokens a month.
    public static let defaultLow: Decimal = 1_000_000
    public static let defaultHigh: Decimal = 1_000_000_000_000

    /// Solves for every change of cheapest option among `request`'s offers between `low` and `high`, exactly.
    ///
    /// Between consecutive breakpoints (keep-warm knees, dedicated instance steps) every cost is affine, so the
    /// cheapest can change only where two lines cross; those crossings are computed, not sampled.
    /// - Parameter onlyIDs: restricts the comparison to these offers (for `--between A B`).
    /// - Throws: `InfracostError.invalidUsage` for an empty or inverted range or unknown ids.
    public static func solve(
        _ request: ComparisonRequest, catalog: PriceCatalog, low: Decimal = defaultLow, high: Decimal = defaultHigh,
        onlyIDs: [String]? = nil
    ) throws(InfracostError) -> BreakEven {
        var request = request
        request.workload = try request.workload.resolvingModel(in: catalog)
        let workload = request.workload
        try workload.validate()
        guard low > 0, low < high else {
            throw .invalidUsage(message: "the volume range must have \(Setting.lowestVolume) below \(Setting.highestVolume) (got \(Numbers.formatted(low)) to \(Numbers.formatted(high)))")
        }
        var pricers = OfferPricer.all(catalog: catalog, shape: workload, tiers: onlyIDs == nil ? request.tiers : [])
        if let onlyIDs {
            for id in onlyIDs where catalog.offer(id: id) == nil {
                let hint = Suggestions.hint(for: id, in: catalog.offers.map(\.id))
                throw .invalidUsage(message: "\(Setting.between): no offer has the id '\(id)'\(hint)")
            }
            pricers = pricers.filter { onlyIDs.contains($0.offer.id) }
        }
        var curves: [CostCurve] = []
        var excluded: [Comparison.Exclusion] = []
        for pricer in pricers {
            if let curve = CostCurve(pricer: pricer, shape: workload) {
                // A fleet past the limit at the top of the range is not a quote, and its steps would be the work.
                if case .steps(_, let capacity, _) = curve.shape, high > capacity * Decimal(DedicatedGPUModel.maximumInstances) {
                    excluded.append(Comparison.Exclusion(id: pricer.offer.id, tier: pricer.offer.tier, reason:
                        "would need more than \(Numbers.formatted(Decimal(DedicatedGPUModel.maximumInstances), scale: 0)) instances by \(TokenCount.abbreviated(high)) tokens/month: its throughput figure is too low to price"))
                    continue
                }
                curves.append(curve)
            } else {
                let reason = pricer.exclusionReason ?? pricer.cost(for: workload).unpricedReason ?? "no price"
                excluded.append(Comparison.Exclusion(id: pricer.offer.id, tier: pricer.offer.tier, reason: reason))
            }
        }
        if let onlyIDs, let missing = excluded.first(where: { onlyIDs.contains($0.id) }) {
            throw .invalidUsage(message: "\(Setting.between): \(missing.id) cannot be priced for this workload (\(missing.reason))")
        }
        curves.sort { $0.offer.id < $1.offer.id }
        var (regions, crossovers) = envelope(curves, low: low, high: high)
        let same = curves.count == 2 && {
            let points = Set([low, high] + curves[0].breakpoints(in: low, high) + curves[1].breakpoints(in: low, high))
            return points.allSatisfy { curves[0].piece(after: $0) == curves[1].piece(after: $0) }
        }()
        // What compare prints at the first whole token past each crossover, for the sentences that quote it.
        let byID = Dictionary(pricers.map { ($0.offer.id, $0) }, uniquingKeysWith: { first, _ in first })
        let share = workload.inputShare
        for index in crossovers.indices {
            var at = workload
            (at.inputTokens, at.outputTokens) = Workload.split(tokens: crossovers[index].firstWholeToken, inputShare: share)
            crossovers[index].fromTotal = byID[crossovers[index].fromID]?.cost(for: at).total
            crossovers[index].toTotal = byID[crossovers[index].toID]?.cost(for: at).total
        }
        var result = BreakEven(
            workload: workload, currency: "USD", low: low, high: high, regions: regions, crossovers: crossovers,
            optionIDs: curves.map(\.offer.id), excluded: excluded)
        result.sameCostThroughout = same
        result.curves = Dictionary(curves.map { ($0.offer.id, $0) }, uniquingKeysWith: { first, _ in first })
        return result
    }

    static func value(_ piece: (intercept: Decimal, slope: Decimal), at tokens: Decimal) -> Decimal {
        piece.intercept + piece.slope * tokens
    }

    static func line(_ piece: (intercept: Decimal, slope: Decimal)) -> Line {
        Line(intercept: piece.intercept, slope: piece.slope)
    }

    /// The lower envelope of `curves` over (low, high]: who is cheapest where, and where that changes.
    static func envelope(_ curves: [CostCurve], low: Decimal, high: Decimal) -> ([Region], [Crossover]) {
        guard !curves.isEmpty else { return ([], []) }
        var points = Set<Decimal>([low, high])
        // Each curve's own breakpoints, so its piece is recomputed only where it changes.
        let ownBreakpoints = curves.map { $0.breakpoints(in: low, high) }
        for list in ownBreakpoints { points.formUnion(list) }
        let sorted = points.sorted()
        var pieces = curves.map { $0.piece(after: low) }
        var approx = pieces.map { (intercept: $0.intercept.doubleValue, slope: $0.slope.doubleValue) }
        var nextBreak = [Int](repeating: 0, count: curves.count)
        var regions: [Region] = []
        var crossovers: [Crossover] = []
        var current: Int?
        /// The piece the current cheapest follows (over the segment being scanned).
        var currentPiece: (intercept: Decimal, slope: Decimal) = (0, 0)
        var regionStart = low

        func change(to next: Int, at volume: Decimal, isCrossing: Bool) {
            let nextPiece = curves[next].piece(after: volume)
            if let previous = current {
                crossovers.append(Crossover(
                    volume: volume, fromID: curves[previous].offer.id, fromTier: curves[previous].offer.tier,
                    toID: curves[next].offer.id, toTier: curves[next].offer.tier,
                    fromCost: curves[previous].value(at: volume), toCost: value(nextPiece, at: volume),
                    fromLine: line(currentPiece), toLine: line(nextPiece), isCrossing: isCrossing))
                regions.append(Region(from: regionStart, to: volume, id: curves[previous].offer.id, tier: curves[previous].offer.tier))
                regionStart = volume
            }
            current = next
            currentPiece = nextPiece
        }

        for (start, end) in zip(sorted, sorted.dropFirst()) {
            for index in curves.indices {
                let list = ownBreakpoints[index]
                if nextBreak[index] < list.count, list[nextBreak[index]] <= start {
                    while nextBreak[index] < list.count, list[nextBreak[index]] <= start { nextBreak[index] += 1 }
                    pieces[index] = curves[index].piece(after: start)
                    approx[index] = (pieces[index].intercept.doubleValue, pieces[index].slope.doubleValue)
                }
            }
            // The cheapest just after `start`: lowest value, then lowest slope (it stays cheaper), then id. Doubles
            // screen the candidates; only those within a relative 1e-9 of the lowest are compared exactly.
            let startD = start.doubleValue
            var lowest = Double.infinity
            for index in pieces.indices { lowest = min(lowest, approx[index].intercept + approx[index].slope * startD) }
            let margin = abs(lowest) * 1e-9 + 1e-9
            var best = -1
            for index in pieces.indices where approx[index].intercept + approx[index].slope * startD <= lowest + margin {
                if best < 0 { best = index; continue }
                let a = value(pieces[index], at: start)
                let b = value(pieces[best], at: start)
                if a < b || (a == b && pieces[index].slope < pieces[best].slope) { best = index }
            }
            if best != current { change(to: best, at: start, isCrossing: false) }
            currentPiece = pieces[best]
            var x = start
            let endD = end.doubleValue
            while true {
                // The first line with a smaller slope to cross below the current cheapest inside (x, end): screened in
                // doubles, then the nearest candidates solved exactly.
                let xD = x.doubleValue
                let tolerance = max(abs(endD), 1) * 1e-9
                var candidates: [(at: Double, index: Int)] = []
                for index in pieces.indices where pieces[index].slope < pieces[best].slope {
                    let at = (approx[index].intercept - approx[best].intercept) / (approx[best].slope - approx[index].slope)
                    if at > xD - tolerance, at < endD + tolerance { candidates.append((at, index)) }
                }
                candidates.sort { $0.at < $1.at }
                var next: (index: Int, at: Decimal)?
                var position = 0
                while position < candidates.count {
                    let exact = (pieces[candidates[position].index].intercept - pieces[best].intercept)
                        / (pieces[best].slope - pieces[candidates[position].index].slope)
                    guard exact > x, exact < end else {
                        position += 1
                        continue
                    }
                    // The first valid crossing; any other within the tolerance of it is settled exactly.
                    let limit = candidates[position].at + tolerance
                    for candidate in candidates[position...] where candidate.at <= limit {
                        let index = candidate.index
                        let at = (pieces[index].intercept - pieces[best].intercept) / (pieces[best].slope - pieces[index].slope)
                        guard at > x, at < end else { continue }
                        if next == nil || at < next!.at || (at == next!.at && pieces[index].slope < pieces[next!.index].slope) {
                            next = (index, at)
                        }
                    }
                    break
                }
                guard let found = next else { break }
                change(to: found.index, at: found.at, isCrossing: true)
                best = found.index
                x = found.at
            }
        }
        if let current {
            regions.append(Region(from: regionStart, to: high, id: curves[current].offer.id, tier: curves[current].offer.tier))
        }
        return (regions, crossovers)
    }
}


extension Decimal {
    /// The nearest double, for screening comparisons that are then settled exactly.
    var doubleValue: Double { NSDecimalNumber(decimal: self).doubleValue }
}

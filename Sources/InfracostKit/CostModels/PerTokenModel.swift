public import Foundation

/// Prices per-token offers (`api`, `serverless`): tokens x rate, per part of the bill.
///
/// With no mode, cache, request size or time profile the bill is two lines, input and output. Otherwise the rates
/// come from the mode (`--mode batch`), a long-context tier moves the whole workload to its rates when each
/// request's input is above the threshold, time-of-day prices split tokens by the share that arrives in the
/// off-peak window, and cached input is billed at the cached rate.
public enum PerTokenModel {
    /// One part of a per-token bill: a share of the input or output tokens at one rate.
    public struct Part: Equatable, Sendable {
        /// Which side of the bill a part prices: input (prompt) or output (generated) tokens.
        public enum Side: Sendable { case input, output }
        public var label: String
        public var side: Side
        /// The share of that side's tokens (exact fraction, 0...1).
        public var share: Decimal
        /// Price per 1M tokens.
        public var rate: Decimal
        /// `rate` as an exact number, when the caller had it converted already (the offer's standard rates).
        var exactRate: ExactNumber? = nil
    }

    /// The parts of the bill for `offer` under `pricing`, with notes; or why the offer cannot be priced.
    /// `standardRates`, the offer's standard rates already converted exactly, are carried by the plain bill's parts.
    public static func parts(of offer: Offer, pricing: TokenPricing, standardRates: (input: ExactNumber, output: ExactNumber)? = nil)
        -> Result<(parts: [Part], notes: [Notice]), Unpriced>
    {
        if let gap = offer.priceGap { return .failure(Unpriced(reason: gap)) }
        guard let prices = offer.pricing.tokens, let standard = prices.standard else {
            let missing = offer.pricing.tokens?.inputPerMTok == nil ? "input_per_mtok" : "output_per_mtok"
            return .failure(Unpriced(reason: "no price (\(missing) is missing)"))
        }
        // The plain two-line bill (most offers, most workloads): no segments, no notes to build.
        if pricing.mode == .standard, pricing.cachedShare == 0, prices.contextTier == nil, prices.offPeak == nil {
            return .success(([Part(label: "input tokens", side: .input, share: 1, rate: standard.input, exactRate: standardRates?.input),
                              Part(label: "output tokens", side: .output, share: 1, rate: standard.output, exactRate: standardRates?.output)], []))
        }
        var notes: [Notice] = []
        var rates = standard
        var prefix = ""
        if pricing.mode != .standard {
            guard let modeRates = prices.modeRates[pricing.mode] else {
                return .failure(Unpriced(reason: "no \(pricing.mode.rawValue) price (\(Setting.mode) \(pricing.mode.rawValue))"))
            }
            rates = modeRates
            prefix = "\(pricing.mode.rawValue) "
        }
        // Segments of the bill: shares of input and output tokens at one set of rates.
        var segments = [Segment(input: 1, output: 1, rates: rates, isBase: pricing.mode == .standard, suffix: "")]
        if let contextTier = prices.contextTier {
            let threshold = Numbers.formatted(contextTier.aboveInputTokens)
            let tierText = "input \(Numbers.exact(contextTier.rates.input)) / output \(Numbers.exact(contextTier.rates.output)) per 1M"
            var long: (input: Decimal, output: Decimal)?
            if let size = pricing.inputTokensPerRequest {
                if size > contextTier.aboveInputTokens {
                    long = (1, 1)
                    notes.append(Notice(.longContextTier, "long-context tier applied: \(Numbers.formatted(size, scale: 0)) input tokens per request > \(threshold), so every token is priced at \(tierText)",
                                          setting: .tokensPerRequest, figure: 1))
                } else {
                    notes.append(Notice(.longContextTier, "long-context tier not reached: \(Numbers.formatted(size, scale: 0)) input tokens per request <= \(threshold)",
                                          setting: .tokensPerRequest, figure: 0))
                }
            } else if let sizes = pricing.requestSizes {
                let shares = sizes.shares(above: contextTier.aboveInputTokens)
                if shares.requests > 0 {
                    long = (shares.input, shares.output)
                    notes.append(Notice(.longContextTier, "long-context tier applied to \(Numbers.formatted(Decimal(shares.requests))) requests above \(threshold) input tokens (\(Money.plain(shares.input * 100, scale: 1))% of input tokens, \(sizes.origin)): \(tierText)",
                                          figure: shares.input))
                } else {
                    notes.append(Notice(.longContextTier, "long-context tier not reached: no request in \(sizes.origin) has more than \(threshold) input tokens", figure: 0))
                }
            } else {
                notes.append(Notice(.longContextTier, "requests above \(threshold) input tokens cost \(tierText); not applied without a request size (\(Setting.tokensPerRequest))",
                                      setting: .tokensPerRequest))
            }
            if let long {
                guard pricing.mode == .standard else {
                    return .failure(Unpriced(reason: "no \(pricing.mode.rawValue) price for requests above \(threshold) input tokens"))
                }
                let whole = long.input == 1 && long.output == 1
                segments = [Segment(input: 1 - long.input, output: 1 - long.output, rates: rates, isBase: true, suffix: ""),
                            Segment(input: long.input, output: long.output, rates: contextTier.rates, isBase: false, suffix: whole ? "" : " (long context)")]
                    .filter { $0.input > 0 || $0.output > 0 }
            }
        }
        if let window = prices.offPeak, pricing.mode == .standard {
            if let profile = pricing.dayProfile {
                let off = profile.share(in: window)
                notes.append(Notice(.offPeakPrices, "off-peak prices \(window.text): \(Money.plain(off * 100, scale: 1))% of tokens arrive then (\(profile.origin))", figure: off))
                segments = segments.flatMap { segment -> [Segment] in
                    [Segment(input: segment.input * (1 - off), output: segment.output * (1 - off), rates: segment.rates, isBase: segment.isBase, suffix: segment.suffix),
                     Segment(input: segment.input * off, output: segment.output * off, rates: window.rates, isBase: false, suffix: segment.suffix + " (off-peak)")]
                }.filter { $0.input > 0 || $0.output > 0 }
            } else {
                notes.append(Notice(.offPeakPrices, "off-peak prices \(window.text) (input \(Numbers.exact(window.rates.input)) / output \(Numbers.exact(window.rates.output))) not applied without a time profile (\(Setting.traffic) or \(Setting.trace)): every token at the peak rate",
                                      setting: .traffic))
            }
        }
        let cached = pricing.cachedShare
        if cached > 0, pricing.mode != .standard {
            notes.append(Notice(.cachedInput, "\(Setting.cachedShare) applies to standard requests only; \(pricing.mode.rawValue) input is billed in full", setting: .cachedShare))
        }
        let cachedShare = pricing.mode == .standard ? cached : 0
        if cachedShare > 0, prices.cachedInputPerMTok == nil {
            notes.append(Notice(.cachedInput, "no cached-input price: cached input billed at the input rate", setting: .cachedShare))
        } else if cachedShare > 0, segments.contains(where: { !$0.isBase }) {
            notes.append(Notice(.cachedInput, "cached input of long-context or off-peak requests billed at their input rate (no cached rate is published for them)", setting: .cachedShare))
        }
        var parts: [Part] = []
        for segment in segments {
            if cachedShare > 0, segment.input > 0 {
                let rate = segment.isBase ? (prices.cachedInputPerMTok ?? segment.rates.input) : segment.rates.input
                parts.append(Part(label: "\(prefix)cached input tokens\(segment.suffix)", side: .input, share: segment.input * cachedShare, rate: rate))
            }
            if cachedShare < 1, segment.input > 0 {
                parts.append(Part(label: "\(prefix)input tokens\(segment.suffix)", side: .input, share: segment.input * (1 - cachedShare), rate: segment.rates.input))
            }
            if segment.output > 0 || segments.count == 1 {
                parts.append(Part(label: "\(prefix)output tokens\(segment.suffix)", side: .output, share: segment.output, rate: segment.rates.output))
            }
        }
        return .success((parts, notes))
    }

    /// A share of the input and output tokens billed at one set of rates.
    struct Segment {
        var input: Decimal
        var output: Decimal
        var rates: TokenRates
        /// Standard rates at peak (where a cached-input price applies).
        var isBase: Bool
        var suffix: String
    }

    /// Why an offer has no per-token price for a workload.
    public struct Unpriced: Error, Equatable, Sendable {
        public var reason: String
    }

    /// A workload's token volume in the forms every per-token bill needs, converted once for many offers.
    public struct Volume: Sendable {
        let inputMillions: Decimal
        let outputMillions: Decimal
        let input: ExactNumber?
        let output: ExactNumber?

        /// The workload's token counts as exact millions, computed once for every per-token offer.
        public init(_ workload: Workload) {
            inputMillions = workload.inputTokens * Decimal.millionth
            outputMillions = workload.outputTokens * Decimal.millionth
            input = ExactNumber(workload.inputTokens)
            output = ExactNumber(workload.outputTokens)
        }
    }

    /// The cost of `workload` on a per-token offer; unpriced when a rate it needs is missing.
    ///
    /// `volume` (the workload's, converted once) and `rates` (the offer's standard rates as exact numbers) let a
    /// caller pricing many offers skip converting them for every offer; the amounts are the same.
    public static func cost(of offer: Offer, for workload: Workload, volume: Volume? = nil,
                            rates: (input: ExactNumber, output: ExactNumber)? = nil) -> OptionCost {
        switch parts(of: offer, pricing: workload.tokenPricing, standardRates: rates) {
        case .failure(let unpriced):
            return OptionCost(offer: offer, unpricedReason: unpriced.reason)
        case .success(let (parts, notes)):
            let volume = volume ?? Volume(workload)
            var items: [LineItem] = []
            for part in parts {
                let input = part.side == .input
                let tokens = input ? workload.inputTokens : workload.outputTokens
                let millions = part.share == 1 ? (input ? volume.inputMillions : volume.outputMillions) : tokens * part.share * Decimal.millionth
                let converted = input ? volume.input : volume.output
                do {
                    let cents = try Exact.evaluate {
                        let exactTokens = if let converted { converted } else { try ExactNumber.exactly(tokens) }
                        let exactRate = if let rate = part.exactRate { rate } else { try ExactNumber.exactly(part.rate) }
                        return try amount(tokens: exactTokens, share: part.share, rate: exactRate)
                    } wide: {
                        try amount(tokens: WideNumber.exactly(tokens), share: part.share, rate: WideNumber.exactly(part.rate))
                    }
                    items.append(LineItem(label: part.label, quantity: millions, unit: "1M tokens", unitPrice: part.rate, cents: cents))
                } catch {
                    return OptionCost(offer: offer, unpricedReason: OptionCost.beyondExactRange, notes: notes)
                }
            }
            return OptionCost(offer: offer, lineItems: items, notes: notes)
        }
    }

    /// The amount in cents of `tokens` at `rate` per 1M tokens for a `share` of them: tokens x share x rate /
    /// 1,000,000, rounded once, half away from zero.
    static func amount<N: ExactArithmetic>(tokens: N, share: Decimal, rate: N) throws(ExactNumber.ArithmeticError) -> Int128 {
        let billed = share == 1 ? tokens : try tokens * .exactly(share)
        return try (billed * rate).rounded(scale: 2, dividedBy: N(.million))
    }

    /// The cost per token of the blend of parts, for a workload with this input share (exact): the slope of the
    /// per-token cost line used by break-even.
    public static func costPerToken(_ parts: [Part], inputShare: Decimal) -> Decimal {
        parts.reduce(Decimal(0)) { sum, part in
            sum + (part.side == .input ? inputShare : 1 - inputShare) * part.share * part.rate / 1_000_000
        }
    }

    /// The two line amounts in cents of the plain bill: tokens x rate / 1,000,000 each, rounded half away from zero.
    public static func amounts<N: ExactArithmetic>(
        input: N, output: N, inputRate: N, outputRate: N
    ) throws(ExactNumber.ArithmeticError) -> (input: Int128, output: Int128) {
        (try amount(tokens: input, share: 1, rate: inputRate), try amount(tokens: output, share: 1, rate: outputRate))
    }
}

extension Decimal {
    /// Exactly 0.000001: multiply by it instead of dividing by 1,000,000.
    public static let millionth = Decimal(sign: .plus, exponent: -6, significand: 1)
}

extension ExactNumber {
    public static let million = ExactNumber(mantissa: 1, exponent: 6)
}

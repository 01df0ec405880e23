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
        public enum Side: Sendable { case input, output }
        public var label: String
        public var side: Side
        /// The share of that side's tokens (exact fraction, 0...1).
        public var share: Decimal
        /// Price per 1M tokens.
        public var rate: Decimal
    }

    /// The parts of the bill for `offer` under `pricing`, with notes; or why the offer cannot be priced.
    public static func parts(of offer: Offer, pricing: TokenPricing) -> Result<(parts: [Part], notes: [String]), Unpriced> {
        if let gap = offer.priceGap { return .failure(Unpriced(reason: gap)) }
        guard let standard = offer.tokenRates else {
            let missing = offer.inputPerMTok == nil ? "input_per_mtok" : "output_per_mtok"
            return .failure(Unpriced(reason: "no price (\(missing) is missing)"))
        }
        var notes: [String] = []
        var rates = standard
        var tier = "standard"
        if pricing.mode != .standard {
            guard let modeRates = offer.modeRates[pricing.mode] else {
                return .failure(Unpriced(reason: "no \(pricing.mode.rawValue) price (--mode \(pricing.mode.rawValue))"))
            }
            rates = modeRates
            tier = pricing.mode.rawValue
        }
        if let contextTier = offer.contextTier {
            let threshold = Numbers.formatted(contextTier.aboveInputTokens)
            if let size = pricing.inputTokensPerRequest {
                if size > contextTier.aboveInputTokens {
                    guard pricing.mode == .standard else {
                        return .failure(Unpriced(reason: "no \(pricing.mode.rawValue) price for requests above \(threshold) input tokens"))
                    }
                    rates = contextTier.rates
                    tier = "long-context"
                    notes.append("long-context tier applied: \(Numbers.formatted(size, scale: 0)) input tokens per request > \(threshold), so every token is priced at input \(Numbers.exact(rates.input)) / output \(Numbers.exact(rates.output)) per 1M")
                } else {
                    notes.append("long-context tier not reached: \(Numbers.formatted(size, scale: 0)) input tokens per request <= \(threshold)")
                }
            } else {
                notes.append("requests above \(threshold) input tokens cost input \(Numbers.exact(contextTier.rates.input)) / output \(Numbers.exact(contextTier.rates.output)) per 1M; not applied without a request size (--tokens-per-request)")
            }
        }
        var parts: [Part] = []
        let cached = pricing.cachedShare
        if cached > 0, pricing.mode != .standard {
            notes.append("--cached-share applies to standard requests only; \(pricing.mode.rawValue) input is billed in full")
        }
        let cachedShare = pricing.mode == .standard ? cached : 0
        var cachedRate = rates.input
        if cachedShare > 0 {
            if let rate = offer.cachedInputPerMTok, tier == "standard" {
                cachedRate = rate
            } else {
                notes.append("no cached-input price\(tier == "standard" ? "" : " for the \(tier) tier"): cached input billed at the input rate")
            }
        }
        let prefix = tier == "standard" ? "" : "\(tier) "
        if let window = offer.offPeak, tier == "standard" || tier == "long-context" {
            if let profile = pricing.dayProfile {
                let off = profile.share(in: window)
                let peak = 1 - off
                notes.append("off-peak prices \(window.text): \(Money.plain(off * 100, scale: 1))% of tokens arrive then (\(profile.origin))")
                // Cached input off-peak is billed at the off-peak input rate (no off-peak cached rate is published).
                for (suffix, share, r, cachedAt) in [("", peak, rates, cachedRate), (" (off-peak)", off, window.rates, window.rates.input)] where share > 0 {
                    if cachedShare > 0 {
                        parts.append(Part(label: "\(prefix)cached input tokens\(suffix)", side: .input, share: share * cachedShare, rate: cachedAt))
                    }
                    if cachedShare < 1 {
                        parts.append(Part(label: "\(prefix)input tokens\(suffix)", side: .input, share: share * (1 - cachedShare), rate: r.input))
                    }
                    parts.append(Part(label: "\(prefix)output tokens\(suffix)", side: .output, share: share, rate: r.output))
                }
                return .success((parts, notes))
            }
            notes.append("off-peak prices \(window.text) (input \(Numbers.exact(window.rates.input)) / output \(Numbers.exact(window.rates.output))) not applied without a time profile (--traffic or --trace): every token at the peak rate")
        }
        if cachedShare > 0 { parts.append(Part(label: "\(prefix)cached input tokens", side: .input, share: cachedShare, rate: cachedRate)) }
        if cachedShare < 1 { parts.append(Part(label: "\(prefix)input tokens", side: .input, share: 1 - cachedShare, rate: rates.input)) }
        parts.append(Part(label: "\(prefix)output tokens", side: .output, share: 1, rate: rates.output))
        return .success((parts, notes))
    }

    /// Why an offer has no per-token price for a workload.
    public struct Unpriced: Error, Equatable, Sendable {
        public var reason: String
    }

    /// The cost of `workload` on a per-token offer; unpriced when a rate it needs is missing.
    public static func cost(of offer: Offer, for workload: Workload) -> OptionCost {
        switch parts(of: offer, pricing: workload.tokenPricing) {
        case .failure(let unpriced):
            return OptionCost(offer: offer, unpricedReason: unpriced.reason)
        case .success(let (parts, notes)):
            let items = parts.map { part -> LineItem in
                let tokens = (part.side == .input ? workload.inputTokens : workload.outputTokens) * part.share
                let millions = tokens * Decimal.millionth
                // Plain shares (1) take the exact path; fractions are products in Decimal, rounded once.
                let cents = part.share == 1
                    ? ExactNumber(part.side == .input ? workload.inputTokens : workload.outputTokens).flatMap { t in
                        ExactNumber(part.rate).flatMap { r in (t * r)?.rounded(scale: 2, dividedBy: .million) }
                    }
                    : nil
                return LineItem(label: part.label, quantity: millions, unit: "1M tokens", unitPrice: part.rate, cents: cents, exactAmount: millions * part.rate)
            }
            return OptionCost(offer: offer, lineItems: items, notes: notes)
        }
    }

    /// The cost per token of the blend of parts, for a workload with this input share (exact): the slope of the
    /// per-token cost line used by break-even.
    public static func costPerToken(_ parts: [Part], inputShare: Decimal) -> Decimal {
        parts.reduce(Decimal(0)) { sum, part in
            sum + (part.side == .input ? inputShare : 1 - inputShare) * part.share * part.rate / 1_000_000
        }
    }

    /// The two line amounts in cents: tokens x rate / 1,000,000 each, rounded half away from zero; nil on overflow.
    public static func amounts(input: ExactNumber, output: ExactNumber, inputRate: ExactNumber, outputRate: ExactNumber)
        -> (input: Int128, output: Int128)?
    {
        guard let a = (input * inputRate)?.rounded(scale: 2, dividedBy: .million),
              let b = (output * outputRate)?.rounded(scale: 2, dividedBy: .million) else { return nil }
        return (a, b)
    }
}

extension Decimal {
    /// Exactly 0.000001: multiply by it instead of dividing by 1,000,000.
    public static let millionth = Decimal(sign: .plus, exponent: -6, significand: 1)
}

extension ExactNumber {
    public static let million = ExactNumber(mantissa: 1, exponent: 6)
}

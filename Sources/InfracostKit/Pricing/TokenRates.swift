public import Foundation

/// A pair of per-token prices, USD (or the offer's currency) per 1M tokens.
public struct TokenRates: Equatable, Sendable {
    public var input: Decimal
    public var output: Decimal

    public init(input: Decimal, output: Decimal) {
        self.input = input
        self.output = output
    }
}

/// How per-token requests are bought: the standard synchronous API, or a discounted or premium mode where the
/// provider offers one (`batch`: results within 24 h, typically half price; `flex`: slower, cheaper; `priority`).
public enum PricingMode: String, CaseIterable, Sendable {
    case standard, batch, flex, priority
}

/// A long-context tier: a request with more than `aboveInputTokens` input tokens is priced wholly at `rates`.
public struct ContextTier: Equatable, Sendable {
    public var aboveInputTokens: Decimal
    public var rates: TokenRates

    public init(aboveInputTokens: Decimal, rates: TokenRates) {
        self.aboveInputTokens = aboveInputTokens
        self.rates = rates
    }
}

/// Time-of-day prices: tokens of requests that arrive in the UTC window [from, to) (minutes after midnight; the
/// window may wrap past midnight) are priced at `rates`.
public struct OffPeakWindow: Equatable, Sendable {
    public var fromMinute: Int
    public var toMinute: Int
    public var rates: TokenRates

    public init(fromMinute: Int, toMinute: Int, rates: TokenRates) {
        self.fromMinute = fromMinute
        self.toMinute = toMinute
        self.rates = rates
    }

    /// Whether minute `minute` of the UTC day (0..<1440) is in the window.
    public func contains(minute: Int) -> Bool {
        fromMinute <= toMinute ? (minute >= fromMinute && minute < toMinute) : (minute >= fromMinute || minute < toMinute)
    }

    /// The window as `HH:MM-HH:MM UTC`.
    public var text: String { "\(Self.clock(fromMinute))-\(Self.clock(toMinute)) UTC" }

    static func clock(_ minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}

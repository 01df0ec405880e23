public import Foundation

/// A pair of per-token prices, USD (or the offer's currency) per 1M tokens.
public struct TokenRates: Equatable, Sendable {
    public var input: Decimal
    public var output: Decimal

    /// Rates in the offer's currency per million input and output tokens (exact, non-negative).
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

    /// `rates` apply to requests whose prompt is longer than `aboveInputTokens` tokens.
    public init(aboveInputTokens: Decimal, rates: TokenRates) {
        self.aboveInputTokens = aboveInputTokens
        self.rates = rates
    }
}

/// Time-of-day prices: tokens of requests that arrive in the UTC window [from, to) (minutes after midnight; the
/// window may wrap past midnight) are priced at `rates`.
public struct OffPeakWindow: Equatable, Sendable {
    /// The first range: its start, minutes after midnight UTC.
    public var fromMinute: Int { ranges[0].from }
    /// The first range: its end (exclusive), minutes after midnight UTC.
    public var toMinute: Int { ranges[0].to }
    /// Every range of the window, each `from..<to` minutes after midnight UTC (wrapping past midnight when
    /// `to < from`). DeepSeek's V4 models are off-peak in two ranges of the day.
    public var ranges: [Range]
    public var rates: TokenRates

    /// One range of minutes of the UTC day.
    public struct Range: Equatable, Sendable {
        public var from: Int
        public var to: Int

        /// Minutes after midnight UTC, `from` inclusive to `to` exclusive (0...1440); `to` before `from` wraps
        /// midnight.
        public init(from: Int, to: Int) {
            self.from = from
            self.to = to
        }

        func contains(_ minute: Int) -> Bool {
            from <= to ? (minute >= from && minute < to) : (minute >= from || minute < to)
        }
    }

    /// `rates` from `fromMinute` to `toMinute` (minutes after midnight UTC, as `Range`).
    public init(fromMinute: Int, toMinute: Int, rates: TokenRates) {
        self.init(ranges: [Range(from: fromMinute, to: toMinute)], rates: rates)
    }

    /// - Parameter ranges: at least one range.
    public init(ranges: [Range], rates: TokenRates) {
        precondition(!ranges.isEmpty, "an off-peak window has at least one range")
        self.ranges = ranges
        self.rates = rates
    }

    /// Whether minute `minute` of the UTC day (0..<1440) is in the window.
    public func contains(minute: Int) -> Bool {
        ranges.contains { $0.contains(minute) }
    }

    /// The window as `HH:MM-HH:MM UTC`, ranges joined by commas.
    public var text: String {
        ranges.map { "\(Self.clock($0.from))-\(Self.clock($0.to))" }.joined(separator: ", ") + " UTC"
    }

    static func clock(_ minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}

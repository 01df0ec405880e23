public import Foundation

/// Rounding and formatting of US-dollar (or other currency) amounts held as `Decimal`.
///
/// The one rounding rule of infracost: an amount is rounded to the cent, half away from zero (`.plain`),
/// when it becomes a line item. Totals are the exact sums of rounded line items, so every breakdown adds up
/// to its total to the cent, as an invoice does.
public enum Money {
    /// Rounds an amount to `scale` decimal places, half away from zero.
    public static func rounded(_ value: Decimal, scale: Int = 2) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// The amount as plain text with exactly `scale` decimals and no separators, e.g. `"2160.00"`.
    ///
    /// This is the form used in JSON and CSV: every spreadsheet and JSON reader parses it exactly.
    public static func plain(_ value: Decimal, scale: Int = 2) -> String {
        let rounded = rounded(value, scale: scale)
        if let units = wholeUnits(rounded, scale: scale) { return plain(units: Int128(units), scale: scale) }
        let text = rounded.description
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        fraction += String(repeating: "0", count: max(0, scale - fraction.count))
        let isZero = parts[0].allSatisfy { $0 == "0" } && fraction.allSatisfy { $0 == "0" }
        return (negative && !isZero ? "-" : "") + parts[0] + (scale > 0 ? "." + fraction : "")
    }

    /// `value x 10^scale` as an integer, when `value` has at most `scale` decimals and the result is below 1e15.
    ///
    /// Converted through Int64 and checked exactly against the Decimal: much cheaper than `description`, which
    /// matters when a sweep writes hundreds of thousands of amounts.
    static func wholeUnits(_ value: Decimal, scale: Int) -> Int64? {
        let scaled = value * Decimal(sign: .plus, exponent: scale, significand: 1)
        guard scaled.magnitude < wholeUnitsLimit else { return nil }
        let units = NSDecimalNumber(decimal: scaled).int64Value
        return Decimal(units) == scaled ? units : nil
    }

    static let wholeUnitsLimit = Decimal(sign: .plus, exponent: 15, significand: 1)

    /// The amount for people: currency symbol, thousands separators, two decimals, e.g. `"$2,160.00"`.
    ///
    /// Built by hand with a fixed layout: Foundation's currency style prints "US$" on Linux.
    public static func formatted(_ value: Decimal, currency: String = "USD", scale: Int = 2) -> String {
        let text = plain(value, scale: scale)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let grouped = Numbers.grouped(String(parts[0]))
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        let symbol = symbol(for: currency)
        return (negative ? "-" : "") + symbol + grouped + fraction
    }

    /// A unit price for people, with as many decimals as it has (at least two): `"$0.000575"`, `"$2.50"`.
    public static func formattedPrice(_ value: Decimal, currency: String = "USD") -> String {
        formatted(value, currency: currency, scale: max(2, decimalPlaces(of: value)))
    }

    /// The number of decimal places needed to write `value` exactly (0 for whole numbers).
    public static func decimalPlaces(of value: Decimal) -> Int {
        let text = Numbers.exact(value)
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    /// The symbol printed before amounts in `currency`; the ISO code and a space when there is none.
    public static func symbol(for currency: String) -> String {
        switch currency {
        case "USD": return "$"
        case "EUR": return "€"
        case "GBP": return "£"
        default: return currency + " "
        }
    }
}

/// Formatting of plain (non-money) numbers for people.
public enum Numbers {
    /// Inserts a comma every three digits into a run of digits: `"1500000"` -> `"1,500,000"`.
    public static func grouped(_ digits: String) -> String {
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }

    /// A decimal rounded to `scale` places (trailing zeros kept), with thousands separators.
    public static func formatted(_ value: Decimal, scale: Int = 0) -> String {
        let text = Money.plain(value, scale: scale)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + grouped(String(parts[0])) + fraction
    }

    /// A decimal as its shortest exact text, e.g. `0.0014`, `2500`, `0.75`.
    public static func exact(_ value: Decimal) -> String {
        value.description
    }
}

public import Foundation

/// A number of tokens, parsed from the short forms people write: `750k`, `50M`, `2B`, `1.5e9`, `10000000`.
public enum TokenCount {
    /// Parses a token count with an optional suffix k (thousand), M (million), B or G (billion), T (trillion).
    ///
    /// The result must be a whole, positive number of tokens no larger than 1e15 (a quadrillion a month).
    /// - Parameter label: the flag or field the text came from, named in the error.
    /// - Throws: `InfracostError.invalidQuantity` naming `label`.
    public static func parse(_ text: String, label: String, allowZero: Bool = false) throws(InfracostError) -> Decimal {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let (number, multiplier) = splitSuffix(trimmed)
        let value: Decimal
        do {
            value = try DecimalText.parse(number)
        } catch {
            let reason = trimmed.isEmpty
                ? "it is empty"
                : "it is not a token count (write e.g. 750k, 50M, 2B, 1.5e9 or 10000000)"
            throw .invalidQuantity(label: label, value: text, reason: error == .tooLarge ? "it is more than 1e15 tokens" : reason)
        }
        let tokens = value * multiplier
        if tokens < 0 { throw .invalidQuantity(label: label, value: text, reason: "a token count cannot be negative") }
        if tokens == 0, !allowZero {
            throw .invalidQuantity(label: label, value: text, reason: "a token count must be greater than zero")
        }
        if tokens > maximum {
            throw .invalidQuantity(label: label, value: text, reason: "it is more than 1e15 tokens")
        }
        if Money.rounded(tokens, scale: 0) != tokens {
            throw .invalidQuantity(label: label, value: text, reason: "it is not a whole number of tokens")
        }
        return tokens
    }

    /// The largest token count accepted (1e15).
    public static let maximum = Decimal(string: "1e15")!

    /// A token count in the short form, to 3 significant digits: 2000000000 -> "2B", 750000 -> "750k".
    public static func abbreviated(_ tokens: Decimal) -> String {
        let units: [(Decimal, String)] = [(1_000_000_000_000, "T"), (1_000_000_000, "B"), (1_000_000, "M"), (1_000, "k")]
        for (size, suffix) in units where tokens >= size {
            let scaled = tokens / size
            let scale = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2
            var text = Money.plain(scaled, scale: scale)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text + suffix
        }
        return Numbers.formatted(tokens)
    }

    private static func splitSuffix(_ text: String) -> (String, Decimal) {
        guard let last = text.last else { return (text, 1) }
        let multiplier: Decimal?
        switch last {
        case "k", "K": multiplier = 1_000
        case "m", "M": multiplier = 1_000_000
        case "b", "B", "g", "G": multiplier = 1_000_000_000
        case "t", "T": multiplier = 1_000_000_000_000
        default: multiplier = nil
        }
        guard let multiplier else { return (text, 1) }
        return (String(text.dropLast()), multiplier)
    }
}

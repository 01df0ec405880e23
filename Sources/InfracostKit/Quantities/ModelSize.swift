public import Foundation

/// A model size in billions of parameters, written `70B`, `8b`, `1.5B` or `70`.
public enum ModelSize {
    /// Parses a model size; the result is in billions of parameters, more than 0 and at most 10,000.
    /// - Throws: `InfracostError.invalidQuantity` naming `label`.
    public static func parse(_ text: String, label: String = "\(Setting.modelSize)") throws(InfracostError) -> Decimal {
        var number = text.trimmingCharacters(in: .whitespaces)
        if number.hasSuffix("B") || number.hasSuffix("b") { number.removeLast() }
        guard let value = try? DecimalText.parse(number) else {
            throw .invalidQuantity(label: label, value: text, reason: "it is not a model size (write e.g. 8B, 70B or 1.5B)")
        }
        guard value > 0, value <= 10_000 else {
            throw .invalidQuantity(label: label, value: text, reason: "a model size must be more than 0 and at most 10000B")
        }
        return value
    }
}

/// A share between 0 and 1, written `0.75` or `75%`.
public enum Fraction {
    /// Parses a share; `allowZero` admits 0, `allowOne` admits 1.
    /// - Throws: `InfracostError.invalidQuantity` naming `label`.
    public static func parse(_ text: String, label: String, allowZero: Bool = true, allowOne: Bool = true) throws(InfracostError) -> Decimal {
        var number = text.trimmingCharacters(in: .whitespaces)
        let percent = number.hasSuffix("%")
        if percent { number.removeLast() }
        var value: Decimal
        do {
            value = try DecimalText.parse(number)
        } catch .tooManyDigits {
            throw .invalidQuantity(label: label, value: text, reason: "it has more than 30 significant digits (write e.g. 0.75 or 75%)")
        } catch {
            throw .invalidQuantity(label: label, value: text, reason: "it is not a share (write e.g. 0.75 or 75%)")
        }
        if percent { value /= 100 }
        let low = allowZero ? value >= 0 : value > 0
        let high = allowOne ? value <= 1 : value < 1
        guard low, high else {
            let range = "\(allowZero ? "at least" : "more than") 0 and \(allowOne ? "at most" : "less than") 1"
            throw .invalidQuantity(label: label, value: text, reason: "must be \(range) (0% to 100%)")
        }
        return value
    }
}

/// A change written as a percentage (`8%`) or a plain fraction (`0.08`), possibly above 100% or below 0.
public enum Percentage {
    /// Parses a change within `range` (fractions: 0.1 for 10%).
    /// - Throws: `InfracostError.invalidQuantity` naming `label`.
    public static func parse(_ text: String, label: String, range: ClosedRange<Decimal>, rangeText: String) throws(InfracostError) -> Decimal {
        var number = text.trimmingCharacters(in: .whitespaces)
        let percent = number.hasSuffix("%")
        if percent { number.removeLast() }
        do throws(InfracostError) {
            let value = try PlainNumber.parse(number, label: label, range: percent ? range.lowerBound * 100...range.upperBound * 100 : range, rangeText: rangeText)
            return percent ? value / 100 : value
        } catch {
            // Name the value as the user wrote it, with its % sign.
            guard case .invalidQuantity(_, _, let reason) = error else { throw error }
            throw .invalidQuantity(label: label, value: text, reason: reason)
        }
    }
}

/// A length of time, written `300`, `300s`, `500ms`, `5m`, `1.5h` or `1d`; the result is in seconds.
public enum DurationText {
    /// Parses a duration into seconds as a `Double`, for the simulator's clock (a time, not an amount of money).
    /// - Throws: what `parse(_:label:)` throws.
    public static func seconds(_ text: String, label: String) throws(InfracostError) -> Double {
        NSDecimalNumber(decimal: try parse(text, label: label)).doubleValue
    }

    /// Parses a duration into seconds (at least 0, at most 366 days).
    /// - Throws: `InfracostError.invalidQuantity` naming `label`.
    public static func parse(_ text: String, label: String) throws(InfracostError) -> Decimal {
        var number = text.trimmingCharacters(in: .whitespaces)
        var multiplier: Decimal = 1
        if number.hasSuffix("ms") {
            multiplier = Decimal(string: "0.001")!
            number.removeLast(2)
        } else if let last = number.last, let unit = ["s": 1, "m": 60, "h": 3600, "d": 86400][String(last)] {
            multiplier = Decimal(unit)
            number.removeLast()
        }
        guard let value = try? DecimalText.parse(number) else {
            throw .invalidQuantity(label: label, value: text, reason: "it is not a duration (write e.g. 500ms, 45s, 5m or 1h)")
        }
        let seconds = value * multiplier
        guard seconds >= 0, seconds <= 366 * 86400 else {
            throw .invalidQuantity(label: label, value: text, reason: "must be between 0 and 366 days")
        }
        return seconds
    }
}

/// A plain decimal quantity from the command line, with a range check.
public enum PlainNumber {
    /// Parses a number within `range`.
    /// - Throws: `InfracostError.invalidQuantity` naming `label` and the range.
    public static func parse(_ text: String, label: String, range: ClosedRange<Decimal>, rangeText: String) throws(InfracostError) -> Decimal {
        let value: Decimal
        do {
            value = try DecimalText.parse(text.trimmingCharacters(in: .whitespaces))
        } catch {
            throw .invalidQuantity(label: label, value: text, reason: error.reason)
        }
        guard range.contains(value) else { throw .invalidQuantity(label: label, value: text, reason: "must be \(rangeText)") }
        return value
    }
}

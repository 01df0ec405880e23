public import Foundation

/// Strict conversion of text to `Decimal`.
///
/// `Decimal(string:)` accepts a numeric prefix ("12abc" gives 12) and silently returns odd values for huge
/// exponents, so every number a user or a file gives us passes through here first.
public enum DecimalText {
    /// The largest magnitude accepted anywhere (1e18): far above any real price or volume, far below overflow.
    public static let maximumMagnitude = Decimal(string: "1e18")!

    static let posix = Locale(identifier: "en_US_POSIX")

    /// Why a text is not a number we accept.
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case notANumber
        case tooLarge
        case tooManyDigits

        /// The reason in words, for error messages.
        public var reason: String {
            switch self {
            case .empty: return "it is empty"
            case .notANumber: return "it is not a number"
            case .tooLarge: return "it is too large (the limit is 1e18)"
            case .tooManyDigits: return "it has more than 30 significant digits"
            }
        }
    }

    /// Parses a plain decimal number: optional sign, digits, optional fraction, optional exponent.
    ///
    /// Accepts `"12"`, `"-0.5"`, `"1.5e9"`, `".5"` is rejected (write `0.5`). No spaces, no thousands separators,
    /// no `NaN` or `inf`.
    /// - Throws: `Problem` saying why the text is not accepted.
    public static func parse(_ text: String) throws(Problem) -> Decimal {
        if text.isEmpty { throw .empty }
        // Native strings are contiguous UTF-8: read them in place (a catalog of 100,000 offers has 250,000 prices).
        if let result = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0, text: text) }) {
            return try result.get()
        }
        return try parse(bytes: Array(text.utf8), text: text).get()
    }

    private static func parse<Bytes: RandomAccessCollection<UInt8>>(bytes: Bytes, text: String) -> Result<Decimal, Problem> where Bytes.Index == Int {
        do throws(Problem) {
            return .success(try parseDigits(bytes, text: text))
        } catch {
            return .failure(error)
        }
    }

    private static func parseDigits<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, text: String) throws(Problem) -> Decimal
    where Bytes.Index == Int {
        var index = 0
        var mantissaDigits = 0
        var significantDigits = 0
        var seenNonZero = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        func readDigits() -> Int {
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                if bytes[index] != 0x30 { seenNonZero = true }
                if seenNonZero { significantDigits += 1 }
                index += 1
            }
            return index - start
        }
        mantissaDigits += readDigits()
        if mantissaDigits == 0 { throw .notANumber }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fraction = readDigits()
            if fraction == 0 { throw .notANumber }
        }
        var exponent = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var negative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                negative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            if index == start { throw .notANumber }
            // Clamp the exponent's text before converting so "1e99999999999999999999" cannot overflow Int.
            let digits = String(decoding: bytes[start..<index].drop { $0 == 0x30 }, as: UTF8.self)
            exponent = digits.count > 4 ? 9999 : Int(digits) ?? 0
            if negative { exponent = -exponent }
        }
        if index != bytes.count { throw .notANumber }
        if significantDigits > 30 { throw .tooManyDigits }
        // Foundation's Decimal holds exponents of about -128...127; keep far inside that.
        if exponent > 40 { throw seenNonZero ? .tooLarge : .notANumber }
        if exponent < -60 { return 0 }
        // Build the value from its digits: exact, and far cheaper than Decimal(string:) with a Locale.
        var significand: UInt64 = 0
        var fractionDigits = 0
        var inFraction = false
        var overflow = false
        for byte in bytes.prefix(while: { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }) {
            switch byte {
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (times10, o1) = significand.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - 0x30))
                overflow = overflow || o1 || o2
                significand = sum
                if inFraction { fractionDigits += 1 }
            default: break
            }
        }
        let negative = bytes.first == UInt8(ascii: "-")
        let value: Decimal
        if overflow {
            guard let parsed = Decimal(string: text, locale: DecimalText.posix) else { throw .notANumber }
            value = parsed
        } else {
            value = Decimal(sign: negative ? .minus : .plus, exponent: exponent - fractionDigits, significand: Decimal(significand))
            // Within the limit without a Decimal comparison (microseconds each) when the integers say so.
            if !overflow, Self.withinLimit(significand: significand, exponent: exponent - fractionDigits) { return value }
        }
        if value.magnitude > maximumMagnitude { throw .tooLarge }
        return value
    }

    /// Whether `significand x 10^exponent` is certainly at most 1e18 (false means: compare exactly).
    static func withinLimit(significand: UInt64, exponent: Int) -> Bool {
        let limit: UInt64 = 1_000_000_000_000_000_000
        if exponent <= 0 { return significand <= limit }
        if exponent > 18 { return significand == 0 }
        var scaled = significand
        for _ in 0..<exponent {
            let (next, overflow) = scaled.multipliedReportingOverflow(by: 10)
            if overflow { return false }
            scaled = next
        }
        return scaled <= limit
    }
}

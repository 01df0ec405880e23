public import Foundation

/// An exact decimal number, `mantissa x 10^exponent`, with a 128-bit integer mantissa.
///
/// The cost models compute every line item through this type: products of prices, token counts and hours are
/// exact, and a quotient (tokens / throughput, seconds / 3,600) is rounded to the cent exactly, half away from
/// zero, instead of being cut at 38 digits first as `Decimal` division does. It is also two orders of magnitude
/// faster than `Decimal`, which lets a sweep price hundreds of thousands of points. An operation whose result does
/// not fit throws `ExactNumber.ArithmeticError` (typed), so a chain of them is straight-line code with one `try`
/// each and one place that decides what overflow means: the cost models write each formula once against
/// `ExactArithmetic` and `Exact.evaluate` runs it again in `WideNumber` when this type overflows.
public struct ExactNumber: Equatable, Hashable, Sendable {
    /// Why an exact operation has no result.
    public enum ArithmeticError: Error, Equatable, Sendable {
        /// The result needs more than the 128-bit mantissa (about 38 digits), or a power of ten beyond 10^38.
        case overflow
        /// A quotient with a zero divisor.
        case divisionByZero
        /// A `Decimal` NaN given as an operand.
        case notANumber
    }

    /// The digits, without trailing zeros (the normal form `==` and hashing rely on, so it is set only here).
    public private(set) var mantissa: Int128
    /// The power of ten the mantissa is scaled by.
    public private(set) var exponent: Int

    /// mantissa x 10^exponent, exactly, kept in normal form (no trailing zeros in the mantissa).
    public init(mantissa: Int128, exponent: Int = 0) {
        self.mantissa = mantissa
        self.exponent = exponent
        normalize()
    }

    /// The integer `value`, exactly.
    public init(_ value: Int) {
        self.init(mantissa: Int128(value))
    }

    /// Below this a Decimal's significand converts through `UInt64` exactly.
    static let fastLimit = Decimal(string: "1000000000000000000")!

    public static let zero = ExactNumber(mantissa: 0)
    public static let one = ExactNumber(mantissa: 1)

    /// The exact value of a `Decimal`; nil if its digits do not fit (more than about 38 significant digits).
    public init?(_ decimal: Decimal) {
        if decimal.isNaN { return nil }
        // Most values (prices, token counts) have fewer than 18 digits: read the significand as an integer, 50x
        // faster than through the text.
        let significand = decimal.significand.magnitude
        if significand < Self.fastLimit {
            let digits = Int128(NSDecimalNumber(decimal: significand).uint64Value)
            self.init(mantissa: decimal.sign == .minus ? -digits : digits, exponent: decimal.exponent)
            return
        }
        // Decimal's description is plain positional notation ("-123.456", "100000"), never scientific.
        let text = decimal.description
        var mantissa: Int128 = 0
        var exponent = 0
        var negative = false
        var fraction = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): fraction = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (times10, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int128(byte - 0x30))
                if o1 || o2 { return nil }
                mantissa = sum
                if fraction { exponent -= 1 }
            default: return nil
            }
        }
        self.init(mantissa: negative ? -mantissa : mantissa, exponent: exponent)
    }

    /// The same value as a `Decimal`.
    public var decimal: Decimal {
        let magnitude = Decimal(string: String(mantissa.magnitude))!
        return Decimal(sign: mantissa < 0 ? .minus : .plus, exponent: exponent, significand: magnitude)
    }

    /// Drops trailing zeros from the mantissa so products stay small.
    mutating func normalize() {
        if mantissa == 0 {
            exponent = 0
            return
        }
        while mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
    }

    static func powerOfTen(_ n: Int) -> Int128? {
        guard n >= 0, n <= 38 else { return nil }
        var value: Int128 = 1
        for _ in 0..<n { value *= 10 }
        return value
    }

    /// The exact product.
    public static func * (lhs: ExactNumber, rhs: ExactNumber) throws(ArithmeticError) -> ExactNumber {
        let (product, overflow) = lhs.mantissa.multipliedReportingOverflow(by: rhs.mantissa)
        if overflow { throw .overflow }
        return ExactNumber(mantissa: product, exponent: lhs.exponent + rhs.exponent)
    }

    /// Both mantissas at the smaller exponent.
    static func aligned(_ a: ExactNumber, _ b: ExactNumber) throws(ArithmeticError) -> (Int128, Int128, Int) {
        let exponent = min(a.exponent, b.exponent)
        guard let fa = powerOfTen(a.exponent - exponent), let fb = powerOfTen(b.exponent - exponent) else { throw .overflow }
        let (ma, o1) = a.mantissa.multipliedReportingOverflow(by: fa)
        let (mb, o2) = b.mantissa.multipliedReportingOverflow(by: fb)
        if o1 || o2 { throw .overflow }
        return (ma, mb, exponent)
    }

    /// The exact difference.
    public static func - (lhs: ExactNumber, rhs: ExactNumber) throws(ArithmeticError) -> ExactNumber {
        let (a, b, exponent) = try aligned(lhs, rhs)
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        if overflow { throw .overflow }
        return ExactNumber(mantissa: difference, exponent: exponent)
    }

    /// The exact sum.
    public static func + (lhs: ExactNumber, rhs: ExactNumber) throws(ArithmeticError) -> ExactNumber {
        let (a, b, exponent) = try aligned(lhs, rhs)
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { throw .overflow }
        return ExactNumber(mantissa: sum, exponent: exponent)
    }

    /// -1, 0 or 1 as `lhs` is below, equal to or above `rhs`.
    public static func compare(_ lhs: ExactNumber, _ rhs: ExactNumber) throws(ArithmeticError) -> Int {
        let (a, b, _) = try aligned(lhs, rhs)
        return a < b ? -1 : a == b ? 0 : 1
    }

    /// `self / divisor` as a whole number of units of 10^-scale, rounded half away from zero.
    public func rounded(scale: Int, dividedBy divisor: ExactNumber = .one) throws(ArithmeticError) -> Int128 {
        guard divisor.mantissa != 0 else { throw .divisionByZero }
        let shift = exponent - divisor.exponent + scale
        var numerator = mantissa
        var denominator = divisor.mantissa
        if shift >= 0 {
            guard let factor = ExactNumber.powerOfTen(shift) else {
                if mantissa == 0 { return 0 }
                throw .overflow
            }
            let (scaled, overflow) = numerator.multipliedReportingOverflow(by: factor)
            if overflow { throw .overflow }
            numerator = scaled
        } else {
            // A quotient below 10^-38 of a unit rounds to zero.
            guard let factor = ExactNumber.powerOfTen(-shift) else { return 0 }
            let (scaled, overflow) = denominator.multipliedReportingOverflow(by: factor)
            if overflow { throw .overflow }
            denominator = scaled
        }
        if denominator < 0 {
            // -Int128.min does not exist.
            if numerator == .min || denominator == .min { throw .overflow }
            numerator = -numerator
            denominator = -denominator
        }
        let quotient = numerator / denominator
        let remainder = (numerator % denominator).magnitude
        if remainder * 2 >= denominator.magnitude {
            return numerator < 0 ? quotient - 1 : quotient + 1
        }
        return quotient
    }

    /// ceil(self / divisor) as an integer; `divisor` must be positive (else `divisionByZero`).
    public func ceilingDivided(by divisor: ExactNumber) throws(ArithmeticError) -> Int128 {
        guard divisor.mantissa > 0 else { throw .divisionByZero }
        let (a, b, _) = try ExactNumber.aligned(self, divisor)
        let quotient = a / b
        return a % b > 0 ? quotient + 1 : quotient
    }
}

extension Money {
    /// `cents` as plain text with two decimals, e.g. 216000 -> `"2160.00"`.
    public static func plain(cents: Int128) -> String {
        plain(units: cents, scale: 2)
    }

    /// `units` of 10^-scale as plain text with exactly `scale` decimals, e.g. (6000, 4) -> `"0.6000"`: the same
    /// text as `plain(_:scale:)` gives for that amount.
    public static func plain(units: Int128, scale: Int) -> String {
        let magnitude = units.magnitude
        var digits = magnitude <= UInt128(UInt64.max) ? String(UInt64(magnitude)) : String(magnitude)
        if scale > 0 {
            if digits.utf8.count <= scale { digits = String(repeating: "0", count: scale - digits.utf8.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return (units < 0 ? "-" : "") + digits
    }

    /// `cents` for people: `"$2,160.00"`.
    public static func formatted(cents: Int128, currency: String = "USD") -> String {
        // Written digit by digit from the right (a table of 100,000 rows formats one amount per row).
        guard cents.magnitude <= UInt128(UInt64.max) else {
            let parts = plain(cents: Int128(cents.magnitude)).split(separator: ".")
            return (cents < 0 ? "-" : "") + symbol(for: currency) + Numbers.grouped(String(parts[0])) + "." + parts[1]
        }
        var magnitude = UInt64(cents.magnitude)
        var reversed: [UInt8] = []
        reversed.reserveCapacity(48)
        for _ in 0..<2 {
            reversed.append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
        }
        reversed.append(UInt8(ascii: "."))
        var written = 0
        repeat {
            if written > 0, written % 3 == 0 { reversed.append(UInt8(ascii: ",")) }
            reversed.append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
            written += 1
        } while magnitude > 0
        return (cents < 0 ? "-" : "") + symbol(for: currency) + String(decoding: reversed.reversed(), as: UTF8.self)
    }

    /// An amount of `cents` (units of 0.01) as a `Decimal`.
    public static func fromCents(_ cents: Int128) -> Decimal { fromUnits(cents, scale: 2) }

    /// An amount of `units` of 10^-scale as a `Decimal`.
    public static func fromUnits(_ units: Int128, scale: Int) -> Decimal {
        let magnitude = units.magnitude <= UInt128(UInt64.max) ? Decimal(UInt64(units.magnitude)) : Decimal(string: String(units.magnitude))!
        return Decimal(sign: units < 0 ? .minus : .plus, exponent: -scale, significand: magnitude)
    }
}

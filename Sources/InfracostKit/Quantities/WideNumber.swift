public import Foundation

/// An exact decimal number, `mantissa x 10^exponent`, whose mantissa has as many digits as it needs.
///
/// The wide twin of `ExactNumber`: the same operations with the same results, for the rare formula whose
/// intermediate products need more than 128 bits (a price with thirty digits times a 15-digit token count, a
/// share computed to 38 digits). `Exact.evaluate` runs a formula in `ExactNumber` and, only when a step
/// overflows, again in `WideNumber`, so no amount ever falls back to an inexact type. Work is bounded: powers of
/// ten beyond `maximumPower` throw `.overflow`, so a hostile exponent cannot make a number of unbounded size.
/// Not `Equatable`: it keeps trailing zeros (1 x 10^1 and 10 x 10^0 are one value in two forms); compare rounded
/// results instead.
public struct WideNumber: Sendable {
    /// True for a negative number (never for zero).
    private(set) var negative: Bool
    /// The magnitude of the mantissa in base 2^32, least significant limb first, without leading zero limbs
    /// (empty for zero).
    private(set) var limbs: [UInt32]
    /// The power of ten the mantissa is scaled by.
    private(set) var exponent: Int

    /// The largest power of ten an operation scales by (aligning exponents, rounding): beyond it `.overflow`.
    static let maximumPower = 1_000

    init(negative: Bool, limbs: [UInt32], exponent: Int) {
        var limbs = limbs
        while limbs.last == 0 { limbs.removeLast() }
        self.negative = negative && !limbs.isEmpty
        self.limbs = limbs
        self.exponent = limbs.isEmpty ? 0 : exponent
    }

    /// The integer `value` x 10^exponent.
    public init(mantissa value: Int128, exponent: Int = 0) {
        var magnitude = value.magnitude
        var limbs: [UInt32] = []
        while magnitude > 0 {
            limbs.append(UInt32(truncatingIfNeeded: magnitude))
            magnitude >>= 32
        }
        self.init(negative: value < 0, limbs: limbs, exponent: exponent)
    }

    /// The same value as an `ExactNumber`.
    public init(_ exact: ExactNumber) {
        self.init(mantissa: exact.mantissa, exponent: exact.exponent)
    }

    /// The exact value of a `Decimal` (every digit of it); nil for NaN.
    public init?(_ decimal: Decimal) {
        if decimal.isNaN { return nil }
        // Decimal's description is plain positional notation ("-123.456", "100000"), never scientific.
        var limbs: [UInt32] = []
        var exponent = 0
        var negative = false
        var fraction = false
        for byte in decimal.description.utf8 {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): fraction = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                WideNumber.multiply(&limbs, by: 10, adding: UInt32(byte - 0x30))
                if fraction { exponent -= 1 }
            default: return nil
            }
        }
        self.init(negative: negative, limbs: limbs, exponent: exponent)
    }

    /// -1, 0 or 1 as the number is negative, zero or positive.
    public var signum: Int { limbs.isEmpty ? 0 : negative ? -1 : 1 }

    // MARK: Arithmetic

    /// The exact product.
    public static func * (lhs: WideNumber, rhs: WideNumber) throws(ExactNumber.ArithmeticError) -> WideNumber {
        WideNumber(negative: lhs.negative != rhs.negative, limbs: product(lhs.limbs, rhs.limbs), exponent: lhs.exponent + rhs.exponent)
    }

    /// The exact sum.
    public static func + (lhs: WideNumber, rhs: WideNumber) throws(ExactNumber.ArithmeticError) -> WideNumber {
        let (a, b, exponent) = try aligned(lhs, rhs)
        if lhs.negative == rhs.negative { return WideNumber(negative: lhs.negative, limbs: sum(a, b), exponent: exponent) }
        // Opposite signs: the larger magnitude keeps its sign.
        return compare(a, b) >= 0
            ? WideNumber(negative: lhs.negative, limbs: difference(a, b), exponent: exponent)
            : WideNumber(negative: rhs.negative, limbs: difference(b, a), exponent: exponent)
    }

    /// The exact difference.
    public static func - (lhs: WideNumber, rhs: WideNumber) throws(ExactNumber.ArithmeticError) -> WideNumber {
        try lhs + WideNumber(negative: !rhs.negative, limbs: rhs.limbs, exponent: rhs.exponent)
    }

    /// `self / divisor` as a whole number of units of 10^-scale, rounded half away from zero; `.overflow` when
    /// that does not fit an `Int128`.
    public func rounded(scale: Int, dividedBy divisor: WideNumber) throws(ExactNumber.ArithmeticError) -> Int128 {
        guard !divisor.limbs.isEmpty else { throw .divisionByZero }
        if limbs.isEmpty { return 0 }
        let shift = exponent - divisor.exponent + scale
        var numerator = limbs
        var denominator = divisor.limbs
        if shift >= 0 {
            numerator = try WideNumber.scaled(numerator, byPowerOfTen: shift)
        } else {
            // Each limb holds under 10 digits: a divisor with more powers of ten than that leaves a quotient
            // below 0.1, which rounds to zero.
            if -shift > numerator.count * 10 + 1 { return 0 }
            denominator = try WideNumber.scaled(denominator, byPowerOfTen: -shift)
        }
        var (quotient, remainder) = WideNumber.divided(numerator, by: denominator)
        if WideNumber.compare(WideNumber.sum(remainder, remainder), denominator) >= 0 {
            quotient = WideNumber.sum(quotient, [1])
        }
        return try WideNumber.integer(quotient, negative: negative != divisor.negative)
    }

    /// ceil(self / divisor) as an integer; `divisor` must be positive (else `divisionByZero`).
    public func ceilingDivided(by divisor: WideNumber) throws(ExactNumber.ArithmeticError) -> Int128 {
        guard divisor.signum > 0 else { throw .divisionByZero }
        let (a, b, _) = try WideNumber.aligned(self, divisor)
        var (quotient, remainder) = WideNumber.divided(a, by: b)
        // Truncation is the ceiling of a negative quotient; a positive one with a remainder rounds up.
        if !negative, !remainder.isEmpty { quotient = WideNumber.sum(quotient, [1]) }
        return try WideNumber.integer(quotient, negative: negative)
    }

    // MARK: Magnitudes (base 2^32, least significant limb first)

    /// Both magnitudes at the smaller exponent.
    static func aligned(_ a: WideNumber, _ b: WideNumber) throws(ExactNumber.ArithmeticError) -> ([UInt32], [UInt32], Int) {
        if a.limbs.isEmpty { return ([], b.limbs, b.exponent) }
        if b.limbs.isEmpty { return (a.limbs, [], a.exponent) }
        let exponent = min(a.exponent, b.exponent)
        return (try scaled(a.limbs, byPowerOfTen: a.exponent - exponent), try scaled(b.limbs, byPowerOfTen: b.exponent - exponent), exponent)
    }

    /// `value` x 10^power; `.overflow` past `maximumPower`.
    static func scaled(_ value: [UInt32], byPowerOfTen power: Int) throws(ExactNumber.ArithmeticError) -> [UInt32] {
        guard power <= maximumPower else { throw .overflow }
        var result = value
        var left = power
        while left > 0 {
            let step = min(left, 9)
            multiply(&result, by: UInt32(powersOfTen[step]), adding: 0)
            left -= step
        }
        return result
    }

    static let powersOfTen: [UInt64] = (0...9).map { (0..<$0).reduce(1) { value, _ in value * 10 } }

    /// value = value x factor + addend, in place.
    static func multiply(_ value: inout [UInt32], by factor: UInt32, adding addend: UInt32) {
        var carry = UInt64(addend)
        for index in value.indices {
            let product = UInt64(value[index]) * UInt64(factor) + carry
            value[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry > 0 { value.append(UInt32(carry)) }
    }

    static func product(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty || b.isEmpty { return [] }
        var result = [UInt32](repeating: 0, count: a.count + b.count)
        for i in a.indices {
            var carry: UInt64 = 0
            for j in b.indices {
                let t = UInt64(a[i]) * UInt64(b[j]) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            result[i + b.count] = UInt32(carry)
        }
        while result.last == 0 { result.removeLast() }
        return result
    }

    static func sum(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt64 = 0
        for index in 0..<max(a.count, b.count) {
            let t = UInt64(index < a.count ? a[index] : 0) + UInt64(index < b.count ? b[index] : 0) + carry
            result.append(UInt32(truncatingIfNeeded: t))
            carry = t >> 32
        }
        if carry > 0 { result.append(UInt32(carry)) }
        return result
    }

    /// a - b, for a >= b.
    static func difference(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result = a
        var borrow: Int64 = 0
        for index in result.indices {
            var t = Int64(result[index]) - Int64(index < b.count ? b[index] : 0) - borrow
            borrow = t < 0 ? 1 : 0
            if t < 0 { t += 1 << 32 }
            result[index] = UInt32(t)
        }
        while result.last == 0 { result.removeLast() }
        return result
    }

    /// -1, 0 or 1 as a is below, equal to or above b (magnitudes without leading zero limbs).
    static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for index in a.indices.reversed() where a[index] != b[index] {
            return a[index] < b[index] ? -1 : 1
        }
        return 0
    }

    /// Quotient and remainder of a / b (b not zero): bit by bit, which is plenty for the few hundred bits this
    /// type is used for.
    static func divided(_ a: [UInt32], by b: [UInt32]) -> (quotient: [UInt32], remainder: [UInt32]) {
        if b.count == 1 {
            // One-limb divisor: short division.
            let divisor = UInt64(b[0])
            var quotient = [UInt32](repeating: 0, count: a.count)
            var remainder: UInt64 = 0
            for index in a.indices.reversed() {
                let t = remainder << 32 | UInt64(a[index])
                quotient[index] = UInt32(t / divisor)
                remainder = t % divisor
            }
            while quotient.last == 0 { quotient.removeLast() }
            return (quotient, remainder == 0 ? [] : [UInt32(remainder)])
        }
        var quotient = [UInt32](repeating: 0, count: a.count)
        var remainder: [UInt32] = []
        for bit in stride(from: a.count * 32 - 1, through: 0, by: -1) {
            // remainder = remainder x 2 + the next bit of a
            multiply(&remainder, by: 2, adding: (a[bit / 32] >> UInt32(bit % 32)) & 1)
            if compare(remainder, b) >= 0 {
                remainder = difference(remainder, b)
                quotient[bit / 32] |= 1 << UInt32(bit % 32)
            }
        }
        while quotient.last == 0 { quotient.removeLast() }
        return (quotient, remainder)
    }

    /// The magnitude as an `Int128` with the sign; `.overflow` when it does not fit. A negative value reaches one
    /// further than a positive one: -2^127 is `Int128.min` (as `ExactNumber` gives it).
    static func integer(_ magnitude: [UInt32], negative: Bool) throws(ExactNumber.ArithmeticError) -> Int128 {
        guard magnitude.count <= 4 else { throw .overflow }
        var value: UInt128 = 0
        for limb in magnitude.reversed() { value = value << 32 | UInt128(limb) }
        if negative, value == Int128.min.magnitude { return .min }
        guard value <= UInt128(Int128.max) else { throw .overflow }
        return negative ? -Int128(value) : Int128(value)
    }
}

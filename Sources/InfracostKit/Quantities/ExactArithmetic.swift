public import Foundation

/// Exact decimal arithmetic: what the cost models' formulas are written against, once, so that the same formula
/// runs in 128-bit `ExactNumber`s (fast) and, when a step overflows, in `WideNumber`s (as wide as needed).
///
/// Every operation is exact; only `rounded(scale:dividedBy:)` and `ceilingDivided(by:)` round, once, to an integer.
/// An operation that cannot give an exact result throws `ExactNumber.ArithmeticError`.
public protocol ExactArithmetic: Sendable {
    /// The same value as `exact`.
    init(_ exact: ExactNumber)
    /// The exact value of `decimal`; `.overflow` when this type cannot hold its digits, `.notANumber` for NaN.
    static func exactly(_ decimal: Decimal) throws(ExactNumber.ArithmeticError) -> Self
    /// The exact product.
    static func * (lhs: Self, rhs: Self) throws(ExactNumber.ArithmeticError) -> Self
    /// The exact sum.
    static func + (lhs: Self, rhs: Self) throws(ExactNumber.ArithmeticError) -> Self
    /// The exact difference.
    static func - (lhs: Self, rhs: Self) throws(ExactNumber.ArithmeticError) -> Self
    /// `self / divisor` as a whole number of units of 10^-scale, rounded half away from zero.
    func rounded(scale: Int, dividedBy divisor: Self) throws(ExactNumber.ArithmeticError) -> Int128
    /// ceil(self / divisor) as an integer; `divisor` must be positive.
    func ceilingDivided(by divisor: Self) throws(ExactNumber.ArithmeticError) -> Int128
    /// -1, 0 or 1 as the number is negative, zero or positive.
    var signum: Int { get }
}

extension ExactArithmetic {
    /// The integer `value`, exactly.
    public static func integer(_ value: Int) -> Self { Self(ExactNumber(value)) }
    /// The integer `value`, exactly.
    public static func integer(_ value: Int128) -> Self { Self(ExactNumber(mantissa: value)) }
}

extension ExactNumber: ExactArithmetic {
    /// `exact` itself.
    public init(_ exact: ExactNumber) { self = exact }

    /// The exact value of `decimal`; `.overflow` when its digits do not fit 128 bits, `.notANumber` for NaN.
    public static func exactly(_ decimal: Decimal) throws(ArithmeticError) -> ExactNumber {
        if decimal.isNaN { throw .notANumber }
        guard let exact = ExactNumber(decimal) else { throw .overflow }
        return exact
    }

    public var signum: Int { mantissa == 0 ? 0 : mantissa < 0 ? -1 : 1 }
}

extension WideNumber: ExactArithmetic {
    /// The exact value of `decimal`, every digit; `.notANumber` for NaN.
    public static func exactly(_ decimal: Decimal) throws(ExactNumber.ArithmeticError) -> WideNumber {
        guard let wide = WideNumber(decimal) else { throw .notANumber }
        return wide
    }
}

/// Runs exact formulas.
public enum Exact {
    /// The result of a formula written once against `ExactArithmetic`: `narrow` evaluates it in `ExactNumber`s and,
    /// only if that overflows, `wide` evaluates it in `WideNumber`s. Both give the same exact result wherever the
    /// narrow one has one; an error from `wide` (a result beyond `Int128`, a zero divisor) is the formula's.
    ///
    ///     let cents = try Exact.evaluate { try amount(ExactNumber.self) } wide: { try amount(WideNumber.self) }
    ///
    /// The closures are written with plain `throws` (Swift does not yet infer a closure's typed throws from its
    /// context); they call only `ExactArithmetic`'s operations, so what they throw is an `ArithmeticError`.
    public static func evaluate<Result>(_ narrow: () throws -> Result, wide: () throws -> Result) throws(ExactNumber.ArithmeticError) -> Result {
        do {
            return try narrow()
        } catch ExactNumber.ArithmeticError.overflow {
            // Wider numbers below.
        } catch {
            throw arithmetic(error)
        }
        do {
            return try wide()
        } catch {
            throw arithmetic(error)
        }
    }

    static func arithmetic(_ error: any Error) -> ExactNumber.ArithmeticError {
        guard let arithmetic = error as? ExactNumber.ArithmeticError else {
            preconditionFailure("an exact formula threw \(error), not an ArithmeticError")
        }
        return arithmetic
    }
}

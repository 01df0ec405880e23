import Foundation
import Testing

@testable import InfracostKit

struct ExactNumberTests {
    @Test(arguments: ["0", "1", "-1", "0.0014", "929", "2160.00", "-22272.5", "123456789012345678901234567890.12345678"])
    func roundTripsDecimals(text: String) throws {
        let decimal = Decimal(string: text)!
        #expect(try #require(ExactNumber(decimal)).decimal == decimal)
    }

    @Test func roundsQuotientsHalfAwayFromZero() throws {
        // 1,000 s at 2.50 per hour: 2,500 / 3,600 = 0.69444... -> 69 cents.
        #expect(try ExactNumber(mantissa: 2500).rounded(scale: 2, dividedBy: ExactNumber(3600)) == 69)
        // 1 / 8 = 0.125 -> 0.13; -0.125 -> -0.13.
        #expect(try ExactNumber(1).rounded(scale: 2, dividedBy: ExactNumber(8)) == 13)
        #expect(try ExactNumber(-1).rounded(scale: 2, dividedBy: ExactNumber(8)) == -13)
        // 0.0149999... stays below the half cent: 149,999 / 10,000,000 -> 1 cent.
        #expect(try ExactNumber(mantissa: 149_999, exponent: -7).rounded(scale: 2) == 1)
    }

    @Test func decidesTiesExactlyWhereDecimalDivisionWouldCutDigits() throws {
        // 1/3 of 0.015 is 0.005 exactly as a rational: 0.015 / 3 rounds up to 0.01.
        #expect(try ExactNumber(mantissa: 15, exponent: -3).rounded(scale: 2, dividedBy: ExactNumber(3)) == 1)
    }

    @Test func dividesToTheCeiling() throws {
        #expect(try ExactNumber(10).ceilingDivided(by: ExactNumber(5)) == 2)
        #expect(try ExactNumber(11).ceilingDivided(by: ExactNumber(5)) == 3)
        #expect(try ExactNumber(mantissa: 5_256_000_001).ceilingDivided(by: ExactNumber(mantissa: 5_256, exponent: 6)) == 2)
    }

    @Test func reportsOverflowInsteadOfWrapping() throws {
        let huge = ExactNumber(mantissa: Int128.max / 2)
        #expect(throws: ExactNumber.ArithmeticError.overflow) { try huge * ExactNumber(3) }
        #expect(throws: ExactNumber.ArithmeticError.overflow) { try huge + huge + huge }
        #expect(throws: ExactNumber.ArithmeticError.overflow) { try ExactNumber(0) - huge - huge - huge }
        // Aligning 1 with 10^-40 needs a power of ten past 10^38.
        #expect(throws: ExactNumber.ArithmeticError.overflow) { try ExactNumber(1) + ExactNumber(mantissa: 1, exponent: -40) }
        #expect(throws: ExactNumber.ArithmeticError.overflow) { try huge.rounded(scale: 2) }
        // Within range the same operations are exact.
        #expect(try ExactNumber(mantissa: Int128.max / 4) * ExactNumber(2) == ExactNumber(mantissa: Int128.max / 4 * 2))
    }

    @Test func refusesAZeroDivisor() throws {
        #expect(throws: ExactNumber.ArithmeticError.divisionByZero) { try ExactNumber(1).rounded(scale: 2, dividedBy: .zero) }
        #expect(throws: ExactNumber.ArithmeticError.divisionByZero) { try ExactNumber(1).ceilingDivided(by: .zero) }
        // A quotient below 10^-38 of a cent rounds to zero; zero scaled past 10^38 is still zero.
        #expect(try ExactNumber(mantissa: 1, exponent: -50).rounded(scale: 2) == 0)
        #expect(try ExactNumber.zero.rounded(scale: 50) == 0)
    }

    @Test func formatsCents() {
        #expect(Money.plain(cents: 216_000) == "2160.00")
        #expect(Money.plain(cents: 5) == "0.05")
        #expect(Money.plain(cents: -79_900) == "-799.00")
        #expect(Money.formatted(cents: 123_456_789) == "$1,234,567.89")
        #expect(Money.formatted(cents: 0) == "$0.00")
        #expect(Money.formatted(cents: 5) == "$0.05")
        #expect(Money.formatted(cents: 100_000) == "$1,000.00")
        #expect(Money.formatted(cents: 99_999) == "$999.99")
        #expect(Money.formatted(cents: -79_900, currency: "EUR") == "-€799.00")
        // Past UInt64 (the digit-by-digit path's range), the general path gives the same form.
        #expect(Money.formatted(cents: Int128(UInt64.max) * 10) == "$1,844,674,407,370,955,161.50")
    }
}

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
        #expect(ExactNumber(mantissa: 2500).rounded(scale: 2, dividedBy: ExactNumber(3600)) == 69)
        // 1 / 8 = 0.125 -> 0.13; -0.125 -> -0.13.
        #expect(ExactNumber(1).rounded(scale: 2, dividedBy: ExactNumber(8)) == 13)
        #expect(ExactNumber(-1).rounded(scale: 2, dividedBy: ExactNumber(8)) == -13)
        // 0.0149999... stays below the half cent: 149,999 / 10,000,000 -> 1 cent.
        #expect(ExactNumber(mantissa: 149_999, exponent: -7).rounded(scale: 2) == 1)
    }

    @Test func decidesTiesExactlyWhereDecimalDivisionWouldCutDigits() throws {
        // 1/3 of 0.015 is 0.005 exactly as a rational: 0.015 / 3 rounds up to 0.01.
        #expect(ExactNumber(mantissa: 15, exponent: -3).rounded(scale: 2, dividedBy: ExactNumber(3)) == 1)
    }

    @Test func dividesToTheCeiling() {
        #expect(ExactNumber(10).ceilingDivided(by: ExactNumber(5)) == 2)
        #expect(ExactNumber(11).ceilingDivided(by: ExactNumber(5)) == 3)
        #expect(ExactNumber(mantissa: 5_256_000_001).ceilingDivided(by: ExactNumber(mantissa: 5_256, exponent: 6)) == 2)
    }

    @Test func reportsOverflowInsteadOfWrapping() {
        let huge = ExactNumber(mantissa: Int128.max / 2)
        #expect(huge * ExactNumber(3) == nil)
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

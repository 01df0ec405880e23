import Foundation
import Testing

@testable import InfracostKit

/// The wide twin of `ExactNumber`, and the cost models' use of it where 128 bits overflow: amounts stay exact (no
/// Decimal fallback) whatever the digits of a price.
struct WideNumberTests {
    /// SplitMix64: the same pseudo-random numbers on every run.
    struct Numbers: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomExact(_ numbers: inout Numbers) -> ExactNumber {
        let digits = Int.random(in: 1...18, using: &numbers)
        var mantissa = Int128(Int64.random(in: 0..<Int64(pow(10, Double(digits))), using: &numbers))
        if Bool.random(using: &numbers) { mantissa = -mantissa }
        return ExactNumber(mantissa: mantissa, exponent: Int.random(in: -12...12, using: &numbers))
    }

    @Test func agreesWithExactNumberWhereverItsResultFits() throws {
        var numbers = Numbers(state: 17)
        var compared = 0
        for _ in 0..<20_000 {
            let a = Self.randomExact(&numbers), b = Self.randomExact(&numbers)
            let wa = WideNumber(a), wb = WideNumber(b)
            let scale = Int.random(in: 0...6, using: &numbers)
            for (narrow, wide) in [(try? a * b, try wa * wb), (try? a + b, try wa + wb), (try? a - b, try wa - wb)] {
                guard let narrow, let expected = try? narrow.rounded(scale: scale) else { continue }
                #expect(try wide.rounded(scale: scale, dividedBy: WideNumber(ExactNumber.one)) == expected)
                compared += 1
            }
            if b.mantissa != 0, let expected = try? a.rounded(scale: scale, dividedBy: b) {
                #expect(try wa.rounded(scale: scale, dividedBy: wb) == expected)
                compared += 1
            }
            let positive = ExactNumber(mantissa: b.mantissa.magnitude == 0 ? 1 : Int128(b.mantissa.magnitude), exponent: b.exponent)
            if let expected = try? a.ceilingDivided(by: positive) {
                #expect(try wa.ceilingDivided(by: WideNumber(positive)) == expected)
                compared += 1
            }
        }
        // Most random pairs fit 128 bits; the comparison is not vacuous.
        #expect(compared > 50_000)
    }

    @Test func computesExactlyPast128Bits() throws {
        // (10^30 + 1) x (10^30 - 1) = 10^60 - 1; divided by 10^58 and rounded to units: 99.99... -> 100.
        let a = try WideNumber(mantissa: Int128(10).power(30)) + WideNumber(mantissa: 1)
        let b = try WideNumber(mantissa: Int128(10).power(30)) - WideNumber(mantissa: 1)
        #expect(try (a * b).rounded(scale: 0, dividedBy: WideNumber(mantissa: 1, exponent: 58)) == 100)
        // To two decimals: 9,999.99... hundredths -> 10,000; to 60 digits it is one below 10^60 exactly.
        #expect(try (a * b).rounded(scale: 2, dividedBy: WideNumber(mantissa: 1, exponent: 58)) == 10_000)
        #expect(try (a * b - WideNumber(mantissa: 1, exponent: 60)).rounded(scale: 0, dividedBy: WideNumber(mantissa: 1)) == -1)
        // Half away from zero: +-0.005 -> +-0.01.
        #expect(try WideNumber(mantissa: 5, exponent: -3).rounded(scale: 2, dividedBy: WideNumber(mantissa: 1)) == 1)
        #expect(try WideNumber(mantissa: -5, exponent: -3).rounded(scale: 2, dividedBy: WideNumber(mantissa: 1)) == -1)
        // Ceilings: 10^40 / 3 -> 3,333...334 (40 digits are past Int128), and of a negative quotient, truncation.
        #expect(throws: ExactNumber.ArithmeticError.overflow) { try WideNumber(mantissa: 1, exponent: 40).ceilingDivided(by: WideNumber(mantissa: 3)) }
        #expect(try WideNumber(mantissa: 1, exponent: 37).ceilingDivided(by: WideNumber(mantissa: 3)) == Int128("3333333333333333333333333333333333334")!)
        #expect(try WideNumber(mantissa: -7).ceilingDivided(by: WideNumber(mantissa: 2)) == -3)
    }

    @Test func theMostNegativeMantissaIsAnOverflowNotATrap() throws {
        // Found by the `exact` fuzz target: dividing by Int128.min negated it. The wide number has the answer.
        let least = ExactNumber(mantissa: .min)
        #expect(throws: ExactNumber.ArithmeticError.overflow) { try ExactNumber(mantissa: 7).rounded(scale: 2, dividedBy: least) }
        #expect(try Exact.evaluate { try ExactNumber(mantissa: 7).rounded(scale: 2, dividedBy: least) }
                    wide: { try WideNumber(mantissa: 7).rounded(scale: 2, dividedBy: WideNumber(least)) } == 0)
        #expect(try WideNumber(least).rounded(scale: 0, dividedBy: WideNumber(mantissa: -1, exponent: 1)) == Int128("17014118346046923173168730371588410573")!)
    }

    /// Found by the `exact` fuzz target (CI, 2026-12-07): Int128.min x 10^-40 / 10^-40 is Int128.min, which
    /// `ExactNumber` returned while the wide number called it an overflow (it refused every magnitude past
    /// Int128.max, though a negative result reaches 2^127).
    @Test func theMostNegativeResultFitsAsInt128Min() throws {
        let least = ExactNumber(mantissa: .min, exponent: -40), unit = ExactNumber(mantissa: 1, exponent: -40)
        #expect(try least.rounded(scale: 0, dividedBy: unit) == .min)
        #expect(try WideNumber(least).rounded(scale: 0, dividedBy: WideNumber(unit)) == .min)
        #expect(try least.ceilingDivided(by: unit) == .min)
        #expect(try WideNumber(least).ceilingDivided(by: WideNumber(unit)) == .min)
        // One further is an overflow either way.
        let past = try WideNumber(least) - WideNumber(unit)
        #expect(throws: ExactNumber.ArithmeticError.overflow) { try past.rounded(scale: 0, dividedBy: WideNumber(unit)) }
        #expect(try WideNumber(mantissa: .max).rounded(scale: 0, dividedBy: WideNumber(ExactNumber.one)) == .max)
    }

    @Test func boundsItsWork() throws {
        #expect(throws: ExactNumber.ArithmeticError.overflow) { try WideNumber(mantissa: 1, exponent: 2_000) + WideNumber(mantissa: 1) }
        #expect(throws: ExactNumber.ArithmeticError.divisionByZero) { try WideNumber(mantissa: 1).rounded(scale: 2, dividedBy: WideNumber(mantissa: 0)) }
        // A quotient far below a unit is zero without scaling by a huge power.
        #expect(try WideNumber(mantissa: 7).rounded(scale: 2, dividedBy: WideNumber(mantissa: 1, exponent: 5_000)) == 0)
        #expect(WideNumber(Decimal.nan) == nil)
    }

    @Test func readsEveryDigitOfADecimal() throws {
        // 39 digits: more than an ExactNumber holds.
        let decimal = Decimal(string: "0.299999999999999999999999999999999999999")!
        #expect(ExactNumber(decimal) == nil)
        let wide = try #require(WideNumber(decimal))
        #expect(try wide.rounded(scale: 38, dividedBy: WideNumber(mantissa: 1)) == Int128("30000000000000000000000000000000000000")!)
    }

    @Test func aPerTokenLineWithAThirtyDigitPriceIsExactToTheCent() throws {
        // 123,456,789,012,345 tokens x 0.123456789012345678901234567891 per 1M = 15,241,578.7532387529... (by hand,
        // with Python's decimal at 200 digits) -> 15,241,578.75. The product needs 45 digits: past 128 bits.
        let catalog = try Fixtures.catalog("""
            {"schema_version": 1, "offers": [
              {"id": "a/long", "tier": "api", "model": "m", "input_per_mtok": "0.123456789012345678901234567891", "output_per_mtok": "0"}
            ]}
            """)
        let offer = try #require(catalog.offer(id: "a/long"))
        let tokens = ExactNumber(mantissa: 123_456_789_012_345)
        #expect(throws: ExactNumber.ArithmeticError.overflow) { try tokens * ExactNumber.exactly(Decimal(string: "0.123456789012345678901234567891")!) }
        let workload = Workload(inputTokens: 123_456_789_012_345, outputTokens: 0, targetUtilization: Decimal(string: "0.8")!)
        let option = PerTokenModel.cost(of: offer, for: workload)
        #expect(option.lineItems.first?.cents == 1_524_157_875)
        #expect(option.totalCents == 1_524_157_875)
        #expect(Money.plain(try #require(option.total)) == "15241578.75")
    }

    @Test func aDedicatedOfferWithLongFiguresIsSizedAndPricedExactly() throws {
        // Capacity 1,234.56789012345678901234567891 tok/s x 3,600 x 730 h x 0.7123 = 2,311,017,756.9786...;
        // 99,999,999,999,999 tokens need ceil(43,270.98) = 43,271 instances, x 2.12345678901234567890123456789 x 730 h
        // = 67,075,392.0636... -> 67,075,392.06 (Python's decimal, 200 digits). Aligning the tokens with the capacity
        // (10^-27) needs 41 digits: past 128 bits.
        let catalog = try Fixtures.catalog("""
            {"schema_version": 1, "offers": [
              {"id": "a/box", "tier": "dedicated", "gpu": "A100", "per_hour": "2.12345678901234567890123456789",
               "tokens_per_second": "1234.56789012345678901234567891"}
            ]}
            """)
        let offer = try #require(catalog.offer(id: "a/box"))
        let workload = Workload(inputTokens: 74_999_999_999_999, outputTokens: 25_000_000_000_000, targetUtilization: Decimal(string: "0.7123")!)
        let pricer = OfferPricer(offer: offer, shape: workload, catalog: catalog)
        let option = pricer.cost(for: workload)
        #expect(option.gpus == 43_271)
        #expect(option.totalCents == 6_707_539_206)
        // The 128-bit fast path has no answer here, and says so (nil) rather than a wrong one.
        #expect(pricer.totalCents(input: ExactNumber(mantissa: 74_999_999_999_999), output: ExactNumber(mantissa: 25, exponent: 12),
                                  total: ExactNumber(mantissa: 99_999_999_999_999)) == nil)
    }

    @Test func anAmountBeyondTheExactRangeIsUnpricedNotClipped() throws {
        // 1e15 tokens at 1e18 per 1M is 1e27 dollars: it fits. A total is never rounded or clipped; the option is
        // unpriced only past 1.7e36 dollars, which bounded inputs cannot reach, so check the sum directly.
        let item = LineItem(label: "x", quantity: 1, unit: "u", unitPrice: 1, cents: Int128.max / 2 + 1)
        let option = OptionCost(offer: try #require(Fixtures.catalog().offers.first), lineItems: [item, item])
        #expect(option.total == nil)
        #expect(option.unpricedReason == OptionCost.beyondExactRange)
        #expect(option.lineItems.isEmpty)
    }
}

extension Int128 {
    fileprivate func power(_ n: Int) -> Int128 { (0..<n).reduce(1) { value, _ in value * self } }
}

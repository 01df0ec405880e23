import Foundation
import Testing

@testable import InfracostKit

struct TokenCountTests {
    @Test(arguments: [
        ("750k", "750000"), ("50M", "50000000"), ("2B", "2000000000"), ("1.5e9", "1500000000"),
        ("10000000", "10000000"), ("3.2B", "3200000000"), ("1T", "1000000000000"), ("2b", "2000000000"),
        (" 2B ", "2000000000"), ("1.5k", "1500"),
    ])
    func acceptsShortForms(text: String, expected: String) throws {
        #expect(try TokenCount.parse(text, label: "--tokens") == Decimal(string: expected)!)
    }

    @Test(arguments: [
        ("-5", "a token count cannot be negative"),
        ("2X", "it is not a token count (write e.g. 750k, 50M, 2B, 1.5e9 or 10000000)"),
        ("1e999", "it is more than 1e15 tokens"),
        ("NaN", "it is not a token count (write e.g. 750k, 50M, 2B, 1.5e9 or 10000000)"),
        ("inf", "it is not a token count (write e.g. 750k, 50M, 2B, 1.5e9 or 10000000)"),
        ("", "it is empty"),
        ("0", "a token count must be greater than zero"),
        ("1.5", "it is not a whole number of tokens"),
        ("2e15", "it is more than 1e15 tokens"),
        ("12abc", "it is not a token count (write e.g. 750k, 50M, 2B, 1.5e9 or 10000000)"),
        ("2 B", "it is not a token count (write e.g. 750k, 50M, 2B, 1.5e9 or 10000000)"),
        ("1,000", "it is not a token count (write e.g. 750k, 50M, 2B, 1.5e9 or 10000000)"),
        ("B", "it is not a token count (write e.g. 750k, 50M, 2B, 1.5e9 or 10000000)"),
    ])
    func rejectsBadCountsNamingTheFlag(text: String, reason: String) {
        #expect(throws: InfracostError.invalidQuantity(label: "--tokens", value: text, reason: reason)) {
            try TokenCount.parse(text, label: "--tokens")
        }
    }

    @Test(arguments: [("2000000000", "2B"), ("750000", "750k"), ("3200000000", "3.2B"), ("1500", "1.5k"), ("999", "999")])
    func abbreviates(tokens: String, expected: String) {
        #expect(TokenCount.abbreviated(Decimal(string: tokens)!) == expected)
    }
}

struct DecimalTextTests {
    @Test func readsExactlyWhereDoubleWouldNot() throws {
        // 0.1 + 0.2 is not 0.3 in binary floating point; in Decimal it is.
        #expect(try DecimalText.parse("0.1") + DecimalText.parse("0.2") == DecimalText.parse("0.3"))
        #expect(try DecimalText.parse("0.000575") * 3600 == Decimal(string: "2.07")!)
    }

    @Test func sumsPerSecondChargesWithoutDrift() throws {
        // The published drift: 0.0175 USD/s summed once a second for 730 h is 45990 exactly.
        let perSecond = try DecimalText.parse("0.0175")
        var total = Decimal(0)
        for _ in 0..<(730 * 3600) { total += perSecond }
        #expect(total == 45990)
    }

    @Test(arguments: ["12abc", ".5", "5.", "1e", "--1", "0x10", "1_000", "１２"])
    func rejectsWhatDecimalStringWouldPartlyAccept(text: String) {
        #expect(throws: DecimalText.Problem.notANumber) { try DecimalText.parse(text) }
    }

    @Test func rejectsHugeExponentsWithoutOverflow() {
        #expect(throws: DecimalText.Problem.tooLarge) { try DecimalText.parse("1e99999999999999999999") }
        #expect(throws: DecimalText.Problem.tooLarge) { try DecimalText.parse("1e19") }
    }

    /// The 1e18 limit at its edge, by the integer check and by the exact comparison behind it.
    @Test func theLimitIsOneE18Exactly() throws {
        #expect(try DecimalText.parse("1e18") == Decimal(string: "1e18")!)
        #expect(try DecimalText.parse("1000000000000000000") == Decimal(string: "1e18")!)
        #expect(try DecimalText.parse("-1000000000000000000.0") == Decimal(string: "-1e18")!)
        #expect(try DecimalText.parse("0e30") == 0)
        #expect(throws: DecimalText.Problem.tooLarge) { try DecimalText.parse("1000000000000000001") }
        #expect(throws: DecimalText.Problem.tooLarge) { try DecimalText.parse("1.5e18") }
        #expect(throws: DecimalText.Problem.tooLarge) { try DecimalText.parse("100000000000000000000") }
        #expect(DecimalText.withinLimit(significand: 1, exponent: 18))
        #expect(!DecimalText.withinLimit(significand: 2, exponent: 18))
        #expect(!DecimalText.withinLimit(significand: 1, exponent: 19))
        #expect(throws: DecimalText.Problem.tooManyDigits) { try DecimalText.parse("1.0000000000000000000000000000001") }
    }
}

struct MoneyTests {
    @Test(arguments: [("1.005", "1.01"), ("1.004", "1.00"), ("-1.005", "-1.01"), ("2.675", "2.68"), ("0.125", "0.13")])
    func roundsHalfAwayFromZero(value: String, expected: String) {
        #expect(Money.rounded(Decimal(string: value)!) == Decimal(string: expected)!)
    }

    @Test(arguments: [
        ("2160", "2160.00", "$2,160.00"), ("929", "929.00", "$929.00"), ("0", "0.00", "$0.00"),
        ("-799", "-799.00", "-$799.00"), ("1234567.891", "1234567.89", "$1,234,567.89"), ("0.05", "0.05", "$0.05"),
    ])
    func formats(value: String, plain: String, formatted: String) {
        let amount = Decimal(string: value)!
        #expect(Money.plain(amount) == plain)
        #expect(Money.formatted(amount) == formatted)
    }

    @Test func formatsUnitPricesWithAllTheirDecimals() {
        #expect(Money.formattedPrice(Decimal(string: "0.000575")!) == "$0.000575")
        #expect(Money.formattedPrice(Decimal(string: "2.5")!) == "$2.50")
    }
}

struct OtherQuantityTests {
    @Test func parsesModelSizes() throws {
        #expect(try ModelSize.parse("70B") == 70)
        #expect(try ModelSize.parse("8b") == 8)
        #expect(try ModelSize.parse("1.5B") == Decimal(string: "1.5")!)
        #expect(throws: InfracostError.invalidQuantity(label: "model-size", value: "0B", reason: "a model size must be more than 0 and at most 10000B")) {
            try ModelSize.parse("0B")
        }
        #expect(throws: InfracostError.invalidQuantity(label: "model-size", value: "big", reason: "it is not a model size (write e.g. 8B, 70B or 1.5B)")) {
            try ModelSize.parse("big")
        }
    }

    @Test func parsesSharesAsFractionsOrPercentages() throws {
        #expect(try Fraction.parse("0.75", label: "--input-share") == Decimal(string: "0.75")!)
        #expect(try Fraction.parse("80%", label: "--target-utilization") == Decimal(string: "0.8")!)
        #expect(throws: InfracostError.invalidQuantity(label: "--target-utilization", value: "0", reason: "must be more than 0 and at most 1 (0% to 100%)")) {
            try Fraction.parse("0", label: "--target-utilization", allowZero: false)
        }
        #expect(throws: InfracostError.invalidQuantity(label: "--input-share", value: "1.2", reason: "must be at least 0 and at most 1 (0% to 100%)")) {
            try Fraction.parse("1.2", label: "--input-share")
        }
    }

    @Test func parsesDurations() throws {
        #expect(try DurationText.parse("5m", label: "--idle-timeout") == 300)
        #expect(try DurationText.parse("45s", label: "--idle-timeout") == 45)
        #expect(try DurationText.parse("1.5h", label: "--idle-timeout") == 5400)
        #expect(try DurationText.parse("90", label: "--idle-timeout") == 90)
        #expect(throws: InfracostError.self) { try DurationText.parse("5 minutes", label: "--idle-timeout") }
    }

    @Test(arguments: [("2025-02-28", true), ("2024-02-29", true), ("2025-02-29", false), ("2025-13-01", false), ("2025-1-01", false), ("25-01-01", false), ("2025-04-31", false)])
    func checksDates(text: String, valid: Bool) {
        #expect(IsoDate.isValid(text) == valid)
    }
}

struct PercentageTests {
    @Test func readsPercentagesAndFractions() throws {
        #expect(try Percentage.parse("8%", label: "--growth", range: -1...10, rangeText: "r") == Decimal(string: "0.08")!)
        #expect(try Percentage.parse("0.08", label: "--growth", range: -1...10, rangeText: "r") == Decimal(string: "0.08")!)
        #expect(try Percentage.parse("-5%", label: "--growth", range: -1...10, rangeText: "r") == Decimal(string: "-0.05")!)
        #expect(throws: InfracostError.invalidQuantity(label: "--growth", value: "1001%", reason: "must be between -100% and 1000%")) {
            try Percentage.parse("1001%", label: "--growth", range: -1...10, rangeText: "between -100% and 1000%")
        }
    }
}

/// A calendar day, written `YYYY-MM-DD` (proleptic Gregorian): the day a price took effect, was verified, is
/// deprecated or retired, or is asked for (`as-of`).
///
/// Days order and compare as days (by `number`), not as text, and are written back exactly as they were read.
public struct Day: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let number: Int
    /// The day as `YYYY-MM-DD`.
    public let text: String

    /// The day `text` names; nil unless it is a real date in the form `YYYY-MM-DD` (not `2025-02-30`).
    public init?(_ text: String) {
        // One pass over the UTF-8 bytes (a catalog reads a date per offer): digits, dashes, a real month and day.
        var fields = (year: 0, month: 0, day: 0)
        var count = 0
        for byte in text.utf8 {
            switch count {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard (0x30...0x39).contains(byte) else { return nil }
                let digit = Int(byte - 0x30)
                if count < 4 { fields.year = fields.year * 10 + digit } else if count < 7 { fields.month = fields.month * 10 + digit } else { fields.day = fields.day * 10 + digit }
            default: return nil
            }
            count += 1
        }
        let (y, m, d) = fields
        guard count == 10, (1...12).contains(m), d >= 1 else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let lengths = (31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
        let length = withUnsafeBytes(of: lengths) { $0.load(fromByteOffset: (m - 1) * MemoryLayout<Int>.stride, as: Int.self) }
        guard d <= length else { return nil }
        // Howard Hinnant's days_from_civil.
        let year = m <= 2 ? y - 1 : y
        let era = (year >= 0 ? year : year - 399) / 400
        let yoe = year - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146_097 + doe - 719_468
        self.text = text
    }

    /// The day `text` names.
    /// - Throws: `InfracostError.invalidQuantity` naming `label` unless `text` is a real date `YYYY-MM-DD`.
    public static func parse(_ text: String, label: String) throws(InfracostError) -> Day {
        guard let day = Day(text) else { throw .invalidQuantity(label: label, value: text, reason: "must be a date in the form YYYY-MM-DD") }
        return day
    }

    /// Today in UTC, `now` seconds after 1970-01-01T00:00:00Z.
    public static func today(now: Double) -> Day {
        let text = IsoDate.today(now: now)
        return Day(text)!
    }

    /// Whole days from this day to `later` (negative when `later` is earlier).
    public func days(until later: Day) -> Int { later.number - number }

    public var description: String { text }

    /// Whether `lhs` is an earlier day than `rhs`.
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }
    /// Whether both name the same day.
    public static func == (lhs: Day, rhs: Day) -> Bool { lhs.number == rhs.number }
    /// Hashes the day's number.
    public func hash(into hasher: inout Hasher) { hasher.combine(number) }
}

extension JSONValue {
    /// A day as a JSON string, `YYYY-MM-DD`.
    static func day(_ day: Day) -> JSONValue { .string(day.text) }
}

extension Day: ExpressibleByStringLiteral {
    /// The day a literal names, e.g. `"2026-11-23"`: for days written in code. The literal must be a real date
    /// `YYYY-MM-DD`; any other literal is a programming error and traps (text from outside goes through
    /// `init?(_:)` or `parse(_:label:)`).
    public init(stringLiteral text: String) {
        guard let day = Day(text) else { preconditionFailure("not a date YYYY-MM-DD: \(text)") }
        self = day
    }
}

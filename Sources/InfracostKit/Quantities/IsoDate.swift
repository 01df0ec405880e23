/// Calendar dates written `YYYY-MM-DD` as text: checks and conversions for the dates kept as text (a benchmark's
/// `measured_on`); prices, lifecycles and the day priced are `Day` values.
public enum IsoDate {
    /// Whether `text` is a real date in the form `YYYY-MM-DD` (e.g. not `2025-02-30`).
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (0x30...0x39).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}

extension IsoDate {
    /// Days since 1970-01-01 of a valid `YYYY-MM-DD` date (proleptic Gregorian), or nil when it is not one.
    public static func dayNumber(_ text: String) -> Int? {
        guard isValid(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        // Howard Hinnant's days_from_civil.
        let y = parts[1] <= 2 ? parts[0] - 1 : parts[0]
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = parts[1]
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + parts[2] - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Whole days from `earlier` to `later` (negative when `later` is earlier); nil unless both are dates.
    public static func days(from earlier: String, to later: String) -> Int? {
        guard let a = dayNumber(earlier), let b = dayNumber(later) else { return nil }
        return b - a
    }

    /// Today's date in UTC, `YYYY-MM-DD`.
    public static func today(now: Double) -> String {
        var days = Int((now / 86_400).rounded(.down))
        // civil_from_days
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}

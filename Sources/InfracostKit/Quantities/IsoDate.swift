/// Calendar dates written `YYYY-MM-DD` as text: checks and conversions for the dates kept as text (a benchmark's
/// `measured_on`); prices, lifecycles and the day priced are `Day` values.
public enum IsoDate {
    /// Whether `text` is a real date in the form `YYYY-MM-DD` (e.g. not `2025-02-30`).
    public static func isValid(_ text: String) -> Bool { Day(text) != nil }
}

extension IsoDate {
    /// Days since 1970-01-01 of a valid `YYYY-MM-DD` date (proleptic Gregorian), or nil when it is not one.
    public static func dayNumber(_ text: String) -> Int? { Day(text)?.number }

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

import Foundation

/// A request rate, written `30/h`, `5/s`, `1000/min` or `100/d`; the result is in requests per second.
public enum RateText {
    /// Parses a rate; it must be positive and at most 1,000,000 requests per second.
    /// - Throws: `InfracostError.invalidQuantity` naming `label`.
    public static func parse(_ text: String, label: String = "\(Setting.rate)") throws(InfracostError) -> Double {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        let units: [String: Double] = ["s": 1, "sec": 1, "min": 60, "m": 60, "h": 3600, "hr": 3600, "d": 86400, "day": 86400]
        guard parts.count == 2, let seconds = units[String(parts[1])], let count = try? DecimalText.parse(String(parts[0])) else {
            throw .invalidQuantity(label: label, value: text, reason: "it is not a rate (write e.g. 30/h, 5/s, 1000/min or 100/d)")
        }
        let perSecond = NSDecimalNumber(decimal: count).doubleValue / seconds
        guard perSecond > 0, perSecond <= 1_000_000 else {
            throw .invalidQuantity(label: label, value: text, reason: "must be more than 0 and at most 1000000/s")
        }
        return perSecond
    }
}

/// A time of day, `HH:MM`, as seconds after midnight.
public enum TimeOfDay {
    /// Parses `HH:MM` (00:00 to 24:00).
    /// - Throws: `InfracostError.invalidQuantity` naming `label`.
    public static func parse(_ text: String, label: String) throws(InfracostError) -> Double {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 1440
        else { throw .invalidQuantity(label: label, value: text, reason: "it is not a time of day (write HH:MM, e.g. 09:00)") }
        return Double(hours * 3600 + minutes * 60)
    }

    /// Parses `HH:MM-HH:MM` into a window of seconds after midnight; the end must follow the start.
    public static func parseWindow(_ text: String, label: String) throws(InfracostError) -> ClosedRange<Double> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw .invalidQuantity(label: label, value: text, reason: "it is not a window (write HH:MM-HH:MM, e.g. 09:00-18:00)")
        }
        let start = try parse(String(parts[0]), label: label)
        let end = try parse(String(parts[1]), label: label)
        guard start < end else { throw .invalidQuantity(label: label, value: text, reason: "the window must end after it starts") }
        return start...end
    }

    /// Parses a UTC offset: `UTC`, `Z`, `+02:00`, `-0530`; the result is in seconds east of UTC.
    public static func parseOffset(_ text: String, label: String = "\(Setting.timezone)") throws(InfracostError) -> Double {
        if text == "UTC" || text == "Z" || text == "GMT" { return 0 }
        let bytes = Array(text.utf8)
        let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), digits.count == 4,
              digits.allSatisfy({ (0x30...0x39).contains($0) })
        else { throw .invalidQuantity(label: label, value: text, reason: "it is not a UTC offset (write UTC, +02:00 or -05:30)") }
        let value = digits.map { Int($0 - 0x30) }
        let hours = value[0] * 10 + value[1]
        let minutes = value[2] * 10 + value[3]
        guard hours <= 14, minutes < 60 else { throw .invalidQuantity(label: label, value: text, reason: "the offset is out of range") }
        return Double(hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
    }
}

import Foundation

/// A recorded request log: requests sorted by arrival, in seconds from the first one.
public struct Trace: Equatable, Sendable {
    /// The file it came from.
    public var file: String
    /// `azure` (TIMESTAMP,ContextTokens,GeneratedTokens) or `generic` (timestamp,input_tokens,output_tokens[,model]).
    public var format: String
    public var requests: [Request]
    /// The first request's time, POSIX seconds since 1970-01-01 UTC (the clock reading, for time of day).
    public var startEpoch: Double
    /// Rows left out because of `--skip-bad-rows`.
    public var skippedRows: Int
    /// Whether the rows had to be sorted.
    public var wasUnsorted: Bool
    /// Per request, in the same order, when the log has the columns: the model (an index into `modelNames`),
    /// the measured latency in milliseconds, and whether it was a cold start.
    public var extras: [UsageExtra] = []
    public var modelNames: [String] = []
    public var hasLatency = false
    public var hasColdStart = false

    /// Seconds from the first to the last request.
    public var span: Double { requests.last.map(\.arrival) ?? 0 }
}

/// Optional columns of a usage log, for one request.
public struct UsageExtra: Equatable, Sendable {
    /// Index into `Trace.modelNames`, or -1.
    public var model: Int32 = -1
    /// Measured latency in milliseconds, or -1.
    public var latencyMs: Float = -1
    /// 1 for a cold start, 0 for warm, -1 unknown.
    public var coldStart: Int8 = -1
}

/// Reads request traces: the Azure LLM inference format and a generic CSV.
public enum TraceReader {
    /// The largest trace file read (1 GiB).
    public static let maximumFileSize = 1 << 30

    /// Reads and checks a trace file.
    /// - Parameter skipBadRows: leave out bad rows (counting them) instead of failing.
    /// - Throws: `InfracostError.io` when unreadable; `.invalidData` listing bad rows with their line numbers.
    public static func read(contentsOf path: String, skipBadRows: Bool = false) throws(InfracostError) -> Trace {
        try parse(try FileInput.read(path, maximumSize: maximumFileSize), file: path, skipBadRows: skipBadRows)
    }

    /// Parses a trace from its bytes.
    public static func parse(_ bytes: [UInt8], file: String, skipBadRows: Bool = false) throws(InfracostError) -> Trace {
        // One pass over the bytes: lines are found as they are read, never split into a list first.
        var position = 0
        func nextLine() -> ArraySlice<UInt8>? {
            guard position < bytes.count else { return nil }
            var end = position
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var line = bytes[position..<end]
            if line.last == 0x0D { line = line.dropLast() }
            position = end + 1
            return line
        }
        guard let headerLine = nextLine(), !headerLine.isEmpty else {
            throw .invalidData(problems: [DataProblem(file: file, line: 1, message: "the trace is empty")])
        }
        if headerLine.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw .invalidData(problems: [DataProblem(file: file, line: 1, message: "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")])
        }
        let header = String(decoding: headerLine, as: UTF8.self).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let format: String
        let columns: (time: Int, input: Int, output: Int)
        if header.count == 3, header == ["timestamp", "contexttokens", "generatedtokens"] {
            format = "azure"
            columns = (0, 1, 2)
        } else if let time = header.firstIndex(of: "timestamp"), let input = header.firstIndex(of: "input_tokens"),
                  let output = header.firstIndex(of: "output_tokens") {
            format = "generic"
            columns = (time, input, output)
        } else {
            throw .invalidData(problems: [DataProblem(
                file: file, line: 1,
                message: "unknown trace header; expected TIMESTAMP,ContextTokens,GeneratedTokens (Azure) or timestamp,input_tokens,output_tokens[,model]")])
        }
        // Requests hold absolute times while reading, then are rebased in place: the trace is held once.
        let modelColumn = header.firstIndex(of: "model")
        let latencyColumn = header.firstIndex(of: "latency_ms")
        let coldColumn = header.firstIndex(of: "cold_start")
        let wantsExtras = format == "generic" && (modelColumn != nil || latencyColumn != nil || coldColumn != nil)
        var extras: [UsageExtra] = []
        var modelNames: [String] = []
        var modelIndex: [String: Int32] = [:]
        var rows: [Request] = []
        rows.reserveCapacity(bytes.count / 24)
        var problems: [DataProblem] = []
        var skipped = 0
        var lineNumber = 1
        var blankRun = 0
        while let line = nextLine() {
            lineNumber += 1
            if line.isEmpty {
                blankRun += 1
                continue
            }
            // Blank lines inside the file are bad rows; trailing blank lines are not.
            if blankRun > 0 {
                if skipBadRows { skipped += blankRun } else {
                    problems.append(DataProblem(file: file, line: lineNumber - blankRun, message: "an empty line"))
                }
                blankRun = 0
            }
            let fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            func bad(_ field: String?, _ message: String) {
                if skipBadRows {
                    skipped += 1
                } else if problems.count < 20 {
                    problems.append(DataProblem(file: file, line: lineNumber, field: field, message: message))
                } else {
                    problems.append(DataProblem(file: file, line: lineNumber, message: "more bad rows follow"))
                }
            }
            if problems.count > 20 { break }
            guard fields.count >= max(columns.time, columns.input, columns.output) + 1, fields.count == header.count else {
                bad(nil, "expected \(header.count) columns, found \(fields.count)")
                continue
            }
            guard let epoch = parseTimestamp(fields[columns.time]) else {
                bad(header[columns.time], "'\(String(decoding: fields[columns.time], as: UTF8.self))' is not a timestamp (ISO 8601, 'YYYY-MM-DD HH:MM:SS.fffffff' or epoch seconds; second 60 only at a leap second)")
                continue
            }
            guard let input = parseCount(fields[columns.input]) else {
                bad(header[columns.input], "'\(String(decoding: fields[columns.input], as: UTF8.self))' is not a token count (a whole number, 0 or more)")
                continue
            }
            guard let output = parseCount(fields[columns.output]) else {
                bad(header[columns.output], "'\(String(decoding: fields[columns.output], as: UTF8.self))' is not a token count (a whole number, 0 or more)")
                continue
            }
            if wantsExtras {
                var extra = UsageExtra()
                if let column = modelColumn {
                    let name = String(decoding: fields[column], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty {
                        if let known = modelIndex[name] {
                            extra.model = known
                        } else {
                            extra.model = Int32(modelNames.count)
                            modelIndex[name] = extra.model
                            modelNames.append(name)
                        }
                    }
                }
                if let column = latencyColumn, !fields[column].isEmpty {
                    guard let value = Float(String(decoding: fields[column], as: UTF8.self)), value >= 0, value.isFinite else {
                        bad("latency_ms", "'\(String(decoding: fields[column], as: UTF8.self))' is not a latency in milliseconds")
                        continue
                    }
                    extra.latencyMs = value
                }
                if let column = coldColumn, !fields[column].isEmpty {
                    switch String(decoding: fields[column], as: UTF8.self).lowercased() {
                    case "1", "true", "yes": extra.coldStart = 1
                    case "0", "false", "no": extra.coldStart = 0
                    default:
                        bad("cold_start", "'\(String(decoding: fields[column], as: UTF8.self))' is not true/false or 1/0")
                        continue
                    }
                }
                extras.append(extra)
            }
            rows.append(Request(arrival: epoch, inputTokens: input, outputTokens: output))
        }
        if !problems.isEmpty { throw .invalidData(problems: problems) }
        guard rows.count >= 2 else {
            throw .invalidData(problems: [DataProblem(file: file, message: "the trace needs at least two requests (found \(rows.count))")])
        }
        var wasUnsorted = false
        for index in rows.indices.dropFirst() where rows[index].arrival < rows[index - 1].arrival {
            wasUnsorted = true
            break
        }
        if wasUnsorted {
            if wantsExtras {
                let order = rows.indices.sorted { rows[$0].arrival < rows[$1].arrival }
                rows = order.map { rows[$0] }
                extras = order.map { extras[$0] }
            } else {
                rows.sort { $0.arrival < $1.arrival }
            }
        }
        let start = rows[0].arrival
        guard rows[rows.count - 1].arrival > start else {
            throw .invalidData(problems: [DataProblem(file: file, message: "every request has the same timestamp; the trace has no duration")])
        }
        for index in rows.indices { rows[index].arrival -= start }
        return Trace(
            file: file, format: format, requests: rows, startEpoch: posix(elapsed: start), skippedRows: skipped, wasUnsorted: wasUnsorted, extras: extras,
            modelNames: modelNames, hasLatency: latencyColumn != nil, hasColdStart: coldColumn != nil)
    }

    static func parseCount(_ field: ArraySlice<UInt8>) -> Int32? {
        var value: Int32 = 0
        var digits = 0
        for byte in field where byte != 0x20 {
            guard (0x30...0x39).contains(byte), digits < 9 else { return nil }
            value = value * 10 + Int32(byte - 0x30)
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// Seconds elapsed since 1970-01-01 UTC, leap seconds counted, for
    /// `YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|+HH:MM|-HH:MM]` or epoch (POSIX) seconds. `23:59:60` is accepted only
    /// where a leap second was inserted.
    public static func parseTimestamp(_ field: ArraySlice<UInt8>) -> Double? {
        var first = field.startIndex
        var last = field.endIndex
        while first < last, field[first] == 0x20 { first += 1 }
        while last > first, field[last - 1] == 0x20 { last -= 1 }
        let bytes = field[first..<last]
        guard !bytes.isEmpty else { return nil }
        let base = bytes.startIndex
        func at(_ offset: Int) -> UInt8 { bytes[base + offset] }
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for offset in range {
                let byte = at(offset)
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        // Epoch seconds: digits with an optional fraction.
        if bytes.count < 19 || at(4) != UInt8(ascii: "-") {
            var whole: Int64 = 0
            var fraction = 0.0
            var scale = 0.1
            var seenDot = false
            var seenDigit = false
            for byte in bytes {
                if byte == UInt8(ascii: ".") {
                    if seenDot { return nil }
                    seenDot = true
                } else if (0x30...0x39).contains(byte) {
                    seenDigit = true
                    if seenDot {
                        fraction += Double(byte - 0x30) * scale
                        scale /= 10
                    } else {
                        whole = whole * 10 + Int64(byte - 0x30)
                        if whole >= 32_503_680_000 { return nil }
                    }
                } else {
                    return nil
                }
            }
            return seenDigit ? elapsed(posix: whole) + fraction : nil
        }
        guard let year = digits(0..<4), at(4) == UInt8(ascii: "-"), let month = digits(5..<7), at(7) == UInt8(ascii: "-"),
              let day = digits(8..<10), at(10) == UInt8(ascii: "T") || at(10) == UInt8(ascii: " "),
              let hour = digits(11..<13), at(13) == UInt8(ascii: ":"), let minute = digits(14..<16), at(16) == UInt8(ascii: ":"),
              let second = digits(17..<19), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, at(index) == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, (0x30...0x39).contains(at(index)) {
                fraction += Double(at(index) - 0x30) * scale
                scale /= 10
                index += 1
            }
            if index == start { return nil }
        }
        var offset = 0
        if index < bytes.count {
            switch at(index) {
            case UInt8(ascii: "Z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = at(index) == UInt8(ascii: "-") ? -1 : 1
                guard let hours = digits(index + 1..<index + 3) else { return nil }
                var next = index + 3
                if next < bytes.count, at(next) == UInt8(ascii: ":") { next += 1 }
                guard let minutes = digits(next..<next + 2), hours <= 14, minutes < 60 else { return nil }
                offset = sign * (hours * 3600 + minutes * 60)
                index = next + 2
            default: return nil
            }
        }
        guard index == bytes.count else { return nil }
        let posix = Int64(daysFromCivil(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 + second - offset)
        guard second == 60 else { return elapsed(posix: posix) + fraction }
        // 23:59:60 UTC exists only on the days a leap second was inserted; it is the second before the next midnight
        // counts it, so it is one second after 23:59:59 and one before 00:00:00.
        guard leapSecondMidnights.contains(posix) else { return nil }
        return elapsed(posix: posix) - 1 + fraction
    }

    /// Seconds elapsed since 1970-01-01 UTC at a POSIX time: POSIX time leaves out the leap seconds, so one
    /// second is added for each leap second inserted before `posix`, and intervals across one come out right.
    static func elapsed(posix: Int64) -> Double {
        var low = 0
        var high = leapSecondMidnights.count
        while low < high {
            let middle = (low + high) / 2
            if leapSecondMidnights[middle] <= posix { low = middle + 1 } else { high = middle }
        }
        return Double(posix + Int64(low))
    }

    /// The POSIX time (UTC clock reading, leap seconds left out) at `elapsed` seconds since 1970-01-01 UTC.
    static func posix(elapsed: Double) -> Double {
        var count = 0
        while count < leapSecondMidnights.count, Double(leapSecondMidnights[count] + Int64(count)) <= elapsed { count += 1 }
        return elapsed - Double(count)
    }

    /// The POSIX times of the midnights that followed each leap second (23:59:60 UTC), from the IERS list
    /// (leap-seconds.list, IERS Bulletin C): 27 insertions from 1972-06-30 to 2016-12-31, none announced since.
    static let leapSecondMidnights: [Int64] = [
        (1972, 7), (1973, 1), (1974, 1), (1975, 1), (1976, 1), (1977, 1), (1978, 1), (1979, 1), (1980, 1),
        (1981, 7), (1982, 7), (1983, 7), (1985, 7), (1988, 1), (1990, 1), (1991, 1), (1992, 7), (1993, 7),
        (1994, 7), (1996, 1), (1997, 7), (1999, 1), (2006, 1), (2009, 1), (2012, 7), (2015, 7), (2017, 1),
    ].map { Int64(daysFromCivil(year: $0.0, month: $0.1, day: 1) * 86400) }

    static func daysIn(month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

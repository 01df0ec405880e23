import ArgumentParser
import Foundation
import InfracostKit

/// Typed option values: a quantity flag is read into its type (a token count, a share, seconds, a day) by the
/// library's own parser as ArgumentParser reads the flag, with `@Option(transform:)`, so commands get values, never
/// text. A bad value is a usage error (exit 64) that ArgumentParser reports like a bad `--tier` or `--format`: the flag,
/// the value given and the library's reason.
enum ArgumentValue {
    /// Why a value was refused, in the library's words (ArgumentParser names the flag and quotes the value).
    struct Invalid: LocalizedError {
        var reason: String
        var errorDescription: String? { reason }
    }

    /// A transform that reads a value with `parse`, keeping only the reason of the library's error.
    static func reading<Value>(_ parse: @escaping @Sendable (String) throws(InfracostError) -> Value) -> @Sendable (String) throws -> Value {
        { text in
            do throws(InfracostError) {
                return try parse(text)
            } catch {
                if case .invalidQuantity(_, _, let reason) = error { throw Invalid(reason: reason) }
                throw Invalid(reason: error.errorDescription ?? "invalid value")
            }
        }
    }

    /// Tokens (750k, 2B, 1.5e9), more than 0.
    static let tokenCount = reading { text throws(InfracostError) in try TokenCount.parse(text, label: "") }
    /// Tokens, 0 allowed (one side of an input/output volume).
    static let tokenCountOrZero = reading { text throws(InfracostError) in try TokenCount.parse(text, label: "", allowZero: true) }
    /// A share from 0 to 1 (0.75 or 75%).
    static let share = reading { text throws(InfracostError) in try Fraction.parse(text, label: "") }
    /// A share more than 0 and at most 1.
    static let positiveShare = reading { text throws(InfracostError) in try Fraction.parse(text, label: "", allowZero: false) }
    /// A model size in billions of parameters (8B, 70B).
    static let modelSize = reading { text throws(InfracostError) in try ModelSize.parse(text, label: "") }
    /// A duration in seconds, exact (500ms, 45s, 5m), from 0 to 366 days.
    static let duration = reading { text throws(InfracostError) in try DurationText.parse(text, label: "") }
    /// A duration in seconds, exact, more than 0.
    static let positiveDuration = reading { text throws(InfracostError) in
        let seconds = try DurationText.parse(text, label: "")
        guard seconds > 0 else { throw .invalidQuantity(label: "", value: text, reason: "must be greater than zero") }
        return seconds
    }
    /// A duration in seconds on the simulator's clock.
    static let seconds = reading { text throws(InfracostError) in try DurationText.seconds(text, label: "") }
    /// A duration in seconds, more than 0.
    static let positiveSeconds = reading { text throws(InfracostError) in
        let seconds = try DurationText.seconds(text, label: "")
        guard seconds > 0 else { throw .invalidQuantity(label: "", value: text, reason: "must be more than 0") }
        return seconds
    }
    /// Durations in seconds, comma-separated (1m,5m,15m); a bad one is quoted in the reason.
    static let secondsList = reading { text throws(InfracostError) in
        var list: [Double] = []
        for part in text.split(separator: ",") {
            do throws(InfracostError) {
                list.append(try DurationText.seconds(String(part), label: ""))
            } catch {
                guard case .invalidQuantity(_, _, let reason) = error else { throw error }
                throw .invalidQuantity(label: "", value: text, reason: "'\(part)': \(reason)")
            }
        }
        return list
    }
    /// A day, YYYY-MM-DD.
    static let day = reading { text throws(InfracostError) in try Day.parse(text, label: "") }
    /// A largest price age in days (180d or 180).
    static let days = reading { text throws(InfracostError) in try PriceAge.parse(text, label: "") }
    /// A request rate in requests per second (30/h, 5/s).
    static let rate = reading { text throws(InfracostError) in try RateText.parse(text, label: "") }
    /// A daily window of local time, HH:MM-HH:MM, as seconds after midnight.
    static let window = reading { text throws(InfracostError) in try TimeOfDay.parseWindow(text, label: "") }
    /// A UTC offset in seconds east of UTC (UTC, +02:00).
    static let utcOffset = reading { text throws(InfracostError) in try TimeOfDay.parseOffset(text, label: "") }

    /// Tokens per second of one request, more than 0 and below `Limits.requestTokensPerSecond`.
    static let tokenRate: @Sendable (String) throws -> Double = { text in
        guard let rate = Double(text), rate > 0, rate < Limits.requestTokensPerSecond else { throw Invalid(reason: "must be more than 0 tokens per second") }
        return rate
    }

    /// Replicas kept warm, all day or in a daily local window.
    struct KeepWarmSchedule {
        var replicas: Int
        var window: ClosedRange<Double>?
    }

    /// `N` or `N@HH:MM-HH:MM`: replicas kept warm, optionally only in a daily window.
    static let keepWarmSchedule = reading { text throws(InfracostError) in
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let count = Int(parts[0]), Limits.keepWarmReplicas.contains(count) else {
            throw .invalidQuantity(label: "", value: text, reason: "write a count, optionally with a window: 1 or 1@09:00-18:00")
        }
        return KeepWarmSchedule(replicas: count, window: parts.count == 2 ? try TimeOfDay.parseWindow(String(parts[1]), label: "") : nil)
    }

    /// An `advise` setting (`--payload 500MB`, `--lock-in low`...) read by the library's parser for it, the rule the
    /// workload file's `advise:` field follows: the value `set(_:to:label:)` gives the field.
    static func adviceSetting<Value>(_ name: String, _ field: KeyPath<AdviceInput, Value> & Sendable) -> @Sendable (String) throws -> Value {
        adviceField(name, field)
    }

    /// An `advise` setting whose field is optional (`--p95-latency`, `--deadline`): setting it always gives a value.
    static func adviceSetting<Value>(_ name: String, _ field: KeyPath<AdviceInput, Value?> & Sendable) -> @Sendable (String) throws -> Value {
        let read = adviceField(name, field)
        return { text in
            guard let value = try read(text) else { throw Invalid(reason: "no value") }
            return value
        }
    }

    /// The field `name` sets, read from the text by `AdviceInput.set(_:to:label:)`.
    private static func adviceField<Value>(_ name: String, _ field: KeyPath<AdviceInput, Value> & Sendable) -> @Sendable (String) throws -> Value {
        reading { text throws(InfracostError) in
            var input = AdviceInput(workload: Workload(inputTokens: 0, outputTokens: 0))
            try input.set(name, to: text, label: "")
            return input[keyPath: field]
        }
    }

    /// A plain number within `range` (`rangeText` says it in words).
    static func number(in range: ClosedRange<Decimal>, _ rangeText: String) -> @Sendable (String) throws -> Decimal {
        reading { text throws(InfracostError) in try PlainNumber.parse(text, label: "", range: range, rangeText: rangeText) }
    }

    /// A change written as a percentage (8%) or a fraction (0.08), within `range` (fractions).
    static func percentage(in range: ClosedRange<Decimal>, _ rangeText: String) -> @Sendable (String) throws -> Decimal {
        reading { text throws(InfracostError) in try Percentage.parse(text, label: "", range: range, rangeText: rangeText) }
    }

    /// A whole number within `range`.
    static func integer(in range: ClosedRange<Int>) -> @Sendable (String) throws -> Int {
        { text in
            guard let value = Int(text), range.contains(value) else {
                throw Invalid(reason: Int(text) == nil ? "it is not a whole number" : "must be \(Limits.between(range))")
            }
            return value
        }
    }
}

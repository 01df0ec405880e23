public import Foundation

/// Every error infracost reports to a user, by kind: what the caller asked for, what a file holds, or reading and
/// writing. The command line maps each kind to its exit code (`InfracostError.exitCode` in its Diagnostics.swift).
public enum InfracostError: Error, Equatable, Sendable, LocalizedError {
    /// A quantity the caller gave is not acceptable: what it was given for in the caller's words (a `Setting` in the
    /// current spelling, or a file's field), the value and why.
    case invalidQuantity(label: String, value: String, reason: String)
    /// Settings that cannot be used together, or a value that names nothing.
    case invalidUsage(message: String)
    /// A pricing or workload file has problems. Each problem names the file, line, offer and field.
    case invalidData(problems: [DataProblem])
    /// A file could not be read or written.
    case io(path: String, reason: String)

    /// The error in words, one line per problem.
    public var errorDescription: String? {
        switch self {
        case .invalidQuantity(let label, let value, let reason):
            return "invalid value '\(value)' for \(label): \(reason)"
        case .invalidUsage(let message):
            return message
        case .invalidData(let problems):
            return problems.map(\.description).joined(separator: "\n")
        case .io(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}

/// One problem found in a data file, located as precisely as the file allows.
public struct DataProblem: Equatable, Sendable, CustomStringConvertible {
    /// The file's path as the user gave it, or `bundled:NAME` for the bundled tables.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// The offer (or other entry) the problem is in, when known.
    public var entry: String?
    /// What kind of entry `entry` names: "offer", "workload".
    public var entryKind: String
    /// The field, when the problem is in one.
    public var field: String?
    /// What is wrong, in words.
    public var message: String

    /// A problem in `file` (at `line`, 1-based, when known), in the entry named `entry` of kind `entryKind` and
    /// its `field` when known, described by `message`.
    public init(file: String, line: Int? = nil, entry: String? = nil, entryKind: String = "offer", field: String? = nil, message: String) {
        self.entryKind = entryKind
        self.file = file
        self.line = line
        self.entry = entry
        self.field = field
        self.message = message
    }

    /// `file:line: offer 'id', field 'f': message`, leaving out what is unknown.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        var parts: [String] = []
        if let entry { parts.append("\(entryKind) '\(entry)'") }
        if let field { parts.append("field '\(field)'") }
        let subject = parts.isEmpty ? "" : parts.joined(separator: ", ") + ": "
        return "\(location): \(subject)\(message)"
    }
}

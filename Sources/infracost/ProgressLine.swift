import Foundation
import InfracostKit

/// A one-line progress indicator on stderr ("simulating 42%") for work that takes more than about a second.
///
/// Drawn only when stderr is a terminal and the run is not in CI (`CI` set) or a dumb terminal; never on a
/// pipe or a file, so logs and captured output stay clean. It appears after one second, redraws at most ten times
/// a second, and erases itself when the work ends.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private let started = Date()
    private var lastDrawn: Date?
    private var lastPercent = -1

    private init(label: String) {
        self.label = label
    }

    /// Whether a progress line may be drawn, given whether stderr is a terminal and the environment.
    static func isWanted(stderrIsTerminal: Bool, environment: [String: String]) -> Bool {
        stderrIsTerminal && environment["CI"] == nil && environment["TERM"] != "dumb"
    }

    /// A `WorkProgress` that draws this line, or nil when no line is wanted (then the library skips reporting).
    static func progress(_ label: String, parts: Int = 1) -> WorkProgress? {
        guard isWanted(stderrIsTerminal: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment) else { return nil }
        let line = ProgressLine(label: label)
        current = line
        return WorkProgress(parts: parts) { line.draw($0) }
    }

    /// The line drawn by the current command, erased by `finish()`.
    nonisolated(unsafe) private static var current: ProgressLine?

    /// Erases the current progress line, if one was drawn.
    static func finish() {
        current?.erase()
        current = nil
    }

    private func draw(_ fraction: Double) {
        let now = Date()
        lock.lock()
        defer { lock.unlock() }
        guard now.timeIntervalSince(started) >= 1 else { return }
        if let lastDrawn, now.timeIntervalSince(lastDrawn) < 0.1 { return }
        let percent = Int(fraction * 100)
        guard percent != lastPercent else { return }
        lastDrawn = now
        lastPercent = percent
        FileHandle.standardError.write(Data("\r\(label) \(percent)%\u{1B}[K".utf8))
    }

    private func erase() {
        lock.lock()
        defer { lock.unlock() }
        if lastDrawn != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

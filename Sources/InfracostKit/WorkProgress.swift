import Foundation

/// How far a long computation has got (0...1), for a progress line on a terminal.
///
/// A job may have several parts (one simulation per keep-warm setting, run on several threads); each part
/// reports its own fraction and the job's progress is their mean. `onChange` is called from whichever thread
/// reported, outside the lock; it should be cheap (the command line throttles its drawing).
public final class WorkProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var fractions: [Double]
    private let onChange: @Sendable (Double) -> Void

    /// Progress over `parts` equal parts (at least 1); `onChange` is told the overall fraction, 0...1, as it moves.
    public init(parts: Int = 1, onChange: @escaping @Sendable (Double) -> Void) {
        fractions = Array(repeating: 0, count: max(1, parts))
        self.onChange = onChange
    }

    /// Records that `part` is `fraction` done (clamped to 0...1) and reports the mean of all parts.
    public func update(part: Int = 0, _ fraction: Double) {
        lock.lock()
        guard fractions.indices.contains(part) else {
            lock.unlock()
            return
        }
        fractions[part] = min(1, max(0, fraction.isFinite ? fraction : 0))
        let overall = fractions.reduce(0, +) / Double(fractions.count)
        lock.unlock()
        onChange(overall)
    }

    /// The mean fraction done over all parts.
    public var fraction: Double {
        lock.lock()
        defer { lock.unlock() }
        return fractions.reduce(0, +) / Double(fractions.count)
    }
}

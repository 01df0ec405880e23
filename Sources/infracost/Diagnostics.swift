import ArgumentParser
import Foundation
import InfracostKit

/// Where the command line prints diagnostics and how it turns library errors into exit codes.
enum Diagnostics {
    /// Where reports and diagnostics go while `infracost mcp` runs a command for a tool call: collected, not printed
    /// (stdout carries the protocol). The server runs one call at a time.
    final class Capture: @unchecked Sendable {
        var report = ""
        var diagnostics: [String] = []
    }

    nonisolated(unsafe) static var capture: Capture?

    /// Prints `warning: ...` lines on stderr.
    static func warn(_ messages: [String]) {
        for message in messages { printError("warning: \(message)") }
    }

    /// Prints each warning's sentence on stderr.
    static func warn(_ notices: [Notice]) {
        warn(notices.map(\.text))
    }

    /// The longest diagnostic line printed; a longer one (a message quoting a 100 MB field) is cut.
    static let maximumLineLength = 2_000

    /// Prints one line on stderr, its control bytes made visible and its length bounded.
    static func printError(_ line: String) {
        var text = TextSafety.visible(line)
        if text.utf8.count > maximumLineLength {
            text = String(text.prefix(maximumLineLength)) + "... (\(line.utf8.count) bytes in all)"
        }
        if let capture {
            capture.diagnostics.append(text)
            return
        }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Keeps `value` alive until the process exits, when the report is written and nothing else will use it: the
    /// system reclaims the memory at exit in one step, where freeing a catalog and a comparison of 100,000 offers
    /// object by object takes tens of milliseconds. Not while `infracost mcp` runs a call: a server lives on.
    static func keepUntilExit<Value>(_ value: Value) {
        guard capture == nil else { return }
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Runs `body` with the library's messages naming settings by their flags, reporting an `InfracostError` on
    /// stderr and exiting with its code.
    static func run(_ body: () throws(InfracostError) -> Void) throws {
        defer { ProgressLine.finish() }
        let failure: InfracostError? = Setting.$spelling.withValue(Setting.flags) {
            do throws(InfracostError) {
                try body()
                return nil
            } catch {
                return error
            }
        }
        if let error = failure {
            for line in (error.errorDescription ?? "error").split(separator: "\n", omittingEmptySubsequences: false) {
                printError("error: \(line)")
            }
            throw ExitCode(error.exitCode)
        }
    }

    /// Writes all of `bytes` to stdout; a closed pipe or a full disk is an I/O error (exit 74), not a crash.
    static func writeStandardOutput(_ bytes: [UInt8]) throws(InfracostError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = errno == EPIPE ? "the reader closed the pipe" : String(cString: strerror(errno))
                throw .io(path: "stdout", reason: "cannot write: \(reason)")
            }
            offset += written
        }
    }

    /// Writes a report to `--out` atomically (`-` is stdout), or to stdout. Control bytes from offer ids and
    /// names are made visible first: a report never moves a terminal's cursor or sets its title.
    static func emit(_ text: String, to path: String?) throws(InfracostError) {
        let safe = TextSafety.report(text)
        if let capture {
            capture.report += safe
            return
        }
        if let path, path != "-" {
            try AtomicFile.write(safe, to: path)
            printError("wrote \(path)")
        } else {
            try writeStandardOutput(Array(safe.utf8))
        }
    }
}

extension InfracostError {
    /// The exit code for this error (sysexits.h): 64 a usage error, 65 bad input data, 74 an I/O error. The one
    /// place the command line maps the library's errors to exit codes.
    var exitCode: Int32 {
        switch self {
        case .invalidQuantity, .invalidUsage: return 64
        case .invalidData: return 65
        case .io: return 74
        }
    }
}

import ArgumentParser
import Foundation
import InfracostKit

/// Where the command line prints diagnostics and how it turns library errors into exit codes.
enum Diagnostics {
    /// Prints `warning: ...` lines on stderr.
    static func warn(_ messages: [String]) {
        for message in messages { printError("warning: \(message)") }
    }

    /// Prints one line on stderr.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Runs `body`, reporting an `InfracostError` on stderr and exiting with its code.
    static func run(_ body: () throws(InfracostError) -> Void) throws {
        defer { ProgressLine.finish() }
        do {
            try body()
        } catch {
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

    /// Writes a report to `--out` atomically, or to stdout.
    static func emit(_ text: String, to path: String?) throws(InfracostError) {
        if let path {
            try AtomicFile.write(text, to: path)
            printError("wrote \(path)")
        } else {
            try writeStandardOutput(Array(text.utf8))
        }
    }
}

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

    /// Writes a report to `--out` atomically, or to stdout.
    static func emit(_ text: String, to path: String?) throws(InfracostError) {
        if let path {
            try AtomicFile.write(text, to: path)
            printError("wrote \(path)")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

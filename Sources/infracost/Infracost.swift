import ArgumentParser
import Foundation
import InfracostKit

@main
struct Infracost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infracost",
        abstract: "What will serving this model cost, and where should it run?",
        discussion: """
            Compares the monthly cost of an LLM inference workload on per-token APIs, serverless platforms, \
            per-second GPUs and dedicated GPUs, from price tables compiled into the binary.

            Exit codes: 0 success, 1 a check failed, 64 usage error, 65 bad input data, 74 I/O error.
            """,
        subcommands: [Init.self, Compare.self, Advise.self, BreakEven.self, Sweep.self, Utilization.self, Simulate.self, KeepWarm.self, Throughput.self, Calibrate.self, MCP.self, Check.self, Diff.self, Report.self, Analyze.self, Prices.self]
    )

    @Flag(help: "Show the version and a summary of the bundled price catalog.")
    var version = false

    /// Ignores SIGPIPE, so a reader that goes away (`infracost ... | head -1`) surfaces as a write error (exit 74)
    /// instead of killing the process, then runs the command line.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        // A misspelled subcommand ("compar --tokens 2B") would otherwise read as an unknown option of the root.
        if let first = arguments.first, !first.hasPrefix("-"), first != "help" {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName }
            if !names.contains(first) {
                let hint = Suggestions.hint(for: first, in: names)
                FileHandle.standardError.write(Data("error: unknown subcommand '\(TextSafety.excerpt(first))'\(hint); see 'infracost --help'\n".utf8))
                Foundation.exit(64)
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exitSafely(withError: error)
        }
    }

    /// ArgumentParser's `exit(withError:)`, with the message's control bytes made visible: its errors quote the
    /// value given (`--format $'\e]0;title\a'`), which must not act on the terminal reading stderr. Help and
    /// other clean exits go to stdout, errors to stderr (a line longer than `Diagnostics.maximumLineLength` cut).
    static func exitSafely(withError error: Error) -> Never {
        let code = exitCode(for: error)
        let text = fullMessage(for: error)
        if !text.isEmpty {
            if code == .success {
                print(TextSafety.report(text))
            } else {
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) { Diagnostics.printError(String(line)) }
            }
        }
        Foundation.exit(code.rawValue)
    }

    /// The version printed by --version.
    static let versionNumber = "0.1.0"

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        try Diagnostics.run { () throws(InfracostError) in
            try Diagnostics.emit("infracost \(Self.versionNumber)\ncatalog: \(CatalogSummary.describe(try CatalogLoader.bundled()))\n", to: nil)
        }
    }
}

import ArgumentParser
import InfracostKit

/// How a report is written.
struct OutputOptions: ParsableArguments {
    @Option(help: "Report format.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Write the report to this file instead of stdout (atomically: all or nothing).", valueName: "file"))
    var out: String?
}

import ArgumentParser
import InfracostKit

/// How a report is written.
struct OutputOptions: ParsableArguments {
    @Option(help: "Report format.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Write the report to this file instead of stdout (atomically: all or nothing; - is stdout).", valueName: "file"))
    var out: String?

    func validate() throws {
        if out == "" { throw ValidationError("--out needs a file name (or - for stdout)") }
    }

    /// `--chart` and `--out` must name different files (one would silently replace the other), and neither empty.
    static func checkDistinct(chart: String?, out: String?) throws {
        if out == "" { throw ValidationError("--out needs a file name (or - for stdout)") }
        if chart == "" { throw ValidationError("--chart needs a file name") }
        if let chart, let out, out != "-", FileInput.sameFile(chart, out) {
            throw ValidationError("--chart and --out name the same file (\(out)); give each its own")
        }
    }
}

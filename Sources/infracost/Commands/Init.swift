import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Write a commented starter workload file to edit.",
            discussion: """
                Examples:
                  infracost init
                  infracost init --file budget.yml --force
                """
        )

        @Option(help: ArgumentHelp("Where to write it.", valueName: "file"))
        var file: String = "infracost.yml"

        @Flag(help: "Overwrite the file if it exists.")
        var force = false

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                if FileManager.default.fileExists(atPath: file), !force {
                    throw .invalidUsage(message: "\(file) exists; pass --force to overwrite it")
                }
                try AtomicFile.write(WorkloadFile.starter(named: file), to: file)
                try Diagnostics.emit("wrote \(file): edit its workloads, then run 'infracost compare --workload \(file)'\n", to: nil)
            }
        }
    }
}

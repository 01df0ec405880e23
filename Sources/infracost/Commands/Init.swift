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
                try AtomicFile.write(Self.starter(named: file), to: file)
                try Diagnostics.emit("wrote \(file): edit its workloads, then run 'infracost compare --workload \(file)'\n", to: nil)
            }
        }

        /// The starter file with its commands naming `file` (the name it is written under).
        static func starter(named file: String) -> String {
            let name = String(file.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
            // A name that would need quoting on a command line keeps the default in the comments.
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else { return starter }
            return starter.split(separator: "--workload infracost.yml", omittingEmptySubsequences: false).joined(separator: "--workload \(name)")
        }

        /// The commented starter file `infracost init` writes: its comments show the commands to run on it.
        static let starter = """
            # infracost workload file: what runs, how much, and on what.
            # Edit the workloads below, then:
            #   infracost compare --workload infracost.yml     every option for every workload
            #   infracost check --workload infracost.yml       exit 1 when over budget (for CI)
            #   infracost report --workload infracost.yml      monthly CSV for finance
            # Each workload needs a name and a volume: tokens_per_month (e.g. 2B), or a request rate
            # (requests_per_second/minute/hour/day) with input_tokens_per_request and output_tokens_per_request.
            version: 1
            hours_per_month: 730        # hours in a billing month
            budget: 5000                # monthly budget of all workloads together, USD (optional)
            workloads:
              - name: chat
                model_size: 70B          # billions of parameters
                tokens_per_month: 2B
                input_share: 0.75        # share of tokens that are input (prompt)
                tiers: [serverless, dedicated]   # api, serverless, serverless-gpu, dedicated
                # offer: together/llama-3.1-70b  # what it runs on today; see 'infracost prices list'
                # budget: 2000                   # this workload's own monthly budget
              - name: classifier
                model_size: 8B
                requests_per_minute: 1000
                input_tokens_per_request: 400
                output_tokens_per_request: 20

            """
    }
}

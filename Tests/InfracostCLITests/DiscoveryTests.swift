import Foundation
import Testing

/// What a newcomer finds: version, help, completions, a starter file.
struct DiscoveryTests {
    static let subcommands = ["init", "compare", "advise", "breakeven", "sweep", "utilization", "simulate", "keepwarm", "check", "diff", "report", "analyze", "prices"]

    @Test func versionSummarizesTheCatalog() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "infracost 0.1.0")
        #expect(lines.last?.hasPrefix("catalog: 77 offers: 20 api, 31 serverless, 8 serverless-gpu, 18 dedicated; prices verified 2026-07-01 to 2026-12-01") == true)
    }

    @Test func bashCompletionNamesEverySubcommand() throws {
        let result = try CLI.run(["--generate-completion-script", "bash"])
        #expect(result.status == 0)
        for name in Self.subcommands { #expect(result.stdout.contains(name), "\(name) missing from the bash completion script") }
        for shell in ["zsh", "fish"] { #expect(try CLI.run(["--generate-completion-script", shell]).status == 0) }
    }

    @Test(arguments: subcommands)
    func everyCommandHelpHasAPurposeAndExamples(command: String) throws {
        let result = try CLI.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("OVERVIEW: "))
        if command != "prices" { #expect(result.stdout.contains("Example"), "\(command) --help has no example") }
    }

    @Test func initWritesAStarterThatLoadsAndRefusesToOverwrite() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try CLI.run(["init"], in: folder)
        #expect(first.status == 0)
        let path = folder.appendingPathComponent("infracost.yml").path
        let compared = try CLI.run(["compare", "--workload", path, "--format", "json"])
        #expect(compared.status == 0, "the starter file does not load: \(compared.stderr)")
        let again = try CLI.run(["init"], in: folder)
        #expect(again.status == 64)
        #expect(again.stderr == "error: infracost.yml exists; pass --force to overwrite it\n")
        #expect(try CLI.run(["init", "--force"], in: folder).status == 0)
    }
}

import Foundation
import InfracostKit
import Testing

@testable import infracost

/// The command line spells each of the library's settings as one of its own flags.
struct SettingFlagTests {
    /// Every flag some command's help lists, e.g. `--model-size`.
    static let helpFlags: Set<String> = {
        var commands: [[String]] = [[]]
        for name in ["compare", "advise", "breakeven", "sweep", "utilization", "simulate", "keepwarm", "throughput", "calibrate",
                     "check", "report", "analyze", "prices list", "prices show", "prices import"] {
            commands.append(name.split(separator: " ").map(String.init))
        }
        var flags = Set<String>()
        for command in commands {
            guard let help = try? CLI.run(command + ["--help"]) else { continue }
            let pattern = /--[a-z][a-z0-9-]*/
            for match in help.stdout.matches(of: pattern) { flags.insert(String(match.output)) }
        }
        return flags
    }()

    @Test(arguments: Setting.allCases)
    func everySettingIsAFlag(_ setting: Setting) {
        #expect(Self.helpFlags.contains(setting.flag), "\(setting) is spelled \(setting.flag), which no command's help lists")
    }

    @Test func libraryMessagesNameFlagsOnTheCommandLine() throws {
        // Thrown by the library's comparison builder, which names the setting, not the flag.
        let result = try CLI.run(["compare", "--tokens", "2B", "--baseline", "zzz/none"])
        #expect(result.status == 64)
        #expect(result.stderr == "error: --baseline zzz/none: no offer has this id; see 'infracost prices list'\n")
    }
}

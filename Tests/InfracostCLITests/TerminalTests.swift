import Foundation
import Testing

/// `infracost compare` in a real terminal (tmux, 80 columns), the screen compared with a golden file.
struct TerminalTests {
    /// Starts `command` in a detached 80x40 tmux session, waits for `marker` on the screen, captures it and
    /// stops the server, all in one shell script: the server's own output goes to /dev/null, so reading the
    /// script's output ends when the script does.
    static func screen(of command: String, waitingFor marker: String) throws -> String {
        let socket = "infracost-test-\(ProcessInfo.processInfo.processIdentifier)"
        let script = """
            tmux -L \(socket) new-session -d -s t -x 80 -y 40 "$1" >/dev/null 2>&1 </dev/null
            i=0
            while [ $i -lt 100 ]; do
              if tmux -L \(socket) capture-pane -p -t t 2>/dev/null | grep -q "$2"; then break; fi
              sleep 0.1; i=$((i + 1))
            done
            tmux -L \(socket) capture-pane -p -t t
            tmux -L \(socket) kill-server >/dev/null 2>&1
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", command, marker]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static var tmuxAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func compareOnAnEightyColumnTerminal() throws {
        guard Self.tmuxAvailable else {
            Issue.record("tmux is needed for this test: apt-get install tmux (.ci/run installs it)")
            return
        }
        let command = "env NO_COLOR=1 \(CLI.binary.path) compare --tokens 2B --pricing \(CompareCommandTests.seed) --no-bundled; sleep 30"
        let screen = try Self.screen(of: command, waitingFor: "rounding:")
        let lines = screen.components(separatedBy: "\n").map { line -> String in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        var text = lines.joined(separator: "\n")
        while text.hasSuffix("\n") { text.removeLast() }
        #expect(lines.allSatisfy { $0.count <= 80 })
        try CLI.expectGolden(text + "\n", "terminal-compare-seed-2B.txt")
    }
}

import Foundation
import Testing

/// Where a report cannot be written: a full disk, a read-only file system, a reader that went away. Each exits 74
/// and leaves no partial file.
struct OutputFailureTests {
    /// A tiny tmpfs mounted for one test (needs root, as on CI machines; the tests are skipped where mount fails).
    final class TinyFileSystem {
        let folder: URL

        init?(sizeKB: Int, readOnly: Bool = false) {
            guard let folder = try? CLI.temporaryFolder() else { return nil }
            self.folder = folder
            let options = "size=\(sizeKB)k" + (readOnly ? ",ro" : "")
            guard Self.shell("mount -t tmpfs -o \(options) tmpfs '\(folder.path)'") == 0 else {
                try? FileManager.default.removeItem(at: folder)
                return nil
            }
        }

        deinit {
            _ = Self.shell("umount '\(folder.path)'")
            try? FileManager.default.removeItem(at: folder)
        }

        static func shell(_ command: String) -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command + " 2>/dev/null"]
            guard (try? process.run()) != nil else { return -1 }
            process.waitUntilExit()
            return process.terminationStatus
        }

        static let canMount: Bool = TinyFileSystem(sizeKB: 64) != nil
    }

    /// A 20,000-row CSV sweep (well over 64 KB) onto a 64 KB file system: no space left, exit 74, nothing left behind.
    @Test(.enabled(if: TinyFileSystem.canMount, "needs permission to mount a tmpfs"))
    func fullDiskExits74AndLeavesNoFile() throws {
        let disk = try #require(TinyFileSystem(sizeKB: 64))
        let out = disk.folder.appendingPathComponent("sweep.csv").path
        let result = try CLI.run(["sweep", "--steps", "20000", "--format", "csv", "--out", out])
        #expect(result.status == 74)
        #expect(result.stderr.contains("error: \(out): cannot write"))
        #expect(result.stderr.contains("No space left on device"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path).isEmpty)
        // The same report fits a larger disk: the failure was the space, not the report.
        let roomy = try #require(TinyFileSystem(sizeKB: 16_384))
        let fits = try CLI.run(["sweep", "--steps", "20000", "--format", "csv", "--out", roomy.folder.appendingPathComponent("sweep.csv").path])
        #expect(fits.status == 0)
    }

    @Test(.enabled(if: TinyFileSystem.canMount, "needs permission to mount a tmpfs"))
    func readOnlyFileSystemExits74() throws {
        let disk = try #require(TinyFileSystem(sizeKB: 64, readOnly: true))
        let out = disk.folder.appendingPathComponent("report.json").path
        let result = try CLI.run(["compare", "--tokens", "2B", "--format", "json", "--out", out])
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("error: \(out): cannot write"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A reader that closed its end of the pipe (`infracost ... | head -1`): exit 74 with a message, not SIGPIPE.
    @Test func closedPipeExits74() throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["sweep", "--steps", "2000", "--format", "csv"]
        process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": NSTemporaryDirectory()]
        process.currentDirectoryURL = CLI.root
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        process.standardOutput = pipe.fileHandleForWriting
        let errors = CLI.root.appendingPathComponent(".build/closed-pipe-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 74)
        #expect(try String(contentsOf: errors, encoding: .utf8) == "error: stdout: cannot write: the reader closed the pipe\n")
    }
}

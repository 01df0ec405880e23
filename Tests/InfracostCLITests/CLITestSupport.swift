import Foundation
import Testing

/// Runs the built `infracost` binary as a user would, with a fixed environment.
enum CLI {
    /// The package root (the folder holding Package.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = root.appendingPathComponent("Tests/InfracostCLITests/Fixtures")
    static let golden = root.appendingPathComponent("Tests/InfracostCLITests/Golden")

    /// The `infracost` executable beside the test bundle (SwiftPM builds it for the tests).
    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("infracost")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return root.appendingPathComponent(".build/debug/infracost")
    }()

    /// `--no-bundled` and a `--pricing` flag per file of the frozen March 2026 catalog (Tests/Fixtures/catalog-2026-03):
    /// tests of mechanics use it so that a price refresh does not change what they assert.
    static let frozenPricing: [String] = {
        let folder = root.appendingPathComponent("Tests/Fixtures/catalog-2026-03")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return ["--no-bundled"] + names.flatMap { ["--pricing", folder.appendingPathComponent($0).path] }
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// `stdout` with each line break and the indent after it read as one space: the text reports wrap their
        /// prose at 80 columns, so a sentence is asserted whole wherever its lines break.
        var prose: String { stdout.replacingOccurrences(of: #"\n +"#, with: " ", options: .regularExpression) }
    }

    /// Runs the binary with `arguments`, in `directory`, with `COLUMNS=80` and `NO_COLOR=1`.
    static func run(_ arguments: [String], executable: URL = binary, in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "COLUMNS": "80", "NO_COLOR": "1", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()]
        process.currentDirectoryURL = directory ?? root
        // Files rather than pipes: a large report can never block the child, and nothing is read concurrently.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdoutData = try Data(contentsOf: outURL)
        let stderrData = try Data(contentsOf: errURL)
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// A fresh empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("infracost-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Compares `actual` with the golden file `name`; `INFRACOST_RECORD_GOLDEN=1` rewrites the file instead.
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["INFRACOST_RECORD_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); record it with INFRACOST_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
    }
}

/// A minimal RFC 4180 reader, written independently of the product's writer, to read its CSV back.
enum CSVReader {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r\n", "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}

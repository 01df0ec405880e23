import Foundation
import Testing

/// Every public type, function and initializer of the library has a doc comment (`///` on the line before it or
/// before its attributes), as swift-numerics and swift-collections document theirs. Operators that implement
/// `Equatable` take the protocol's documentation and are left out.
@Suite struct DocumentationTests {
    /// Public declarations without a doc comment in `source`, as "line: declaration".
    static func undocumented(_ source: String) -> [String] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let kinds = ["func ", "struct ", "enum ", "class ", "init(", "init?(", "protocol ", "typealias ", "subscript"]
        let modifiers = ["public ", "static ", "final ", "mutating ", "nonisolated ", "indirect "]
        var found: [String] = []
        for (index, line) in lines.enumerated() where line.hasPrefix("public ") {
            var rest = Substring(line)
            while let modifier = modifiers.first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(modifier.count) }
            guard kinds.contains(where: { rest.hasPrefix($0) }), !rest.hasPrefix("func ==") else { continue }
            var previous = index - 1
            while previous >= 0, lines[previous].hasPrefix("@") { previous -= 1 }
            if previous < 0 || !lines[previous].hasPrefix("///") { found.append("\(index + 1): \(line)") }
        }
        return found
    }

    @Test func theCheckFindsAMissingComment() {
        let source = """
            /// Documented.
            public struct A {}
            public struct B {}
            /// Documented, behind an attribute.
            @inlinable
            public static func c() {}
            public static func == (lhs: B, rhs: B) -> Bool { true }
            public var notAType = 1
            """
        #expect(Self.undocumented(source) == ["3: public struct B {}"])
    }

    @Test func everyPublicTypeFunctionAndInitializerIsDocumented() throws {
        let folder = PackagePaths.root.appendingPathComponent("Sources/InfracostKit")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        var missing: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            missing += Self.undocumented(text).map { "\(file):\($0)" }
        }
        #expect(missing.isEmpty, "undocumented public API:\n\(missing.joined(separator: "\n"))")
    }
}

import Testing

@testable import InfracostKit

struct YAMLSubsetTests {
    @Test func readsNestedMappingsListsAndScalarsExactly() throws {
        let yaml = """
            ---
            # a comment
            version: 1
            budget: 5000.50   # trailing comment
            workloads:
              - name: classifier
                model_size: 8B
                tiers: [serverless, dedicated]
                share: 0.75
              - name: "reasoning: deep"
                enabled: true
                note: 'it''s # not a comment'
            empty:
            list:
            - a
            - 2
            """
        let value = try YAMLSubset.parse(yaml)
        #expect(value["version"] == .number("1"))
        #expect(value["budget"] == .number("5000.50"))
        #expect(value["empty"] == .null)
        guard case .array(let workloads)? = value["workloads"] else {
            Issue.record("no workloads list")
            return
        }
        #expect(workloads.map(\.line) == [6, 10])
        #expect(workloads[0].value["model_size"] == .string("8B"))
        #expect(workloads[0].value["tiers"]?.withoutLines == .array([.init(value: .string("serverless"), line: 0), .init(value: .string("dedicated"), line: 0)]))
        #expect(workloads[0].value["share"] == .number("0.75"))
        #expect(workloads[1].value["name"] == .string("reasoning: deep"))
        #expect(workloads[1].value["enabled"] == .bool(true))
        #expect(workloads[1].value["note"] == .string("it's # not a comment"))
        #expect(value["list"]?.withoutLines == .array([.init(value: .string("a"), line: 0), .init(value: .number("2"), line: 0)]))
    }

    @Test(arguments: [
        ("a: 1\na: 2", 2, "duplicate key \"a\""),
        ("a:\n\t- 1", 2, "tabs are not allowed in indentation; use spaces"),
        ("a: &anchor 1", 1, "anchors and aliases are not supported; write the value out"),
        ("a: |\n  text", 1, "block scalars ('|', '>') are not supported; write the value out"),
        ("a: [1, 2", 1, "a flow list is not closed with ']'"),
        ("just a line", 1, "expected 'key: value'"),
        ("a: 1\n  b: 2", 2, "unexpected indentation"),
        ("", 1, "the file is empty"),
        ("a: \"open", 1, "a quoted string is not closed"),
    ])
    func refusesWhatItDoesNotReadWithTheLine(yaml: String, line: Int, reason: String) {
        do throws(JSONSyntaxError) {
            _ = try YAMLSubset.parse(yaml)
            Issue.record("parsed: \(yaml)")
        } catch {
            #expect(error.line == line)
            #expect(error.reason == reason)
        }
    }
}

/// One argument of a tool: its name, its JSON type and what it means. A tool's input schema is made from its
/// arguments (`MCPToolArgument.schema(_:required:)`), so the schema and the arguments a call is checked against
/// never disagree.
public struct MCPToolArgument: Sendable {
    /// The JSON types an argument takes.
    public enum Kind: Sendable {
        /// A string.
        case string
        /// A quantity: a string such as `2B` or `8%`, or a number.
        case quantity
        /// A whole number.
        case integer
        /// true or false.
        case boolean
        /// An array of strings.
        case strings
    }

    /// The argument's name, lower case with underscores (e.g. `model_size`).
    public var name: String
    public var kind: Kind
    /// What the argument means, for the client.
    public var help: String

    /// An argument named `name` of JSON type `kind`, described by `help`.
    public init(name: String, kind: Kind, help: String) {
        self.name = name
        self.kind = kind
        self.help = help
    }

    /// The JSON Schema of an argument object: each argument's type and description, the `required` names, and no
    /// other property.
    public static func schema(_ arguments: [MCPToolArgument], required: [String]) -> JSONValue {
        func type(_ kind: Kind) -> JSONValue {
            switch kind {
            case .string: .fields(["type": .string("string")])
            case .quantity: .fields(["type": .list([.string("string"), .string("number")])])
            case .integer: .fields(["type": .string("integer")])
            case .boolean: .fields(["type": .string("boolean")])
            case .strings: .fields(["type": .string("array"), "items": .fields(["type": .string("string")])])
            }
        }
        let properties = JSONValue.object(arguments.map { argument in
            var schema = type(argument.kind)
            if case .object(var members) = schema {
                members.append(.init(key: "description", value: .string(argument.help), line: 0))
                schema = .object(members)
            }
            return .init(key: argument.name, value: schema, line: 0)
        })
        return .fields([
            "type": .string("object"), "properties": properties, "required": .list(required.map(JSONValue.string)),
            "additionalProperties": .bool(false),
        ])
    }
}

extension MCPToolResult {
    /// "prices verified 2026-09-20 to 2026-12-01; sources include: ..." from every `*verified_on` date and every
    /// `source` or `price_source` in a JSON report (at most three sources named, each cut to 100 characters), so an
    /// agent can tell how fresh the answer's prices are.
    public static func provenanceLine(_ report: JSONValue) -> String {
        var dates = Set<String>()
        var sources: [String] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for member in members {
                    if case .string(let text) = member.value {
                        if member.key.hasSuffix("verified_on") { dates.insert(text) }
                        if member.key == "source" || member.key == "price_source", !sources.contains(text) { sources.append(text) }
                    }
                    walk(member.value)
                }
            case .array(let elements): elements.forEach { walk($0.value) }
            default: break
            }
        }
        walk(report)
        let sorted = dates.sorted()
        let range = sorted.isEmpty ? "no dated prices in this answer" : sorted.count == 1 ? "prices verified \(sorted[0])" : "prices verified \(sorted.first!) to \(sorted.last!)"
        let shown = sources.prefix(3).map { TextSafety.excerpt($0, limit: 100) }
        return range + (shown.isEmpty ? "" : "; sources include: " + shown.joined(separator: "; ") + (sources.count > 3 ? " (and \(sources.count - 3) more)" : ""))
    }
}

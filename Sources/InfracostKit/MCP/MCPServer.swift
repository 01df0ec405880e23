import Foundation

/// One tool an MCP server offers: its name, what it does, the JSON Schema of its arguments, and the call.
public struct MCPTool: Sendable {
    public var name: String
    public var title: String
    public var description: String
    public var inputSchema: JSONValue
    /// Runs the tool on its arguments (an object, or nil when none were sent). Never throws: a bad argument is a
    /// result with `isError`, so the client can correct itself and the server keeps serving.
    public var call: @Sendable (JSONValue?) -> MCPToolResult

    /// A tool the server lists under `name`, its arguments described by the JSON Schema `inputSchema`; `call`
    /// answers a call (its argument object, nil when none was sent).
    public init(name: String, title: String, description: String, inputSchema: JSONValue, call: @escaping @Sendable (JSONValue?) -> MCPToolResult) {
        self.name = name
        self.title = title
        self.description = description
        self.inputSchema = inputSchema
        self.call = call
    }
}

/// What a tool call returns: a short text for the model to read, the report as structured content, and whether it
/// failed.
public struct MCPToolResult: Equatable, Sendable {
    public var text: String
    public var structured: JSONValue?
    public var isError: Bool

    /// A tool's answer: `text` for the client to show, the same answer as structured JSON when there is one, and
    /// whether the call failed.
    public init(text: String, structured: JSONValue? = nil, isError: Bool = false) {
        self.text = text
        self.structured = structured
        self.isError = isError
    }
}

/// A Model Context Protocol server over newline-delimited JSON-RPC 2.0 (the stdio transport): one message per
/// line in, at most one line out. It speaks the protocol's lifecycle (`initialize`, `notifications/initialized`,
/// `ping`) and its tools (`tools/list`, `tools/call`); everything else is a JSON-RPC error, never a crash.
public struct MCPServer: Sendable {
    /// Protocol revisions this server speaks, newest first; a client asking for one of them gets it.
    public static let protocolVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]
    /// The longest message read, in bytes (a bound on the work one line can ask for).
    public static let maximumMessageBytes = 1_000_000

    public var name: String
    public var version: String
    public var instructions: String
    public var tools: [MCPTool]
    /// The revision agreed in `initialize`.
    public private(set) var negotiatedVersion: String?

    /// A server that introduces itself as `name` `version`, gives clients `instructions`, and serves `tools`.
    public init(name: String, version: String, instructions: String, tools: [MCPTool]) {
        self.name = name
        self.version = version
        self.instructions = instructions
        self.tools = tools
    }

    /// The answer to a message over `maximumMessageBytes` (a reader that drops such a line as it arrives sends it).
    public static var oversizedReply: String {
        error(id: .null, code: invalidRequest, message: "message longer than \(maximumMessageBytes) bytes")
    }

    /// Serves newline-delimited messages read from the file descriptor `input` until it closes, passing each answer
    /// line (without its newline) to `write`. Lines are read in bounded chunks: a line longer than
    /// `maximumMessageBytes` is dropped as it arrives and answered with `oversizedReply`, never held whole in memory.
    public mutating func serve(input: Int32, write: (String) -> Void) {
        var line: [UInt8] = []
        var oversized = false
        func finish() {
            let response = oversized ? Self.oversizedReply : handle(String(decoding: line, as: UTF8.self))
            if let response { write(response) }
            line.removeAll(keepingCapacity: true)
            oversized = false
        }
        // read(2), not FileHandle.read(upToCount:), which waits for the whole count: a client sends a line and
        // waits for its answer.
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            for byte in buffer[0..<count] {
                if byte == UInt8(ascii: "\n") {
                    finish()
                } else if !oversized {
                    line.append(byte)
                    if line.count > Self.maximumMessageBytes {
                        oversized = true
                        line.removeAll()
                    }
                }
            }
        }
        if !line.isEmpty || oversized { finish() }
    }

    // JSON-RPC error codes.
    static let parseError = -32700, invalidRequest = -32600, methodNotFound = -32601, invalidParams = -32602

    /// Handles one line; returns the response line, or nil for a notification (or a blank line).
    public mutating func handle(_ line: String) -> String? {
        if line.utf8.count > Self.maximumMessageBytes { return Self.oversizedReply }
        if line.allSatisfy(\.isWhitespace) { return nil }
        let message: JSONValue
        do {
            message = try JSONValue.parse(Array(line.utf8))
        } catch {
            return Self.error(id: .null, code: Self.parseError, message: "parse error: \(error.reason) (line \(error.line), column \(error.column))")
        }
        guard case .object = message else {
            return Self.error(id: .null, code: Self.invalidRequest, message: "a message is one JSON-RPC 2.0 object (batches are not part of MCP)")
        }
        let id = message["id"]
        if let id, !Self.isValidID(id) {
            return Self.error(id: .null, code: Self.invalidRequest, message: "id must be a string or a number")
        }
        guard message["jsonrpc"] == .string("2.0") else {
            return id == nil ? nil : Self.error(id: id!, code: Self.invalidRequest, message: "jsonrpc must be \"2.0\"")
        }
        guard case .string(let method)? = message["method"] else {
            // A response from the client (to a request we never send) or junk: answer requests only.
            return id == nil ? nil : Self.error(id: id!, code: Self.invalidRequest, message: "method is missing")
        }
        let params = message["params"]
        if let params, !Self.isObject(params) {
            return id == nil ? nil : Self.error(id: id!, code: Self.invalidParams, message: "params must be an object")
        }
        guard let id else {
            // Notifications (initialized, cancelled, ...) need no answer.
            return nil
        }
        switch method {
        case "initialize":
            var version = Self.protocolVersions[0]
            if case .string(let asked)? = params?["protocolVersion"], Self.protocolVersions.contains(asked) { version = asked }
            negotiatedVersion = version
            return Self.result(id: id, .fields([
                "protocolVersion": .string(version),
                "capabilities": .fields(["tools": .fields(["listChanged": .bool(false)])]),
                "serverInfo": .fields(["name": .string(name), "version": .string(self.version)]),
                "instructions": .string(instructions),
            ]))
        case "ping":
            return Self.result(id: id, .object([]))
        case "tools/list":
            return Self.result(id: id, .fields(["tools": .list(tools.map { tool in
                .fields([
                    "name": .string(tool.name), "title": .string(tool.title), "description": .string(tool.description),
                    "inputSchema": tool.inputSchema,
                    "annotations": .fields(["readOnlyHint": .bool(true), "openWorldHint": .bool(false)]),
                ])
            })]))
        case "tools/call":
            guard case .string(let toolName)? = params?["name"] else {
                return Self.error(id: id, code: Self.invalidParams, message: "tools/call needs params.name")
            }
            guard let tool = tools.first(where: { $0.name == toolName }) else {
                return Self.error(id: id, code: Self.invalidParams, message: "unknown tool '\(TextSafety.excerpt(toolName))'; tools: \(tools.map(\.name).joined(separator: ", "))")
            }
            let arguments = params?["arguments"]
            if let arguments, !Self.isObject(arguments), arguments != .null {
                return Self.result(id: id, Self.toolResult(MCPToolResult(text: "arguments must be an object", isError: true)))
            }
            return Self.result(id: id, Self.toolResult(tool.call(arguments == .null ? nil : arguments)))
        default:
            return Self.error(id: id, code: Self.methodNotFound, message: "method '\(TextSafety.excerpt(method))' not found")
        }
    }

    static func toolResult(_ result: MCPToolResult) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "content", value: .list([.fields(["type": .string("text"), "text": .string(result.text)])]), line: 0),
        ]
        if let structured = result.structured, isObject(structured) { members.append(.init(key: "structuredContent", value: structured, line: 0)) }
        members.append(.init(key: "isError", value: .bool(result.isError), line: 0))
        return .object(members)
    }

    static func isObject(_ value: JSONValue) -> Bool {
        if case .object = value { return true }
        return false
    }

    static func isValidID(_ value: JSONValue) -> Bool {
        switch value {
        case .string, .number: return true
        default: return false
        }
    }

    static func result(id: JSONValue, _ value: JSONValue) -> String {
        JSONWriter.compact(.fields(["jsonrpc": .string("2.0"), "id": id, "result": value]))
    }

    static func error(id: JSONValue, code: Int, message: String) -> String {
        JSONWriter.compact(.fields([
            "jsonrpc": .string("2.0"), "id": id,
            "error": .fields(["code": .number(String(code)), "message": .string(message)]),
        ]))
    }
}

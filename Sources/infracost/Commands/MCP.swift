import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct MCP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mcp",
            abstract: "Serve the read-only tools over the Model Context Protocol (stdio), for agents.",
            discussion: """
                Reads newline-delimited JSON-RPC 2.0 on stdin and answers on stdout (diagnostics on stderr), \
                until stdin closes. Tools: compare, breakeven, advise, throughput, prices; their arguments are \
                the command's flags without the dashes (tokens, model, tier, pricing, no_bundled, as_of...). \
                Nothing is written and nothing is fetched: pricing files are read, reports come back in the \
                result.

                Example (an MCP client configuration):
                  {"command": "infracost", "args": ["mcp"]}
                """
        )

        func run() throws {
            var server = MCPServer(
                name: "infracost", version: Infracost.versionNumber,
                instructions: "LLM inference cost tools. Monthly costs are exact to the cent and come back as strings; every price carries its verified_on date and source. Tools are read-only.",
                tools: MCPTools.all)
            server.serve(input: STDIN_FILENO) { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        }
    }
}

/// The tools `infracost mcp` serves: each runs the command of its name with flags built from its arguments, and
/// returns the command's JSON report. Arguments have the flags' names (dashes as underscores) and meanings.
enum MCPTools {
    typealias Argument = MCPToolArgument

    static let catalogArguments = [
        Argument(name: "pricing", kind: .strings, help: "Pricing files (JSON) to add to the bundled tables."),
        Argument(name: "no_bundled", kind: .boolean, help: "Use only the pricing files, not the bundled tables."),
        Argument(name: "performance", kind: .strings, help: "Performance files written by infracost calibrate: your measured serving points and fitted efficiencies."),
        Argument(name: "as_of", kind: .string, help: "Price with the prices in effect on this day, YYYY-MM-DD."),
    ]
    static let shapeArguments = [
        Argument(name: "input_share", kind: .quantity, help: "Share of tokens that are input, 0-1 or a percentage (default 0.75)."),
        Argument(name: "model", kind: .string, help: "The model served, e.g. llama-3.1-8b (sets the size; sizes GPUs from its architecture)."),
        Argument(name: "model_size", kind: .quantity, help: "Model size, e.g. 8B or 70B (default 70B); not with model."),
        Argument(name: "precision", kind: .string, help: "Weight precision on GPU options: bf16, fp16, fp8, int4 or fp4."),
        Argument(name: "max_itl", kind: .string, help: "Largest inter-token latency GPU options are sized for, e.g. 50ms."),
        Argument(name: "hours_per_month", kind: .quantity, help: "Hours in the billing month (default 730)."),
        Argument(name: "tier", kind: .strings, help: "Tiers to include: api, serverless, serverless-gpu, dedicated (default all)."),
        Argument(name: "mode", kind: .string, help: "Per-token mode: standard, batch, flex or priority."),
    ]
    static let volumeArguments = [
        Argument(name: "tokens", kind: .quantity, help: "Tokens per month, input + output: 750k, 50M, 2B or a number."),
        Argument(name: "input_tokens", kind: .quantity, help: "Input tokens per month (with output_tokens, instead of tokens)."),
        Argument(name: "output_tokens", kind: .quantity, help: "Output tokens per month (with input_tokens)."),
    ]

    static let all: [MCPTool] = [
        tool("compare", title: "Compare monthly cost",
             description: "The monthly cost of an LLM inference workload on every offer, cheapest first: the cheapest way to serve the model and the cheapest API alternative, with line items, prices' dates and sources.",
             command: ["compare"], arguments: volumeArguments + shapeArguments + [Argument(name: "baseline", kind: .string, help: "Offer id to measure savings against.")] + catalogArguments,
             required: []) { report in
            var lines: [String] = []
            if let best = report["cheapest_serving_model"], case .string(let id)? = best["id"], case .string(let cost)? = best["monthly_cost"] {
                lines.append("Cheapest way to serve the model: \(id) at $\(cost)/month.")
            }
            if let api = report["cheapest_api_alternative"], case .string(let id)? = api["id"], case .string(let cost)? = api["monthly_cost"] {
                lines.append("Cheapest API alternative (another model, quality not compared): \(id) at $\(cost)/month.")
            }
            return lines
        },
        tool("breakeven", title: "Break-even volumes",
             description: "Where the cheapest way to serve the model changes as monthly volume grows (exact crossovers), or between two offers.",
             command: ["breakeven"], arguments: [
                Argument(name: "from", kind: .quantity, help: "Lowest volume, tokens per month (default 1M)."),
                Argument(name: "to", kind: .quantity, help: "Highest volume (default 1T)."),
                Argument(name: "between", kind: .strings, help: "Two offer ids to compare with each other."),
             ] + shapeArguments + catalogArguments, required: []) { report in
            guard case .array(let crossovers)? = report["crossovers"] else { return [] }
            return ["\(crossovers.count) crossover\(crossovers.count == 1 ? "" : "s") between the volumes compared."]
        },
        tool("advise", title: "Deployment advice",
             description: "Endpoint type, runtime, deployment target and migration path for a workload, each with its reasons.",
             command: ["advise"], arguments: volumeArguments + shapeArguments + [
                Argument(name: "p95_latency", kind: .string, help: "p95 latency target, e.g. 2s."),
                Argument(name: "payload", kind: .string, help: "Payload size per request, e.g. 500MB."),
                Argument(name: "deadline", kind: .string, help: "How soon results are needed when callers need not wait, e.g. 15m."),
                Argument(name: "traffic_shape", kind: .string, help: "steady, bursty, sporadic or batch."),
                Argument(name: "streaming", kind: .boolean, help: "Responses stream to the caller."),
                Argument(name: "on_call_engineers", kind: .integer, help: "Engineers on call to run it."),
             ] + catalogArguments, required: []) { _ in [] },
        tool("throughput", title: "Serving throughput and latency",
             description: "Whether a model fits a GPU configuration, its largest concurrency, and time to first token, inter-token latency and throughput at a concurrency, from the serving performance model or a matching published figure.",
             command: ["throughput"], arguments: [
                Argument(name: "model", kind: .string, help: "A model of the catalog, e.g. llama-3.1-8b."),
                Argument(name: "model_size", kind: .quantity, help: "A generic model of this size instead of model, e.g. 70B."),
                Argument(name: "active_params", kind: .quantity, help: "Active parameters of a generic MoE model, e.g. 17B."),
                Argument(name: "gpu", kind: .string, help: "The GPU, e.g. H100, H200, A100, L40S, B200, MI300X."),
                Argument(name: "gpus", kind: .integer, help: "GPUs in the replica (tensor parallel), 1 to 8."),
                Argument(name: "precision", kind: .string, help: "bf16, fp16, fp8, int4 or fp4."),
                Argument(name: "input_tokens", kind: .integer, help: "Input tokens per request (default 1000)."),
                Argument(name: "output_tokens", kind: .integer, help: "Output tokens per request (default 1000)."),
                Argument(name: "concurrency", kind: .quantity, help: "Requests in flight, or max (default max)."),
                Argument(name: "model_only", kind: .boolean, help: "Answer from the model alone."),
             ] + catalogArguments, required: ["gpu"]) { report in
            guard report["fits"] == .bool(true) else { return ["Does not fit."] }
            return ["Fits; basis: \(report["basis"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "model")."]
        },
        tool("prices", title: "Price lookup",
             description: "One offer's prices with their dates and sources (id), or every offer (optionally by tier).",
             command: ["prices"], arguments: [
                Argument(name: "id", kind: .string, help: "An offer id; without it, every offer is listed."),
                Argument(name: "tier", kind: .strings, help: "Tiers to list (without id)."),
             ] + catalogArguments, required: []) { _ in [] },
    ]

    static func tool(
        _ name: String, title: String, description: String, command: [String], arguments: [Argument], required: [String],
        summary: @escaping @Sendable (JSONValue) -> [String]
    ) -> MCPTool {
        MCPTool(name: name, title: title, description: description, inputSchema: Argument.schema(arguments, required: required)) { input in
            do {
                let flags = try flagsFor(input, arguments: arguments, required: required, command: command)
                return run(flags, summary: summary)
            } catch let problem as ArgumentProblem {
                return MCPToolResult(text: "error: \(problem.message)", isError: true)
            } catch {
                return MCPToolResult(text: "error: \(error)", isError: true)
            }
        }
    }

    struct ArgumentProblem: Error { var message: String }

    /// The flag an argument stands for: its name with dashes, e.g. `--model-size`.
    static func flag(_ argument: Argument) -> String { "--" + argument.name.replacingOccurrences(of: "_", with: "-") }

    /// The command line for a call: the command, then each argument as its flag, then `--format json`.
    static func flagsFor(_ input: JSONValue?, arguments: [Argument], required: [String], command: [String]) throws -> [String] {
        var flags = command
        var members: [JSONValue.Member] = []
        if let input {
            guard case .object(let given) = input else { throw ArgumentProblem(message: "arguments must be an object") }
            members = given
        }
        for name in required where !members.contains(where: { $0.key == name }) {
            throw ArgumentProblem(message: "missing argument '\(name)'")
        }
        var positional: [String] = []
        for member in members {
            guard let argument = arguments.first(where: { $0.name == member.key }) else {
                let hint = Suggestions.hint(for: member.key, in: arguments.map(\.name))
                throw ArgumentProblem(message: "unknown argument '\(TextSafety.excerpt(member.key))'\(hint)")
            }
            func text(_ value: JSONValue) throws -> String {
                switch value {
                case .string(let s): return s
                case .number(let n) where argument.kind == .quantity || argument.kind == .integer: return n
                default: throw ArgumentProblem(message: "'\(argument.name)' must be \(argument.kind == .integer ? "an integer" : argument.kind == .quantity ? "a string or a number" : "a string")")
                }
            }
            switch argument.kind {
            case .boolean:
                guard case .bool(let on) = member.value else { throw ArgumentProblem(message: "'\(argument.name)' must be true or false") }
                if on { flags.append(flag(argument)) }
            case .strings:
                guard case .array(let elements) = member.value else { throw ArgumentProblem(message: "'\(argument.name)' must be an array of strings") }
                if argument.name == "between" {
                    flags.append(flag(argument))
                    for element in elements { flags.append(try text(element.value)) }
                } else {
                    for element in elements { flags += [flag(argument), try text(element.value)] }
                }
            case .integer:
                let value = try text(member.value)
                guard Int(value) != nil else { throw ArgumentProblem(message: "'\(argument.name)' must be an integer") }
                flags += [flag(argument), value]
            case .string, .quantity:
                let value = try text(member.value)
                if argument.name == "id" { positional.append(value) } else { flags += [flag(argument), value] }
            }
        }
        if command == ["prices"] { flags.insert(positional.isEmpty ? "list" : "show", at: 1) }
        // A value that starts with a dash would read as a label: refuse it rather than let it change the command.
        if let value = positional.first {
            guard !value.hasPrefix("-") else { throw ArgumentProblem(message: "'id' must not start with '-'") }
            flags.insert(value, at: 2)
        }
        return flags + ["--format", "json"]
    }

    /// Runs the command in this process with its report and diagnostics captured.
    static func run(_ flags: [String], summary lines: (JSONValue) -> [String]) -> MCPToolResult {
        let capture = Diagnostics.Capture()
        Diagnostics.capture = capture
        defer { Diagnostics.capture = nil }
        var failed = false
        do {
            var command = try Infracost.parseAsRoot(flags)
            try command.run()
        } catch {
            if Infracost.exitCode(for: error).rawValue != 0 {
                failed = true
                if capture.diagnostics.isEmpty { capture.diagnostics.append(TextSafety.report("error: \(Infracost.message(for: error))")) }
            }
        }
        if failed {
            return MCPToolResult(text: capture.diagnostics.joined(separator: "\n"), isError: true)
        }
        guard let report = try? JSONValue.parse(Array(capture.report.utf8)) else {
            return MCPToolResult(text: "error: the command wrote no JSON report", isError: true)
        }
        var text = lines(report)
        text.append(MCPToolResult.provenanceLine(report))
        text += capture.diagnostics
        return MCPToolResult(text: text.joined(separator: "\n"), structured: report)
    }
}

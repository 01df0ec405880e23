public import Foundation

/// One named workload of a workload file.
public struct WorkloadSpec: Equatable, Sendable {
    public var name: String
    /// The month of tokens and its shape (model size, input share, month length, utilization).
    public var workload: Workload
    /// Tiers it may run on (empty: any).
    public var tiers: Set<Tier>
    /// The offer it runs on today, if any: then it is priced there, and the cheapest option is shown beside it.
    public var offerID: String?
    /// Its own monthly budget, if any.
    public var budget: Decimal?
    /// The line of the workload in its file.
    public var line: Int
    /// Its `advise:` settings (p95_latency, payload, ...), as written, for `infracost advise`.
    public var adviceSettings: [AdviceSetting] = []
}

/// One `advise:` setting of a workload file: a name of `AdviceInput.settingNames` and its text.
public struct AdviceSetting: Equatable, Sendable {
    public var name: String
    public var text: String
    public var line: Int
}

/// A file of named workloads (`infracost.yml`, or the same content as JSON), with an optional total budget.
public struct WorkloadFile: Equatable, Sendable {
    public var file: String
    public var workloads: [WorkloadSpec]
    /// The monthly budget of all workloads together, if any.
    public var budget: Decimal?

    static let topKeys: Set<String> = ["version", "description", "hours_per_month", "target_utilization", "budget", "workloads"]
    static let workloadKeys: Set<String> = [
        "name", "description", "model", "model_size", "tokens_per_month", "input_share", "requests_per_second", "requests_per_minute",
        "requests_per_hour", "requests_per_day", "input_tokens_per_request", "output_tokens_per_request", "tiers", "offer", "budget",
        "cold_starts_per_day", "keep_warm", "hours_per_month", "target_utilization", "advise",
    ]

    /// Reads a workload file (YAML, or JSON when it starts with `{`).
    /// - Throws: `InfracostError.io` when unreadable, `.invalidData` listing every problem with line and field.
    public static func load(contentsOf path: String) throws(InfracostError) -> WorkloadFile {
        let bytes = try FileInput.read(path, maximumSize: 4 * 1024 * 1024)
        return try parse(bytes, file: path)
    }

    /// The workloads in `bytes` (UTF-8 YAML or JSON, bounded in size and depth), problems reported against `file`.
    public static func parse(_ bytes: [UInt8], file: String) throws(InfracostError) -> WorkloadFile {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidData(problems: [DataProblem(file: file, message: "the file is not valid UTF-8 text")])
        }
        let root: JSONValue
        do throws(JSONSyntaxError) {
            root = text.drop { $0 == " " || $0 == "\n" }.first == "{" ? try JSONValue.parse(bytes) : try YAMLSubset.parse(text)
        } catch {
            throw .invalidData(problems: [DataProblem(file: file, line: error.line, message: "\(error.reason) (column \(error.column))")])
        }
        var reader = Reader(file: file)
        let result = reader.read(root)
        if !reader.problems.isEmpty { throw .invalidData(problems: reader.problems) }
        return result
    }

    struct Reader {
        let file: String
        var problems: [DataProblem] = []

        mutating func report(_ line: Int?, _ entry: String?, _ field: String?, _ message: String) {
            problems.append(DataProblem(file: file, line: line, entry: entry, entryKind: "workload", field: field, message: message))
        }

        mutating func read(_ root: JSONValue) -> WorkloadFile {
            guard case .object(let members) = root else {
                report(1, nil, nil, "the file must hold a mapping with \"version\" and \"workloads\"")
                return WorkloadFile(file: file, workloads: [])
            }
            for member in members where !WorkloadFile.topKeys.contains(member.key) {
                let hint = Suggestions.hint(for: member.key, in: WorkloadFile.topKeys)
                report(member.line, nil, member.key, "unknown field\(hint)")
            }
            func member(_ key: String) -> JSONValue.Member? { members.first { $0.key == key } }
            if let version = member("version") {
                if version.value != .number("1") {
                    let found: String
                    switch version.value {
                    case .string(let text): found = "the string \"\(TextSafety.excerpt(text, limit: 20))\" (write 1 without quotes)"
                    case .number(let text): found = TextSafety.excerpt(text, limit: 20)
                    default: found = version.value.kindDescription
                    }
                    report(version.line, nil, "version", "must be the number 1, found \(found)")
                }
            } else {
                report(1, nil, "version", "is missing (write version: 1)")
            }
            let hours = decimal(member("hours_per_month"), nil, range: Limits.hoursPerMonth, Limits.positive(upTo: Limits.hoursPerMonth)) ?? Workload.defaultHoursPerMonth
            let utilization = decimal(member("target_utilization"), nil, range: Limits.targetUtilization, Limits.positive(upTo: Limits.targetUtilization)) ?? Workload.defaultTargetUtilization
            let budget = decimal(member("budget"), nil, range: 0...DecimalText.maximumMagnitude, "0 or more")
            var workloads: [WorkloadSpec] = []
            guard let list = member("workloads") else {
                report(1, nil, "workloads", "is missing: list the workloads under 'workloads:'")
                return WorkloadFile(file: file, workloads: [])
            }
            guard case .array(let elements) = list.value, !elements.isEmpty else {
                report(list.line, nil, "workloads", "must be a non-empty list")
                return WorkloadFile(file: file, workloads: [])
            }
            var names = Set<String>()
            for element in elements {
                guard case .object(let fields) = element.value else {
                    report(element.line, nil, "workloads", "each workload must be a mapping with a name")
                    continue
                }
                if let spec = readWorkload(fields, line: element.line, hours: hours, utilization: utilization) {
                    if !names.insert(spec.name).inserted {
                        report(element.line, spec.name, "name", "two workloads have this name")
                    }
                    workloads.append(spec)
                }
            }
            return WorkloadFile(file: file, workloads: workloads, budget: budget)
        }

        mutating func readWorkload(_ fields: [JSONValue.Member], line: Int, hours: Decimal, utilization: Decimal) -> WorkloadSpec? {
            let before = problems.count
            func member(_ key: String) -> JSONValue.Member? { fields.first { $0.key == key } }
            guard let nameMember = member("name"), case .string(let name) = nameMember.value, !name.isEmpty else {
                report(line, nil, "name", "is missing: every workload needs a name")
                return nil
            }
            for field in fields where !WorkloadFile.workloadKeys.contains(field.key) {
                let hint = Suggestions.hint(for: field.key, in: WorkloadFile.workloadKeys)
                report(field.line, name, field.key, "unknown field\(hint)")
            }
            let modelSize: Decimal
            if let size = member("model_size") {
                do throws(InfracostError) {
                    modelSize = try ModelSize.parse(text(size.value), label: "model_size")
                } catch {
                    report(size.line, name, "model_size", "'\(text(size.value))' is not a model size (write e.g. 8B or 70B)")
                    modelSize = Workload.defaultModelParamsB
                }
            } else {
                modelSize = Workload.defaultModelParamsB
            }
            let share = decimal(member("input_share"), name, range: 0...1, "between 0 and 1") ?? Workload.defaultInputShare
            var input: Decimal = 0
            var output: Decimal = 0
            let rates: [(String, Decimal)] = [("requests_per_second", 2_592_000), ("requests_per_minute", 43_200), ("requests_per_hour", 720), ("requests_per_day", 30)]
            let givenRates = rates.filter { member($0.0) != nil }
            let monthHours = decimal(member("hours_per_month"), name, range: Limits.hoursPerMonth, Limits.positive(upTo: Limits.hoursPerMonth)) ?? hours
            if let tokens = member("tokens_per_month") {
                if !givenRates.isEmpty { report(tokens.line, name, "tokens_per_month", "give tokens_per_month or a request rate, not both") }
                do throws(InfracostError) {
                    let total = try TokenCount.parse(text(tokens.value), label: "tokens_per_month")
                    (input, output) = Workload.split(tokens: total, inputShare: share)
                } catch {
                    if case .invalidQuantity(_, _, let reason) = error { report(tokens.line, name, "tokens_per_month", reason) }
                }
            } else if let (key, _) = givenRates.first {
                if givenRates.count > 1 { report(member(givenRates[1].0)?.line, name, givenRates[1].0, "give one request rate") }
                let rate = decimal(member(key), name, range: Decimal(string: "0.000001")!...1_000_000_000, "more than 0") ?? 0
                let perRequestIn = decimal(member("input_tokens_per_request"), name, range: Limits.tokensPerRequestDecimal, Limits.between(Limits.tokensPerRequest))
                let perRequestOut = decimal(member("output_tokens_per_request"), name, range: Limits.tokensPerRequestDecimal, Limits.between(Limits.tokensPerRequest))
                if perRequestIn == nil { report(line, name, "input_tokens_per_request", "is missing: a request rate needs tokens per request") }
                if perRequestOut == nil { report(line, name, "output_tokens_per_request", "is missing: a request rate needs tokens per request") }
                // Requests a month: rate x seconds (minutes, hours, days) in the month.
                let perUnitSeconds: Decimal = ["requests_per_second": 1, "requests_per_minute": 60, "requests_per_hour": 3600, "requests_per_day": 86400][key] ?? 1
                let requests = rate * monthHours * 3600 / perUnitSeconds
                input = requests * (perRequestIn ?? 0)
                output = requests * (perRequestOut ?? 0)
                if input + output == 0, perRequestIn != nil, perRequestOut != nil { report(line, name, key, "the workload has no tokens") }
            } else {
                report(line, name, "tokens_per_month", "is missing: give tokens_per_month, or a request rate with tokens per request")
            }
            var tiers = Set<Tier>()
            if let list = member("tiers") {
                if case .array(let elements) = list.value {
                    for element in elements {
                        if case .string(let name) = element.value, let tier = Tier(rawValue: name) {
                            tiers.insert(tier)
                        } else {
                            report(list.line, name, "tiers", "'\(text(element.value))' is not a tier (use api, serverless, serverless-gpu, dedicated)")
                        }
                    }
                } else {
                    report(list.line, name, "tiers", "must be a list, e.g. [serverless, dedicated]")
                }
            }
            var offerID: String?
            if let offer = member("offer") {
                if case .string(let id) = offer.value { offerID = id } else { report(offer.line, name, "offer", "must be an offer id") }
            }
            let budget = decimal(member("budget"), name, range: 0...DecimalText.maximumMagnitude, "0 or more")
            let coldStarts = decimal(member("cold_starts_per_day"), name, range: Limits.coldStartsPerDay, "between 0 and \(Numbers.exact(Limits.coldStartsPerDay.upperBound))") ?? 0
            let keepWarm = decimal(member("keep_warm"), name, range: Limits.keepWarmReplicasDecimal, Limits.between(Limits.keepWarmReplicas)) ?? 0
            let workUtilization = decimal(member("target_utilization"), name, range: Limits.targetUtilization, Limits.positive(upTo: Limits.targetUtilization)) ?? utilization
            guard problems.count == before else { return nil }
            let workload = Workload(
                inputTokens: Money.rounded(input, scale: 0), outputTokens: Money.rounded(output, scale: 0), modelParamsB: modelSize,
                modelSizeIsDefault: member("model_size") == nil, hoursPerMonth: monthHours, targetUtilization: workUtilization,
                coldStartsPerDay: coldStarts, keepWarmReplicas: NSDecimalNumber(decimal: keepWarm).intValue)
            var spec = WorkloadSpec(name: name, workload: workload, tiers: tiers, offerID: offerID, budget: budget, line: line)
            // `model: llama-3.1-8b` names an architecture (as --model does): it sets the size when GPUs are sized.
            if let model = member("model") {
                if member("model_size") != nil {
                    report(model.line, name, "model", "give model or model_size, not both (model sets the size)")
                    return nil
                }
                guard case .string(let id) = model.value, !id.isEmpty else {
                    report(model.line, name, "model", "must be a model id, e.g. llama-3.1-8b")
                    return nil
                }
                spec.workload.serving.model = id
            }
            if let advise = member("advise") {
                guard case .object(let settings) = advise.value else {
                    report(advise.line, name, "advise", "must be a mapping of settings, e.g. p95_latency: 2s")
                    return nil
                }
                for setting in settings {
                    guard AdviceInput.settingNames.contains(setting.key) else {
                        report(setting.line, name, "advise.\(setting.key)", "unknown setting\(Suggestions.hint(for: setting.key, in: AdviceInput.settingNames))")
                        continue
                    }
                    var value: String
                    if case .array(let elements) = setting.value {
                        value = elements.map { text($0.value) }.joined(separator: ",")
                    } else {
                        value = text(setting.value)
                    }
                    if case .object = setting.value { report(setting.line, name, "advise.\(setting.key)", "must be a value, not a mapping"); value = "" }
                    spec.adviceSettings.append(AdviceSetting(name: setting.key, text: value, line: setting.line))
                }
                guard problems.count == before else { return nil }
            }
            return spec
        }

        func text(_ value: JSONValue) -> String {
            switch value {
            case .string(let text), .number(let text): return text
            case .bool(let flag): return flag ? "true" : "false"
            case .null: return "null"
            default: return value.kindDescription
            }
        }

        /// A number as written, or a percentage string such as "80%".
        mutating func decimal(_ member: JSONValue.Member?, _ entry: String?, range: ClosedRange<Decimal>, _ rangeText: String) -> Decimal? {
            guard let member else { return nil }
            var value: Decimal?
            switch member.value {
            case .number(let literal): value = try? DecimalText.parse(literal)
            case .string(let literal) where literal.hasSuffix("%"): value = (try? DecimalText.parse(String(literal.dropLast()))).map { $0 / 100 }
            default: value = nil
            }
            guard let value else {
                report(member.line, entry, member.key, "'\(text(member.value))' is not a number")
                return nil
            }
            guard range.contains(value) else {
                report(member.line, entry, member.key, "must be \(rangeText), found \(text(member.value))")
                return nil
            }
            return value
        }
    }
}

extension WorkloadFile {
    /// The workload named `name`, or the file's only workload when `name` is nil.
    /// - Throws: `InfracostError.invalidUsage` when no workload has that name (with the names it has), or when no
    ///   name is given and the file has more than one.
    public func workload(named name: String?) throws(InfracostError) -> WorkloadSpec {
        let names = workloads.map(\.name)
        if let name {
            guard let spec = workloads.first(where: { $0.name == name }) else {
                throw .invalidUsage(message: "\(Setting.workloadName): \(file) has no workload '\(name)'\(Suggestions.hint(for: name, in: names)); it has \(names.joined(separator: ", "))")
            }
            return spec
        }
        guard workloads.count == 1 else {
            throw .invalidUsage(message: "\(file) has \(workloads.count) workloads; pick one with \(Setting.workloadName) (\(names.joined(separator: ", ")))")
        }
        return workloads[0]
    }
}

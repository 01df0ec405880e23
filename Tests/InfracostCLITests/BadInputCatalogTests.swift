import Foundation
import Testing

/// The bad-input catalog: malformed quantities, pricing files, workload files and traces, each run through the
/// binary. Every case expects the documented exit code and a message naming the flag, or the file, line and field.
/// None may trap, hang or print a stack trace.
@Suite(.timeLimit(.minutes(5)))
struct BadInputCatalogTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Files to create in the case's folder, by name. `$D/` in arguments and messages is that folder.
        var files: [String: String] = [:]
        var arguments: [String]
        var status: Int32
        /// Text stderr must contain.
        var messages: [String]
        var testDescription: String { name }
    }

    static func offers(_ body: String) -> String { "{\"schema_version\": 1, \"offers\": [\n\(body)]}" }
    static let api = "\"tier\": \"api\", \"input_per_mtok\": \"1\", \"output_per_mtok\": \"2\""
    static let header = "timestamp,input_tokens,output_tokens\n"

    static let quantityCases: [Case] = [
        Case(name: "negative tokens", arguments: ["compare", "--tokens=-5"], status: 64, messages: ["The value '-5' is invalid for '--tokens <count>': a token count cannot be negative"]),
        Case(name: "unknown suffix", arguments: ["compare", "--tokens", "2X"], status: 64, messages: ["The value '2X' is invalid for '--tokens <count>': it is not a token count"]),
        Case(name: "huge exponent", arguments: ["compare", "--tokens", "1e999"], status: 64, messages: ["for '--tokens <count>': it is more than 1e15 tokens"]),
        Case(name: "NaN", arguments: ["compare", "--tokens", "NaN"], status: 64, messages: ["The value 'NaN' is invalid for '--tokens <count>'"]),
        Case(name: "inf", arguments: ["compare", "--tokens", "inf"], status: 64, messages: ["The value 'inf' is invalid for '--tokens <count>'"]),
        Case(name: "empty tokens", arguments: ["compare", "--tokens", ""], status: 64, messages: ["The value '' is invalid for '--tokens <count>': it is empty"]),
        Case(name: "zero tokens", arguments: ["compare", "--tokens", "0"], status: 64, messages: ["for '--tokens <count>': a token count must be greater than zero"]),
        Case(name: "thousands separator", arguments: ["compare", "--tokens", "1,000"], status: 64, messages: ["The value '1,000' is invalid for '--tokens <count>'"]),
        Case(name: "input share above 100%", arguments: ["compare", "--tokens", "2B", "--input-share", "150%"], status: 64, messages: ["for '--input-share <share>': must be at least 0 and at most 1"]),
        Case(name: "zero utilization", arguments: ["compare", "--tokens", "2B", "--target-utilization", "0"], status: 64, messages: ["The value '0' is invalid for '--target-utilization <share>'"]),
        Case(name: "zero-hour month", arguments: ["compare", "--tokens", "2B", "--hours-per-month", "0"], status: 64, messages: ["The value '0' is invalid for '--hours-per-month <hours>'"]),
        Case(name: "zero model size", arguments: ["compare", "--tokens", "2B", "--model-size", "0B"], status: 64, messages: ["for '--model-size <size>'"]),
        Case(name: "word model size", arguments: ["compare", "--tokens", "2B", "--model-size", "huge"], status: 64, messages: ["The value 'huge' is invalid for '--model-size <size>': it is not a model size"]),
        Case(name: "negative cold starts", arguments: ["compare", "--tokens", "2B", "--cold-starts-per-day=-1"], status: 64, messages: ["for '--cold-starts-per-day <count>'"]),
        Case(name: "bad idle timeout", arguments: ["compare", "--tokens", "2B", "--idle-timeout", "soon"], status: 64, messages: ["The value 'soon' is invalid for '--idle-timeout <duration>': it is not a duration"]),
        Case(name: "cached share above 100%", arguments: ["compare", "--tokens", "2B", "--cached-share", "140%"], status: 64, messages: ["for '--cached-share <share>'"]),
        Case(name: "spot interruption above 90%", arguments: ["compare", "--tokens", "2B", "--spot-interruption", "95%"], status: 64, messages: ["for --spot-interruption: must be between 0% and 90%"]),
        Case(name: "impossible date", arguments: ["compare", "--tokens", "2B", "--as-of", "2025-02-30"], status: 64, messages: ["The value '2025-02-30' is invalid for '--as-of <date>': must be a date in the form YYYY-MM-DD"]),
        Case(name: "price age in years", arguments: ["compare", "--tokens", "2B", "--max-price-age", "10y"], status: 64, messages: ["The value '10y' is invalid for '--max-price-age <days>': must be a number of days"]),
        Case(name: "unknown currency", arguments: ["compare", "--tokens", "2B", "--currency", "XYZ"], status: 64, messages: ["invalid value 'XYZ' for --currency: no exchange rate for it (known: USD, EUR)"]),
        Case(name: "zero tokens per request", arguments: ["compare", "--tokens", "2B", "--tokens-per-request", "0"], status: 64, messages: ["for '--tokens-per-request <count>'"]),
        Case(name: "misspelt tier", arguments: ["compare", "--tokens", "2B", "--tier", "dedicatd"], status: 64, messages: ["unknown tier 'dedicatd' (did you mean 'dedicated'?)"]),
        Case(name: "one sweep step", arguments: ["sweep", "--steps", "1"], status: 64, messages: ["invalid value '1' for --steps: must be between 2 and 100000"]),
        Case(name: "inverted range", arguments: ["breakeven", "--from", "1T", "--to", "1M"], status: 64, messages: ["--from (1T) must be below --to (1M)"]),
        Case(name: "zero rate", arguments: ["simulate", "--traffic", "poisson", "--rate", "0/s"], status: 64, messages: ["The value '0/s' is invalid for '--rate <rate>'"]),
        Case(name: "negative rate", arguments: ["simulate", "--traffic", "poisson", "--rate=-1/s"], status: 64, messages: ["for '--rate <rate>'"]),
        Case(name: "zero days", arguments: ["simulate", "--traffic", "poisson", "--rate", "1/s", "--days", "0"], status: 64, messages: ["The value '0' is invalid for '--days <days>'"]),
        Case(name: "bad idle timeout list", arguments: ["keepwarm", "--traffic", "poisson", "--rate", "1/s", "--idle-timeouts", "5m,abc"], status: 64, messages: ["The value '5m,abc' is invalid for '--idle-timeouts <durations>': 'abc': it is not a duration"]),
        Case(name: "negative budget", files: ["w.yml": "version: 1\nworkloads:\n  - name: a\n    tokens_per_month: 1B\n"],
             arguments: ["check", "--workload", "$D/w.yml", "--budget=-5"], status: 64, messages: ["for '--budget <amount>'"]),
        Case(name: "word growth", files: ["w.yml": "version: 1\nworkloads:\n  - name: a\n    tokens_per_month: 1B\n"],
             arguments: ["report", "--workload", "$D/w.yml", "--growth", "abc"], status: 64, messages: ["The value 'abc' is invalid for '--growth <share>'"]),
        Case(name: "word payload", arguments: ["advise", "--tokens", "1B", "--payload", "lots"], status: 64, messages: ["The value 'lots' is invalid for '--payload <size>': it is not a number"]),
        Case(name: "misspelt lock-in", arguments: ["advise", "--tokens", "1B", "--lock-in", "hgih"], status: 64, messages: ["invalid for '--lock-in <level>': must be one of low, medium, high"]),
        Case(name: "weight out of range", arguments: ["advise", "--tokens", "1B", "--weight", "latency=200"], status: 64, messages: ["invalid for '--weight <criterion=weight>': must be between 0 and 100"]),
        Case(name: "fractional engineers", arguments: ["advise", "--tokens", "1B", "--on-call-engineers", "2.5"], status: 64, messages: ["invalid for '--on-call-engineers <count>': must be a whole number"]),
        Case(name: "word deadline", arguments: ["advise", "--tokens", "1B", "--deadline", "never"], status: 64, messages: ["The value 'never' is invalid for '--deadline <duration>': it is not a duration"]),
        Case(name: "workload file and a volume", arguments: ["advise", "--workload", "$D/none.yml", "--tokens", "2B"], status: 64,
             messages: ["give --workload FILE or a volume (--tokens), not both"]),
        Case(name: "currency with a workload file", arguments: ["compare", "--workload", "$D/none.yml", "--currency", "EUR"], status: 64,
             messages: ["--currency applies to one comparison"]),
        Case(name: "currency on sweep", arguments: ["sweep", "--currency", "EUR"], status: 64, messages: ["Unknown option '--currency'"]),
        Case(name: "unknown offer id", arguments: ["compare", "--tokens", "2B", "--baseline", "modal/b20"], status: 64, messages: ["--baseline modal/b20: no offer has this id (did you mean 'modal/b200'?)"]),
    ]

    static let pricingCases: [Case] = [
        Case(name: "empty pricing file", files: ["p.json": ""], arguments: ["prices", "validate", "$D/p.json"], status: 65,
             messages: ["$D/p.json:1: not valid JSON: the file is empty"]),
        Case(name: "truncated pricing file", files: ["p.json": "{\"schema_version\": 1, \"offers\": [{\"id\": \"a/b\", \"tier\": \"api\""],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["$D/p.json:1: not valid JSON: the JSON ends early"]),
        Case(name: "byte-order mark", files: ["p.json": "\u{FEFF}" + offers("{\"id\": \"a/b\", \(api)}")], arguments: ["prices", "validate", "$D/p.json"], status: 65,
             messages: ["$D/p.json:1: not valid JSON: the file starts with a byte-order mark (BOM)"]),
        Case(name: "schema version 2", files: ["p.json": "{\"schema_version\": 2, \"offers\": []}"], arguments: ["prices", "validate", "$D/p.json"], status: 65,
             messages: ["$D/p.json:1: field 'schema_version': must be 1, found 2"]),
        Case(name: "no schema version", files: ["p.json": "{\"offers\": []}"], arguments: ["prices", "validate", "$D/p.json"], status: 65,
             messages: ["$D/p.json:1: field 'schema_version': is missing"]),
        Case(name: "unknown tier in file", files: ["p.json": offers("{\"id\": \"a/b\", \"tier\": \"serverles\", \"input_per_mtok\": \"1\", \"output_per_mtok\": \"2\"}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["$D/p.json:2: offer 'a/b', field 'tier': unknown tier 'serverles'"]),
        Case(name: "duplicate ids", files: ["p.json": offers("{\"id\": \"a/b\", \(api)},\n{\"id\": \"a/b\", \(api)}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["$D/p.json:3: offer 'a/b', field 'id': duplicate id: the offer on line 2 has it too"]),
        Case(name: "negative price", files: ["p.json": offers("{\"id\": \"a/b\", \"tier\": \"api\", \"input_per_mtok\": \"-5\", \"output_per_mtok\": \"2\"}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["$D/p.json:2: offer 'a/b', field 'input_per_mtok': must not be negative, found -5"]),
        Case(name: "non-numeric price", files: ["p.json": offers("{\"id\": \"a/b\", \"tier\": \"api\", \"input_per_mtok\": \"abc\", \"output_per_mtok\": \"2\"}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["field 'input_per_mtok': 'abc' is not a valid amount: it is not a number"]),
        Case(name: "price with a thousands separator", files: ["p.json": offers("{\"id\": \"a/b\", \"tier\": \"dedicated\", \"gpu\": \"A100\", \"per_month\": \"1,000\"}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["field 'per_month': '1,000' is not a valid amount"]),
        Case(name: "missing id", files: ["p.json": offers("{\(api)}")], arguments: ["prices", "validate", "$D/p.json"], status: 65,
             messages: ["$D/p.json:2: field 'id': is missing"]),
        Case(name: "missing tier", files: ["p.json": offers("{\"id\": \"a/b\", \"input_per_mtok\": \"1\", \"output_per_mtok\": \"2\"}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["$D/p.json:2: offer 'a/b', field 'tier': is missing"]),
        Case(name: "string GPU count", files: ["p.json": offers("{\"id\": \"a/b\", \"tier\": \"dedicated\", \"gpu\": \"A100\", \"gpu_count\": \"two\", \"per_hour\": \"1\"}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["field 'gpu_count': must be a whole number of at least 1, found \"two\""]),
        Case(name: "offers not an array", files: ["p.json": "{\"schema_version\": 1, \"offers\": {\"id\": \"a/b\"}}"],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["$D/p.json:1: field 'offers': must be an array, found an object"]),
        Case(name: "top-level array", files: ["p.json": "[{\"id\": \"a/b\"}]"], arguments: ["prices", "validate", "$D/p.json"], status: 65,
             messages: ["the file must hold a JSON object with \"schema_version\" and \"offers\""]),
        Case(name: "misspelt field", files: ["p.json": offers("{\"id\": \"a/b\", \"tier\": \"api\", \"input_per_mtoken\": \"1\", \"output_per_mtok\": \"2\"}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["field 'input_per_mtoken': unknown offer field (did you mean 'input_per_mtok'?)"]),
        Case(name: "duplicate key", files: ["p.json": offers("{\"id\": \"a/b\", \"tier\": \"api\", \"tier\": \"serverless\", \"input_per_mtok\": \"1\", \"output_per_mtok\": \"2\"}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["$D/p.json:2: not valid JSON: duplicate key \"tier\""]),
        Case(name: "bad off-peak time", files: ["p.json": offers("{\"id\": \"a/b\", \(api),\n \"off_peak\": {\"from\": \"25:00\", \"to\": \"08:00\", \"input_per_mtok\": \"0.5\", \"output_per_mtok\": \"1\"}}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["$D/p.json:3: offer 'a/b', field 'from': '25:00' is not a time of day in the form HH:MM (UTC)"]),
        Case(name: "long-context tier without threshold", files: ["p.json": offers("{\"id\": \"a/b\", \(api),\n \"long_context\": {\"input_per_mtok\": \"2\", \"output_per_mtok\": \"4\"}}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["$D/p.json:3: offer 'a/b', field 'above_input_tokens': is missing"]),
        Case(name: "history dates reversed", files: ["p.json": offers("{\"id\": \"a/b\", \(api),\n \"history\": [{\"from\": \"2025-02-01\", \"to\": \"2025-01-01\", \"input_per_mtok\": \"3\"}]}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["field 'history': 'from' 2025-02-01 is not before 'to' 2025-01-01"]),
        Case(name: "non-USD offer", files: ["p.json": offers("{\"id\": \"a/b\", \"currency\": \"EUR\", \(api)}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["field 'currency': only USD prices are supported in this version, found 'EUR'"]),
        Case(name: "bad currency code", files: ["p.json": "{\"schema_version\": 1, \"exchange_rates\": [\n{\"currency\": \"euro\", \"usd_per_unit\": \"1.1\"}]}"],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["$D/p.json:2: section 'exchange_rates', field 'currency': 'euro' is not an ISO 4217 code"]),
        Case(name: "term on an on-demand offer", files: ["p.json": offers("{\"id\": \"a/b\", \"tier\": \"dedicated\", \"gpu\": \"A100\", \"per_hour\": \"1\", \"term_months\": 12}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["field 'term_months': applies to reserved offers only"]),
        Case(name: "purchase on a serverless GPU", files: ["p.json": offers("{\"id\": \"a/b\", \"tier\": \"serverless-gpu\", \"gpu\": \"A100\", \"per_second\": \"0.001\", \"purchase\": \"spot\"}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["field 'purchase': does not apply to tier 'serverless-gpu' (dedicated offers only)"]),
        Case(name: "cold start on a dedicated instance", files: ["p.json": offers("{\"id\": \"a/b\", \"tier\": \"dedicated\", \"gpu\": \"A100\", \"per_hour\": \"1\", \"cold_start_s\": 30}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["field 'cold_start_s': does not apply to tier 'dedicated' (serverless-gpu offers only)"]),
        Case(name: "price field of another tier", files: ["p.json": offers("{\"id\": \"a/b\", \"tier\": \"api\", \"per_hour\": \"1\"}")],
             arguments: ["prices", "validate", "$D/p.json"], status: 65, messages: ["field 'per_hour': does not apply to tier 'api'"]),
        Case(name: "pricing file missing", arguments: ["compare", "--tokens", "2B", "--pricing", "$D/none.json"], status: 74, messages: ["$D/none.json: no such file"]),
    ]

    static let workloadAndTraceCases: [Case] = [
        Case(name: "workload without version", files: ["w.yml": "workloads:\n  - name: a\n    tokens_per_month: 1B\n"],
             arguments: ["compare", "--workload", "$D/w.yml"], status: 65, messages: ["$D/w.yml:1: field 'version': is missing (write version: 1)"]),
        Case(name: "misspelt workload field", files: ["w.yml": "version: 1\nworkloads:\n  - name: a\n    tokens_per_mont: 1B\n"],
             arguments: ["compare", "--workload", "$D/w.yml"], status: 65, messages: ["$D/w.yml:4: workload 'a', field 'tokens_per_mont': unknown field (did you mean 'tokens_per_month'?)"]),
        Case(name: "word volume", files: ["w.yml": "version: 1\nworkloads:\n  - name: a\n    tokens_per_month: lots\n"],
             arguments: ["compare", "--workload", "$D/w.yml"], status: 65, messages: ["$D/w.yml:4: workload 'a', field 'tokens_per_month': it is not a token count"]),
        Case(name: "negative volume", files: ["w.yml": "version: 1\nworkloads:\n  - name: a\n    tokens_per_month: -1B\n"],
             arguments: ["compare", "--workload", "$D/w.yml"], status: 65, messages: ["$D/w.yml:4: workload 'a', field 'tokens_per_month': a token count cannot be negative"]),
        Case(name: "duplicate workload names", files: ["w.yml": "version: 1\nworkloads:\n  - name: a\n    tokens_per_month: 1B\n  - name: a\n    tokens_per_month: 2B\n"],
             arguments: ["compare", "--workload", "$D/w.yml"], status: 65, messages: ["$D/w.yml:5: workload 'a', field 'name': two workloads have this name"]),
        Case(name: "YAML anchor", files: ["w.yml": "version: 1\nworkloads:\n  - &w\n    name: a\n    tokens_per_month: 1B\n"],
             arguments: ["compare", "--workload", "$D/w.yml"], status: 65, messages: ["$D/w.yml:3: anchors and aliases are not supported"]),
        Case(name: "tab indentation", files: ["w.yml": "version: 1\nworkloads:\n\t- name: a\n"],
             arguments: ["compare", "--workload", "$D/w.yml"], status: 65, messages: ["$D/w.yml:3: tabs are not allowed in indentation"]),
        Case(name: "empty workload file", files: ["w.yml": ""], arguments: ["compare", "--workload", "$D/w.yml"], status: 65, messages: ["$D/w.yml:1: the file is empty"]),
        Case(name: "unknown tier in workload", files: ["w.yml": "version: 1\nworkloads:\n  - name: a\n    tokens_per_month: 1B\n    tiers: [gpu]\n"],
             arguments: ["compare", "--workload", "$D/w.yml"], status: 65, messages: ["$D/w.yml:5: workload 'a', field 'tiers': 'gpu' is not a tier"]),
        Case(name: "bad advise setting", files: ["w.yml": "version: 1\nworkloads:\n  - name: a\n    tokens_per_month: 1B\n    advise:\n      lock_in: none\n"],
             arguments: ["advise", "--workload", "$D/w.yml"], status: 65, messages: ["$D/w.yml:6: workload 'a', field 'advise.lock_in'"]),
        Case(name: "workload file missing", arguments: ["check", "--workload", "$D/none.yml"], status: 74, messages: ["$D/none.yml: no such file"]),
        Case(name: "bad timestamp", files: ["t.csv": header + "2024-01-01T00:00:00Z,10,5\nyesterday,10,5\n"],
             arguments: ["simulate", "--trace", "$D/t.csv"], status: 65, messages: ["$D/t.csv:3: field 'timestamp': 'yesterday' is not a timestamp"]),
        Case(name: "negative tokens in a trace", files: ["t.csv": header + "2024-01-01T00:00:00Z,10,5\n2024-01-01T00:00:01Z,-10,5\n"],
             arguments: ["simulate", "--trace", "$D/t.csv"], status: 65, messages: ["$D/t.csv:3: field 'input_tokens': '-10' is not a token count"]),
        Case(name: "header only", files: ["t.csv": "TIMESTAMP,ContextTokens,GeneratedTokens\n"],
             arguments: ["simulate", "--trace", "$D/t.csv"], status: 65, messages: ["$D/t.csv: the trace needs at least two requests (found 0)"]),
        Case(name: "empty trace", files: ["t.csv": ""], arguments: ["simulate", "--trace", "$D/t.csv"], status: 65, messages: ["$D/t.csv:1: the trace is empty"]),
        Case(name: "unknown trace header", files: ["t.csv": "time,in,out\n2024-01-01T00:00:00Z,10,5\n"],
             arguments: ["simulate", "--trace", "$D/t.csv"], status: 65, messages: ["$D/t.csv:1: unknown trace header"]),
        Case(name: "short row", files: ["t.csv": header + "2024-01-01T00:00:00Z,10\n2024-01-01T00:00:01Z,10,5\n"],
             arguments: ["simulate", "--trace", "$D/t.csv"], status: 65, messages: ["$D/t.csv:2: expected 3 columns, found 2"]),
        Case(name: "bad row in a usage log", files: ["t.csv": header + "2024-01-01T00:00:00Z,10,5\n2024-01-01T00:00:01Z,ten,5\n"],
             arguments: ["analyze", "--log", "$D/t.csv"], status: 65, messages: ["$D/t.csv:3: field 'input_tokens'"]),
        Case(name: "trace missing", arguments: ["simulate", "--trace", "$D/none.csv"], status: 74, messages: ["$D/none.csv: no such file"]),
        // Accepted with a warning, not rejected: rows in any order are sorted; offsets are converted to UTC.
        Case(name: "unsorted rows", files: ["t.csv": header + "2024-01-01T00:00:10Z,10,5\n2024-01-01T00:00:00Z,10,5\n"],
             arguments: ["simulate", "--trace", "$D/t.csv"], status: 0, messages: ["warning: $D/t.csv was not in time order; its rows were sorted"]),
        Case(name: "mixed time zones", files: ["t.csv": header + "2024-01-01T00:00:00Z,10,5\n2024-01-01T01:00:00+02:00,10,5\n2024-01-01T00:30:00-05:00,10,5\n"],
             arguments: ["simulate", "--trace", "$D/t.csv"], status: 0, messages: ["the trace covers 23400 s"]),
        Case(name: "out into a missing folder", arguments: ["compare", "--tokens", "2B", "--out", "$D/missing/report.txt"], status: 74,
             messages: ["$D/missing/report.txt: cannot write: the folder $D/missing does not exist"]),
    ]

    static let allCases = quantityCases + pricingCases + workloadAndTraceCases

    @Test func theCatalogHasAtLeastSixtyCases() {
        #expect(Self.allCases.count >= 60)
        #expect(Set(Self.allCases.map(\.name)).count == Self.allCases.count)
    }

    @Test(arguments: allCases)
    func badInputGetsItsMessageAndExitCode(_ badCase: Case) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in badCase.files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let arguments = badCase.arguments.map { $0.replacingOccurrences(of: "$D/", with: folder.path + "/") }
        let result = try CLI.run(arguments)
        #expect(result.status == badCase.status, "stderr: \(result.stderr)")
        for message in badCase.messages {
            let expected = message.replacingOccurrences(of: "$D/", with: folder.path + "/").replacingOccurrences(of: "$D", with: folder.path)
            #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
        }
        #expect(!result.stderr.contains("Fatal error"))
        #expect(!result.stderr.contains("Stack dump"))
        if badCase.status != 0 { #expect(result.stdout.isEmpty) }
    }

    /// Files that are not text, and a file far over the size limit, are refused before parsing.
    @Test func nonUTF8AndHugeFilesAreRefused() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let latin1 = folder.appendingPathComponent("latin1.json")
        // "café" in Latin-1 on line 2: the byte 0xE9 alone is not UTF-8.
        let bytes = Array("{\"schema_version\": 1, \"offers\": [\n{\"id\": \"caf".utf8) + [0xE9] + Array("\", \(Self.api)}]}".utf8)
        try Data(bytes).write(to: latin1)
        let notText = try CLI.run(["prices", "validate", latin1.path])
        #expect(notText.status == 65)
        #expect(notText.stderr.contains("\(latin1.path):2: not valid JSON: the text is not valid UTF-8"))
        let workload = folder.appendingPathComponent("w.yml")
        try Data([0x76, 0x65, 0x72, 0xFF]).write(to: workload)
        let badWorkload = try CLI.run(["compare", "--workload", workload.path])
        #expect(badWorkload.status == 65)
        #expect(badWorkload.stderr.contains("\(workload.path): the file is not valid UTF-8 text"))
        let huge = folder.appendingPathComponent("huge.json")
        try Data(count: 100 * 1024 * 1024).write(to: huge)
        let tooBig = try CLI.run(["compare", "--tokens", "2B", "--pricing", huge.path])
        #expect(tooBig.status == 65)
        #expect(tooBig.stderr == "error: \(huge.path): the file is larger than 16 MiB; refusing to read it\n")
    }
}

import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "A budget gate for CI: exit 0 within budget, 1 over it (or with a missing price).",
            discussion: """
                Exit codes: 0 within every budget, 1 over a budget or an increase limit (or a price is missing), \
                64 usage, 65 bad input data, 74 I/O error: a pipeline can tell "over budget" from "broken input".

                One workload from the command line instead of a file: the same flags as compare (--tokens, \
                --input-tokens/--output-tokens, --input-share, --model, --model-size, --tier, traffic flags); it is \
                planned on the cheapest way to serve its model.

                Examples:
                  infracost check --tokens 2B --budget 1000
                  infracost check --workload infracost.yml --budget 5000
                  infracost check --workload new.yml --baseline old.yml --max-increase 10%
                  infracost check --workload infracost.yml --fail-on-stale --max-price-age 365d
                """
        )

        @Option(help: ArgumentHelp("The workload file (YAML or JSON); or describe one workload with --tokens and the flags below.", valueName: "file"))
        var workload: String?

        @OptionGroup(title: "One workload (instead of --workload)") var volume: WorkloadOptions
        @OptionGroup(title: "Traffic (prices serverless-gpu options by simulation)") var traffic: TrafficOptions
        @OptionGroup var tiers: TierOptions

        @Option(help: ArgumentHelp("Monthly budget for all workloads, in the catalog's currency. (default: the file's budget)", valueName: "amount"))
        var budget: String?

        @Option(help: ArgumentHelp("Compare with this workload file (the cost before the change).", valueName: "file"))
        var baseline: String?

        @Option(help: ArgumentHelp("Largest allowed increase over --baseline, e.g. 10%.", valueName: "share"))
        var maxIncrease: String?

        @Flag(help: "Let workloads without a price pass (they are listed, never counted as $0).")
        var allowMissingPrices = false

        @Flag(help: "Fail (exit 1) when a price used is older than --max-price-age (default 180 days) at the --as-of day.")
        var failOnStale = false

        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if output.format == .csv || output.format == .markdown {
                throw ValidationError("--format \(output.format.rawValue): check writes table or json (report --format csv is the spreadsheet)")
            }
        }

        func run() throws {
            var passed = true
            try Diagnostics.run { () throws(InfracostError) in
                if maxIncrease != nil, baseline == nil { throw .invalidUsage(message: "--max-increase needs --baseline FILE") }
                let catalog = try pricing.catalog()
                let budgetValue = try budget.map { text throws(InfracostError) in
                    try PlainNumber.parse(text, flag: "--budget", range: 0...DecimalText.maximumMagnitude, rangeText: "0 or more")
                }
                let increase = try maxIncrease.map { text throws(InfracostError) in
                    try Percentage.parse(text, flag: "--max-increase", range: 0...10_000, rangeText: "0% or more")
                }
                let portfolio: Portfolio
                if let workload {
                    guard volume.tokens == nil, volume.inputTokens == nil, volume.outputTokens == nil, !traffic.isGiven else {
                        throw .invalidUsage(message: "give --workload FILE or one workload's flags (--tokens ...), not both")
                    }
                    portfolio = try Portfolio.make(try WorkloadFile.load(contentsOf: workload), catalog: catalog, detail: .summary)
                } else {
                    guard volume.tokens != nil || volume.inputTokens != nil || traffic.isGiven else {
                        throw .invalidUsage(message: "missing workload: give --workload FILE, or --tokens (e.g. check --tokens 2B --budget 1000)")
                    }
                    portfolio = Portfolio.single(
                        try OneComparison.make(workload: volume, traffic: traffic, tiers: tiers.selected, baseline: nil, catalog: catalog),
                        name: "command line")
                }
                let before = try baseline.map { path throws(InfracostError) in try Portfolio.make(try WorkloadFile.load(contentsOf: path), catalog: catalog, detail: .summary) }
                var check = BudgetCheck.run(portfolio, budget: budgetValue, baseline: before, maxIncrease: increase, allowMissingPrices: allowMissingPrices)
                let used = portfolio.entries.compactMap(\.chosen).filter { $0.total != nil }.map(\.offer)
                let stale = PriceAge.staleWarnings(used, day: try pricing.day(), maxAgeDays: try pricing.maxAgeDays())
                if failOnStale { check.failures += stale.map { "stale prices: \($0)" } }
                try Diagnostics.emit(PortfolioRenderer.render(check, format: output.format), to: output.out)
                if !failOnStale { Diagnostics.warn(stale) }
                passed = check.passed
            }
            if !passed { throw ExitCode(1) }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "The monthly cost change between two workload files, per workload and in total.",
            discussion: """
                Examples:
                  infracost diff --baseline old.yml --proposed new.yml
                  infracost diff --baseline old.yml --proposed new.yml --format markdown > comment.md
                """
        )

        @Option(help: ArgumentHelp("The workload file before the change.", valueName: "file"))
        var baseline: String

        @Option(help: ArgumentHelp("The workload file after the change.", valueName: "file"))
        var proposed: String

        @Flag(help: "Markdown: list only the workloads whose cost rises; with no rise, print only a one-line note (for a CI comment).")
        var onlyIncreases = false

        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let catalog = try pricing.catalog()
                let before = try Portfolio.make(try WorkloadFile.load(contentsOf: baseline), catalog: catalog, detail: .summary)
                let after = try Portfolio.make(try WorkloadFile.load(contentsOf: proposed), catalog: catalog, detail: .summary)
                try Diagnostics.emit(PortfolioRenderer.render(PortfolioDiff.make(baseline: before, proposed: after), format: output.format, onlyIncreases: onlyIncreases), to: output.out)
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "A month-by-month cost report for finance: CSV with stable columns and a totals row.",
            discussion: """
                Columns: month, workload, model, tier, offer, input_tokens, output_tokens, gpu_hours, monthly_cost, \
                currency, price_verified_on. Numbers are plain (no $, no separators); the rows add up exactly to the totals row.

                Examples:
                  infracost report --workload infracost.yml --out costs.csv
                  infracost report --workload infracost.yml --months 12 --growth 8% --start-month 2027-01
                """
        )

        @Option(help: ArgumentHelp("The workload file (YAML or JSON).", valueName: "file"))
        var workload: String

        @Option(help: "Months to project.")
        var months: Int = 1

        @Option(help: ArgumentHelp("Volume growth per month, compounded, e.g. 8%. (default: 0%)", valueName: "share"))
        var growth: String?

        @Option(help: ArgumentHelp("First month, YYYY-MM. (default: the current month)", valueName: "YYYY-MM"))
        var startMonth: String?

        @OptionGroup var pricing: PricingOptions

        /// What `report` writes: our finance CSV, JSON, a table, or a FOCUS 1.0 dataset.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv, json, table, focus
        }

        @Option(help: "Report format: csv for spreadsheets, focus for a FOCUS 1.0 dataset (FinOps tools), json or table.")
        var format: Format = .csv

        @Option(help: ArgumentHelp("Write the report to this file instead of stdout (atomically).", valueName: "file"))
        var out: String?

        func validate() throws {
            if months < 1 || months > 120 { throw ValidationError("--months must be between 1 and 120") }
        }

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let growthValue = try growth.map { text throws(InfracostError) in
                    try Percentage.parse(text, flag: "--growth", range: -1...10, rangeText: "between -100% and 1000%")
                } ?? Decimal(0)
                let start = try parseMonth(startMonth)
                let catalog = try pricing.catalog()
                let portfolio = try Portfolio.make(try WorkloadFile.load(contentsOf: workload), catalog: catalog, detail: .summary)
                let report = try FinanceReport.make(portfolio, catalog: catalog, months: months, growth: growthValue, start: start)
                let text = switch format {
                case .focus: FOCUSWriter.render(report)
                case .csv: PortfolioRenderer.render(report, format: .csv)
                case .json: PortfolioRenderer.render(report, format: .json)
                case .table: PortfolioRenderer.render(report, format: .table)
                }
                try Diagnostics.emit(text, to: out)
                for entry in portfolio.missing { Diagnostics.warn(["workload \(entry.spec.name) has no price and is left out: \(entry.problem ?? "")"]) }
            }
        }

        func parseMonth(_ text: String?) throws(InfracostError) -> (year: Int, month: Int) {
            guard let text else {
                let now = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
                return (now.year ?? 2026, now.month ?? 1)
            }
            let parts = text.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else {
                throw .invalidQuantity(flag: "--start-month", value: text, reason: "write YYYY-MM, e.g. 2027-01")
            }
            return (year, month)
        }
    }
}

extension Infracost {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analyze",
            abstract: "Explain a bill from usage logs: cost per request, cold starts, hours of day, cheaper options.",
            discussion: """
                Reads per-request logs in the trace formats of simulate (Azure, or timestamp,input_tokens,output_tokens \
                with optional model, latency_ms and cold_start columns) and projects a partial period to a month.

                Examples:
                  infracost analyze --log requests.csv --offer together/llama-3.1-70b
                  infracost analyze --log conv.csv --model-size 70B --format json
                """
        )

        @Option(help: ArgumentHelp("The usage log (CSV).", valueName: "file.csv"))
        var log: String

        @Option(help: ArgumentHelp("The offer the logged requests ran on. (default: the cheapest serverless offer for the model size)", valueName: "id"))
        var offer: String?

        @Flag(help: "Leave out bad rows (counted in a warning) instead of failing.")
        var skipBadRows = false

        @OptionGroup var model: ModelOptions
        @OptionGroup var pricing: PricingOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let trace = try TraceReader.read(contentsOf: log, skipBadRows: skipBadRows)
                let catalog = try pricing.catalog()
                let shape = try model.nominalShape(catalog: catalog)
                let analysis = try UsageAnalysis.make(trace: trace, offerID: offer, shape: shape, catalog: catalog)
                try Diagnostics.emit(UsageAnalysisRenderer.render(analysis, format: self.output.format), to: self.output.out)
                Diagnostics.warn(analysis.warnings + (trace.skippedRows > 0 ? ["\(trace.skippedRows) bad rows skipped (--skip-bad-rows)"] : []))
            }
        }
    }
}

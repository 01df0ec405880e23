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

        @Option(help: ArgumentHelp("Monthly budget for all workloads, in the catalog's currency. (default: the file's budget)", valueName: "amount"),
                transform: ArgumentValue.number(in: 0...DecimalText.maximumMagnitude, "0 or more"))
        var budget: Decimal?

        @Option(help: ArgumentHelp("Compare with this workload file (the cost before the change).", valueName: "file"))
        var baseline: String?

        @Option(help: ArgumentHelp("Largest allowed increase over --baseline, e.g. 10%.", valueName: "share"),
                transform: ArgumentValue.percentage(in: Limits.costIncrease, "0% or more"))
        var maxIncrease: Decimal?

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
                        try Comparison.make(ComparisonRequest(settings: volume.settings, traffic: traffic.settings, tiers: tiers.selected), catalog: catalog),
                        name: "command line")
                }
                let before = try baseline.map { path throws(InfracostError) in try Portfolio.make(try WorkloadFile.load(contentsOf: path), catalog: catalog, detail: .summary) }
                let check = BudgetCheck.run(
                    portfolio, budget: budget, baseline: before, maxIncrease: maxIncrease, allowMissingPrices: allowMissingPrices,
                    priceAge: .init(day: pricing.day, maxAgeDays: pricing.maxPriceAge, failOnStale: failOnStale))
                try Diagnostics.emit(PortfolioRenderer.render(check, format: output.format), to: output.out)
                Diagnostics.warn(check.warnings)
                passed = check.passed
            }
            if !passed { throw ExitCode(1) }
        }
    }
}

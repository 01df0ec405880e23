import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
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

        @Option(help: ArgumentHelp("Volume growth per month, compounded, e.g. 8%. (default: 0%)", valueName: "share"),
                transform: ArgumentValue.percentage(in: Limits.monthlyGrowth, "between -100% and 1000%"))
        var growth: Decimal = 0

        @Option(help: ArgumentHelp("First month, YYYY-MM. (default: the current month)", valueName: "YYYY-MM"),
                transform: ArgumentValue.reading { text throws(InfracostError) in try FinanceReport.startMonth(text) })
        var startMonth: (year: Int, month: Int)?

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
            if !Limits.reportMonths.contains(months) { throw ValidationError("--months must be \(Limits.between(Limits.reportMonths))") }
        }

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let start = if let startMonth { startMonth } else { try FinanceReport.startMonth(nil) }
                let catalog = try pricing.catalog()
                let portfolio = try Portfolio.make(try WorkloadFile.load(contentsOf: workload), catalog: catalog, detail: .summary)
                let report = try FinanceReport.make(portfolio, catalog: catalog, months: months, growth: growth, start: start)
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
    }
}

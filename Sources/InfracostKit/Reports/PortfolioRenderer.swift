import Foundation

/// Renders portfolios, budget checks, diffs and finance reports.
public enum PortfolioRenderer {
    /// `compare --workload`: each workload's comparison, then the portfolio summary.
    public static func render(_ portfolio: Portfolio, format: OutputFormat, explain: Bool = false) -> String {
        switch format {
        case .json:
            return JSONWriter.string(.fields([
                "schema_version": .number("1"),
                "currency": .string(portfolio.currency),
                "file": .string(portfolio.file),
                "total_monthly_cost": .string(Money.plain(portfolio.total)),
                "budget": portfolio.budget.map { .string(Money.plain($0)) } ?? .null,
                "workloads": .list(portfolio.entries.map { entry in
                    .fields([
                        "name": .string(entry.spec.name),
                        "planned": entry.chosen.map { .fields(["id": .string($0.offer.id), "tier": .string($0.offer.tier.rawValue), "current": .bool(entry.chosenIsCurrent)]) } ?? .null,
                        "monthly_cost": entry.cost.map { .string(Money.plain($0)) } ?? .null,
                        "problem": entry.problem.map(JSONValue.string) ?? .null,
                        "comparison": ComparisonJSONReport.value(entry.comparison),
                    ])
                }),
            ]))
        case .csv:
            var rows = [["workload", "planned_offer", "tier", "current", "monthly_cost", "cheapest_offer", "cheapest_cost", "currency", "problem"]]
            for entry in portfolio.entries {
                let cheapest = entry.comparison.cheapestServingModel ?? entry.comparison.cheapest
                rows.append([entry.spec.name, entry.chosen?.offer.id ?? "", entry.chosen?.offer.tier.rawValue ?? "", entry.chosenIsCurrent ? "yes" : "",
                             entry.cost.map { Money.plain($0) } ?? "", cheapest?.offer.id ?? "", cheapest?.total.map { Money.plain($0) } ?? "",
                             portfolio.currency, entry.problem ?? ""])
            }
            return CSVWriter.render(rows)
        case .table, .markdown:
            var output = ""
            for entry in portfolio.entries {
                output += "== \(entry.spec.name) ==\n" + ComparisonReport.render(entry.comparison, format: format, explain: explain) + "\n"
            }
            output += summary(portfolio)
            return output
        }
    }

    /// The per-workload summary table with the total.
    public static func summary(_ portfolio: Portfolio) -> String {
        let c = portfolio.currency
        var table = TextTable(headers: ["workload", "planned on", "monthly", "cheapest option", "saving"], alignments: [.left, .left, .right, .left, .right])
        for entry in portfolio.entries {
            // The cheapest way to serve the workload's model; an API alternative only when API is all it allows.
            let cheapest = entry.comparison.cheapestServingModel ?? entry.comparison.cheapest
            var saving = ""
            if let cost = entry.cost, let best = cheapest?.total, entry.chosenIsCurrent, best < cost {
                saving = Money.formatted(cost - best, currency: c)
            }
            table.rows.append([entry.spec.name, entry.chosen.map { $0.offer.id + (entry.chosenIsCurrent ? "" : " (cheapest)") } ?? "-",
                               entry.cost.map { Money.formatted($0, currency: c) } ?? "no price", cheapest?.offer.id ?? "-", saving])
        }
        table.rows.append(["total", "", Money.formatted(portfolio.total, currency: c), "", ""])
        var output = "Portfolio (\(portfolio.file)):\n" + table.render(indent: "  ")
        for entry in portfolio.missing { output += "  \(entry.spec.name): \(entry.problem ?? "")\n" }
        if let budget = portfolio.budget { output += "  budget: \(Money.formatted(budget, currency: c))/month\n" }
        return output
    }

    /// `check` in `format`: each workload's cost against the budget, and the verdict.
    public static func render(_ check: BudgetCheck, format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONWriter.string(.fields([
                "schema_version": .number("1"),
                "passed": .bool(check.passed),
                "currency": .string(check.portfolio.currency),
                "total_monthly_cost": .string(Money.plain(check.portfolio.total)),
                "budget": check.budget.map { .string(Money.plain($0)) } ?? .null,
                "baseline_total": check.baselineTotal.map { .string(Money.plain($0)) } ?? .null,
                "max_increase": check.maxIncrease.map { .string(Numbers.exact($0)) } ?? .null,
                "failures": .list(check.failures.map(JSONValue.string)),
                "workloads": .list(check.portfolio.entries.map { entry in
                    .fields([
                        "name": .string(entry.spec.name),
                        "offer": entry.chosen.map { .string($0.offer.id) } ?? .null,
                        "monthly_cost": entry.cost.map { .string(Money.plain($0)) } ?? .null,
                        "budget": entry.spec.budget.map { .string(Money.plain($0)) } ?? .null,
                        "problem": entry.problem.map(JSONValue.string) ?? .null,
                    ])
                }),
                "summary": .string(check.summary),
            ]))
        default:
            return check.summary + "\n\n" + summary(check.portfolio)
        }
    }

    /// The first line of every Markdown diff: a CI job finds its earlier pull-request comment by it and updates it
    /// instead of adding one per push.
    public static let diffMarker = "<!-- infracost-diff -->"

    /// - Parameter onlyIncreases: Markdown lists only the workloads whose cost rises, and when none does (and the
    ///   total does not) prints only the marker and one line, so a job can skip or clear its comment.
    public static func render(_ diff: PortfolioDiff, format: OutputFormat, onlyIncreases: Bool = false) -> String {
        let c = diff.currency
        func money(_ value: Decimal?) -> String { value.map { Money.formatted($0, currency: c) } ?? "-" }
        func signed(_ value: Decimal) -> String { (value > 0 ? "+" : "") + Money.formatted(value, currency: c) }
        func percent(_ value: Decimal?) -> String { value.map { ($0 > 0 ? "+" : "") + Money.plain($0, scale: 1) + "%" } ?? "new" }
        let headline = "Monthly cost \(signed(diff.delta)) (\(percent(diff.percent))): \(money(diff.totalBefore)) -> \(money(diff.totalAfter))"
        switch format {
        case .json:
            return JSONWriter.string(.fields([
                "schema_version": .number("1"),
                "currency": .string(c),
                "total_before": .string(Money.plain(diff.totalBefore)),
                "total_after": .string(Money.plain(diff.totalAfter)),
                "delta": .string(Money.plain(diff.delta)),
                "percent": diff.percent.map { .string(Money.plain($0, scale: 1)) } ?? .null,
                "workloads": .list(diff.rows.map { row in
                    .fields([
                        "name": .string(row.name),
                        "before": row.before.map { .string(Money.plain($0)) } ?? .null,
                        "after": row.after.map { .string(Money.plain($0)) } ?? .null,
                        "delta": .string(Money.plain(row.delta)),
                        "percent": row.percent.map { .string(Money.plain($0, scale: 1)) } ?? .null,
                        "offer_before": row.beforeOffer.map(JSONValue.string) ?? .null,
                        "offer_after": row.afterOffer.map(JSONValue.string) ?? .null,
                    ])
                }),
            ]))
        case .csv:
            var rows = [["workload", "before", "after", "delta", "percent", "offer_before", "offer_after", "currency"]]
            for row in diff.rows {
                rows.append([row.name, row.before.map { Money.plain($0) } ?? "", row.after.map { Money.plain($0) } ?? "", Money.plain(row.delta),
                             row.percent.map { Money.plain($0, scale: 1) } ?? "", row.beforeOffer ?? "", row.afterOffer ?? "", c])
            }
            rows.append(["total", Money.plain(diff.totalBefore), Money.plain(diff.totalAfter), Money.plain(diff.delta), diff.percent.map { Money.plain($0, scale: 1) } ?? "", "", "", c])
            return CSVWriter.render(rows)
        case .markdown:
            let rows = onlyIncreases ? diff.rows.filter { $0.delta > 0 } : diff.rows
            if onlyIncreases, rows.isEmpty, diff.delta <= 0 {
                return "\(diffMarker)\n**infracost:** no cost increase (\(headline))\n"
            }
            var output = "\(diffMarker)\n**infracost:** \(headline)\n\n"
            if onlyIncreases { output += "Workloads whose cost rises (\(rows.count) of \(diff.rows.count)):\n\n" }
            output += "| workload | before | after | change | offer |\n|---|---:|---:|---:|---|\n"
            for row in rows {
                // Names and ids come from workload files: escaped, so none can split a cell or forge a row.
                let before = TextSafety.markdownCell(row.beforeOffer ?? "-"), after = TextSafety.markdownCell(row.afterOffer ?? "-")
                let offer = row.offerChanged ? "\(before) -> \(after)" : after
                output += "| \(TextSafety.markdownCell(row.name)) | \(money(row.before)) | \(money(row.after)) | \(signed(row.delta)) (\(percent(row.percent))) | \(offer) |\n"
            }
            return output
        case .table:
            var table = TextTable(headers: ["workload", "before", "after", "change", "%", "offer"], alignments: [.left, .right, .right, .right, .right, .left])
            for row in diff.rows {
                table.rows.append([row.name, money(row.before), money(row.after), signed(row.delta), percent(row.percent),
                                   row.offerChanged ? "\(row.beforeOffer ?? "-") -> \(row.afterOffer ?? "-")" : (row.afterOffer ?? "-")])
            }
            return headline + "\n\n" + table.render()
        }
    }

    /// `report` in `format`: one row per workload and month.
    public static func render(_ report: FinanceReport, format: OutputFormat) -> String {
        func hours(_ value: Decimal?) -> String { value.map { Numbers.exact(Money.rounded($0, scale: 3)) } ?? "" }
        switch format {
        case .csv, .table, .markdown:
            var rows = [FinanceReport.columns]
            for row in report.rows {
                rows.append([row.month, row.workload, row.model, row.tier.rawValue, row.offer, Numbers.exact(row.inputTokens), Numbers.exact(row.outputTokens),
                             hours(row.gpuHours), Money.plain(row.cost), row.currency, row.priceAsOf?.text ?? ""])
            }
            rows.append(["total", "", "", "", "", Numbers.exact(report.totalInputTokens), Numbers.exact(report.totalOutputTokens),
                         hours(report.totalGPUHours), Money.plain(report.totalCost), report.currency, ""])
            if format == .csv { return CSVWriter.render(rows) }
            var table = TextTable(headers: rows[0], alignments: rows[0].map { ["input_tokens", "output_tokens", "gpu_hours", "monthly_cost"].contains($0) ? .right : .left })
            table.rows = Array(rows.dropFirst())
            return table.render()
        case .json:
            return JSONWriter.string(.fields([
                "schema_version": .number("1"),
                "currency": .string(report.currency),
                "growth_per_month": .string(Numbers.exact(report.growth)),
                "rows": .list(report.rows.map { row in
                    .fields([
                        "month": .string(row.month), "workload": .string(row.workload), "model": .string(row.model), "tier": .string(row.tier.rawValue),
                        "offer": .string(row.offer), "input_tokens": .string(Numbers.exact(row.inputTokens)), "output_tokens": .string(Numbers.exact(row.outputTokens)),
                        "gpu_hours": row.gpuHours.map { .string(hours($0)) } ?? .null, "monthly_cost": .string(Money.plain(row.cost)),
                        "price_verified_on": row.priceAsOf.map(JSONValue.day) ?? .null,
                    ])
                }),
                "total": .string(Money.plain(report.totalCost)),
            ]))
        }
    }
}

import Foundation
import Testing

/// `report --format focus`: a FOCUS 1.0 dataset, checked by the FinOps Foundation's validator (focus-validator
/// 1.0.0, installed by .ci/run into a throwaway virtual environment and named in INFRACOST_FOCUS_VALIDATOR; without
/// it that test is skipped, visibly) and by its figures.
struct FOCUSReportTests {
    static let validator = ProcessInfo.processInfo.environment["INFRACOST_FOCUS_VALIDATOR"]

    static let workloads = """
        version: 1
        workloads:
          - name: chat
            tokens_per_month: 2B
            tiers: [serverless]
          - name: gpu
            tokens_per_month: 20B
            model_size: 8B
            tiers: [dedicated]
        """

    func dataset(_ arguments: [String] = []) throws -> (text: String, rows: [[String]]) {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("w.yml").path
        try Self.workloads.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", "--workload", file, "--format", "focus", "--months", "2", "--start-month", "2026-12", "--as-of", "2026-12-01"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return (result.stdout, CSVReader.parse(result.stdout))
    }

    @Test func columnsPeriodsAndAmounts() throws {
        let (_, rows) = try dataset()
        let header = try #require(rows.first)
        for column in ["BilledCost", "EffectiveCost", "BillingCurrency", "BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd",
                       "ChargeCategory", "ChargeDescription", "Provider", "Publisher", "InvoiceIssuer", "ServiceName", "ServiceCategory", "SkuId",
                       "PricingQuantity", "PricingUnit", "x_Projected"] {
            #expect(header.contains(column), "\(column)")
        }
        func value(_ row: [String], _ column: String) -> String { row[header.firstIndex(of: column)!] }
        let body = rows.dropFirst()
        #expect(body.count == 4)
        // December's period ends where January's begins: an exclusive end, ISO 8601 in UTC.
        let december = try #require(body.first { value($0, "BillingPeriodStart") == "2026-12-01T00:00:00Z" })
        #expect(value(december, "BillingPeriodEnd") == "2027-01-01T00:00:00Z")
        #expect(body.contains { value($0, "ChargePeriodStart") == "2027-01-01T00:00:00Z" && value($0, "ChargePeriodEnd") == "2027-02-01T00:00:00Z" })
        // Per-token rows count tokens, GPU rows GPU-hours; costs are plain decimals equal to the finance CSV's.
        let chat = try #require(body.first { value($0, "x_Workload") == "chat" })
        #expect(value(chat, "PricingUnit") == "Tokens")
        #expect(value(chat, "PricingQuantity") == "2000000000.0")
        let gpu = try #require(body.first { value($0, "x_Workload") == "gpu" })
        #expect(value(gpu, "PricingUnit") == "GPU-Hours")
        #expect(value(gpu, "ChargeFrequency") == "Recurring")
        for row in body {
            #expect(value(row, "BilledCost") == value(row, "EffectiveCost"))
            #expect(!value(row, "BilledCost").hasPrefix("$") && value(row, "BilledCost").contains("."))
            #expect(value(row, "BillingCurrency") == "USD")
        }
    }

    @Test func costsEqualTheFinanceReport() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("w.yml").path
        try Self.workloads.write(toFile: file, atomically: true, encoding: .utf8)
        let common = ["report", "--workload", file, "--months", "2", "--start-month", "2026-12", "--as-of", "2026-12-01"]
        let focus = CSVReader.parse(try CLI.run(common + ["--format", "focus"]).stdout)
        let csv = CSVReader.parse(try CLI.run(common + ["--format", "csv"]).stdout)
        let costColumn = try #require(csv.first?.firstIndex(of: "monthly_cost"))
        let billed = try #require(focus.first?.firstIndex(of: "BilledCost"))
        // The finance CSV ends with a totals row; the FOCUS rows are the same charges in the same order.
        #expect(focus.dropFirst().map { $0[billed] } == Array(csv.dropFirst().prefix(focus.count - 1).map { $0[costColumn] }))
    }

    @Test(.enabled(if: validator != nil, "INFRACOST_FOCUS_VALIDATOR is not set (.ci/run installs focus-validator 1.0.0)"))
    func theFOCUSValidatorPassesEveryRule() throws {
        let (text, _) = try dataset()
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("focus.csv")
        try text.write(to: data, atomically: true, encoding: .utf8)
        let executable = URL(fileURLWithPath: try #require(Self.validator))
        // focus-validator reads its currency list from a path relative to its site-packages folder: run it there.
        let venv = executable.deletingLastPathComponent().deletingLastPathComponent()
        let lib = venv.appendingPathComponent("lib")
        let python = try #require(try FileManager.default.contentsOfDirectory(atPath: lib.path).first { $0.hasPrefix("python") })
        let sitePackages = lib.appendingPathComponent(python).appendingPathComponent("site-packages")
        let result = try CLI.run(["--data-file", data.path, "--validate-version", "1.0"], executable: executable, in: sitePackages)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Validation succeeded."), "\(result.stdout)")
    }
}

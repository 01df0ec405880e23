import Foundation

/// Writes a finance report's projected months as a FOCUS 1.0 dataset (the FinOps Foundation's cost and usage
/// format), one charge row per workload and month.
///
/// Column names are those of focus-validator 1.0.0's rule set for version 1.0 (`InvoiceIssuer`, `Provider`,
/// `Publisher`, `ResourceID`; the published 1.0 text calls them `InvoiceIssuerName`, `ProviderName`,
/// `PublisherName`, `ResourceId`). Periods are ISO 8601 in UTC with an exclusive end (the first instant of the next
/// month); amounts and quantities are plain decimal numbers; columns that only a projection has start with `x_`.
public enum FOCUSWriter {
    /// The FOCUS columns, in the order written, then ours.
    public static let focusColumns = [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
        "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart",
        "CommitmentDiscountCategory", "CommitmentDiscountId", "CommitmentDiscountName", "CommitmentDiscountStatus", "CommitmentDiscountType",
        "ConsumedQuantity", "ConsumedUnit", "ContractedCost", "ContractedUnitPrice", "EffectiveCost", "InvoiceIssuer", "ListCost",
        "ListUnitPrice", "PricingCategory", "PricingQuantity", "PricingUnit", "Provider", "Publisher", "RegionId", "RegionName",
        "ResourceID", "ResourceName", "ResourceType", "ServiceCategory", "ServiceName", "SkuId", "SkuPriceId", "SubAccountId",
        "SubAccountName", "Tags",
        // The 1.0-preview name of ChargeCategory: focus-validator 1.0.0's SkuPriceId rule for 1.0 still queries it.
        "ChargeType",
    ]
    public static let projectionColumns = [
        "x_Projected", "x_Workload", "x_Model", "x_Tier", "x_InputTokens", "x_OutputTokens", "x_GpuHours", "x_PriceVerifiedOn",
        "x_PriceEffectiveFrom", "x_PriceSource",
    ]

    /// The billing account every projected row is charged to: a projection has no real account.
    public static let accountID = "infracost-projection"

    /// The dataset as CSV (RFC 4180, CRLF), text cells neutralized against formulas like every CSV we write.
    public static func render(_ report: FinanceReport) -> String {
        var rows = [focusColumns + projectionColumns]
        for row in report.rows {
            let (start, end) = period(row.month)
            let perToken = row.tier == .api || row.tier == .serverless
            let tokens = row.inputTokens + row.outputTokens
            // Per-token offers are priced by the token; GPU offers by the GPU-hour.
            let quantity = perToken ? decimal(tokens) : row.gpuHours.map(decimal) ?? ""
            let unit = perToken ? "Tokens" : "GPU-Hours"
            let cost = Money.plain(row.cost)
            let pricing: String
            switch row.purchase {
            case "reserved"?: pricing = "Committed"
            case "spot"?: pricing = "Dynamic"
            default: pricing = "Standard"
            }
            let description = "\(row.workload): \(Numbers.exact(row.inputTokens)) input and \(Numbers.exact(row.outputTokens)) output tokens on \(row.offer) (\(row.tier.rawValue)), projected"
            let tags = JSONWriter.compact(.fields(["workload": .string(row.workload), "tier": .string(row.tier.rawValue)]))
            var cells: [String] = [
                cost, accountID, "infracost projection", row.currency, end, start,
                "Usage", "", description, perToken ? "Usage-Based" : "Recurring", end, start,
                "", "", "", "", "",
                quantity, unit, cost, "", cost, row.provider, cost,
                "", pricing, quantity, unit, row.provider, row.provider, "", "",
                row.workload, row.workload, "LLM inference workload", "AI and Machine Learning", "\(row.provider) \(row.tier.rawValue) inference",
                row.offer, row.offer + (row.priceEffectiveFrom.map { "@" + $0.text } ?? ""), "", "",
                tags, "Usage",
            ]
            cells += ["true", row.workload, row.model, row.tier.rawValue, Numbers.exact(row.inputTokens), Numbers.exact(row.outputTokens),
                      row.gpuHours.map(Numbers.exact) ?? "", row.priceAsOf?.text ?? "", row.priceEffectiveFrom?.text ?? "", row.priceSource ?? ""]
            rows.append(cells)
        }
        return CSVWriter.render(rows)
    }

    /// A quantity as a decimal number with a fractional part ("18396000000.0"): FOCUS quantities are decimals, and
    /// readers that type columns by their values (pandas, and so the validator) take a column of bare integers for
    /// integers.
    static func decimal(_ value: Decimal) -> String {
        let text = Numbers.exact(value)
        return text.contains(".") ? text : text + ".0"
    }

    /// The first instant of month `YYYY-MM` and of the next, in ISO 8601 UTC: a period with an exclusive end.
    static func period(_ month: String) -> (start: String, end: String) {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return ("", "") }
        let (year, number) = (parts[0], parts[1])
        let next = number == 12 ? (year + 1, 1) : (year, number + 1)
        return (String(format: "%04d-%02d-01T00:00:00Z", year, number), String(format: "%04d-%02d-01T00:00:00Z", next.0, next.1))
    }
}

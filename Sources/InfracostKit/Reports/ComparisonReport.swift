/// Chooses the renderer for a comparison by format.
public enum ComparisonReport {
    /// The comparison in `format`; `explain` adds the arithmetic of every line item to the table format, and
    /// `wide` adds columns to it (throughput, pricing method, each price's date and source).
    public static func render(_ comparison: Comparison, format: OutputFormat, explain: Bool = false, wide: Bool = false) -> String {
        switch format {
        case .table: return ComparisonTableRenderer.render(comparison, explain: explain, wide: wide)
        case .json: return ComparisonJSONReport.render(comparison)
        case .csv: return ComparisonCSVReport.render(comparison)
        case .markdown: return ComparisonMarkdownRenderer.render(comparison)
        }
    }
}

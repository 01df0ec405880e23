/// The formats every report can be written in.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv, markdown
}

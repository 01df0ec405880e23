/// Where a figure comes from: the page or dataset that published it and the date it was read.
public struct Provenance: Equatable, Sendable {
    /// A URL or citation.
    public var source: String?
    /// The date the figure was published or checked, `YYYY-MM-DD`.
    public var asOf: String?

    public init(source: String? = nil, asOf: String? = nil) {
        self.source = source
        self.asOf = asOf
    }
}

/// Where a figure comes from: the page or dataset that published it and the day someone last checked it there.
///
/// When a price took effect is a different fact, kept on the offer (`Offer.effectiveFrom`): a price can be
/// verified today and have applied for two years, and a day that was never recorded is left unknown.
public struct Provenance: Equatable, Sendable {
    /// A URL or citation.
    public var source: String?
    /// The day the figure was last checked against its source, `YYYY-MM-DD` (the JSON `verified_on`; older files
    /// call it `as_of`). Staleness warnings key on it.
    public var verifiedOn: Day?

    /// Where a figure comes from (`source`, usually a URL) and when it was last checked (`verifiedOn`, YYYY-MM-DD).
    public init(source: String? = nil, verifiedOn: Day? = nil) {
        self.source = source
        self.verifiedOn = verifiedOn
    }
}

/// Prices as of a day: which of an offer's prices was in effect then.
///
/// An offer's current price applies from its `from` date, or from the end (`to`) of its latest history entry, or
/// always when neither is given. A history entry applies from its `from` (inclusive, or open-ended) to its `to`
/// (exclusive). A day before every known price leaves the offer without a price (never $0).
extension Offer {
    /// The first day the current price applies, if known.
    public var currentFrom: String? { effectiveFrom ?? history.compactMap(\.to).max() }

    /// The offer priced as it was on `day` (`YYYY-MM-DD`).
    public func asOf(_ day: String) -> Offer {
        guard let start = currentFrom, day < start else { return self }
        var past = self
        past.inputPerMTok = nil
        past.outputPerMTok = nil
        past.perSecond = nil
        past.perHour = nil
        past.perMonth = nil
        past.cachedInputPerMTok = nil
        past.modeRates = [:]
        if let point = history.first(where: { ($0.from.map { $0 <= day } ?? true) && ($0.to.map { day < $0 } ?? false) }) {
            for (field, value) in point.prices {
                switch field {
                case "input_per_mtok": past.inputPerMTok = value
                case "output_per_mtok": past.outputPerMTok = value
                case "per_second": past.perSecond = value
                case "per_hour": past.perHour = value
                case "per_month": past.perMonth = value
                case "cached_input_per_mtok": past.cachedInputPerMTok = value
                default: break
                }
            }
            past.provenance = point.provenance
            past.effectiveFrom = point.from
            past.notes = "price in effect \(point.from.map { "from \($0) " } ?? "")until \(point.to ?? "?") (--as-of \(day))"
        } else {
            let earliest = ([start] + history.compactMap(\.from)).min() ?? start
            past.priceGap = "no price known on \(day) (the earliest recorded price applies from \(earliest))"
        }
        return past
    }
}

extension PriceCatalog {
    /// The catalog with every offer priced as it was on `day`.
    public func asOf(_ day: String) -> PriceCatalog {
        var catalog = self
        catalog.offers = offers.map { $0.asOf(day) }
        return catalog
    }
}

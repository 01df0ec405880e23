/// Prices as of a day: which of an offer's prices was in effect then.
///
/// An offer's current price applies from its `effective_from` date, or from the end (`to`) of its latest history
/// entry, or always when neither is given. A history entry applies from its `from` (inclusive, or open-ended) to
/// its `to` (exclusive, or open-ended): an entry with only a `from` after the current price's start is an
/// announced change (a price that takes effect on a later day). An entry with neither date is kept as a record
/// and never applies. When the day a price took effect is not published, it is known to apply from the day it
/// was verified, not before: a model released last month is not priced in last year. A day before every known
/// price leaves the offer without a price (never $0).
extension Offer {
    /// The first day the current price applies, if known.
    public var currentFrom: Day? { effectiveFrom ?? history.compactMap(\.to).max() }

    /// The first day the current price is known to apply: its start, or else the day it was verified.
    var knownFrom: Day? { currentFrom ?? provenance.verifiedOn }

    /// The history entry in effect on `day`, if one is.
    func historyPoint(on day: Day) -> PricePoint? {
        history.first { point in
            guard point.from != nil || point.to != nil else { return false }
            return (point.from.map { $0 <= day } ?? true) && (point.to.map { day < $0 } ?? true)
        }
    }

    /// The offer priced as it was (or will be) on `day` (`YYYY-MM-DD`).
    public func asOf(_ day: Day) -> Offer {
        let point = historyPoint(on: day)
        let start = knownFrom
        if point == nil, start.map({ day >= $0 }) ?? true { return self }
        var past = self
        past.pricing = pricing.withRates(of: point)
        if let point {
            past.provenance = point.provenance
            past.effectiveFrom = point.from
            past.notes = "price in effect \(point.from.map { "from \($0) " } ?? "")\(point.to.map { "until \($0) " } ?? "onward ")(\(Setting.asOf) \(day))"
        } else {
            let earliest = ([start].compactMap { $0 } + history.compactMap(\.from)).min() ?? day
            if currentFrom == nil, earliest == provenance.verifiedOn, history.allSatisfy({ $0.from == nil && $0.to == nil }) {
                past.priceGap = "no price known on \(day) (the price was verified on \(earliest); the day it took effect is not published)"
            } else {
                past.priceGap = "no price known on \(day) (the earliest recorded price applies from \(earliest))"
            }
        }
        return past
    }
}

/// Deprecated and retired models: when an offer stops being something a user can buy.
public enum Lifecycle {
    /// An offer deprecated within this many days of the day priced is flagged.
    public static let noticeDays = 90

    /// Whether the offer's model is shut down on `day`.
    public static func isRetired(_ offer: Offer, on day: Day) -> Bool {
        offer.retiredOn.map { $0 <= day } ?? false
    }

    /// Whether the offer is deprecated on `day` or will be within `noticeDays`.
    public static func isDeprecationDue(_ offer: Offer, on day: Day) -> Bool {
        guard let deprecated = offer.deprecatedOn else { return false }
        if deprecated <= day { return true }
        return day.days(until: deprecated) <= noticeDays
    }
}

extension PriceCatalog {
    /// The catalog with every offer priced as it was on `day`: retired offers move to `retired` (neither priced
    /// nor ranked), offers deprecated within 90 days are flagged.
    public func asOf(_ day: Day) -> PriceCatalog {
        var catalog = self
        catalog.day = day
        catalog.offers = []
        catalog.offers.reserveCapacity(offers.count)
        for offer in offers {
            if Lifecycle.isRetired(offer, on: day) {
                catalog.retired.append(offer)
                continue
            }
            var priced = offer.asOf(day)
            // Set only what changes: an offer's fields are shared with the undated catalog until one is written.
            let due = Lifecycle.isDeprecationDue(offer, on: day)
            if priced.deprecationDue != due { priced.deprecationDue = due }
            if case .serverlessGPU(var pricing) = priced.pricing {
                let idle = platform(offer.provider)?.idleTimeoutSeconds
                if pricing.platformIdleTimeoutSeconds != idle {
                    pricing.platformIdleTimeoutSeconds = idle
                    priced.pricing = .serverlessGPU(pricing)
                }
            }
            catalog.offers.append(priced)
        }
        return catalog
    }
}

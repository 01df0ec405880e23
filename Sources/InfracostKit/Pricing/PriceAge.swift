import Foundation

/// How old a price may be before infracost warns: prices go stale (a provider cuts or raises them) and a
/// report built on old figures should say so.
public enum PriceAge {
    /// The default largest age, in days.
    public static let defaultMaxDays = 180

    /// Parses `180d` or `180` (days); nil text gives the default.
    public static func parse(_ text: String?, label: String) throws(InfracostError) -> Int {
        guard let text else { return defaultMaxDays }
        let digits = text.hasSuffix("d") ? String(text.dropLast()) : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let days = Int(digits), days <= 36_500 else {
            throw .invalidQuantity(label: label, value: text, reason: "must be a number of days, e.g. 180d (at most 36500)")
        }
        return days
    }

    /// The offers whose `verified_on` is more than `maxAgeDays` before `day`, oldest first, with their age in days.
    public static func stale(_ offers: [Offer], day: Day, maxAgeDays: Int) -> [(offer: Offer, days: Int)] {
        offers.compactMap { offer -> (Offer, Int)? in
            guard let verified = offer.provenance.verifiedOn else { return nil }
            let age = verified.days(until: day)
            guard age > maxAgeDays else { return nil }
            return (offer, age)
        }
        .sorted { ($0.1, $1.0.id) > ($1.1, $0.0.id) }
    }

    /// One warning for the stale prices among `offers` (its figure: how many), or none.
    public static func staleWarnings(_ offers: [Offer], day: Day, maxAgeDays: Int) -> [Notice] {
        let old = stale(offers, day: day, maxAgeDays: maxAgeDays)
        guard let oldest = old.first else { return [] }
        return [Notice(.stalePrices, "\(old.count) of the \(offers.count) prices used \(old.count == 1 ? "is" : "are") older than \(maxAgeDays) days on \(day)"
            + " (oldest: \(oldest.offer.id), last verified \(oldest.offer.provenance.verifiedOn?.text ?? "?"), \(oldest.days) days); check them or pass \(Setting.maxPriceAge)",
            setting: .maxPriceAge, figure: Decimal(old.count))]
    }
}

public import Foundation

/// A dated exchange rate from USD, for `--currency`: `usdPerUnit` US dollars buy one unit of `currency`.
public struct ExchangeRate: Equatable, Sendable {
    /// ISO 4217 code, e.g. `EUR`.
    public var currency: String
    /// US dollars per one unit of `currency`, as published (the ECB quotes 1 EUR = 1.0411 USD).
    public var usdPerUnit: Decimal
    public var provenance: Provenance

    /// A rate for `currency` (ISO 4217 code): `usdPerUnit` US dollars per unit (positive, exact), with its source.
    public init(currency: String, usdPerUnit: Decimal, provenance: Provenance) {
        self.currency = currency
        self.usdPerUnit = usdPerUnit
        self.provenance = provenance
    }

    /// A USD amount in this currency, exact to Decimal's 38 digits (round it once, at the end).
    public func convert(_ usd: Decimal) -> Decimal { usd / usdPerUnit }

    /// The rate in words: "1 EUR = 1.0411 USD (ECB ..., 2025-02-28)".
    public var text: String {
        "1 \(currency) = \(Numbers.exact(usdPerUnit)) USD (\(provenance.source ?? "no source"), \(provenance.verifiedOn?.text ?? "undated"))"
    }
}

extension PriceCatalog {
    /// The rate for `code` (case-insensitive).
    public func exchangeRate(_ code: String) -> ExchangeRate? {
        exchangeRates.first { $0.currency.caseInsensitiveCompare(code) == .orderedSame }
    }

    /// The rate amounts are reported in for the currency `code` (case-insensitive); nil for USD, the catalog's own.
    /// - Throws: `InfracostError.invalidQuantity` naming `Setting.currency` when the catalog has no rate for it.
    public func reportingRate(currency code: String) throws(InfracostError) -> ExchangeRate? {
        guard code.uppercased() != "USD" else { return nil }
        guard let rate = exchangeRate(code) else {
            let known = (["USD"] + exchangeRates.map(\.currency)).joined(separator: ", ")
            throw .invalidQuantity(label: "\(Setting.currency)", value: code, reason: "no exchange rate for it (known: \(known))")
        }
        return rate
    }
}

extension OptionCost {
    /// The same option with every line item in `rate.currency`: unit prices divided by the rate (shown to Decimal's
    /// 38 digits), each amount quantity x unit price / rate exactly, rounded once to the cent, the total their sum.
    public func converted(by rate: ExchangeRate) -> OptionCost {
        guard unpricedReason == nil else { return self }
        var items: [LineItem] = []
        for item in lineItems {
            // quantity x unit price / rate, rounded once.
            func amount<N: ExactArithmetic>(_: N.Type) throws(ExactNumber.ArithmeticError) -> Int128 {
                try (N.exactly(item.quantity) * .exactly(item.unitPrice)).rounded(scale: 2, dividedBy: .exactly(rate.usdPerUnit))
            }
            guard let cents = try? Exact.evaluate({ try amount(ExactNumber.self) }, wide: { try amount(WideNumber.self) }) else {
                return OptionCost(offer: offer, unpricedReason: OptionCost.beyondExactRange, gpus: gpus, gpuSeconds: gpuSeconds, throughput: throughput, notes: notes)
            }
            var converted = LineItem(label: item.label, quantity: item.quantity, unit: item.unit, unitPrice: rate.convert(item.unitPrice), cents: cents)
            converted.derivation = item.derivation
            items.append(converted)
        }
        var option = OptionCost(offer: offer, lineItems: items, gpus: gpus, gpuSeconds: gpuSeconds, throughput: throughput, notes: notes)
        option.method = method
        option.simulatedLatency = simulatedLatency
        return option
    }
}

extension Comparison {
    /// Converts every amount from USD to `rate.currency` (once, at the end) and re-ranks.
    public mutating func convert(to rate: ExchangeRate) {
        guard currency == "USD", rate.currency != "USD" else { return }
        options = options.map { $0.converted(by: rate) }.sorted(by: Comparison.ranksBefore)
        // The frontier is the same options, in the same order (a rate scales every cost alike).
        pareto = pareto?.map { $0.converted(by: rate) }
        currency = rate.currency
        exchangeRate = rate
    }
}

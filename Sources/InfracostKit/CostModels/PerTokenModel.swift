public import Foundation

/// Prices per-token offers (`api`, `serverless`): input x input rate + output x output rate.
public enum PerTokenModel {
    /// The cost of `workload` on a per-token offer; unpriced when either rate is missing.
    public static func cost(of offer: Offer, for workload: Workload) -> OptionCost {
        guard let inputRate = offer.inputPerMTok, let outputRate = offer.outputPerMTok else {
            let missing = offer.inputPerMTok == nil ? "input_per_mtok" : "output_per_mtok"
            return OptionCost(offer: offer, unpricedReason: "no price (\(missing) is missing)")
        }
        let inputMillions = workload.inputTokens * Decimal.millionth
        let outputMillions = workload.outputTokens * Decimal.millionth
        let cents = ExactNumber(workload.inputTokens).flatMap { input in
            ExactNumber(workload.outputTokens).flatMap { output in
                ExactNumber(inputRate).flatMap { i in ExactNumber(outputRate).flatMap { o in amounts(input: input, output: output, inputRate: i, outputRate: o) } }
            }
        }
        return OptionCost(offer: offer, lineItems: [
            LineItem(label: "input tokens", quantity: inputMillions, unit: "1M tokens", unitPrice: inputRate,
                     cents: cents?.input, exactAmount: inputMillions * inputRate),
            LineItem(label: "output tokens", quantity: outputMillions, unit: "1M tokens", unitPrice: outputRate,
                     cents: cents?.output, exactAmount: outputMillions * outputRate),
        ])
    }

    /// The two line amounts in cents: tokens x rate / 1,000,000 each, rounded half away from zero; nil on overflow.
    public static func amounts(input: ExactNumber, output: ExactNumber, inputRate: ExactNumber, outputRate: ExactNumber)
        -> (input: Int128, output: Int128)?
    {
        guard let a = (input * inputRate)?.rounded(scale: 2, dividedBy: .million),
              let b = (output * outputRate)?.rounded(scale: 2, dividedBy: .million) else { return nil }
        return (a, b)
    }
}

extension Decimal {
    /// Exactly 0.000001: multiply by it instead of dividing by 1,000,000.
    public static let millionth = Decimal(sign: .plus, exponent: -6, significand: 1)
}

extension ExactNumber {
    public static let million = ExactNumber(mantissa: 1, exponent: 6)
}

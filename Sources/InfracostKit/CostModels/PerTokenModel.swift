import Foundation

/// Prices per-token offers (`api`, `serverless`): input x input rate + output x output rate.
public enum PerTokenModel {
    /// The cost of `workload` on a per-token offer; unpriced when either rate is missing.
    public static func cost(of offer: Offer, for workload: Workload) -> OptionCost {
        guard let inputRate = offer.inputPerMTok, let outputRate = offer.outputPerMTok else {
            let missing = offer.inputPerMTok == nil ? "input_per_mtok" : "output_per_mtok"
            return OptionCost(offer: offer, unpricedReason: "no price (\(missing) is missing)")
        }
        let inputMillions = workload.inputTokens / 1_000_000
        let outputMillions = workload.outputTokens / 1_000_000
        return OptionCost(offer: offer, lineItems: [
            LineItem(label: "input tokens", quantity: inputMillions, unit: "1M tokens", unitPrice: inputRate,
                     exactAmount: inputMillions * inputRate),
            LineItem(label: "output tokens", quantity: outputMillions, unit: "1M tokens", unitPrice: outputRate,
                     exactAmount: outputMillions * outputRate),
        ])
    }
}

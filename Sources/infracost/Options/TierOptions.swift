import ArgumentParser
import InfracostKit

/// `--tier`: which tiers of offers a command looks at.
struct TierOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Only offers of this tier: api, serverless, serverless-gpu or dedicated. Repeatable. (default: all tiers)", valueName: "tier"),
        completion: .list(Tier.allCases.map(\.rawValue)),
        transform: Tier.parseArgument
    )
    var tier: [Tier] = []

    /// The chosen tiers; empty means all.
    var selected: Set<Tier> { Set(tier) }

    /// The chosen tiers, by default the ways to serve the requested model (`Tier.servingByDefault`).
    var servingByDefault: Set<Tier> { Tier.servingByDefault(selected) }

    /// The note that says API alternatives were left out, when they were.
    var apiNote: [String] {
        tier.isEmpty ? ["API offers (other models, quality not compared) are left out; --tier api with the other tiers brings them in"] : []
    }
}

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
}

/// The four ways to buy LLM inference that infracost compares.
public enum Tier: String, CaseIterable, Sendable, Codable, Comparable {
    /// Proprietary models behind a per-token API (OpenAI, Anthropic, Google).
    case api
    /// Open models on a per-token serverless platform (Together, Fireworks, Groq, Bedrock).
    case serverless
    /// GPUs billed per second while a replica runs, scaling to zero (Replicate, Modal, RunPod).
    case serverlessGPU = "serverless-gpu"
    /// GPU instances rented per hour, or per month when reserved.
    case dedicated

    /// The ways to serve the requested model: every tier but API, whose offers are other models.
    public static let serving: Set<Tier> = [.serverless, .serverlessGPU, .dedicated]

    /// The tiers a volume-range answer (break-even, sweep) looks at: `selected`, or when none are, the ways to serve
    /// the model (`serving`): "where should this model run?"; API offers come in only when asked for.
    public static func servingByDefault(_ selected: Set<Tier>) -> Set<Tier> {
        selected.isEmpty ? serving : selected
    }

    /// Tiers order as they are declared: api, serverless, serverless-gpu, dedicated.
    public static func < (lhs: Tier, rhs: Tier) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

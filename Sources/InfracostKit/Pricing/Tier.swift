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

    /// Tiers order as they are declared: api, serverless, serverless-gpu, dedicated.
    public static func < (lhs: Tier, rhs: Tier) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

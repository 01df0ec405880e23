/// A setting a caller gives the library, as its messages, notes and assumptions name it: "invalid value '0' for
/// \(Setting.tokens)", "choose one with \(Setting.offer)". The library never writes a command-line flag itself:
/// each caller spells settings in its own words through `Setting.spelling` (the command line as its flags, a workload
/// file or a tool call as its fields); by default a setting is written as its `rawValue`, e.g. `model-size`.
public enum Setting: String, CaseIterable, Sendable, CustomStringConvertible {
    // The workload: volume, mix and the model served.
    case tokens
    case inputTokens = "input-tokens"
    case outputTokens = "output-tokens"
    case inputShare = "input-share"
    case modelSize = "model-size"
    case model
    /// Active parameters of a generic mixture-of-experts model.
    case activeParams = "active-params"
    case precision
    case hoursPerMonth = "hours-per-month"
    case targetUtilization = "target-utilization"
    case coldStartsPerDay = "cold-starts-per-day"
    case keepWarm = "keep-warm"
    case idleTimeout = "idle-timeout"
    case mode
    case cachedShare = "cached-share"
    case tokensPerRequest = "tokens-per-request"
    case spotInterruption = "spot-interruption"
    case maxITL = "max-itl"
    case maxTTFT = "max-ttft"
    case maxThroughput = "max-throughput"
    case p95Latency = "p95-latency"
    // The catalog.
    case pricing
    case performance
    case asOf = "as-of"
    case maxPriceAge = "max-price-age"
    // What a comparison shows and where it goes.
    case baseline
    /// The currency amounts are reported in.
    case currency
    case tier
    case explain
    case format
    case out
    case workloadFile = "workload-file"
    /// The name of one workload of a workload file.
    case workloadName = "name"
    // Traffic and the simulated endpoint.
    case traffic
    case trace
    case rate
    case timezone
    case days
    case burstSize = "burst-size"
    case clients
    case thinkTime = "think-time"
    case inputTokensPerRequest = "input-tokens-per-request"
    case outputTokensPerRequest = "output-tokens-per-request"
    case skipBadRows = "skip-bad-rows"
    case offer
    case concurrency
    case serviceTime = "service-time"
    case serviceDistribution = "service-distribution"
    case prefillRate = "prefill-rate"
    case decodeRate = "decode-rate"
    case coldStart = "cold-start"
    case maxReplicas = "max-replicas"
    case keepWarmMax = "keep-warm-max"
    case idleTimeouts = "idle-timeouts"
    // Serving hardware.
    case gpu
    case gpus
    // Volume ranges, offers compared with each other, utilization.
    case lowestVolume = "lowest-volume"
    case highestVolume = "highest-volume"
    case steps
    case between
    case against
    // Portfolios, advice and imports.
    case allowMissingPrices = "allow-missing-prices"
    case growth
    case months
    case startMonth = "start-month"
    case weight
    case deadline
    case registry

    /// How settings are written in messages: a function from a setting to its words.
    public struct Spelling: Sendable {
        /// The words for a setting.
        public let spell: @Sendable (Setting) -> String

        /// A spelling that writes each setting as `spell` gives it.
        public init(_ spell: @escaping @Sendable (Setting) -> String) {
            self.spell = spell
        }

        /// Each setting as its `rawValue`, e.g. `model-size`: the default.
        public static let names = Spelling { $0.rawValue }
    }

    /// The spelling messages use while a caller's work runs: bound with `Setting.$spelling.withValue(...)` around it
    /// (the command line binds its flags), `Spelling.names` otherwise.
    @TaskLocal public static var spelling = Spelling.names

    /// The setting in the current spelling.
    public var description: String { Self.spelling.spell(self) }
}

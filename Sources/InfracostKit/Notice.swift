public import Foundation

/// A note or warning, as a value: what it is about, the setting it turns on, the figure it quotes, and the sentence
/// the reports print. An option's caveats (`OptionCost.notes`) and a result's warnings (`Comparison.warnings`,
/// `SimulationResult.warnings`, ...) are notices.
///
/// The library builds these; renderers print `text` and never parse it. A test or an agent asks `topic`, `setting`
/// and `figure` instead of matching words.
public struct Notice: Equatable, Sendable, CustomStringConvertible {
    /// What a notice is about; the raw value is a stable kebab-case name.
    public enum Topic: String, CaseIterable, Equatable, Sendable {
        /// A long-context price tier: applied to some or all input, not reached, or not applied for want of a
        /// request size. `figure`: the share (0...1) of input tokens priced at the tier, when known.
        case longContextTier = "long-context-tier"
        /// Off-peak prices: applied to the share of tokens that arrive in the window, or not applied for want of a
        /// time profile. `figure`: that share (0...1), when known.
        case offPeakPrices = "off-peak-prices"
        /// Cached input billed other than at the cached rate (no such rate, or a mode or tier without one).
        case cachedInput = "cached-input"
        /// A spot instance sized for the hours interruptions take. `figure`: the share of hours lost (0...1).
        case spotSizing = "spot-sizing"
        /// A reserved term's commitment. `figure`: the amount committed over the term, in the offer's currency.
        case reservedCommitment = "reserved-commitment"
        /// The cold start assumed for a per-second GPU offer. `figure`: its seconds.
        case coldStart = "cold-start"
        /// A per-second GPU offer with no cold starts: its replicas are up, and billed, all month. `figure`: how many.
        case alwaysUp = "always-up"
        /// A serverless-gpu option priced by simulating the traffic: its cold starts, p95 latency and peak replicas.
        /// `figure`: the p95 latency, seconds.
        case simulation
        /// The simulated p95 time to first token and inter-token latency (continuous batching).
        case simulatedTokenLatency = "simulated-token-latency"
        /// A serverless-gpu option that could not be simulated, so the flat-average model priced it.
        case notSimulated = "not-simulated"
        /// The per-replica concurrency chosen to meet latency targets, and which target binds.
        case latencyTargets = "latency-targets"

        // Warnings about a whole result.
        /// Prices used are older than the allowed age. `figure`: how many.
        case stalePrices = "stale-prices"
        /// GPU options priced from an estimated throughput. `figure`: how many.
        case estimatedThroughput = "estimated-throughput"
        /// No offer can serve the workload. `figure`: how many were left out.
        case noOfferServes = "no-offer-serves"
        /// Serverless-gpu options priced by simulating the traffic. `figure`: how many.
        case simulatedOptions = "simulated-options"
        /// Bad rows of a trace or log were skipped. `figure`: how many.
        case skippedRows = "skipped-rows"
        /// A trace was not in time order and was sorted.
        case unsortedTrace = "unsorted-trace"
        /// A trace or log shorter than the month is projected to it. `figure`: the factor.
        case projectedToMonth = "projected-to-month"
        /// A benchmark file names another model than the one asked for.
        case modelNameDiffers = "model-name-differs"
        /// An offer id in two of the caller's pricing files: the later file's offer is used.
        case offerInTwoFiles = "offer-in-two-files"
        /// Benchmark runs that do not fit the model's memory, kept as measurements and left out of a fit.
        /// `figure`: how many.
        case unfittedRuns = "unfitted-runs"
    }

    public var topic: Topic
    /// The setting whose value decides what the note says (or that would change it), when one does.
    public var setting: Setting?
    /// The number the note quotes, in the unit its topic states; nil when it quotes none.
    public var figure: Decimal?
    /// The sentence, with settings in the caller's spelling (`Setting.spelling` when it was made).
    public var text: String

    /// A note on `topic` that reads `text`, quoting `figure`, about `setting`.
    public init(_ topic: Topic, _ text: String, setting: Setting? = nil, figure: Decimal? = nil) {
        self.topic = topic
        self.text = text
        self.setting = setting
        self.figure = figure
    }

    public var description: String { text }
}

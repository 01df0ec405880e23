public import Foundation

/// How a serverless GPU platform bills and scales, from its own documentation: what applies to every offer of
/// that provider unless the offer says otherwise.
public struct ServerlessPlatform: Equatable, Sendable {
    /// The provider, as in offer ids (`modal`, `runpod`).
    public var provider: String
    /// Seconds a replica with nothing to do stays up (and billed) before it scales to zero, by default.
    public var idleTimeoutSeconds: Decimal?
    /// The billing increment, seconds (1 for per-second billing; usage is rounded up to it).
    public var billingIncrementSeconds: Decimal?
    /// Whether a replica's start (loading the model) is billed.
    public var billsLoading: Bool?
    /// Whether a replica's idle time before it scales down is billed.
    public var billsIdle: Bool?
    /// What else the platform's page says that bears on cost (public versus private models, CPU and memory).
    public var notes: String?
    public var provenance: Provenance

    /// How `provider` bills serverless GPUs: its default idle timeout and billing increment in seconds (non-negative),
    /// and whether loading and idle time are billed; nil where the platform publishes nothing.
    public init(
        provider: String, idleTimeoutSeconds: Decimal? = nil, billingIncrementSeconds: Decimal? = nil, billsLoading: Bool? = nil,
        billsIdle: Bool? = nil, notes: String? = nil, provenance: Provenance = .init()
    ) {
        self.provider = provider
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.billingIncrementSeconds = billingIncrementSeconds
        self.billsLoading = billsLoading
        self.billsIdle = billsIdle
        self.notes = notes
        self.provenance = provenance
    }
}

extension PriceCatalog {
    /// The billing facts of `provider`'s serverless platform, when the catalog has them.
    public func platform(_ provider: String) -> ServerlessPlatform? {
        platforms.first { $0.provider == provider }
    }

    /// The idle timeout an offer scales down after, seconds: the offer's own, else its platform's default (nil for
    /// offers that do not scale to zero).
    public func idleTimeout(of offer: Offer) -> Decimal? {
        guard case .serverlessGPU(let pricing) = offer.pricing else { return nil }
        return pricing.idleTimeoutSeconds ?? platform(offer.provider)?.idleTimeoutSeconds
    }
}

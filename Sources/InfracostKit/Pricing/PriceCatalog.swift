import Foundation

/// Every offer, GPU specification, throughput figure and cold-start figure infracost knows of.
///
/// Built from the bundled tables and any `--pricing` files the user adds. Offers are unique by id: a user's
/// offer replaces a bundled one with the same id.
public struct PriceCatalog: Equatable, Sendable {
    public var offers: [Offer]
    public var gpus: [GPUSpec]
    public var throughput: [ThroughputFigure]
    public var coldStarts: [ColdStartFigure]
    /// Exchange rates from USD, for `--currency`.
    public var exchangeRates: [ExchangeRate] = []
    /// Serverless GPU platforms' billing and scaling facts, by provider.
    public var platforms: [ServerlessPlatform] = []
    /// Open-weight model architectures, for the serving performance model.
    public var models: [ModelArchitecture] = []
    /// The user's own serving measurements and the efficiencies fitted to them (`--performance`).
    public var performance = PerformanceTable()
    /// The files the catalog was built from, in order.
    public var files: [String]
    /// The day the catalog was priced for (`asOf(_:)`), `YYYY-MM-DD`.
    public var day: Day?
    /// Offers whose model was shut down on or before `day`, left out of every ranking (set by `asOf(_:)`).
    public var retired: [Offer] = []

    /// A catalog of `offers` and the reference tables (GPUs, throughput and cold-start figures) read from `files`.
    public init(
        offers: [Offer] = [], gpus: [GPUSpec] = [], throughput: [ThroughputFigure] = [],
        coldStarts: [ColdStartFigure] = [], files: [String] = []
    ) {
        self.offers = offers
        self.gpus = gpus
        self.throughput = throughput
        self.coldStarts = coldStarts
        self.files = files
    }

    /// Adds another catalog's contents; its offers and GPU specs replace ours where ids or names match.
    ///
    /// Linear in the size of both catalogs (an index by id, not a search per offer).
    public mutating func merge(_ other: PriceCatalog) {
        if offers.isEmpty {
            // Nothing to replace (the usual --no-bundled case): the other file's offers, ids unique as loaded.
            offers = other.offers
        } else {
            mergeOffers(other.offers)
        }
        mergeRest(other)
    }

    /// Replaces offers by id and appends new ones.
    mutating func mergeOffers(_ others: [Offer]) {
        var index = Dictionary(offers.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for offer in others {
            if let position = index[offer.id] {
                offers[position] = offer
            } else {
                index[offer.id] = offers.count
                offers.append(offer)
            }
        }
    }

    /// Merges everything but the offers.
    mutating func mergeRest(_ other: PriceCatalog) {
        var gpuIndex = Dictionary(gpus.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for gpu in other.gpus {
            if let position = gpuIndex[gpu.name] {
                gpus[position] = gpu
            } else {
                gpuIndex[gpu.name] = gpus.count
                gpus.append(gpu)
            }
        }
        // Later figures come first so they win lookups.
        throughput = other.throughput + throughput
        coldStarts = other.coldStarts + coldStarts
        exchangeRates = other.exchangeRates + exchangeRates
        platforms = other.platforms + platforms
        models = other.models + models
        performance.merge(other.performance)
        files += other.files
    }

    /// The offer with this id, if any.
    public func offer(id: String) -> Offer? {
        offers.first { $0.id == id }
    }

    /// The model architecture for an id, name or alias (case and separators ignored), e.g. `llama-3.1-8b` or
    /// `meta-llama/Llama-3.1-8B-Instruct`.
    public func model(named name: String) -> ModelArchitecture? {
        let key = GPUSpec.normalized(name)
        return models.first { model in ([model.id, model.name] + model.aliases).contains { GPUSpec.normalized($0) == key } }
    }

    /// The GPU specification for a name or alias, compared without regard to case, spaces or dashes.
    public func gpu(named name: String) -> GPUSpec? {
        let key = GPUSpec.normalized(name)
        return gpus.first { $0.matchKeys.contains(key) }
    }
}

extension GPUSpec {
    /// A GPU name reduced for matching: lowercase, without spaces, dashes or underscores.
    public static func normalized(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" })
        return String(scalars)
    }
}

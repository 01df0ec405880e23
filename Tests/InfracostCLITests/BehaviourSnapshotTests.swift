import Foundation
import Testing

/// Whole reports of fifteen configurations across the commands, byte for byte, against files recorded from the
/// binary before a change that must not change behaviour (a performance change, the engine reshape).
///
/// Each runs on the frozen March 2026 catalog plus the bundled model table, so a price refresh does not move
/// them; a change on purpose re-records them with `INFRACOST_RECORD_GOLDEN=1` in its own commit. The files were
/// first recorded from commit 9550339, before the copy-on-write `Offer` and the integer-cents totals.
@Suite struct BehaviourSnapshotTests {
    /// The frozen catalog, the bundled model architectures and a fixed day, so nothing depends on today.
    static let pricing = CLI.frozenPricing + ["--pricing", CLI.root.appendingPathComponent("pricing-data/models.json").path, "--as-of", "2026-03-15"]
    static let workload = CLI.root.appendingPathComponent("examples/infracost.yml").path

    /// Name of the recorded file, and the arguments after the pricing flags.
    static let configurations: [(name: String, arguments: [String])] = [
        ("compare-2B.json", ["compare", "--tokens", "2B", "--format", "json"]),
        ("compare-model-fp8.json", ["compare", "--tokens", "500M", "--model", "llama-3.3-70b", "--precision", "fp8", "--format", "json"]),
        ("compare-eur-batch.json", ["compare", "--tokens", "2B", "--currency", "EUR", "--mode", "batch", "--cached-share", "30%", "--format", "json"]),
        ("compare-wide.csv", ["compare", "--tokens", "20B", "--input-share", "0.6", "--format", "csv"]),
        ("compare-serverless-gpu.md", ["compare", "--tokens", "300M", "--model-size", "8B", "--cold-starts-per-day", "24", "--keep-warm", "1",
                                       "--format", "markdown"]),
        ("compare-traffic.json", ["compare", "--tokens", "100M", "--model-size", "8B", "--tier", "serverless-gpu", "--traffic", "poisson",
                                  "--rate", "1/s", "--days", "1", "--format", "json"]),
        ("breakeven.json", ["breakeven", "--from", "1M", "--to", "100B", "--format", "json"]),
        ("sweep.csv", ["sweep", "--from", "1M", "--to", "1T", "--steps", "25", "--format", "csv"]),
        ("sweep-per-tier.json", ["sweep", "--from", "10M", "--to", "10B", "--steps", "7", "--per-tier", "--format", "json"]),
        ("simulate-fixed.json", ["simulate", "--traffic", "poisson", "--rate", "2/s", "--days", "1", "--service-time", "2s", "--format", "json"]),
        ("simulate-batching.json", ["simulate", "--traffic", "poisson", "--rate", "3/s", "--days", "1", "--model", "llama-3.1-8b", "--format", "json"]),
        ("check.json", ["check", "--workload", workload, "--allow-missing-prices", "--format", "json"]),
        ("report.csv", ["report", "--workload", workload, "--format", "csv"]),
        ("advise.json", ["advise", "--workload", workload, "--name", "reasoning", "--format", "json"]),
        ("throughput.json", ["throughput", "--model", "llama-3.3-70b", "--gpu", "H100", "--gpus", "2", "--input-tokens", "5000",
                             "--output-tokens", "500", "--concurrency", "25", "--format", "json",
                             // The frozen catalog's GPUs predate compute figures: the serving model needs the bundled ones.
                             "--pricing", CLI.root.appendingPathComponent("pricing-data/gpus.json").path]),
    ]

    @Test(arguments: configurations.map(\.name))
    func reportIsUnchanged(_ name: String) throws {
        let arguments = try #require(Self.configurations.first { $0.name == name }).arguments
        let command = [arguments[0]] + Self.pricing + arguments.dropFirst()
        let result = try CLI.run(command)
        // Check exits 1 when a budget is over; every other configuration succeeds.
        #expect(result.status == 0 || (arguments[0] == "check" && result.status == 1), "\(name): exit \(result.status): \(result.stderr)")
        #expect(!result.stdout.isEmpty, "\(name) printed nothing")
        try CLI.expectGolden(result.stdout.replacingOccurrences(of: CLI.root.path, with: "ROOT"), "snapshots/\(name)")
    }
}

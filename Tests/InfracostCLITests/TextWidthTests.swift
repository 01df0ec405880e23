import Foundation
import Testing

/// The text reports fit an 80-column terminal: their prose wraps at spaces (a terminal would break a longer line
/// mid-word), so every line is at most 80 columns but a single word longer than that (a URL).
@Suite struct TextWidthTests {
    static let commands: [[String]] = [
        ["simulate", "--traffic", "poisson", "--rate", "1/s", "--days", "0.1", "--explain"],
        ["simulate", "--traffic", "poisson", "--rate", "300/s", "--max-replicas", "1", "--days", "0.005"],
        ["keepwarm", "--traffic", "poisson", "--rate", "1/h", "--days", "2"],
        ["throughput", "--model", "llama-3.3-70b", "--gpu", "H100", "--explain"],
        ["advise", "--tokens", "50M", "--payload", "500MB", "--deadline", "15m"],
        ["prices", "show", "modal/h100"],
        ["utilization", "--offer", "lambda/h100-sxm"],
        ["breakeven", "--explain"],
        ["compare", "--tokens", "2B", "--model", "llama-3.3-70b", "--explain"],
    ]

    @Test(arguments: commands)
    func everyLineFitsEightyColumns(_ arguments: [String]) throws {
        let result = try CLI.run(arguments + ["--as-of", "2026-12-01"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for line in result.stdout.split(separator: "\n") where line.count > 80 {
            let words = line.split(separator: " ")
            #expect(words.count == 1, "\(arguments.joined(separator: " ")): \(line.count) columns: \(line)")
        }
    }
}

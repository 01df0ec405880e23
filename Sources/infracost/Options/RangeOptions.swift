import ArgumentParser
import Foundation
import InfracostKit

/// A range of monthly volumes.
struct RangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Lowest monthly volume, in tokens (e.g. 1M, 10M).", valueName: "count"), transform: ArgumentValue.tokenCount)
    var from: Decimal?

    @Option(help: ArgumentHelp("Highest monthly volume, in tokens (e.g. 20B, 1T).", valueName: "count"), transform: ArgumentValue.tokenCount)
    var to: Decimal?

    /// The range, with the command's defaults for the ends not given.
    func range(defaultLow: Decimal, defaultHigh: Decimal) throws(InfracostError) -> (low: Decimal, high: Decimal) {
        let (low, high) = (from ?? defaultLow, to ?? defaultHigh)
        guard low < high else {
            throw .invalidUsage(message: "--from (\(TokenCount.abbreviated(low))) must be below --to (\(TokenCount.abbreviated(high)))")
        }
        return (low, high)
    }
}

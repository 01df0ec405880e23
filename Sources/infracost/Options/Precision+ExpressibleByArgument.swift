public import ArgumentParser
public import InfracostKit

extension Precision: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--concurrency`: a number of clients or `max`.
struct ConcurrencyArgument: ExpressibleByArgument {
    var load: ThroughputQuery.Load

    init?(argument: String) {
        if argument == "max" {
            load = .max
        } else if let clients = Int(argument), Limits.concurrency.contains(clients) {
            load = .concurrency(clients)
        } else {
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .list(["max", "1", "25", "100"]) }
}

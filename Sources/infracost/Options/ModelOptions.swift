import ArgumentParser
import Foundation
import InfracostKit

/// The model size and the length of the billing month.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Model size in billions of parameters, e.g. 8B or 70B: selects serverless offers and sizes GPUs. (default: 70B)", valueName: "size"))
    var modelSize: String?

    @Option(help: ArgumentHelp("Hours in the billing month. (default: 730)", valueName: "hours"))
    var hoursPerMonth: String?

    /// The model size given, or the default 70B.
    func modelParamsB() throws(InfracostError) -> Decimal {
        try modelSize.map { text throws(InfracostError) in try ModelSize.parse(text) } ?? Workload.defaultModelParamsB
    }

    /// The month length given, or the default 730 h.
    func hours() throws(InfracostError) -> Decimal {
        try hoursPerMonth.map { text throws(InfracostError) in
            try PlainNumber.parse(text, flag: "--hours-per-month", range: Decimal(string: "0.001")!...744, rangeText: "more than 0 and at most 744 (31 days)")
        } ?? Workload.defaultHoursPerMonth
    }
}

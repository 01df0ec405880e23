import Foundation
import Testing

@testable import InfracostKit

/// A workload built in code is held to the same bounds the command line and workload files check (`Limits`), with
/// the same words.
struct LimitsTests {
    static func workload(hours: Decimal = 730, utilization: Decimal = Decimal(string: "0.7")!) -> Workload {
        Workload(inputTokens: 1_000_000, outputTokens: 1_000_000, hoursPerMonth: hours, targetUtilization: utilization)
    }

    static func refusal(_ workload: Workload) -> InfracostError? {
        do {
            try workload.validate()
            return nil
        } catch {
            return error
        }
    }

    @Test func hoursPerMonthAreBoundedAsOnTheCommandLine() {
        for hours in ["0.001", "1", "744"] {
            #expect(Self.refusal(Self.workload(hours: Decimal(string: hours)!)) == nil, "\(hours) h")
        }
        // 0.0005 h passed this check before while the command line and files refused it.
        for hours in ["0", "0.0005", "744.001"] {
            #expect(Self.refusal(Self.workload(hours: Decimal(string: hours)!)) == .invalidQuantity(
                label: "hours-per-month", value: hours, reason: "must be more than 0 and at most 744 (31 days)"), "\(hours) h")
        }
    }

    @Test func targetUtilizationIsBoundedAsOnTheCommandLine() {
        #expect(Self.refusal(Self.workload(utilization: Decimal(string: "0.001")!)) == nil)
        #expect(Self.refusal(Self.workload(utilization: 1)) == nil)
        for utilization in ["0", "0.0005", "1.01"] {
            #expect(Self.refusal(Self.workload(utilization: Decimal(string: utilization)!)) == .invalidQuantity(
                label: "target-utilization", value: utilization, reason: "must be more than 0 and at most 1"), "\(utilization)")
        }
    }
}

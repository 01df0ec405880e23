import Foundation
import Testing
@testable import InfracostKit

/// The library names settings in its messages through `Setting.spelling`, never as command-line flags of its own.
struct SettingTests {
    @Test func messagesNameSettingsInTheCallersSpelling() {
        let asField = Setting.Spelling { "`" + $0.rawValue.replacingOccurrences(of: "-", with: "_") + "`" }
        let error = Setting.$spelling.withValue(asField) { Self.refusal(Self.workload(hours: 800)) }
        #expect(error == .invalidQuantity(label: "`hours_per_month`", value: "800", reason: "must be more than 0 and at most 744 (31 days)"))
        // Outside the binding, the default: the setting's name.
        #expect(Self.refusal(Self.workload(hours: 800)) == .invalidQuantity(label: "hours-per-month", value: "800", reason: "must be more than 0 and at most 744 (31 days)"))
    }

    @Test func assumptionsAndNotesFollowTheSpellingToo() throws {
        let workload = Self.workload(hours: 730)
        let comparison = try Comparison.make(ComparisonRequest(workload: workload, tiers: [.api], baselineID: nil), catalog: try Fixtures.catalog())
        let shouted = Setting.Spelling { $0.rawValue.uppercased() }
        let assumptions = Setting.$spelling.withValue(shouted) { comparison.assumptions }
        #expect(assumptions.first { $0.name == "model size" }?.value == "70B (default; MODEL-SIZE)")
        #expect(comparison.assumptions.first { $0.name == "model size" }?.value == "70B (default; model-size)")
    }

    @Test func everySettingHasADistinctName() {
        #expect(Set(Setting.allCases.map(\.rawValue)).count == Setting.allCases.count)
        for setting in Setting.allCases {
            #expect(setting.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(setting.rawValue)")
        }
    }

    static func workload(hours: Decimal) -> Workload {
        Workload(inputTokens: 750_000, outputTokens: 250_000, modelParamsB: 70, modelSizeIsDefault: true, hoursPerMonth: hours)
    }

    static func refusal(_ workload: Workload) -> InfracostError? {
        do throws(InfracostError) {
            try workload.validate()
            return nil
        } catch {
            return error
        }
    }
}

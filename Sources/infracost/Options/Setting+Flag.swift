import InfracostKit

extension Setting {
    /// The flag that gives this setting on the command line: the one place the command line spells the library's
    /// settings (bound around every command in `Diagnostics.run`, so the library's messages name flags).
    var flag: String {
        switch self {
        case .workloadFile: "--workload"
        case .lowestVolume: "--from"
        case .highestVolume: "--to"
        case .registry: "--from"
        default: "--" + rawValue
        }
    }

    /// Every setting spelled as its flag.
    static let flags = Spelling { $0.flag }
}

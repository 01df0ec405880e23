/// One assumption behind a result, as reports show it: the setting (`name`, e.g. "month") and its value with where
/// it came from (e.g. "730 h"). Every report lists a result's assumptions in order, so a reader can see what the
/// numbers rest on.
public struct Assumption: Equatable, Sendable {
    /// The setting, in a few words.
    public var name: String
    /// Its value, and its source or how to change it.
    public var value: String

    /// The assumption that `name` is `value`.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

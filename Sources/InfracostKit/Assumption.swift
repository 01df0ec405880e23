/// One assumption behind a result, as reports show it: the setting (`name`, e.g. "month") and its value with where
/// it came from (e.g. "730 h"), and which of the caller's settings change it. Every report lists a result's
/// assumptions in order, so a reader can see what the numbers rest on.
public struct Assumption: Equatable, Sendable {
    /// The setting, in a few words.
    public var name: String
    /// Its value, and its source or how to change it.
    public var value: String
    /// The settings a caller gives to change it (empty for a fixed rule, such as rounding to the cent).
    public var settings: [Setting]

    /// The assumption that `name` is `value`, changed by `settings`.
    public init(_ name: String, _ value: String, settings: [Setting] = []) {
        self.name = name
        self.value = value
        self.settings = settings
    }
}

/// A value kept behind one shared reference and copied only when a holder changes it while another holder shares it
/// (copy on write). Large values copied often, an `Offer` or an `OptionCost` copied into every pricer, ranking and
/// report row, then cost one reference per copy instead of hundreds of bytes.
struct CopyOnWrite<Value: Equatable & Sendable>: Equatable, Sendable {
    /// The shared storage; changed only when uniquely referenced (see `value`'s `_modify`), so sharing it is safe.
    private final class Box: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) { box = Box(value) }

    /// The value; read in place, and copied first when changed while shared.
    var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    static func == (lhs: CopyOnWrite, rhs: CopyOnWrite) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }
}

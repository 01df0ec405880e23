import Foundation
import Testing

@testable import InfracostKit

/// Shared storage behind `Offer` and `OptionCost`, and the simulator's ring-buffer lines: copies stay independent,
/// and a line keeps first-in first-out order across wrap-around and growth.
struct CopyOnWriteTests {
    @Test func aChangedCopyLeavesTheOriginalAlone() {
        let original = Offer(id: "a/b", pricing: .api(.init(inputPerMTok: 1, outputPerMTok: 2)))
        var copy = original
        #expect(copy == original)
        copy.pricing = .api(.init(inputPerMTok: 3, outputPerMTok: 2))
        #expect(original.pricing.tokens?.inputPerMTok == 1)
        #expect(copy.pricing.tokens?.inputPerMTok == 3)
        #expect(copy != original)
        var option = OptionCost(offer: original, notes: [Notice(.coldStart, "x")])
        let kept = option
        option.notes.append(Notice(.coldStart, "y"))
        #expect(kept.notes.map(\.text) == ["x"])
        #expect(option.notes.map(\.text) == ["x", "y"])
    }

    @Test func aSlotQueueKeepsItsOrderAcrossWrapAndGrowth() {
        var queue = SlotQueue()
        var expected: [Int32] = []
        var next: Int32 = 0
        // Interleave pushes and pops so the head wraps around the ring before and after it grows.
        for round in 0..<50 {
            for _ in 0..<(round % 7 + 1) {
                queue.append(next)
                expected.append(next)
                next += 1
            }
            for _ in 0..<(round % 5) {
                #expect(queue.popFirst() == expected.first)
                if !expected.isEmpty { expected.removeFirst() }
            }
            #expect(queue.count == expected.count)
            #expect(queue.first == expected.first)
        }
        while let slot = queue.popFirst() { #expect(slot == expected.removeFirst()) }
        #expect(expected.isEmpty)
        #expect(queue.isEmpty)
        queue.append(7)
        queue.removeAll()
        #expect(queue.popFirst() == nil)
    }
}

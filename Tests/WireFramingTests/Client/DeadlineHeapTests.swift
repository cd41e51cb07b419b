internal import Testing

@testable internal import WireFraming

@Suite("DeadlineHeap")
struct DeadlineHeapTests {
    final class Item {
        let name: Int
        var live = true
        init(_ name: Int) { self.name = name }
    }

    @Test("pops expired entries earliest first and keeps the rest")
    func popsInOrder() {
        let start = ContinuousClock.now
        var heap = DeadlineHeap<Item>()
        for offset in [5, 1, 4, 2, 3, 9] {
            heap.insert(Item(offset), deadline: start + .seconds(offset))
        }
        #expect(heap.earliest == start + .seconds(1))
        #expect(heap.popExpired(at: start + .seconds(4)).map(\.name) == [1, 2, 3, 4])
        #expect(heap.count == 2)
        #expect(heap.earliest == start + .seconds(5))
    }

    @Test("compaction drops dead entries and keeps the order")
    func compaction() {
        let start = ContinuousClock.now
        var heap = DeadlineHeap<Item>()
        let items = (0..<20).map(Item.init)
        for item in items.reversed() {
            heap.insert(item, deadline: start + .seconds(item.name))
        }
        for item in items where item.name % 2 == 0 {
            item.live = false
        }
        heap.compact { $0.live }
        #expect(heap.count == 10)
        #expect(heap.popExpired(at: start + .seconds(100)).map(\.name) == Array(stride(from: 1, to: 20, by: 2)))
    }
}

import GatewayStore
import Testing

@testable import GatewayServices

@Suite("Fan-out state machine")
struct FanOutStateTests {
    private static func event(_ offset: Int64, _ type: EventType = .messageStatus) -> LoggedEvent {
        LoggedEvent(offset: offset, event: GatewayEvent(type: type, receivedAt: 0))
    }

    private static func batch(_ offsets: ClosedRange<Int64>, _ type: EventType = .messageStatus) -> EventBatch {
        EventBatch(events: offsets.map { event($0, type) }, resumeAfter: offsets.upperBound)
    }

    private static func subscriber(
        _ state: inout FanOutState,
        filter: EventFilter = .all,
        capacity: Int = 4
    ) throws -> UInt64 {
        let (_, wake) = AsyncStream.makeStream(of: Void.self)
        let id = state.add(filter: filter, capacity: capacity, wake: wake)
        return try #require(id)
    }

    private static func taken(_ take: FanOutState.Take) -> Int64? {
        if case .event(let logged) = take {
            return logged.offset
        }
        return nil
    }

    @Test("a new subscriber reads the log, and cannot attach before dispatching starts")
    func startsDetached() throws {
        var state = FanOutState()
        let id = try Self.subscriber(&state)
        guard case .readLog = state.take(id, after: 0) else {
            Issue.record("a new subscriber must read the log first")
            return
        }
        guard case .notStarted = state.attach(id, coveredUpTo: 5) else {
            Issue.record("nothing was dispatched yet")
            return
        }
        guard case .wait = state.take(id, after: 5) else {
            Issue.record("a caught-up subscriber waits for the start")
            return
        }
        guard case .idle(let wakes) = state.step(latest: 7) else {
            Issue.record("the first step learns the latest offset")
            return
        }
        #expect(wakes.count == 1)
        #expect(state.dispatched == 7)
        guard case .readLog = state.take(id, after: 5), case .behind = state.attach(id, coveredUpTo: 5),
            case .attached = state.attach(id, coveredUpTo: 7)
        else {
            Issue.record("after the start the subscriber reads up to the dispatched offset, then attaches")
            return
        }
    }

    @Test("with nobody attached, dispatching jumps to the latest offset without reading")
    func jumpsWhenNobodyListens() throws {
        var state = FanOutState()
        _ = state.step(latest: 3)
        _ = try Self.subscriber(&state)
        guard case .idle = state.step(latest: 10) else {
            Issue.record("a detached subscriber reads the log itself")
            return
        }
        #expect(state.dispatched == 10)
    }

    @Test("attached subscribers get the matching events of a batch, skipping those already handed out")
    func deliversMatching() throws {
        var state = FanOutState()
        _ = state.step(latest: 0)
        let calls = try Self.subscriber(&state, filter: EventFilter(types: [.callInbound]))
        let all = try Self.subscriber(&state)
        _ = state.attach(calls, coveredUpTo: 0)
        _ = state.attach(all, coveredUpTo: 2)
        guard case .read(let after) = state.step(latest: 4) else {
            Issue.record("attached subscribers need a read")
            return
        }
        #expect(after == 0)

        let wakes = state.deliver(
            EventBatch(
                events: [Self.event(1), Self.event(2, .callInbound), Self.event(3), Self.event(4, .callInbound)],
                resumeAfter: 4
            )
        )
        #expect(wakes.count == 2)
        #expect(state.dispatched == 4)
        let callOffsets = [state.take(calls, after: 0), state.take(calls, after: 2)].map(Self.taken)
        let allOffsets = [state.take(all, after: 2), state.take(all, after: 3)].map(Self.taken)
        #expect(callOffsets == [2, 4])
        #expect(allOffsets == [3, 4])
        guard case .wait = state.take(all, after: 4) else {
            Issue.record("an attached subscriber with an empty buffer waits")
            return
        }
    }

    @Test("a full buffer detaches the subscriber; it drains what it kept, then reads the log")
    func overflowDetaches() throws {
        var state = FanOutState()
        _ = state.step(latest: 0)
        let slow = try Self.subscriber(&state, capacity: 2)
        _ = state.attach(slow, coveredUpTo: 0)
        _ = state.step(latest: 5)
        _ = state.deliver(Self.batch(1...5))

        let slot = try #require(state.slots[slow])
        #expect(!slot.attached)
        #expect(slot.overflows == 1)
        #expect(slot.mostBuffered == 2)
        let kept = [state.take(slow, after: 0), state.take(slow, after: 1)].map(Self.taken)
        #expect(kept == [1, 2])
        guard case .readLog = state.take(slow, after: 2) else {
            Issue.record("a detached subscriber reads the rest from the log")
            return
        }
    }

    @Test("finishing ends every subscriber, and later subscribers at once")
    func finish() throws {
        var state = FanOutState()
        let id = try Self.subscriber(&state)
        let finished = state.finish()
        #expect(finished.count == 1)
        guard case .finished = state.take(id, after: 0), case .stop = state.step(latest: 1) else {
            Issue.record("a finished fan-out hands out nothing")
            return
        }
        let (_, wake) = AsyncStream.makeStream(of: Void.self)
        let late = state.add(filter: .all, capacity: 1, wake: wake)
        #expect(late == nil)
    }

    @Test("a ring holds at most its capacity, first in first out")
    func ring() {
        var ring = EventRing(capacity: 2)
        let appended = [ring.append(Self.event(1)), ring.append(Self.event(2)), ring.append(Self.event(3))]
        let first = ring.popFirst()?.offset
        let refilled = ring.append(Self.event(4))
        let rest = [ring.popFirst()?.offset, ring.popFirst()?.offset, ring.popFirst()?.offset]
        #expect(appended == [true, true, false])
        #expect(first == 1)
        #expect(refilled)
        #expect(rest == [2, 4, nil])
        #expect(ring.count == 0)
    }
}

import GatewayAPI
import GatewayServices
import GatewayStore
import GatewayTestSupport
import Testing
import TwilioSandbox

@Suite("Message status reconciler against the sandbox")
struct MessageStatusReconcilerTests {
    @Test("a sent message without a final status is fetched once after the configured time and its status published")
    func publishesOnce() async throws {
        let stack = try ReconcilerStack(reconcileAfter: .seconds(60))
        let message = try await stack.send()
        #expect(try stack.store.messageStatuses.status(of: message.sid)?.status == "queued")

        stack.advance(seconds: 59)
        #expect(await stack.reconciler.reconcileOverdue() == 0)
        #expect(stack.fetches(of: message.sid) == 0)
        stack.advance(seconds: 2)
        #expect(await stack.reconciler.reconcileOverdue() == 1)
        stack.advance(seconds: 600)
        #expect(await stack.reconciler.reconcileOverdue() == 0)

        #expect(stack.fetches(of: message.sid) == 1)
        let events = try await stack.log.read(after: 0, limit: 10, filter: .all).events.map(\.event)
        try #require(events.count == 1)
        #expect(events[0].type == .messageStatus)
        #expect(events[0].messageSID == message.sid)
        #expect(events[0].status == "queued")
        #expect(events[0].to == "+14155550100")
        #expect(events[0].from == ReconcilerStack.sender)
        #expect(events[0].parameters.contains(MessageStatusReconciler.sourceParameter))
        #expect(try stack.store.messageStatuses.status(of: message.sid)?.reconciledAt != nil)
        await stack.close()
    }

    @Test("a message whose final status arrived in time is never fetched")
    func finalStatusArrived() async throws {
        let stack = try ReconcilerStack(reconcileAfter: .seconds(60))
        let message = try await stack.send()
        _ = try stack.store.messageStatuses.record("delivered", for: message.sid)

        stack.advance(seconds: 3600)
        #expect(await stack.reconciler.reconcileOverdue() == 0)
        #expect(stack.fetches(of: message.sid) == 0)
        #expect(try await stack.log.latestOffset() == 0)
        await stack.close()
    }

    @Test("a message Twilio does not know is given up without an event")
    func unknownMessage() async throws {
        let stack = try ReconcilerStack(reconcileAfter: .seconds(60))
        let sid = "SM" + String(repeating: "ab", count: 16)
        stack.reconciler.track(Message(sid: sid, status: "accepted"))

        stack.advance(seconds: 61)
        #expect(await stack.reconciler.reconcileOverdue() == 0)
        #expect(stack.fetches(of: sid) == 1)
        #expect(try stack.store.messageStatuses.pending(firstSeenBefore: .infinity, limit: 10).isEmpty)
        #expect(try await stack.log.latestOffset() == 0)
        await stack.close()
    }

    @Test("run() publishes an overdue status by itself, with a short reconcile time and the wall clock")
    func periodic() async throws {
        let stack = try ReconcilerStack(reconcileAfter: .milliseconds(200), timings: .standard, wallClock: true)
        let message = try await stack.send()
        let reconciler = stack.reconciler
        let running = Task { await reconciler.run() }

        let log = stack.log
        var published: [LoggedEvent] = []
        for _ in 0..<500 where published.isEmpty {
            published = try await log.read(after: 0, limit: 10, filter: EventFilter(sid: message.sid)).events
            try await Task.sleep(for: .milliseconds(10))
        }
        running.cancel()
        await running.value

        let event = try #require(published.first?.event)
        #expect(event.parameters.contains(MessageStatusReconciler.sourceParameter))
        #expect(["accepted", "queued", "sending", "sent", "delivered"].contains(event.status ?? ""))
        #expect(stack.fetches(of: message.sid) == 1)
        await stack.close()
    }
}

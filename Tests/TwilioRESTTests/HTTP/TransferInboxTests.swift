import Testing

@testable import TwilioREST

@Suite("TransferInbox")
struct TransferInboxTests {
    @Test("a submitted transfer reaches the loop once and is forgotten when it finishes")
    func submitAndFinish() {
        var inbox = TransferInbox<String>()
        let id = inbox.reserve()

        #expect(inbox.submit("request", id: id) == .wakeLoop)
        let work = inbox.takeWork()
        #expect(work.arrivals.map(\.id) == [id])
        #expect(work.arrivals.map(\.payload) == ["request"])
        #expect(inbox.takeWork().arrivals.isEmpty)

        inbox.finish(id)
        #expect(inbox.trackedCount == 0)
    }

    @Test("a cancellation before submission makes the submission fail without reaching the loop")
    func cancelBeforeSubmit() {
        var inbox = TransferInbox<String>()
        let id = inbox.reserve()

        #expect(inbox.cancel(id) == false)
        #expect(inbox.submit("request", id: id) == .refuseCancelled)
        #expect(inbox.takeWork().arrivals.isEmpty)
        #expect(inbox.trackedCount == 0)
    }

    @Test("a cancellation after submission wakes the loop with the transfer's ID")
    func cancelAfterSubmit() {
        var inbox = TransferInbox<String>()
        let id = inbox.reserve()
        _ = inbox.submit("request", id: id)
        _ = inbox.takeWork()

        #expect(inbox.cancel(id) == true)
        #expect(inbox.takeWork().cancellations == [id])
    }

    @Test("a cancellation after the transfer finished does nothing")
    func cancelAfterFinish() {
        var inbox = TransferInbox<String>()
        let id = inbox.reserve()
        _ = inbox.submit("request", id: id)
        inbox.finish(id)

        #expect(inbox.cancel(id) == false)
        #expect(inbox.takeWork().cancellations.isEmpty)
        #expect(inbox.trackedCount == 0)
    }

    @Test("after shutdown begins, submissions are refused and shutdown is reported once")
    func shutdown() {
        var inbox = TransferInbox<String>()
        let id = inbox.reserve()

        #expect(inbox.beginShutdown() == true)
        #expect(inbox.beginShutdown() == false)
        #expect(inbox.submit("late", id: id) == .refuseShuttingDown)
        #expect(inbox.takeWork().isShuttingDown)
        #expect(inbox.trackedCount == 0)
    }

    @Test("IDs are never reused")
    func distinctIDs() {
        var inbox = TransferInbox<String>()
        let ids = (0..<100).map { _ in inbox.reserve() }

        #expect(Set(ids).count == 100)
    }
}

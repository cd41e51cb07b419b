import GatewayStore
import Testing

@Suite("Status lifecycles")
struct StatusLifecycleTests {
    @Test(
        "a message's status moves only forward, whatever order the callbacks arrive in",
        arguments: [
            (["queued", "sending", "sent", "delivered"], "delivered"),
            (["queued", "delivered", "sent", "sending"], "delivered"),
            (["sent", "sent", "queued"], "sent"),
            (["accepted", "queued", "failed", "sent", "delivered"], "failed"),
            (["sent", "delivered", "undelivered"], "delivered"),
            (["sent", "undelivered", "delivered"], "undelivered"),
            (["delivered", "read", "delivered"], "read"),
            (["sent", "undelivered", "read"], "undelivered"),
            (["scheduled", "canceled", "queued"], "canceled"),
            (["sent", "partially_delivered", "delivered"], "delivered"),
            (["sent", "mystery", "queued"], "sent"),
            (["receiving", "received"], "received"),
        ]
    )
    func message(sequence: [String], final: String) {
        var current: String?
        for status in sequence where StatusLifecycle.message.moves(from: current, to: status) {
            current = status
        }
        #expect(current == final)
    }

    @Test(
        "a call's status moves only forward along queued, initiated, ringing, in-progress and its ends",
        arguments: [
            (["queued", "initiated", "ringing", "in-progress", "completed"], "completed"),
            (["initiated", "completed", "ringing", "in-progress"], "completed"),
            (["ringing", "initiated", "queued"], "ringing"),
            (["ringing", "no-answer", "busy"], "no-answer"),
            (["queued", "canceled", "in-progress"], "canceled"),
            (["in-progress", "failed"], "failed"),
        ]
    )
    func call(sequence: [String], final: String) {
        var current: String?
        for status in sequence where StatusLifecycle.call.moves(from: current, to: status) {
            current = status
        }
        #expect(current == final)
    }

    @Test("final statuses, stages and unknown statuses")
    func finals() {
        let message = StatusLifecycle.message
        #expect(["delivered", "undelivered", "failed", "canceled", "read", "received"].allSatisfy(message.isFinal))
        #expect(
            !["accepted", "scheduled", "queued", "sending", "sent", "partially_delivered"].contains(
                where: message.isFinal
            )
        )
        #expect(message.stage(of: "queued")! < message.stage(of: "sent")!)
        #expect(message.stage(of: "mystery") == nil)
        #expect(!message.moves(from: nil, to: "mystery"))
        #expect(message.moves(from: "mystery", to: "queued"), "a status stored by a newer gateway gives way")
        #expect(StatusLifecycle.call.isFinal("busy"))
        #expect(!StatusLifecycle.call.isFinal("in-progress"))
    }
}

import GatewayAPI
import GatewayServices
import RPCCore
import Testing

@Suite("Events service: RespondToCall and ReplyToMessage")
struct WebhookReplyRPCTests {
    private let callSID = SampleEvents.sid("CA", 0xabc)
    private let messageSID = SampleEvents.sid("SM", 0xdef)

    /// Waits until the board holds a waiter for `sid`.
    private func waitUntilWaiting(_ board: WebhookReplyBoard, for sid: String) async throws {
        for _ in 0..<500 where !board.waitingSIDs.contains(sid) {
            try await Task.sleep(for: .milliseconds(2))
        }
        try #require(board.waitingSIDs.contains(sid))
    }

    @Test("RespondToCall hands the TwiML to the waiting voice webhook")
    func respondDelivered() async throws {
        let harness = try EventsHarness()
        let replies = harness.replies
        let sid = callSID
        let waiting = Task { await replies.awaitReply(for: sid, within: .seconds(10)) }
        try await waitUntilWaiting(replies, for: sid)
        let twiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Say>Hello</Say></Response>\n"

        let reply = try await harness.call(
            .respondToCall,
            RespondToCallRequest(callSID: sid, twiml: twiml),
            as: WebhookReply.self
        )
        #expect(reply.sid == sid)
        #expect(await waiting.value == twiml)
        await harness.close()
    }

    @Test("ReplyToMessage hands the TwiML to the waiting SMS webhook")
    func replyDelivered() async throws {
        let harness = try EventsHarness()
        let replies = harness.replies
        let sid = messageSID
        let waiting = Task { await replies.awaitReply(for: sid, within: .seconds(10)) }
        try await waitUntilWaiting(replies, for: sid)

        let reply = try await harness.call(
            .replyToMessage,
            ReplyToMessageRequest(messageSID: sid, twiml: "<Response><Message>Thanks</Message></Response>"),
            as: WebhookReply.self
        )
        #expect(reply.sid == sid)
        #expect(await waiting.value == "<Response><Message>Thanks</Message></Response>")
        await harness.close()
    }

    @Test("a reply nobody waits for (never seen, window closed, or answered) is FAILED_PRECONDITION")
    func notWaiting() async throws {
        let harness = try EventsHarness()
        #expect(await harness.replies.awaitReply(for: callSID, within: .milliseconds(10)) == nil)
        for request in [RespondToCallRequest(callSID: callSID, twiml: "<Response/>")] {
            let error = await #expect(throws: RPCError.self) {
                _ = try await harness.call(.respondToCall, request, as: WebhookReply.self)
            }
            #expect(error?.code == .failedPrecondition)
            #expect(error?.message.contains("no longer waiting") == true)
        }
        let error = await #expect(throws: RPCError.self) {
            _ = try await harness.call(
                .replyToMessage,
                ReplyToMessageRequest(messageSID: messageSID, twiml: "<Response/>"),
                as: WebhookReply.self
            )
        }
        #expect(error?.code == .failedPrecondition)
        await harness.close()
    }

    @Test(
        "TwiML that is too large or not a <Response> document, or a malformed SID, is INVALID_ARGUMENT",
        arguments: [
            ("<Response>" + String(repeating: "a", count: 64 * 1024) + "</Response>", ["twiml"]),
            ("", ["twiml"]),
            ("<Say>hi</Say>", ["twiml"]),
            ("<Response><Say>hi</Say>", ["twiml"]),
            ("<Response><Say/>", ["twiml"]),
            ("<?xml version=\"1.0\"?><Responses/>", ["twiml"]),
        ]
    )
    func twimlValidation(twiml: String, fields: [String]) async throws {
        let harness = try EventsHarness()
        let error = await #expect(throws: RPCError.self) {
            _ = try await harness.call(
                .respondToCall,
                RespondToCallRequest(callSID: callSID, twiml: twiml),
                as: WebhookReply.self
            )
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.errorDetails?.fieldViolations.map(\.field) == fields)
        await harness.close()
    }

    @Test("the SIDs must be a call's and a message's")
    func sidValidation() async throws {
        let harness = try EventsHarness()
        let call = await #expect(throws: RPCError.self) {
            _ = try await harness.call(
                .respondToCall,
                RespondToCallRequest(callSID: messageSID, twiml: "<Response/>"),
                as: WebhookReply.self
            )
        }
        let message = await #expect(throws: RPCError.self) {
            _ = try await harness.call(
                .replyToMessage,
                ReplyToMessageRequest(messageSID: callSID, twiml: "<Response/>"),
                as: WebhookReply.self
            )
        }
        #expect(call?.errorDetails?.fieldViolations.map(\.field) == ["call_sid"])
        #expect(message?.errorDetails?.fieldViolations.map(\.field) == ["message_sid"])
        await harness.close()
    }
}

import GatewayServices
import Testing

@Suite("Webhook reply board")
struct WebhookReplyBoardTests {
    private let sid = "CA0123456789abcdef0123456789abcdef"

    /// Waits until `board` has a waiter for `sid`, so that a reply cannot race the registration.
    private func waitUntilWaiting(_ board: WebhookReplyBoard, for sid: String) async throws {
        for _ in 0..<500 where !board.waitingSIDs.contains(sid) {
            try await Task.sleep(for: .milliseconds(2))
        }
        try #require(board.waitingSIDs.contains(sid))
    }

    @Test("a reply within the window reaches the waiting request, and only once")
    func replyDelivered() async throws {
        let board = WebhookReplyBoard()
        async let answer = board.awaitReply(for: sid, within: .seconds(10))
        try await waitUntilWaiting(board, for: sid)
        try board.reply(to: sid, twiml: "<Response><Say>hi</Say></Response>")
        #expect(await answer == "<Response><Say>hi</Say></Response>")
        #expect(throws: WebhookReplyBoard.ReplyError.notWaiting(sid: sid)) {
            try board.reply(to: sid, twiml: "<Response/>")
        }
        #expect(board.waitingSIDs.isEmpty)
    }

    @Test("no reply within the window gives nil, and a late reply is refused")
    func windowCloses() async throws {
        let board = WebhookReplyBoard()
        #expect(await board.awaitReply(for: sid, within: .milliseconds(20)) == nil)
        #expect(throws: WebhookReplyBoard.ReplyError.notWaiting(sid: sid)) {
            try board.reply(to: sid, twiml: "<Response/>")
        }
    }

    @Test("a reply for a SID nobody waits for is refused")
    func unknownSID() {
        #expect(throws: WebhookReplyBoard.ReplyError.notWaiting(sid: "CAnope")) {
            try WebhookReplyBoard().reply(to: "CAnope", twiml: "<Response/>")
        }
    }

    @Test("Twilio's retry of the same webhook takes over: the earlier request gets nil at once")
    func retryTakesOver() async throws {
        let board = WebhookReplyBoard()
        async let first = board.awaitReply(for: sid, within: .seconds(10))
        try await waitUntilWaiting(board, for: sid)
        let second = Task { await board.awaitReply(for: sid, within: .seconds(10)) }
        #expect(await first == nil)
        try await waitUntilWaiting(board, for: sid)
        try board.reply(to: sid, twiml: "<Response/>")
        #expect(await second.value == "<Response/>")
    }

    @Test("cancelling the waiting task gives nil and frees the SID")
    func cancellation() async throws {
        let board = WebhookReplyBoard()
        let waiting = Task { await board.awaitReply(for: sid, within: .seconds(10)) }
        try await waitUntilWaiting(board, for: sid)
        waiting.cancel()
        #expect(await waiting.value == nil)
        #expect(board.waitingSIDs.isEmpty)
    }

    @Test("waiters for different SIDs are answered independently")
    func independentSIDs() async throws {
        let board = WebhookReplyBoard()
        let other = "CAfedcba9876543210fedcba9876543210"
        async let first = board.awaitReply(for: sid, within: .seconds(10))
        async let second = board.awaitReply(for: other, within: .seconds(10))
        try await waitUntilWaiting(board, for: sid)
        try await waitUntilWaiting(board, for: other)
        try board.reply(to: other, twiml: "<Response><Hangup/></Response>")
        try board.reply(to: sid, twiml: "<Response><Reject/></Response>")
        #expect(await first == "<Response><Reject/></Response>")
        #expect(await second == "<Response><Hangup/></Response>")
    }
}

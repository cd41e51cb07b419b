import Foundation
import ServiceSupport
import Synchronization
import Testing
import TwilioREST
import TwilioSandbox

/// Statuses moving on timers, scheduled messages, cancellation and the new create parameters,
/// driven through the gateway's REST client.
@Suite("Sandbox message lifecycle")
struct MessageLifecycleTests {
    private static let service = fixedAccount.messagingServices[0].sid

    /// A wall clock a test moves by hand.
    final class Clock: Sendable {
        let now = Mutex(1_735_732_800.0)

        var read: @Sendable () -> Double {
            { self.now.withLock { $0 } }
        }
    }

    private func withClient(
        timings: SandboxMessageTimings = .fast,
        clock: Clock = Clock(),
        _ body: (TwilioSandbox, TwilioClient) async throws -> Void
    ) async throws {
        let configuration = TwilioSandbox.Configuration(
            accounts: [fixedAccount],
            wallClock: clock.read,
            messageTimings: timings
        )
        try await withSandbox(configuration) { sandbox in
            var twilioConfiguration = TwilioConfiguration()
            twilioConfiguration.apiBaseURL = try #require(sandbox.baseURL)
            let credentials = TwilioCredentials(accountSID: fixedAccount.sid, authToken: fixedAccount.authToken)
            let client = try TwilioClient(
                configuration: twilioConfiguration,
                credentials: StaticCredentialSource(credentials)
            )
            try await body(sandbox, client)
        }
    }

    private func waitFor(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<500 where !condition() {
            try await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test("a message from a number moves queued → sending → sent → delivered, dated as it goes")
    func deliveryPath() async throws {
        try await withClient { sandbox, client in
            let created = try await client.createMessage(
                CreateMessageRequest(to: "+14155550100", from: "+15005550006", body: "Hello")
            )
            #expect(created.status == .queued)
            #expect(try await waitFor { sandbox.message(sid: created.sid)?.status == .delivered })
            let fetched = try await client.fetchMessage(sid: created.sid)
            #expect(fetched.status == .delivered)
            #expect(fetched.dateSent == "Wed, 01 Jan 2025 12:00:00 +0000")
            #expect(sandbox.callbacks.isEmpty)
        }
    }

    @Test("frozen timings keep every message in its first status")
    func frozen() async throws {
        try await withClient(timings: .frozen) { sandbox, client in
            let created = try await client.createMessage(
                CreateMessageRequest(to: "+14155550100", messagingServiceSID: Self.service, body: "Hello")
            )
            try await Task.sleep(for: .milliseconds(100))
            #expect(sandbox.message(sid: created.sid)?.status == .accepted)
        }
    }

    @Test("a scheduled message waits for SendAt, picks its sender, and is then delivered")
    func scheduled() async throws {
        let clock = Clock()
        try await withClient(clock: clock) { sandbox, client in
            let created = try await client.createMessage(
                CreateMessageRequest(
                    to: "+14155550100",
                    messagingServiceSID: Self.service,
                    body: "Later",
                    scheduleType: "fixed",
                    sendAt: "2025-01-01T13:00:00Z"
                )
            )
            #expect(created.status == .scheduled)
            #expect(created.from == nil)
            try await Task.sleep(for: .milliseconds(100))
            #expect(sandbox.message(sid: created.sid)?.status == .scheduled)

            clock.now.withLock { $0 += 3600 }
            #expect(try await waitFor { sandbox.message(sid: created.sid)?.status == .delivered })
            #expect(sandbox.message(sid: created.sid)?.from == "+15005550011")
            #expect(sandbox.message(sid: created.sid)?.numSegments == 1)
        }
    }

    @Test("without a Messaging Service, Twilio drops SendAt and sends at once; so does the sandbox")
    func scheduleWithoutService() async throws {
        try await withClient(timings: .frozen) { _, client in
            let created = try await client.createMessage(
                CreateMessageRequest(
                    to: "+14155550100",
                    from: "+15005550006",
                    body: "Now",
                    scheduleType: "fixed",
                    sendAt: "2025-01-01T13:00:00Z"
                )
            )
            #expect(created.status == .queued)
        }
    }

    @Test(
        "refuses parameters it cannot use with Twilio's codes",
        arguments: [
            (
                CreateMessageRequest(
                    to: "+14155550100",
                    messagingServiceSID: service,
                    body: "x",
                    sendAt: "2025-01-01T13:00:00Z"
                ), 35111
            ),
            (
                CreateMessageRequest(
                    to: "+14155550100",
                    messagingServiceSID: service,
                    body: "x",
                    scheduleType: "daily",
                    sendAt: "2025-01-01T13:00:00Z"
                ), 35111
            ),
            (
                CreateMessageRequest(
                    to: "+14155550100",
                    messagingServiceSID: service,
                    body: "x",
                    scheduleType: "fixed",
                    sendAt: "2025-01-01T12:10:00Z"
                ), 35114
            ),
            (
                CreateMessageRequest(
                    to: "+14155550100",
                    messagingServiceSID: service,
                    body: "x",
                    scheduleType: "fixed",
                    sendAt: "2025-02-15T12:00:00Z"
                ), 35114
            ),
            (
                CreateMessageRequest(
                    to: "+14155550100",
                    messagingServiceSID: service,
                    body: "x",
                    scheduleType: "fixed",
                    sendAt: "1 Jan 2025"
                ), 35114
            ),
            (CreateMessageRequest(to: "+14155550100", from: "+15005550006", body: "x", validityPeriod: 0), 90007),
            (CreateMessageRequest(to: "+14155550100", from: "+15005550006", body: "x", validityPeriod: 36001), 90007),
            (CreateMessageRequest(to: "+14155550100", from: "+15005550006", contentSID: "HX12"), 21655),
            (
                CreateMessageRequest(
                    to: "+14155550100",
                    from: "+15005550006",
                    contentSID: "HX" + String(repeating: "a", count: 32),
                    contentVariables: "[1]"
                ),
                21656
            ),
        ]
    )
    func refusedParameters(request: CreateMessageRequest, code: Int) async throws {
        try await withClient(timings: .frozen) { sandbox, client in
            let error = await #expect(throws: TwilioAPIError.self) {
                _ = try await client.createMessage(request)
            }
            #expect(error?.code == code)
            #expect(error?.httpStatus == 400)
            #expect(sandbox.messages().isEmpty)
        }
    }

    @Test("a Content template message needs no body, and keeps its SID and variables")
    func contentTemplate() async throws {
        try await withClient(timings: .frozen) { sandbox, client in
            let created = try await client.createMessage(
                CreateMessageRequest(
                    to: "+14155550100",
                    from: "+15005550006",
                    validityPeriod: 120,
                    contentSID: "HX" + String(repeating: "a", count: 32),
                    contentVariables: #"{"1":"Ana"}"#
                )
            )
            let stored = try #require(sandbox.message(sid: created.sid))
            #expect(stored.contentSID == "HX" + String(repeating: "a", count: 32))
            #expect(stored.contentVariables == #"{"1":"Ana"}"#)
            #expect(stored.validityPeriod == 120)
        }
    }

    @Test("cancels a scheduled message once; refuses once it is past scheduled (30409)")
    func cancel() async throws {
        try await withClient(timings: .frozen) { sandbox, client in
            let scheduled = try await client.createMessage(
                CreateMessageRequest(
                    to: "+14155550100",
                    messagingServiceSID: Self.service,
                    body: "Later",
                    scheduleType: "fixed",
                    sendAt: "2025-01-01T13:00:00Z"
                )
            )
            let canceled = try await client.cancelMessage(sid: scheduled.sid)
            #expect(canceled.status == .canceled)
            #expect(sandbox.message(sid: scheduled.sid)?.status == .canceled)

            let twice = await #expect(throws: TwilioAPIError.self) {
                _ = try await client.cancelMessage(sid: scheduled.sid)
            }
            #expect(twice?.code == 30409)
            #expect(twice?.httpStatus == 400)
            let unknown = await #expect(throws: TwilioAPIError.self) {
                _ = try await client.cancelMessage(sid: "SM" + String(repeating: "b", count: 32))
            }
            #expect(unknown?.code == 20404)
        }
    }

    @Test("a callback to a host outside outboundHosts is recorded as failed, and the message goes on")
    func unreachableCallback() async throws {
        try await withClient { sandbox, client in
            let created = try await client.createMessage(
                CreateMessageRequest(
                    to: "+14155550100",
                    from: "+15005550006",
                    body: "x",
                    statusCallback: "https://hooks.example.test/status"
                )
            )
            #expect(try await waitFor { sandbox.callbacks.count == 3 })
            #expect(sandbox.message(sid: created.sid)?.status == .delivered)
            for callback in sandbox.callbacks {
                guard case .failed(let reason) = callback.result else {
                    Issue.record("a callback to a host outside outboundHosts was made")
                    continue
                }
                #expect(reason.contains("outboundHosts"))
            }
            #expect(sandbox.callbacks.map { $0.parameter("MessageStatus") } == ["sending", "sent", "delivered"])
        }
    }
}

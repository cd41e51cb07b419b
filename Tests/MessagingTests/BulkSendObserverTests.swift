import GatewayAPI
import GatewayClient
import GatewayServices
import GatewayTestSupport
import RPCCore
import ServiceSupport
import Synchronization
import Testing
import TwilioREST
import TwilioSandbox

/// Collects what a messaging service reports.
private final class MessagingEvents: Sendable {
    private let storage = Mutex<[MessagingEvent]>([])

    var observer: @Sendable (MessagingEvent) -> Void {
        { event in self.storage.withLock { $0.append(event) } }
    }

    var all: [MessagingEvent] {
        storage.withLock { $0 }
    }
}

@Suite("BulkSendSms's reports to the messaging observer")
struct BulkSendObserverTests {
    /// Runs `body` with a client of a Messaging service that reports to `events`, over a sandbox
    /// with `faults`.
    private static func withService(
        faults: SandboxFaults = .none,
        events: MessagingEvents,
        _ body: (GatewayClient) async throws -> Void
    ) async throws {
        let sandbox = try TwilioSandbox(configuration: MessagingHarness.configuration(faults: faults, timings: .frozen))
        try sandbox.start()
        defer { sandbox.stop() }
        var configuration = TwilioConfiguration()
        configuration.apiBaseURL = try #require(sandbox.baseURL)
        let twilio = try TwilioClient(
            configuration: configuration,
            credentials: StaticCredentialSource(
                TwilioCredentials(accountSID: sandbox.account.sid, authToken: sandbox.account.authToken)
            )
        )
        var router = RPCRouter()
        MessagingService(twilio: twilio, observer: events.observer).register(in: &router)
        let client = GatewayClient(
            transport: InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
        )
        try await body(client)
    }

    private static func request(recipients: Int, maxAttempts: Int32 = 3) -> BulkSendSmsRequest {
        BulkSendSmsRequest(
            fromNumbers: [MessagingHarness.sender],
            bodyTemplate: "x",
            recipients: (0..<recipients).map { BulkRecipient(to: "+1415555\(String(4000 + $0))") },
            messagesPerSecond: 0,
            maxAttempts: maxAttempts
        )
    }

    @Test("a batch reports its start, one retry per 429 answer retried, and its end")
    func retries() async throws {
        let events = MessagingEvents()
        try await Self.withService(faults: SandboxFaults(rateLimitFraction: 1), events: events) { client in
            for try await _ in client.bulkSendSms(Self.request(recipients: 2, maxAttempts: 2)) {}
        }
        #expect(
            events.all == [
                .bulkSendStarted, .retryScheduled(endpoint: "messages.create"),
                .retryScheduled(endpoint: "messages.create"), .bulkSendFinished,
            ]
        )
    }

    @Test("a batch the caller abandons still reports its end; a refused request reports nothing")
    func abandonedAndRefused() async throws {
        let events = MessagingEvents()
        try await Self.withService(events: events) { client in
            await #expect(throws: RPCError.self) {
                for try await _ in client.bulkSendSms(BulkSendSmsRequest(bodyTemplate: "x")) {}
            }
            #expect(events.all.isEmpty)

            var paced = Self.request(recipients: 100)
            paced.messagesPerSecond = 5
            for try await _ in client.bulkSendSms(paced) {
                break
            }
            let ended = await eventually { events.all.last == .bulkSendFinished ? true : nil }
            #expect(ended == true)
            #expect(events.all == [.bulkSendStarted, .bulkSendFinished])
        }
    }
}

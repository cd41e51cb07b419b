import Foundation
import GatewayAPI
import GatewayClient
import GatewayServices
import GatewayStore
import RPCCore
import ServiceSupport
import Testing
import TwilioREST
import TwilioSandbox

@Suite("SendSms idempotency keys")
struct IdempotencyTests {
    private static func request(key: String = "", body: String = "Your code is 123456") -> SendSmsRequest {
        SendSmsRequest(to: "+14155550100", sender: .from(MessagingHarness.sender), body: body, idempotencyKey: key)
    }

    private static func creates(_ sandbox: TwilioSandbox) -> Int {
        sandbox.receivedRequests.filter { $0.method == "POST" && $0.path.hasSuffix("/Messages.json") }.count
    }

    @Test("the same key with the same request returns the first result and sends once")
    func sameKeyTwice() async throws {
        try await MessagingHarness.with { harness in
            let first = try await harness.client.sendSms(Self.request(key: "order-1"))
            let second = try await harness.client.sendSms(Self.request(key: "order-1"))
            #expect(second == first)
            #expect(harness.sandbox.messages().count == 1)
            #expect(Self.creates(harness.sandbox) == 1)
        }
    }

    @Test("the key may come as idempotency-key metadata, and matches the same key in the field")
    func keyInMetadata() async throws {
        try await MessagingHarness.with { harness in
            let options = RPCCallOptions(metadata: ["idempotency-key": "order-2"])
            let first = try await harness.client.sendSms(Self.request(), options: options)
            let second = try await harness.client.sendSms(Self.request(key: "order-2"))
            #expect(second.sid == first.sid)
            #expect(harness.sandbox.messages().count == 1)

            let conflicting = await #expect(throws: RPCError.self) {
                try await harness.client.sendSms(Self.request(key: "other"), options: options)
            }
            #expect(conflicting?.code == .invalidArgument)
            #expect(harness.sandbox.messages().count == 1)
        }
    }

    @Test("racing calls with one key send one message and all get its result")
    func racingCalls() async throws {
        try await MessagingHarness.with(
            MessagingHarness.configuration(faults: SandboxFaults(responseDelay: .milliseconds(200)))
        ) { harness in
            let client = harness.client
            let results = try await withThrowingTaskGroup(of: Message.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await client.sendSms(Self.request(key: "race")) }
                }
                var results: [Message] = []
                for try await message in group {
                    results.append(message)
                }
                return results
            }
            #expect(results.count == 8)
            #expect(Set(results.map(\.sid)).count == 1)
            #expect(harness.sandbox.messages().count == 1)
            #expect(Self.creates(harness.sandbox) == 1)
        }
    }

    @Test("the same key with a different request is ALREADY_EXISTS and sends nothing")
    func differentRequest() async throws {
        try await MessagingHarness.with { harness in
            _ = try await harness.client.sendSms(Self.request(key: "order-3"))
            let error = await #expect(throws: RPCError.self) {
                try await harness.client.sendSms(Self.request(key: "order-3", body: "Another text"))
            }
            #expect(error?.code == .alreadyExists)
            #expect(error?.errorDetails?.fieldViolations.map(\.field) == ["idempotency_key"])
            #expect(harness.sandbox.messages().count == 1)

            let response = try await harness.graphQL(
                """
                mutation { twilio_sendSms(input: {to: "+14155550100", from: "\(MessagingHarness.sender)",
                  body: "Third text", idempotencyKey: "order-3"}) { sid } }
                """
            )
            let extensions = (response["errors"] as? [[String: Any]])?.first?["extensions"] as? [String: Any]
            #expect(extensions?["code"] as? String == "ALREADY_EXISTS")
        }
    }

    @Test("a rejected first call is replayed as the same error; a rate-limited one frees the key")
    func failedFirstCalls() async throws {
        try await MessagingHarness.with { harness in
            let optedOut = SendSmsRequest(
                to: "+15005550004",
                sender: .from(MessagingHarness.sender),
                body: "x",
                idempotencyKey: "opted-out"
            )
            let first = await #expect(throws: RPCError.self) { try await harness.client.sendSms(optedOut) }
            let replay = await #expect(throws: RPCError.self) { try await harness.client.sendSms(optedOut) }
            #expect(first?.code == .failedPrecondition)
            #expect(replay == first)
            #expect(Self.creates(harness.sandbox) == 1)

            try harness.sandbox.setFaults(SandboxFaults(rateLimitFraction: 1))
            let limited = await #expect(throws: RPCError.self) {
                try await harness.client.sendSms(Self.request(key: "limited"))
            }
            #expect(limited?.code == .resourceExhausted)
            try harness.sandbox.setFaults(.none)
            let retried = try await harness.client.sendSms(Self.request(key: "limited"))
            #expect(retried.status == "queued")
            #expect(harness.sandbox.messages().count == 1)
        }
    }

    @Test("keys survive reopening the store: a new gateway replays, and still refuses other requests")
    func survivesReopening() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = MessagingHarness.configuration()
        let sandbox = try TwilioSandbox(configuration: configuration)
        try sandbox.start()
        defer { sandbox.stop() }

        let first = try await Self.withGateway(sandbox: sandbox, directory: directory) { client in
            try await client.sendSms(Self.request(key: "durable"))
        }
        let (replayed, conflict) = try await Self.withGateway(sandbox: sandbox, directory: directory) { client in
            let replayed = try await client.sendSms(Self.request(key: "durable"))
            let conflict = await #expect(throws: RPCError.self) {
                try await client.sendSms(Self.request(key: "durable", body: "changed"))
            }
            return (replayed, conflict)
        }
        #expect(replayed == first)
        #expect(conflict?.code == .alreadyExists)
        #expect(sandbox.messages().count == 1)
    }

    @Test("without a store, a key is FAILED_PRECONDITION and nothing is sent")
    func withoutStore() async throws {
        try await MessagingHarness.with { harness in
            let router = try Self.router(sandbox: harness.sandbox, store: nil)
            let client = GatewayClient(
                transport: InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
            )
            let error = await #expect(throws: RPCError.self) {
                try await client.sendSms(Self.request(key: "no-store"))
            }
            #expect(error?.code == .failedPrecondition)
            #expect(harness.sandbox.messages().isEmpty)
        }
    }

    /// Runs `body` with a gateway (service and store) of its own over `sandbox`, then closes the store.
    private static func withGateway<T>(
        sandbox: TwilioSandbox,
        directory: String,
        _ body: (GatewayClient) async throws -> T
    ) async throws -> T {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try GatewayStore(directory: directory)
        defer { store.close() }
        let router = try router(sandbox: sandbox, store: store)
        return try await body(
            GatewayClient(transport: InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled)))
        )
    }

    private static func router(sandbox: TwilioSandbox, store: GatewayStore?) throws -> RPCRouter {
        var configuration = TwilioConfiguration()
        configuration.apiBaseURL = sandbox.baseURL ?? ""
        let account = sandbox.account
        let twilio = try TwilioClient(
            configuration: configuration,
            credentials: StaticCredentialSource(
                TwilioCredentials(accountSID: account.sid, authToken: account.authToken)
            )
        )
        var router = RPCRouter()
        MessagingService(twilio: twilio, store: store).register(in: &router)
        return router
    }
}

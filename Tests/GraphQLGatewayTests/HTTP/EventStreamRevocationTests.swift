import GatewayAPI
import GraphQL
import GraphQLGateway
import HTTPServer
import ProtoBridge
import RPCCore
import ServiceSupport
import Synchronization
import Testing

/// Lets in `Bearer good` (key `k1`, every method) until ``revoke()``, then nobody.
private final class RevocableKey: RPCAccessControl {
    private let revoked = Mutex(false)

    func revoke() {
        revoked.withLock { $0 = true }
    }

    func caller(from metadata: RPCMetadata) throws(RPCAccessRefusal) -> RPCCaller {
        guard metadata["authorization"] == "Bearer good", !revoked.withLock({ $0 }) else {
            throw .unknownKey("k1")
        }
        return RPCCaller(keyID: "k1", scopes: .all)
    }

    func isOpen(_ method: RPCMethod) -> Bool {
        false
    }
}

/// A subscription whose key is revoked while it runs, through a real dispatcher and HTTPServer.
@Suite("GraphQL subscriptions of a revoked key")
struct EventStreamRevocationTests {
    static let subscribe = #"{"query":"subscription { twilio_events { offset } }"}"#

    @Test(
        "the stream ends with an UNAUTHENTICATED error event, and the event after the revoke is not delivered",
        arguments: [false, true]
    )
    func revokedMidStream(idle: Bool) async throws {
        let access = RevocableKey()
        var router = RPCRouter()
        router.register(
            .subscribeEvents,
            .serverStreaming { _, _, writer in
                try await writer.write(try SubscriptionFieldTests.event(1, "sms.inbound").serializedBytes())
                access.revoke()
                if idle {
                    try await Task.sleep(for: .seconds(3600))
                }
                try await writer.write(try SubscriptionFieldTests.event(2, "sms.inbound").serializedBytes())
            }
        )
        let recheck = RPCAccessRecheck(beforeWrite: .zero, idle: idle ? .milliseconds(50) : .seconds(3600))
        let records = InMemoryLogHandler()
        let logger = Logger(label: "test.rpc", handler: records, minimumLevel: .info)
        let dispatcher = RPCDispatcher(router: router, logger: logger, access: access, recheck: recheck)
        let gateway = try GatewaySchema(
            transport: InProcessTransport(dispatcher: dispatcher),
            configuration: GatewayConfiguration(version: "test")
        )
        let endpoint = gateway.makeEndpoint()
        let check = GraphQLAccessCheck(access: access, operations: gateway.operations, endpoint: endpoint)
        var http = HTTPRouter()
        GraphQLHTTPHandler(endpoint: endpoint, access: check).register(in: &http)

        let response = try await withServer(handler: http.handler) { port in
            try await Curl.request(
                [
                    "-N", "-X", "POST", "-H", "Content-Type: application/json", "-H", "Accept: text/event-stream",
                    "-H", "Authorization: Bearer good", "--data-binary", Self.subscribe,
                ],
                path: "/graphql",
                port: port
            )
        }

        #expect(response.status == 200)
        let events = response.body.split(separator: "\n\n").map(String.init)
        #expect(events.count == 3, "\(response.body)")
        #expect(events.first == #"event: next"# + "\n" + #"data: {"data":{"twilio_events":{"offset":"1"}}}"#)
        #expect(events.dropFirst().first?.contains(#""message":"unknown or revoked API key""#) == true)
        #expect(events.dropFirst().first?.contains(#""code":"UNAUTHENTICATED""#) == true)
        #expect(events.last == "event: complete\ndata:")
        #expect(!response.body.contains(#""offset":"2""#))

        let refusal = try #require(records.records.first { $0.message == "auth.refused" })
        #expect(refusal.metadata["auth.recheck"] == "true")
        #expect(refusal.metadata["http.peer"] == "127.0.0.1", "the re-check names the HTTP client: \(refusal)")
        #expect(refusal.metadata["rpc.peer"] == "in-process")
        let finished = records.records.filter { $0.message == "rpc.call.finished" }
        #expect(finished.map { $0.metadata["http.peer"] } == ["127.0.0.1"])
    }
}

import GatewayAPI
import GraphQL
import GraphQLGateway
import HTTPServer
import RPCCore
import ServiceSupport
import Testing

/// Lets in `Bearer verify-only` (key `k1`, Verify.StartVerification) and `Bearer everything`
/// (key `k2`, every method); nobody else. Like the real check, it reads the value with
/// ``RPCCore/BearerCredential``, so spaces around it do not count and another scheme, `Bearer`
/// alone or `Bearer Bearer …` get their own refusals.
private struct TwoKeys: RPCAccessControl {
    func caller(from metadata: RPCMetadata) throws(RPCAccessRefusal) -> RPCCaller {
        let values = metadata.filter { $0.key == "authorization" }.map(\.value)
        guard values.count < 2 else {
            throw .duplicateKey
        }
        guard let value = values.first else {
            throw .missingKey
        }
        switch try BearerCredential.key(in: value) {
        case "verify-only": return RPCCaller(keyID: "k1", scopes: RPCScopeSet([.method(.startVerification)]))
        case "everything": return RPCCaller(keyID: "k2", scopes: .all)
        default: throw .unknownKey(nil)
        }
    }

    func isOpen(_ method: RPCMethod) -> Bool {
        false
    }
}

/// The GraphQL handler's own check of keys and scopes, before anything runs.
@Suite("GraphQL API keys")
struct GraphQLAccessTests {
    static let start = #"{"query":"mutation { twilio_startVerification(input: {to: \"+15551234567\"}) { sid } }"}"#
    static let send =
        #"{"query":"mutation { twilio_sendSms(input: {to: \"+15551234567\", from: \"+15557654321\"}) { sid } }"}"#

    private static func withGateway(
        logger: Logger = .disabled,
        _ body: (GatewayHarness, Int) async throws -> Void
    ) async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(.startVerification, with: Verification(sid: SIDs.verification))
        try harness.services.answer(.sendSms, with: Message(sid: SIDs.message, status: "queued"))
        let check = GraphQLAccessCheck(
            access: TwoKeys(),
            operations: harness.gateway.operations,
            endpoint: harness.endpoint
        )
        var router = HTTPRouter()
        GraphQLHTTPHandler(endpoint: harness.endpoint, logger: logger, access: check).register(in: &router)
        try await withServer(handler: router.handler) { try await body(harness, $0) }
    }

    private static func post(_ body: String, key: String?, port: Int, accept: String? = nil) async throws
        -> Curl.Response
    {
        var arguments = ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", body]
        if let key {
            arguments += ["-H", "Authorization: Bearer \(key)"]
        }
        if let accept {
            arguments += ["-H", "Accept: \(accept)"]
        }
        return try await Curl.request(arguments, path: "/graphql", port: port)
    }

    @Test(
        "no key or a wrong key gets 401 with WWW-Authenticate and a GraphQL error, and nothing runs",
        arguments: [
            (nil, "missing API key: send the header Authorization: Bearer <key>"),
            ("wrong", "unknown or revoked API key"),
        ] as [(String?, String)]
    )
    func unauthenticated(key: String?, message: String) async throws {
        try await Self.withGateway { harness, port in
            let response = try await Self.post(Self.start, key: key, port: port)
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate") == "Bearer")
            #expect(response.body == #"{"errors":[{"message":"\#(message)","extensions":{"code":"UNAUTHENTICATED"}}]}"#)
            #expect(harness.services.calls.isEmpty)
        }
    }

    @Test(
        "an Authorization header in another scheme than Bearer gets 401 saying to use Bearer",
        arguments: ["Basic QUM6dG9rZW4=", "everything"]
    )
    func wrongScheme(value: String) async throws {
        try await Self.withGateway { harness, port in
            let response = try await Curl.request(
                [
                    "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", Self.start,
                    "-H", "Authorization: \(value)",
                ],
                path: "/graphql",
                port: port
            )
            #expect(response.status == 401)
            #expect(response.body.contains("use the Bearer scheme: Authorization: Bearer <key>"), "\(response.body)")
            #expect(harness.services.calls.isEmpty)
        }
    }

    @Test(
        "spaces and tabs around the Authorization value are not part of it",
        arguments: ["Bearer everything ", "Bearer everything\t", "Bearer  everything \t "]
    )
    func surroundingWhitespace(value: String) async throws {
        try await Self.withGateway { harness, port in
            let response = try await Curl.request(
                [
                    "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", Self.send,
                    "-H", "Authorization: \(value)",
                ],
                path: "/graphql",
                port: port
            )
            #expect(response.status == 200, "\(response.body)")
            #expect(harness.services.calls.count == 1)
        }
    }

    @Test(
        "Bearer with nothing after it, or with the scheme twice, gets 401 saying what to fix",
        arguments: [
            ("Bearer", "missing API key after Bearer: send the header Authorization: Bearer <key>"),
            ("Bearer  \t", "missing API key after Bearer: send the header Authorization: Bearer <key>"),
            (
                "Bearer Bearer everything",
                "Bearer appears twice: send the header Authorization: Bearer <key> with the key alone (tgw_…), "
                    + "and remove 'Bearer ' from where the key is kept"
            ),
        ]
    )
    func emptyOrDoubled(value: String, message: String) async throws {
        try await Self.withGateway { harness, port in
            let response = try await Curl.request(
                [
                    "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", Self.start,
                    "-H", "Authorization: \(value)",
                ],
                path: "/graphql",
                port: port
            )
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate") == "Bearer")
            #expect(
                response.body == #"{"errors":[{"message":"\#(message)","extensions":{"code":"UNAUTHENTICATED"}}]}"#
            )
            #expect(harness.services.calls.isEmpty)
        }
    }

    @Test("two Authorization headers get 401 asking for one, even when both hold a valid key")
    func twoHeaders() async throws {
        try await Self.withGateway { harness, port in
            let response = try await Curl.request(
                [
                    "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", Self.start,
                    "-H", "Authorization: Bearer everything", "-H", "Authorization: Bearer everything",
                ],
                path: "/graphql",
                port: port
            )
            #expect(response.status == 401)
            #expect(response.body.contains("several Authorization headers: send one Authorization: Bearer <key>"))
            #expect(harness.services.calls.isEmpty)
        }
    }

    @Test("a GET query without a key gets 401 too")
    func unauthenticatedGet() async throws {
        try await Self.withGateway { harness, port in
            let response = try await Curl.request([], path: "/graphql?query=%7B__typename%7D", port: port)
            #expect(response.status == 401)
        }
    }

    @Test("a key out of scope gets 403 naming the field and the operation, and nothing runs")
    func outOfScope() async throws {
        try await Self.withGateway { harness, port in
            let response = try await Self.post(Self.send, key: "verify-only", port: port)
            #expect(response.status == 403)
            #expect(
                response.body
                    == #"{"errors":[{"message":"the field twilio_sendSms calls twilio.gateway.v1.Messaging/SendSms, "#
                    + #"which key k1 may not call","extensions":{"code":"PERMISSION_DENIED"}}]}"#
            )
            #expect(harness.services.calls.isEmpty)
        }
    }

    @Test("a field out of scope is found behind fragments, next to one in scope, and refuses the whole request")
    func fragments() async throws {
        let query =
            #"mutation { twilio_startVerification(input: {to: \"+15551234567\"}) { sid } ...F } "#
            + #"fragment F on Mutation { ... @skip(if: true) { twilio_sendSms(input: {to: \"+1555\"}) { sid } } }"#
        try await Self.withGateway { harness, port in
            let response = try await Self.post(#"{"query":"\#(query)"}"#, key: "verify-only", port: port)
            #expect(response.status == 403)
            #expect(harness.services.calls.isEmpty)
        }
    }

    @Test("only the operation the request names is checked", arguments: [("Start", 200), ("Send", 403)])
    func namedOperation(name: String, status: Int) async throws {
        let query =
            #"mutation Start { twilio_startVerification(input: {to: \"+15551234567\"}) { sid } } "#
            + #"mutation Send { twilio_sendSms(input: {to: \"+15551234567\"}) { sid } }"#
        try await Self.withGateway { _, port in
            let body = #"{"query":"\#(query)","operationName":"\#(name)"}"#
            let response = try await Self.post(body, key: "verify-only", port: port)
            #expect(response.status == status, "\(response.body)")
        }
    }

    @Test("a key in scope runs, and its header reaches the RPC")
    func inScope() async throws {
        try await Self.withGateway { harness, port in
            let response = try await Self.post(Self.start, key: "verify-only", port: port)
            #expect(response.status == 200)
            #expect(response.body == #"{"data":{"twilio_startVerification":{"sid":"\#(SIDs.verification)"}}}"#)
            #expect(harness.services.calls.first?.metadata["authorization"] == "Bearer verify-only")
        }
    }

    @Test("a wildcard key may run anything")
    func wildcard() async throws {
        try await Self.withGateway { _, port in
            let response = try await Self.post(Self.send, key: "everything", port: port)
            #expect(response.status == 200)
        }
    }

    @Test("introspection needs a valid key but no scope")
    func introspection() async throws {
        try await Self.withGateway { _, port in
            let query = #"{"query":"{ __typename __schema { queryType { name } } }"}"#
            let scoped = try await Self.post(query, key: "verify-only", port: port)
            #expect(scoped.status == 200)
            let anonymous = try await Self.post(query, key: nil, port: port)
            #expect(anonymous.status == 401)
        }
    }

    @Test("an event-stream request is checked the same way before its stream starts")
    func eventStream() async throws {
        try await Self.withGateway { harness, port in
            let denied = try await Self.post(Self.send, key: "verify-only", port: port, accept: "text/event-stream")
            #expect(denied.status == 403)
            let missing = try await Self.post(Self.send, key: nil, port: port, accept: "text/event-stream")
            #expect(missing.status == 401)
            #expect(harness.services.calls.isEmpty)
        }
    }

    @Test("each refusal logs one auth.refused line with the client's address as http.peer, never the key")
    func refusalsNameThePeer() async throws {
        let records = InMemoryLogHandler()
        let logger = Logger(label: "test.graphql", handler: records, minimumLevel: .info)
        try await Self.withGateway(logger: logger) { _, port in
            let unknown = try await Self.post(Self.start, key: "wrong", port: port)
            #expect(unknown.status == 401)
            let denied = try await Self.post(Self.send, key: "verify-only", port: port)
            #expect(denied.status == 403)
        }
        let refusals = records.records.filter { $0.message == "auth.refused" }
        #expect(refusals.count == 2)
        #expect(refusals.map { $0.metadata["http.peer"] } == ["127.0.0.1", "127.0.0.1"])
        #expect(refusals.last?.metadata["auth.key_id"] == "k1")
        #expect(!records.lines.joined().contains("verify-only"))
    }
}

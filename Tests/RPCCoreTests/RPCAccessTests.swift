import RPCCore
import ServiceSupport
import Synchronization
import Testing

private let start = RPCMethod(service: "test.v1.Verify", name: "Start")
private let check = RPCMethod(service: "test.v1.Verify", name: "Check")
private let send = RPCMethod(service: "test.v1.Messaging", name: "Send")
private let health = RPCMethod(service: "test.v1.Health", name: "Check")
private let known = [start, check, send, health]

/// Lets in the caller whose `authorization` is `Bearer good` with `scopes`, and nobody else.
private struct FixedAccess: RPCAccessControl {
    var scopes: RPCScopeSet

    func caller(from metadata: RPCMetadata) throws(RPCAccessRefusal) -> RPCCaller {
        guard let header = metadata["authorization"] else {
            throw .missingKey
        }
        guard header == "Bearer good" else {
            throw .unknownKey("k1")
        }
        return RPCCaller(keyID: "k1", scopes: scopes)
    }

    func isOpen(_ method: RPCMethod) -> Bool {
        method == health
    }
}

private func makeTransport(_ access: FixedAccess, logs: InMemoryLogHandler) -> InProcessTransport {
    var router = RPCRouter()
    for method in known {
        router.register(method, .unary { _, context in Array((context.caller?.keyID ?? "none").utf8) })
    }
    let logger = Logger(label: "test", handler: logs, minimumLevel: .trace)
    return InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: logger, access: access))
}

@Suite("RPC access control")
struct RPCAccessTests {
    @Test(
        "scopes typed by an operator are stored in their long form",
        arguments: [
            ("*", "*"),
            ("Verify.*", "test.v1.Verify/*"),
            ("Verify/*", "test.v1.Verify/*"),
            ("Verify.Start", "test.v1.Verify/Start"),
            ("test.v1.Verify/Start", "test.v1.Verify/Start"),
            ("/test.v1.Verify/Start", "test.v1.Verify/Start"),
            ("test.v1.Messaging.Send", "test.v1.Messaging/Send"),
        ]
    )
    func parsing(text: String, stored: String) throws {
        #expect(try RPCScope(parsing: text, among: known).rawValue == stored)
        #expect(RPCScope(rawValue: stored)?.rawValue == stored)
    }

    @Test("unknown scopes are refused with the list of valid ones", arguments: ["Verify", "Verify.Nope", "Fax.*", ""])
    func unknownScopes(text: String) {
        #expect {
            try RPCScope(parsing: text, among: known)
        } throws: { error in
            let description = String(describing: error)
            return description.contains("unknown scope '\(text)'") && description.contains("Verify.Start")
                && description.contains("Messaging.*")
        }
    }

    @Test("a scope set grants exactly what its scopes name")
    func grants() {
        let verify = RPCScopeSet([.service("test.v1.Verify")])
        #expect(verify.permits(start) && verify.permits(check) && !verify.permits(send))
        let one = RPCScopeSet([.method(start)])
        #expect(one.permits(start) && !one.permits(check))
        #expect(RPCScopeSet.all.permits(send))
        #expect(!RPCScopeSet([]).permits(send))
    }

    @Test(
        "the dispatcher refuses callers before the handler runs",
        arguments: [
            (
                RPCMetadata(), RPCStatusCode.unauthenticated,
                "missing API key: send metadata authorization: Bearer <key>"
            ),
            (["authorization": "Bearer bad"], .unauthenticated, "unknown or revoked API key"),
            (["authorization": "Bearer good"], .permissionDenied, "key k1 may not call test.v1.Messaging/Send"),
        ] as [(RPCMetadata, RPCStatusCode, String)]
    )
    func refusals(metadata: RPCMetadata, code: RPCStatusCode, message: String) async throws {
        let logs = InMemoryLogHandler()
        let transport = makeTransport(FixedAccess(scopes: RPCScopeSet([.service("test.v1.Verify")])), logs: logs)
        let error = await #expect(throws: RPCError.self) {
            try await transport.unary(send, request: [], options: RPCCallOptions(metadata: metadata))
        }
        #expect(error?.code == code)
        #expect(error?.message == message)
        let refused = try #require(logs.records.first { $0.message == "auth.refused" })
        #expect(refused.metadata["rpc.method"] == send.path)
        #expect(refused.metadata["auth.reason"] == message)
        #expect(
            refused.metadata["auth.key_id"] == (code == .permissionDenied || message.hasPrefix("unknown") ? "k1" : nil)
        )
        #expect(
            !logs.records.contains {
                $0.metadata.values.contains { $0.contains("Bearer bad") || $0.contains("Bearer good") }
            }
        )
    }

    @Test("a refused call reaches the observer with its method and code")
    func observed() async throws {
        let events = Mutex<[RPCCallEvent]>([])
        var router = RPCRouter()
        router.register(send, .unary { _, _ in [] })
        let dispatcher = RPCDispatcher(
            router: router,
            logger: .disabled,
            access: FixedAccess(scopes: RPCScopeSet([])),
            observer: { event in events.withLock { $0.append(event) } }
        )
        _ = try? await InProcessTransport(dispatcher: dispatcher).unary(send, request: [], options: RPCCallOptions())
        #expect(events.withLock { $0.map(\.method) } == [send])
        #expect(events.withLock { $0.map(\.code) } == [.unauthenticated])
    }

    @Test("a caller within scope reaches the handler, which sees the key ID")
    func allowed() async throws {
        let transport = makeTransport(FixedAccess(scopes: RPCScopeSet([.method(start)])), logs: InMemoryLogHandler())
        let response = try await transport.unary(
            start,
            request: [],
            options: RPCCallOptions(metadata: ["authorization": "Bearer good"])
        )
        #expect(String(decoding: response, as: UTF8.self) == "k1")
    }

    @Test("an open method needs no key")
    func openMethod() async throws {
        let transport = makeTransport(FixedAccess(scopes: RPCScopeSet([])), logs: InMemoryLogHandler())
        let response = try await transport.unary(health, request: [], options: RPCCallOptions())
        #expect(String(decoding: response, as: UTF8.self) == "none")
    }

    @Test("an unknown path is refused to a caller without a key instead of revealing that it does not exist")
    func unknownPath() async {
        let transport = makeTransport(FixedAccess(scopes: .all), logs: InMemoryLogHandler())
        let missing = RPCMethod(service: "test.v1.Nope", name: "Gone")
        let anonymous = await #expect(throws: RPCError.self) {
            try await transport.unary(missing, request: [], options: RPCCallOptions())
        }
        #expect(anonymous?.code == .unauthenticated)
        let known = await #expect(throws: RPCError.self) {
            try await transport.unary(
                missing,
                request: [],
                options: RPCCallOptions(metadata: ["authorization": "Bearer good"])
            )
        }
        #expect(known?.code == .unimplemented)
    }
}

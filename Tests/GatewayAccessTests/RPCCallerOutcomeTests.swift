import Foundation
import GatewayAPI
import GatewayAccess
import GatewayClient
import GatewayStore
import RPCCore
import ServiceSupport
import Testing

@Suite("API keys over TCP RPC")
struct RPCCallerOutcomeTests {
    /// The code a `StartVerification` call ends with, `ok` on success.
    private func startVerification(_ client: GatewayClient) async -> RPCStatusCode {
        do {
            _ = try await client.startVerification(StartVerificationRequest())
            return .ok
        } catch let error as RPCError {
            return error.code
        } catch {
            return .unknown
        }
    }

    @Test("no key, a malformed key and an unknown key get UNAUTHENTICATED, naming no secret")
    func unauthenticated() async throws {
        let harness = try AccessHarness(enforcement: .always)
        let issued = try harness.registry.create(name: "web", scopes: ["*"])
        let sibling = APIKeyToken.generate().revealed
        let wrongSecret = String(issued.token.revealed.prefix(21)) + String(sibling.dropFirst(21))
        let presented = [
            nil, "not-a-key", "tgw_0011_short", APIKeyToken.generate().revealed, wrongSecret,
        ]
        for key in presented {
            let client = key.map { harness.client().withAPIKey($0) } ?? harness.client()
            #expect(await startVerification(client) == .unauthenticated, "key \(key ?? "none")")
        }
        let refusals = harness.logs.records.filter { $0.message == "auth.refused" }
        #expect(refusals.count == presented.count)
        let finished = harness.logs.records.filter {
            $0.message == "rpc.call.finished" && $0.metadata["rpc.code"] == RPCStatusCode.unauthenticated.description
        }
        #expect(finished.count == presented.count)
        #expect(refusals.last?.metadata["auth.key_id"] == issued.record.id)
        #expect(!harness.logs.lines.joined().contains(issued.token.revealed.dropFirst(21)))
        await harness.stop()
    }

    @Test("the messages say what to send")
    func messages() async throws {
        let harness = try AccessHarness(enforcement: .always)
        let missing = await #expect(throws: RPCError.self) {
            try await harness.client().startVerification(StartVerificationRequest())
        }
        #expect(missing?.message == "missing API key: send metadata authorization: Bearer <key>")
        let unknown = await #expect(throws: RPCError.self) {
            try await harness.client().withAPIKey(APIKeyToken.generate().revealed)
                .startVerification(StartVerificationRequest())
        }
        #expect(unknown?.message == "unknown or revoked API key")
        await harness.stop()
    }

    @Test(
        "an authorization entry in another scheme than Bearer is told to use Bearer",
        arguments: ["Basic QUM6dG9rZW4=", "Token abc", "gwk_no_scheme"]
    )
    func wrongScheme(value: String) async throws {
        let harness = try AccessHarness(enforcement: .always)
        _ = try harness.registry.create(name: "web", scopes: [])
        let refused = await #expect(throws: RPCError.self) {
            try await harness.client().startVerification(
                StartVerificationRequest(),
                options: RPCCallOptions(metadata: ["authorization": value])
            )
        }
        #expect(refused?.code == .unauthenticated)
        #expect(refused?.message == "use the Bearer scheme: send metadata authorization: Bearer <key>")
        await harness.stop()
    }

    @Test("two authorization entries are refused, even when both hold the same valid key")
    func duplicateKeys() async throws {
        let harness = try AccessHarness(enforcement: .always)
        let issued = try harness.registry.create(name: "web", scopes: [])
        let client = harness.client().withAPIKey(issued.token.revealed).withAPIKey(issued.token.revealed)
        let refused = await #expect(throws: RPCError.self) {
            try await client.startVerification(StartVerificationRequest())
        }
        #expect(refused?.code == .unauthenticated)
        #expect(refused?.message == "several API keys: send one metadata entry authorization: Bearer <key>")
        await harness.stop()
    }

    @Test("a stream whose key is revoked ends with UNAUTHENTICATED before its next event", .timeLimit(.minutes(1)))
    func revokedMidStream() async throws {
        let harness = try AccessHarness(
            enforcement: .always,
            recheck: RPCAccessRecheck(beforeWrite: .zero, idle: .seconds(3600))
        )
        let issued = try harness.registry.create(name: "follower", scopes: [])
        var events = harness.client().withAPIKey(issued.token.revealed)
            .subscribeEvents(SubscribeEventsRequest()).makeAsyncIterator()
        harness.tick.yield()
        #expect(try await events.next() != nil)
        try harness.registry.revoke(id: issued.record.id)
        harness.tick.yield()
        let ended = await #expect(throws: RPCError.self) {
            _ = try await events.next()
        }
        #expect(ended?.code == .unauthenticated)
        let recheck = harness.logs.records.first { $0.message == "auth.refused" }
        #expect(recheck?.metadata["auth.recheck"] == "true")
        #expect(recheck?.metadata["auth.key_id"] == issued.record.id)
        await harness.stop()
    }

    @Test(
        "an idle stream whose key is revoked ends with UNAUTHENTICATED at the periodic check",
        .timeLimit(.minutes(1))
    )
    func revokedIdleStream() async throws {
        let harness = try AccessHarness(
            enforcement: .always,
            recheck: RPCAccessRecheck(beforeWrite: .zero, idle: .milliseconds(50))
        )
        let issued = try harness.registry.create(name: "follower", scopes: [])
        var events = harness.client().withAPIKey(issued.token.revealed)
            .subscribeEvents(SubscribeEventsRequest()).makeAsyncIterator()
        harness.tick.yield()
        #expect(try await events.next() != nil)
        try harness.registry.revoke(id: issued.record.id)
        let ended = await #expect(throws: RPCError.self) {
            _ = try await events.next()
        }
        #expect(ended?.code == .unauthenticated)
        #expect(ended?.message == "unknown or revoked API key")
        await harness.stop()
    }

    @Test("a revoked key is refused from the next call on")
    func revoked() async throws {
        let harness = try AccessHarness(enforcement: .always)
        let issued = try harness.registry.create(name: "web", scopes: [])
        let client = harness.client().withAPIKey(issued.token.revealed)
        #expect(await startVerification(client) == .ok)
        try harness.registry.revoke(id: issued.record.id)
        #expect(await startVerification(client) == .unauthenticated)
        await harness.stop()
    }

    @Test("a key limited to Verify may start verifications but not send messages")
    func outOfScope() async throws {
        let harness = try AccessHarness(enforcement: .always)
        let issued = try harness.registry.create(
            name: "login",
            scopes: ["Verify.StartVerification", "Verify.CheckVerification"]
        )
        let client = harness.client().withAPIKey(issued.token.revealed)
        #expect(await startVerification(client) == .ok)
        _ = try await client.checkVerification(CheckVerificationRequest())
        let denied = await #expect(throws: RPCError.self) {
            try await client.sendSms(SendSmsRequest())
        }
        #expect(denied?.code == .permissionDenied)
        #expect(denied?.message == "key \(issued.record.id) may not call twilio.gateway.v1.Messaging/SendSms")
        await harness.stop()
    }

    @Test("wildcard scopes grant a whole service or everything", arguments: [["Verify.*"], ["*"], []])
    func wildcard(scopes: [String]) async throws {
        let harness = try AccessHarness(enforcement: .always)
        let issued = try harness.registry.create(name: "ops", scopes: scopes)
        let client = harness.client().withAPIKey(issued.token.revealed)
        #expect(await startVerification(client) == .ok)
        _ = try await client.checkVerification(CheckVerificationRequest())
        let sent = (try? await client.sendSms(SendSmsRequest())) != nil
        #expect(sent == (scopes != ["Verify.*"]))
        let used = try #require(try harness.store.apiKeys.record(id: issued.record.id))
        #expect(used.lastUsedAt != nil)
        await harness.stop()
    }

    @Test("the health check needs no key")
    func healthIsOpen() async throws {
        let harness = try AccessHarness(enforcement: .always)
        _ = try await harness.client().checkHealth()
        await harness.stop()
    }

    @Test("a sandbox without keys lets everyone in, and needs keys once one exists")
    func openUntilAKeyExists() async throws {
        let harness = try AccessHarness(enforcement: .onceAKeyExists)
        #expect(await startVerification(harness.client()) == .ok)
        let issued = try harness.registry.create(name: "first", scopes: [])
        #expect(await startVerification(harness.client()) == .unauthenticated)
        #expect(await startVerification(harness.client().withAPIKey(issued.token.revealed)) == .ok)
        try harness.registry.revoke(id: issued.record.id)
        #expect(await startVerification(harness.client()) == .unauthenticated)
        await harness.stop()
    }

    @Test("the data directory holds the key's hash, never its secret")
    func onlyHashesStored() async throws {
        let harness = try AccessHarness(enforcement: .always)
        let issued = try harness.registry.create(name: "web", scopes: [])
        #expect(await startVerification(harness.client().withAPIKey(issued.token.revealed)) == .ok)
        let secret = Array(issued.token.revealed.utf8.dropFirst(21))
        let files = try FileManager.default.contentsOfDirectory(atPath: harness.directory)
        #expect(files.contains("gateway.sqlite3"))
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: harness.directory + "/" + file)))
            #expect(!bytes.contains(secret), "\(file) holds the secret")
            #expect(!bytes.contains(Array(issued.token.revealed.utf8)), "\(file) holds the key")
        }
        await harness.stop()
    }
}

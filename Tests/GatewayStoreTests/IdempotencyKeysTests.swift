import Foundation
import GatewayStore
import Synchronization
import Testing

@Suite("Idempotency keys")
struct IdempotencyKeysTests {
    private static let scope = "twilio.gateway.v1.Messaging/SendSms"

    @Test("the first claim owns the key; later claims see what it asked and how it ended")
    func claimThenExisting() throws {
        let directory = try TemporaryDirectory()
        let store = try GatewayStore(directory: directory.path)
        let keys = store.idempotencyKeys

        #expect(try keys.claim("k1", scope: Self.scope, fingerprint: "request-a") == .claimed)
        guard case .existing(let pending) = try keys.claim("k1", scope: Self.scope, fingerprint: "request-b") else {
            Issue.record("a second claim of a claimed key must see the first")
            return
        }
        #expect(pending.fingerprint == "request-a")
        #expect(pending.outcome == nil)

        let outcome = IdempotencyOutcome(code: 0, payload: [1, 2, 3])
        try keys.complete("k1", scope: Self.scope, outcome: outcome)
        #expect(
            try keys.claim("k1", scope: Self.scope, fingerprint: "request-a")
                == .existing(
                    IdempotencyRecord(fingerprint: "request-a", createdAt: pending.createdAt, outcome: outcome)
                )
        )
        #expect(try keys.record("k1", scope: Self.scope)?.outcome == outcome)
    }

    @Test("a released key is free again, and scopes do not share keys")
    func releaseAndScopes() throws {
        let directory = try TemporaryDirectory()
        let keys = try GatewayStore(directory: directory.path).idempotencyKeys

        #expect(try keys.claim("k", scope: Self.scope, fingerprint: "a") == .claimed)
        #expect(try keys.claim("k", scope: "another/Method", fingerprint: "a") == .claimed)
        try keys.release("k", scope: Self.scope)
        #expect(try keys.record("k", scope: Self.scope) == nil)
        #expect(try keys.claim("k", scope: Self.scope, fingerprint: "b") == .claimed)
        #expect(try keys.record("k", scope: "another/Method")?.fingerprint == "a")
    }

    @Test("keys expire after their lifetime and can then be claimed again")
    func expiry() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock()
        let keys = try GatewayStore(directory: directory.path, clock: clock.read).idempotencyKeys

        #expect(try keys.claim("k", scope: Self.scope, fingerprint: "a") == .claimed)
        try keys.complete("k", scope: Self.scope, outcome: IdempotencyOutcome(code: 0))
        clock.advance(seconds: 24 * 60 * 60 - 1)
        #expect(try keys.record("k", scope: Self.scope) != nil)
        clock.advance(seconds: 2)
        #expect(try keys.record("k", scope: Self.scope) == nil)
        #expect(try keys.claim("k", scope: Self.scope, fingerprint: "b") == .claimed)
    }

    @Test("keys survive closing and reopening the store, which runs in WAL mode")
    func persistence() throws {
        let directory = try TemporaryDirectory()
        let outcome = IdempotencyOutcome(code: 6, message: "first", payload: Array("details".utf8))
        do {
            let store = try GatewayStore(directory: directory.path)
            #expect(try store.idempotencyKeys.claim("k", scope: Self.scope, fingerprint: "a") == .claimed)
            try store.idempotencyKeys.complete("k", scope: Self.scope, outcome: outcome)
            #expect(FileManager.default.fileExists(atPath: store.path + "-wal"))
            store.close()
            #expect(throws: GatewayStoreError.self) {
                try store.idempotencyKeys.record("k", scope: Self.scope)
            }
        }

        let reopened = try GatewayStore(directory: directory.path)
        let record = try #require(try reopened.idempotencyKeys.record("k", scope: Self.scope))
        #expect(record.fingerprint == "a")
        #expect(record.outcome == outcome)
    }

    @Test("of many threads claiming one key at once, exactly one gets it")
    func racingClaims() throws {
        let directory = try TemporaryDirectory()
        let store = try GatewayStore(directory: directory.path)
        let claimed = Atomic(0)
        let failures = Atomic(0)

        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            do {
                if try store.idempotencyKeys.claim("race", scope: Self.scope, fingerprint: "a") == .claimed {
                    claimed.add(1, ordering: .relaxed)
                }
            } catch {
                failures.add(1, ordering: .relaxed)
            }
        }
        #expect(claimed.load(ordering: .relaxed) == 1)
        #expect(failures.load(ordering: .relaxed) == 0)
    }

    @Test("a directory that does not exist fails to open with a message that says so")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        let error = #expect(throws: GatewayStoreError.self) {
            try GatewayStore(directory: directory.path + "/missing/deeper")
        }
        #expect(error?.code == .openFailed)
        #expect(error?.message.contains("data directory exists") == true)
    }
}

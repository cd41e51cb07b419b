import GatewayStore
import Testing

@Suite("API keys in the store")
struct APIKeysTests {
    private func record(_ id: String, createdAt: Double = 1_735_732_800) -> APIKeyRecord {
        APIKeyRecord(
            id: id,
            name: "billing",
            scopes: ["twilio.gateway.v1.Verify/*", "twilio.gateway.v1.Messaging/SendSms"],
            secretHash: Array(repeating: 0xAB, count: 32),
            createdAt: createdAt
        )
    }

    @Test("a key is stored and read back as it was, and listed oldest first")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        let store = try GatewayStore(directory: directory.path)
        #expect(try store.apiKeys.isEmpty())
        try store.apiKeys.insert(record("k2", createdAt: 2_000_000_000))
        try store.apiKeys.insert(record("k1"))
        #expect(try store.apiKeys.record(id: "k1") == record("k1"))
        #expect(try store.apiKeys.all().map(\.id) == ["k1", "k2"])
        #expect(try store.apiKeys.record(id: "nope") == nil)
        #expect(try !store.apiKeys.isEmpty())
    }

    @Test("a second key with the same ID is refused")
    func duplicateID() throws {
        let directory = try TemporaryDirectory()
        let store = try GatewayStore(directory: directory.path)
        try store.apiKeys.insert(record("k1"))
        #expect(throws: GatewayStoreError.self) { try store.apiKeys.insert(record("k1")) }
    }

    @Test("revoking marks the key once, and another connection sees it at once")
    func revoke() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock()
        let gateway = try GatewayStore(directory: directory.path, clock: clock.read)
        let command = try GatewayStore(directory: directory.path, clock: clock.read)
        try gateway.apiKeys.insert(record("k1"))
        #expect(try command.apiKeys.revoke(id: "k1"))
        #expect(try !command.apiKeys.revoke(id: "k1"))
        #expect(try !command.apiKeys.revoke(id: "nope"))
        #expect(try gateway.apiKeys.record(id: "k1")?.revokedAt == clock.read())
        #expect(try !gateway.apiKeys.isEmpty())
    }

    @Test("the last-used time is written at most once a minute")
    func lastUsed() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock()
        let store = try GatewayStore(directory: directory.path, clock: clock.read)
        try store.apiKeys.insert(record("k1"))
        let first = clock.read()
        try store.apiKeys.markUsed(try #require(try store.apiKeys.record(id: "k1")))
        clock.advance(seconds: 30)
        try store.apiKeys.markUsed(try #require(try store.apiKeys.record(id: "k1")))
        #expect(try store.apiKeys.record(id: "k1")?.lastUsedAt == first)
        clock.advance(seconds: 31)
        try store.apiKeys.markUsed(try #require(try store.apiKeys.record(id: "k1")))
        #expect(try store.apiKeys.record(id: "k1")?.lastUsedAt == first + 61)
    }

    @Test("a stale record does not move a last-used time another process wrote recently")
    func lastUsedRace() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock()
        let store = try GatewayStore(directory: directory.path, clock: clock.read)
        try store.apiKeys.insert(record("k1"))
        let stale = try #require(try store.apiKeys.record(id: "k1"))
        try store.apiKeys.markUsed(stale)
        clock.advance(seconds: 10)
        try store.apiKeys.markUsed(stale)
        #expect(try store.apiKeys.record(id: "k1")?.lastUsedAt == clock.read() - 10)
    }
}

import GatewayStore
import GatewayTestSupport
import Testing

@Suite("Latest message and call statuses")
struct LatestStatusesTests {
    @Test("out-of-order and repeated callbacks: the status moves forward only, and says whether it moved")
    func outOfOrder() throws {
        let directory = try TemporaryDirectory()
        let statuses = try GatewayStore(directory: directory.path).messageStatuses

        #expect(
            try statuses.record("queued", for: "SM1") == StatusChange(previous: nil, current: "queued", moved: true)
        )
        #expect(
            try statuses.record("DELIVERED", for: "SM1")
                == StatusChange(previous: "queued", current: "delivered", moved: true)
        )
        #expect(
            try statuses.record("sent", for: "SM1")
                == StatusChange(previous: "delivered", current: "delivered", moved: false)
        )
        #expect(try statuses.record("delivered", for: "SM1").moved == false)
        #expect(
            try statuses.record("read", for: "SM1") == StatusChange(previous: "delivered", current: "read", moved: true)
        )
        #expect(try statuses.record("mystery", for: "SM2") == StatusChange(previous: nil, current: nil, moved: false))
        #expect(try statuses.status(of: "SM2") == nil)

        let tracked = try #require(try statuses.status(of: "SM1"))
        #expect(tracked.status == "read")
        #expect(tracked.isFinal)
        #expect(tracked.reconciledAt == nil)
    }

    @Test("messages and calls are tracked apart, each along its own lifecycle")
    func callsApart() throws {
        let directory = try TemporaryDirectory()
        let store = try GatewayStore(directory: directory.path)
        #expect(try store.callStatuses.record("ringing", for: "CA1").moved)
        #expect(try store.callStatuses.record("initiated", for: "CA1").moved == false)
        #expect(try store.callStatuses.record("completed", for: "CA1").moved)
        #expect(try store.messageStatuses.status(of: "CA1") == nil)
        #expect(try store.callStatuses.status(of: "CA1")?.status == "completed")
        #expect(store.callStatuses.lifecycle == .call)
    }

    @Test("pending: tracked before the time, not final, not reconciled yet; each is returned until marked")
    func pending() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock(1_000)
        let statuses = try GatewayStore(directory: directory.path, clock: clock.read).messageStatuses
        _ = try statuses.record("queued", for: "SM-old")
        clock.advance(seconds: 10)
        _ = try statuses.record("sent", for: "SM-delivered")
        _ = try statuses.record("delivered", for: "SM-delivered")
        _ = try statuses.record("sent", for: "SM-sent")
        clock.advance(seconds: 100)
        _ = try statuses.record("queued", for: "SM-new")
        _ = try statuses.record("sent", for: "SM-old")

        let overdue = try statuses.pending(firstSeenBefore: 1_050, limit: 10)
        #expect(overdue.map(\.sid) == ["SM-old", "SM-sent"])
        #expect(overdue.first?.status == "sent")
        #expect(overdue.first?.firstSeenAt == 1_000)
        #expect(overdue.first?.updatedAt == 1_110)
        #expect(try statuses.pending(firstSeenBefore: 1_050, limit: 1).map(\.sid) == ["SM-old"])

        try statuses.markReconciled("SM-old")
        #expect(try statuses.pending(firstSeenBefore: 1_050, limit: 10).map(\.sid) == ["SM-sent"])
        #expect(try statuses.status(of: "SM-old")?.reconciledAt == 1_110)
        #expect(try statuses.pending(firstSeenBefore: 2_000, limit: 10).map(\.sid) == ["SM-sent", "SM-new"])
    }

    @Test("a version-1 store file gains the new tables and keeps its idempotency keys")
    func migration() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/" + GatewayStore.fileName
        let script = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE idempotency_keys (scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, "
                       "created_at REAL NOT NULL, completed_at REAL, outcome_code INTEGER, outcome_message TEXT, "
                       "outcome_payload BLOB, PRIMARY KEY (scope, key)) WITHOUT ROWID")
            db.execute("INSERT INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES ('s', 'k', 'f', 1e10)")
            db.execute("PRAGMA user_version=1")
            db.commit()
            """
        let created = try await PythonPeer.run(script, arguments: [path])
        #expect(created.exitCode == 0, "\(created.stderr)")

        let store = try GatewayStore(path: path)
        #expect(try store.idempotencyKeys.record("k", scope: "s")?.fingerprint == "f")
        #expect(try store.messageStatuses.record("queued", for: "SM1").moved)
        #expect(try store.optOuts.optOut("+1", scope: .sender("+2"), reason: .keyword("STOP")))
    }
}

internal import Foundation
internal import GatewayCrypto
internal import GatewayStore
internal import HTTPServer
internal import Synchronization
internal import Testing
internal import TwilioREST

/// The crash test: signed webhooks go to a live-mode gateway while it is killed with
/// SIGKILL at random instants and started again on the same data directory. Every webhook that
/// got a 2xx must be in the log afterwards, once.
@Suite("Webhooks survive SIGKILL")
struct WebhookCrashTests {
    /// What the load generator saw.
    struct Tally: Sendable {
        var attempts = 0
        var acknowledged: [String: Int] = [:]
        var refused = 0
        var connectionErrors = 0
        var otherStatuses: [Int] = []
    }

    /// Posts signed message status callbacks, each token retried until it gets a 2xx as
    /// Twilio retries, at whatever port the gateway listens on now.
    final class LoadGenerator: Sendable {
        private let port = Mutex<Int?>(nil)
        private let next = Mutex(0)
        private let tally = Mutex(Tally())
        private let client: WebhookClient

        init() throws {
            client = try WebhookClient(connectTimeout: .seconds(2), requestTimeout: .seconds(5))
        }

        func point(at port: Int?) {
            self.port.withLock { $0 = port }
        }

        var result: Tally {
            tally.withLock { $0 }
        }

        /// Runs `workers` loops until the task is cancelled.
        func run(workers: Int) async {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<workers {
                    group.addTask { await self.work() }
                }
            }
        }

        private func work() async {
            while !Task.isCancelled {
                let id = next.withLock { value -> Int in
                    value += 1
                    return value
                }
                await deliver(token: Self.token(id), sid: Self.sid(id))
            }
        }

        static func token(_ id: Int) -> String {
            "crash-\(id)"
        }

        /// The message SID of webhook `id`: the same one each time its token is sent.
        static func sid(_ id: Int) -> String {
            "SM" + String(format: "%032x", id)
        }

        /// Sends one webhook until a 2xx; gives up only when cancelled.
        func deliver(token: String, sid: String) async {
            while !Task.isCancelled {
                guard let port = port.withLock({ $0 }) else {
                    try? await Task.sleep(for: .milliseconds(20))
                    continue
                }
                let status = await post(token: token, sid: sid, port: port)
                let acknowledged = tally.withLock { tally -> Bool in
                    tally.attempts += 1
                    switch status {
                    case nil: tally.connectionErrors += 1
                    case 503?: tally.refused += 1
                    case let code? where (200..<300).contains(code): tally.acknowledged[token, default: 0] += 1
                    case let code?: tally.otherStatuses.append(code)
                    }
                    return status.map { (200..<300).contains($0) } ?? false
                }
                if acknowledged {
                    return
                }
                try? await Task.sleep(for: .milliseconds(20))
            }
        }

        private func post(token: String, sid: String, port: Int) async -> Int? {
            let fields: [(name: String, value: String)] = [
                ("MessageSid", sid), ("MessageStatus", "delivered"), ("SmsSid", sid), ("SmsStatus", "delivered"),
                ("AccountSid", KillableGateway.accountSID), ("From", "+15005550006"), ("To", "+14155550100"),
                ("ApiVersion", "2010-04-01"),
            ]
            let signature = TwilioSignature.sign(
                url: KillableGateway.publicURL + "/webhooks/twilio/status",
                parameters: fields,
                authToken: KillableGateway.authToken
            )
            let request = WebhookRequest(
                method: .post,
                url: "http://127.0.0.1:\(port)/webhooks/twilio/status",
                headers: [
                    ("Content-Type", "application/x-www-form-urlencoded"), ("X-Twilio-Signature", signature),
                    ("I-Twilio-Idempotency-Token", token),
                ],
                body: Array(HTTPForm(fields).encoded.utf8)
            )
            return try? await client.send(request).status
        }
    }

    @Test("every webhook that got a 2xx is in the log once, across five SIGKILLs and restarts")
    func sigkill() async throws {
        let directory = try TemporaryDirectory(prefix: "crash-data")
        defer { directory.remove() }
        let twilioPort = try ClosedPort.make()
        let load = try LoadGenerator()

        var gateway = try await KillableGateway.start(dataDirectory: directory.url, twilioPort: twilioPort)
        load.point(at: gateway.httpPort)
        let traffic = Task { await load.run(workers: 12) }
        var kills = 0
        var acknowledgedBeforeLastKill: [String] = []
        for _ in 0..<5 {
            try await Task.sleep(for: .milliseconds(Int64.random(in: 200...800)))
            acknowledgedBeforeLastKill = Array(load.result.acknowledged.keys)
            await gateway.kill()
            kills += 1
            load.point(at: nil)
            gateway = try await KillableGateway.start(dataDirectory: directory.url, twilioPort: twilioPort)
            load.point(at: gateway.httpPort)
        }
        try await Task.sleep(for: .milliseconds(300))
        traffic.cancel()
        await traffic.value

        let retried = Array(
            acknowledgedBeforeLastKill.compactMap { Int($0.dropFirst("crash-".count)) }.sorted().prefix(50)
        )
        for id in retried {
            await load.deliver(token: LoadGenerator.token(id), sid: LoadGenerator.sid(id))
        }
        _ = await gateway.child.stop()

        let tally = load.result
        let log = try SQLiteEventLog(directory: directory.url.path)
        var stored: [String: Int] = [:]
        var after: Int64 = 0
        while true {
            let batch = try await log.read(after: after, limit: 1000, filter: .all)
            for event in batch.events {
                stored[event.event.dedupeKey ?? "", default: 0] += 1
            }
            guard batch.resumeAfter > after else {
                break
            }
            after = batch.resumeAfter
        }
        await log.close()

        let missing = tally.acknowledged.keys.filter { stored[$0] == nil }
        let duplicates = stored.filter { $0.value > 1 }
        print(
            "crash test: \(kills) kills, \(tally.attempts) sent, \(tally.acknowledged.values.reduce(0, +)) 2xx "
                + "(\(tally.acknowledged.count) tokens, \(retried.count) re-sent after the last restart), "
                + "\(tally.refused) refused (503), \(tally.connectionErrors) connection errors, "
                + "\(stored.values.reduce(0, +)) stored, \(duplicates.count) dupes"
        )
        #expect(kills == 5)
        #expect(tally.acknowledged.count > 0)
        #expect(missing.isEmpty, "acknowledged but not stored: \(missing.sorted().prefix(10))")
        #expect(duplicates.isEmpty, "stored twice: \(duplicates.keys.sorted().prefix(10))")
        #expect(retried.allSatisfy { (tally.acknowledged[LoadGenerator.token($0)] ?? 0) >= 2 })
        #expect(tally.otherStatuses.isEmpty, "unexpected answers: \(tally.otherStatuses.prefix(10))")
    }
}

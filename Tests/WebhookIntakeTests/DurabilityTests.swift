import GatewayStore
import Testing
import TwilioREST
import WebhookIntake

@Suite("Stored before the answer")
struct DurabilityTests {
    @Test(
        "when the log refuses, the answer is 503 and nothing is stored; Twilio's retry is stored once",
        arguments: [EventLogError.Code.overloaded, .storageFailed, .closed]
    )
    func refused(code: EventLogError.Code) async throws {
        try await IntakeHarness.with(.wrappingLog({ RefusingEventLog($0, refusingFirst: 2, with: code) })) {
            harness async throws in
            let fields = Webhooks.inboundCall()
            for _ in 0..<2 {
                let response = try await harness.post(fields, to: .voice, token: "call-1")
                #expect(response.status == 503)
                #expect(response.headers.contains { $0.name == "Retry-After" })
            }
            #expect(try await harness.events().isEmpty)
            #expect(harness.logLines("webhook.store.refused").count == 2)

            #expect(try await harness.post(fields, to: .voice, token: "call-1").status == 200)
            #expect(try await harness.post(fields, to: .voice, token: "call-1").status == 200)
            #expect(try await harness.events().count == 1)
        }
    }

    @Test("every 2xx among many concurrent webhooks is in the log, each token once")
    func concurrent() async throws {
        try await IntakeHarness.with { harness async throws in
            let statuses = try await withThrowingTaskGroup(of: (String, Int).self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let token = "concurrent-\(index % 150)"
                        let fields = Webhooks.messageStatus(sid: "SM\(index)", status: "sent")
                        return (token, try await harness.post(fields, to: .status, token: token).status)
                    }
                }
                return try await group.reduce(into: [(String, Int)]()) { $0.append($1) }
            }
            let acknowledged = Set(statuses.filter { $0.1 == 204 }.map(\.0))
            let stored = try await harness.events().compactMap(\.event.dedupeKey)
            #expect(acknowledged.count == 150)
            #expect(Set(stored) == acknowledged)
            #expect(stored.count == acknowledged.count)
        }
    }
}

import Testing

@testable import TwilioREST

@Suite("TwilioClient cancellation")
struct TwilioClientCancellationTests {
    @Test("cancelling the waiting task stops the transfer and throws CancellationError")
    func cancelDuringTransfer() async throws {
        let server = try await RecordingServer.start(routes: [Route(path: Fixtures.messagesPath, stallSeconds: 20)])
        let events = EventCollector()
        let client = try Fixtures.client(
            Fixtures.configuration(for: server, requestTimeout: .seconds(30)),
            observer: events.observer
        )
        let started = ContinuousClock.now
        let task = Task {
            try await client.createMessage(Fixtures.simpleMessage)
        }
        #expect(try await server.waitForRecord { $0.event == "request" })

        task.cancel()
        let result = await task.result

        #expect(throws: CancellationError.self) {
            try result.get()
        }
        // The server sees the connection close: the transfer was removed, not left to time out.
        #expect(try await server.waitForRecord { $0.event == "client_disconnected" })
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(events.events.map(\.outcome) == [.cancelled])
    }

    @Test("a task cancelled before the call sends nothing")
    func cancelledBeforeCall() async throws {
        let server = try await RecordingServer.start(routes: [])
        let client = try Fixtures.client(Fixtures.configuration(for: server))
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.createMessage(Fixtures.simpleMessage)
        }

        let result = await task.result

        #expect(throws: CancellationError.self) {
            try result.get()
        }
        #expect(try server.requests().isEmpty)
    }

    @Test("after a cancellation the client keeps serving requests")
    func usableAfterCancel() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(path: Fixtures.messagesPath, stallSeconds: 20),
            Route(path: Fixtures.messagePath, status: 200, json: Fixtures.createdMessageJSON),
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server, requestTimeout: .seconds(30)))
        let task = Task {
            try await client.createMessage(Fixtures.simpleMessage)
        }
        #expect(try await server.waitForRecord { $0.event == "request" })
        task.cancel()
        _ = await task.result

        let message = try await client.fetchMessage(sid: Fixtures.messageSID)

        #expect(message.sid == Fixtures.messageSID)
    }
}

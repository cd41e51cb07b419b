import Testing

@testable import TwilioREST

@Suite("TwilioClient transport failures")
struct TwilioClientTransportTests {
    @Test("a closed port fails quickly with connectFailed")
    func closedPort() async throws {
        let port = try ClosedPort.make()
        let configuration = TwilioConfiguration(apiBaseURL: "http://127.0.0.1:\(port)", connectTimeout: .seconds(5))
        let client = try TwilioClient(
            configuration: configuration,
            credentials: StaticCredentialSource(Fixtures.credentials)
        )
        let started = ContinuousClock.now

        let error = await #expect(throws: TwilioTransportError.self) {
            try await client.createMessage(Fixtures.simpleMessage)
        }

        #expect(error?.kind == .connectFailed)
        #expect(error?.curlCode == 7)
        #expect(error?.isRetryable == true)
        // Refused at once, not after the 5 s connect timeout.
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test("a stalled server fails with timedOut after the request timeout")
    func requestTimeout() async throws {
        let server = try await RecordingServer.start(routes: [Route(path: Fixtures.messagesPath, stallSeconds: 10)])
        let events = EventCollector()
        let client = try Fixtures.client(
            Fixtures.configuration(for: server, requestTimeout: .milliseconds(500)),
            observer: events.observer
        )
        let started = ContinuousClock.now

        let error = await #expect(throws: TwilioTransportError.self) {
            try await client.createMessage(Fixtures.simpleMessage)
        }

        #expect(error?.kind == .timedOut)
        #expect(error?.curlCode == 28)
        #expect(error?.isRetryable == true)
        // Generous: five times the timeout, for a loaded machine.
        #expect(ContinuousClock.now - started < .milliseconds(2500))
        #expect(events.events.map(\.outcome) == [.transportFailure(.timedOut)])
    }

    @Test("a deadline sooner than the request timeout cuts the request short")
    func deadline() async throws {
        let server = try await RecordingServer.start(routes: [Route(path: Fixtures.messagesPath, stallSeconds: 10)])
        let client = try Fixtures.client(Fixtures.configuration(for: server, requestTimeout: .seconds(15)))
        let started = ContinuousClock.now

        let error = await #expect(throws: TwilioTransportError.self) {
            try await client.createMessage(Fixtures.simpleMessage, deadline: .now + .milliseconds(500))
        }

        #expect(error?.kind == .timedOut)
        // Generous: five times the timeout, for a loaded machine.
        #expect(ContinuousClock.now - started < .milliseconds(2500))
    }

    @Test("a deadline that has passed fails without sending anything")
    func passedDeadline() async throws {
        let server = try await RecordingServer.start(routes: [])
        let client = try Fixtures.client(Fixtures.configuration(for: server))

        let error = await #expect(throws: TwilioTransportError.self) {
            try await client.createMessage(Fixtures.simpleMessage, deadline: .now - .seconds(1))
        }

        #expect(error?.kind == .timedOut)
        #expect(error?.curlCode == nil)
        #expect(try server.requests().isEmpty)
    }

    @Test(
        "a body over the limit fails with tooLarge, with or without Content-Length",
        arguments: [false, true]
    )
    func tooLarge(chunked: Bool) async throws {
        let server = try await RecordingServer.start(routes: [
            Route(path: Fixtures.messagePath, status: 200, bodySize: 4096, chunked: chunked)
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server, maximumResponseBodyBytes: 1024))

        let error = await #expect(throws: TwilioTransportError.self) {
            try await client.fetchMessage(sid: Fixtures.messageSID)
        }

        #expect(error?.kind == .tooLarge)
        #expect(error?.isRetryable == false)
    }

    @Test("a success answer whose body is not a message fails with invalidResponse")
    func invalidBody() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(path: Fixtures.messagesPath, status: 201, text: "created!", contentType: "text/plain")
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server))

        let error = await #expect(throws: TwilioTransportError.self) {
            try await client.createMessage(Fixtures.simpleMessage)
        }

        #expect(error?.kind == .invalidResponse)
        #expect(error?.message.contains("messages.create answered HTTP 201") == true)
    }

    @Test("a redirect is not followed")
    func redirectNotFollowed() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(path: Fixtures.messagesPath, status: 307, text: "", headers: ["Location": "/elsewhere"])
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server))

        let error = await #expect(throws: TwilioAPIError.self) {
            try await client.createMessage(Fixtures.simpleMessage)
        }

        #expect(error?.httpStatus == 307)
        #expect(try server.requests().map(\.path) == [Fixtures.messagesPath])
    }

    @Test("a base URL with another scheme than http or https is refused before connecting")
    func otherScheme() async throws {
        let configuration = TwilioConfiguration(apiBaseURL: "ftp://127.0.0.1:1")
        let client = try TwilioClient(
            configuration: configuration,
            credentials: StaticCredentialSource(Fixtures.credentials)
        )

        let error = await #expect(throws: TwilioTransportError.self) {
            try await client.createMessage(Fixtures.simpleMessage)
        }

        #expect(error?.kind == .invalidRequest)
        #expect(error?.isRetryable == false)
    }
}

import ServiceSupport
import Testing

@testable import TwilioREST

@Suite("TwilioClient logging")
struct TwilioClientLoggingTests {
    @Test("each request logs one debug line with method, path, status and duration, and no secret")
    func oneLinePerRequest() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(path: Fixtures.messagesPath, status: 201, json: Fixtures.createdMessageJSON)
        ])
        let handler = InMemoryLogHandler()
        let logger = Logger(label: "test", handler: handler, minimumLevel: .trace)
        let client = try Fixtures.client(Fixtures.configuration(for: server), logger: logger)

        _ = try await client.createMessage(Fixtures.simpleMessage)

        let record = try #require(handler.records.first)
        #expect(handler.records.count == 1)
        #expect(record.level == .debug)
        #expect(record.message == "twilio.request.finished")
        #expect(record.label == "twilio.rest")
        #expect(record.metadata["twilio.endpoint"] == "messages.create")
        #expect(record.metadata["http.method"] == "POST")
        #expect(record.metadata["http.path"] == Fixtures.messagesPath)
        #expect(record.metadata["http.status"] == "201")
        #expect(record.metadata["duration.ms"] != nil)
        #expect(!handler.lines.joined().contains(Fixtures.authToken))
        #expect(!handler.lines.joined().contains("Basic "))
    }

    @Test("a request's own logger is used, with its metadata")
    func requestLogger() async throws {
        let server = try await RecordingServer.start(routes: [])
        let clientHandler = InMemoryLogHandler()
        let requestHandler = InMemoryLogHandler()
        let client = try Fixtures.client(
            Fixtures.configuration(for: server),
            logger: Logger(label: "client", handler: clientHandler, minimumLevel: .debug)
        )
        let requestLogger = Logger(label: "rpc", handler: requestHandler, minimumLevel: .debug)
            .with("rpc.request.id", "r-42")

        _ = try? await client.fetchMessage(sid: Fixtures.messageSID, logger: requestLogger)

        #expect(clientHandler.records.isEmpty)
        let record = try #require(requestHandler.records.first)
        #expect(record.metadata["rpc.request.id"] == "r-42")
        #expect(record.metadata["http.status"] == "404")
        #expect(record.metadata["twilio.error.code"] == "20404")
        #expect(record.metadata["twilio.outcome"] == "response")
    }

    @Test("a transport failure is logged with its kind")
    func transportFailure() async throws {
        let port = try ClosedPort.make()
        let handler = InMemoryLogHandler()
        let client = try TwilioClient(
            configuration: TwilioConfiguration(apiBaseURL: "http://127.0.0.1:\(port)"),
            credentials: StaticCredentialSource(Fixtures.credentials),
            logger: Logger(label: "test", handler: handler, minimumLevel: .debug)
        )

        _ = try? await client.createMessage(Fixtures.simpleMessage)

        let record = try #require(handler.records.first)
        #expect(record.metadata["twilio.outcome"] == "transport_failure")
        #expect(record.metadata["twilio.transport.error"] == "connect failed")
        #expect(record.metadata["http.status"] == nil)
    }
}

import Testing

@testable import TwilioREST

@Suite("TwilioClient connections")
struct TwilioClientConnectionTests {
    @Test("sequential requests reuse one kept-alive connection")
    func sequentialReuse() async throws {
        let server = try await RecordingServer.start(
            routes: [],
            defaultRoute: Route(status: 200, json: Fixtures.createdMessageJSON)
        )
        let client = try Fixtures.client(Fixtures.configuration(for: server))

        for _ in 0..<5 {
            _ = try await client.fetchMessage(sid: Fixtures.messageSID)
        }

        let requests = try server.requests()
        #expect(requests.count == 5)
        #expect(Set(requests.map(\.connection)).count == 1)
        #expect(Set(requests.compactMap(\.clientPort)).count == 1)
    }

    @Test("200 concurrent requests through one client all complete over a few connections")
    func concurrentRequests() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(path: Fixtures.messagesPath, status: 201, json: Fixtures.createdMessageJSON)
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server, maximumConnectionsPerHost: 4))

        let sids = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let request = CreateMessageRequest(to: "+14155550100", from: "+15005550006", body: "n\(index)")
                    return try await client.createMessage(request).sid
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }

        #expect(sids.count == 200)
        let requests = try server.requests()
        #expect(requests.count == 200)
        #expect(Set(requests.map(\.bodyText)).count == 200)
        let connections = Set(requests.map(\.connection))
        let ports = Set(requests.compactMap(\.clientPort))
        #expect(connections.count <= 4)
        #expect(ports.count <= 4)
    }

    @Test("releasing the client stops its thread and closes its kept-alive connections")
    func releaseClosesConnections() async throws {
        let server = try await RecordingServer.start(
            routes: [],
            defaultRoute: Route(status: 200, json: Fixtures.createdMessageJSON)
        )
        var client: TwilioClient? = try Fixtures.client(Fixtures.configuration(for: server))
        _ = try await client?.fetchMessage(sid: Fixtures.messageSID)
        #expect(try !server.records().contains { $0.event == "connection_closed" })

        client = nil

        #expect(try await server.waitForRecord { $0.event == "connection_closed" })
    }
}

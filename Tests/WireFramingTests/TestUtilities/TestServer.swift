internal import RPCCore
internal import ServiceSupport
internal import WireFraming

/// An ``RPCServer`` on 127.0.0.1 with the test router, its probe and its log.
struct TestServer {
    let server: RPCServer
    let port: Int
    let probe: HandlerProbe
    let logs: InMemoryLogHandler

    /// Starts a server on a free port.
    init(configuration: RPCServer.Configuration = RPCServer.Configuration()) throws {
        let logs = InMemoryLogHandler()
        let logger = Logger(label: "test", handler: logs, minimumLevel: .trace)
        let probe = HandlerProbe()
        let dispatcher = RPCDispatcher(router: makeTestRouter(probe: probe), logger: logger)
        self.server = RPCServer(dispatcher: dispatcher, logger: logger, configuration: configuration)
        self.port = try server.start(host: "127.0.0.1", port: 0)
        self.probe = probe
        self.logs = logs
    }

    /// A client for this server.
    func makeClient() -> RPCClientConnection {
        RPCClientConnection(host: "127.0.0.1", port: port)
    }

    /// Whether a record with `message` was logged.
    func logged(_ message: String) -> Bool {
        logs.records.contains { $0.message == message }
    }

    /// Shuts the server down and waits until it has stopped.
    func stop() async {
        server.beginGracefulShutdown()
        await server.waitUntilStopped()
    }
}

/// Runs `body` against a fresh server, then stops it.
func withTestServer(
    _ configuration: RPCServer.Configuration = RPCServer.Configuration(shutdownGracePeriod: .seconds(1)),
    _ body: (TestServer) async throws -> Void
) async throws {
    let server = try TestServer(configuration: configuration)
    do {
        try await body(server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

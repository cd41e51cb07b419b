import Foundation
import HTTPServer
import ServiceSupport
import Testing

/// Runs `body` with a started server and its port, then stops the server.
func withServer<T>(
    _ configuration: HTTPServer.Configuration = HTTPServer.Configuration(),
    logger: Logger = .disabled,
    handler: @escaping HTTPHandler,
    _ body: (HTTPServer, Int) async throws -> T
) async throws -> T {
    let server = try HTTPServer(configuration: configuration, logger: logger, handler: handler)
    try server.start()
    let port = try #require(server.boundPort)
    do {
        let result = try await body(server, port)
        await stopOffThread(server)
        return result
    } catch {
        await stopOffThread(server)
        throw error
    }
}

/// Calls the blocking `stop()` on a thread of its own, so neither a Swift concurrency thread
/// nor one of Dispatch's worker threads waits.
func stopOffThread(_ server: HTTPServer) async {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread {
            server.stop()
            continuation.resume()
        }
    }
}

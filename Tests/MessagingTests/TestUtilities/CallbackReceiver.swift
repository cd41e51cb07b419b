import Foundation
import HTTPServer
import ServiceSupport
import Synchronization

/// An HTTP server on 127.0.0.1 that records every request it gets, as a status callback
/// receiver would, and answers 204.
final class CallbackReceiver: Sendable {
    struct Received: Sendable {
        var path: String
        var query: String
        var headers: HTTPHeaders
        var form: [(name: String, value: String)]

        func value(_ name: String) -> String? {
            form.first { $0.name == name }?.value
        }
    }

    private final class Inbox: Sendable {
        let items = Mutex<[Received]>([])
    }

    private let server: HTTPServer
    private let inbox = Inbox()

    init() throws {
        let inbox = self.inbox
        server = try HTTPServer(configuration: HTTPServer.Configuration(host: "127.0.0.1", port: 0)) { request in
            let form = HTTPForm(decoding: request.body).fields
            inbox.items.withLock {
                $0.append(Received(path: request.path, query: request.query, headers: request.headers, form: form))
            }
            return HTTPResponse(status: .noContent)
        }
        try server.start()
    }

    /// `http://127.0.0.1:<port>` followed by `path`.
    func url(_ path: String) -> String {
        "http://127.0.0.1:\(server.boundPort ?? 0)" + path
    }

    var requests: [Received] {
        inbox.items.withLock { $0 }
    }

    /// Stops the server on a thread of its own.
    func stop() async {
        let server = self.server
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                server.stop()
                continuation.resume()
            }
        }
    }
}

internal import Foundation
public import HTTPServer
internal import Synchronization

/// An application's webhook endpoint for tests: an ``HTTPServer/HTTPServer`` on 127.0.0.1 (any
/// free port) that keeps every request it gets and answers with what the test's closure says,
/// such as TwiML for a voice URL or 204 for a status callback.
public final class WebhookReceiver: Sendable {
    /// One request as the endpoint received it.
    public struct Received: Sendable {
        /// `GET` or `POST`.
        public var method: String
        /// The decoded path.
        public var path: String
        /// The raw query string, without `?`.
        public var query: String
        /// The URL it was sent to, rebuilt from the receiver's base URL, path and query.
        public var url: String
        /// The header fields.
        public var headers: [(name: String, value: String)]
        /// The form body's fields in order; empty for a `GET` or a body that is not a form.
        public var form: [(name: String, value: String)]
        /// The query string's fields in order.
        public var queryFields: [(name: String, value: String)]

        /// The first header called `name`, compared without regard to case.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The value of the first form or query field called `name`.
        public func parameter(_ name: String) -> String? {
            (form + queryFields).first { $0.name == name }?.value
        }
    }

    /// What the server's handler shares with the receiver.
    private final class Storage: Sendable {
        let received = Mutex<[Received]>([])
        let port = Mutex(0)
    }

    private let server: HTTPServer
    private let storage = Storage()

    /// Starts the endpoint.
    ///
    /// - Parameter respond: Answers each request; called after the request was recorded.
    /// - Throws: ``HTTPServer/HTTPServerError`` when no port can be bound.
    public init(respond: @escaping @Sendable (HTTPRequest) -> HTTPResponse = { _ in HTTPResponse(status: .noContent) })
        throws
    {
        let storage = self.storage
        server = try HTTPServer(configuration: HTTPServer.Configuration(host: "127.0.0.1", port: 0)) { request in
            let base = "http://127.0.0.1:\(storage.port.withLock { $0 })"
            let isForm = request.mediaType == "application/x-www-form-urlencoded"
            let entry = Received(
                method: request.method.rawValue,
                path: request.path,
                query: request.query,
                url: base + request.path + (request.query.isEmpty ? "" : "?" + request.query),
                headers: request.headers.fields.map { (name: $0.name, value: $0.value) },
                form: isForm ? HTTPForm(decoding: request.body).fields : [],
                queryFields: request.queryParameters.fields
            )
            storage.received.withLock { $0.append(entry) }
            return respond(request)
        }
        try server.start()
        storage.port.withLock { $0 = server.boundPort ?? 0 }
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String {
        "http://127.0.0.1:\(server.boundPort ?? 0)"
    }

    /// Every request so far, in arrival order.
    public var requests: [Received] {
        storage.received.withLock { $0 }
    }

    /// Waits until `count` requests to `path` have arrived, checking every 10 ms for up to `limit`.
    ///
    /// - Returns: The requests to `path`, all of them, when there are enough; `nil` on timeout.
    public func waitForRequests(count: Int, path: String, within limit: Duration = .seconds(10)) async -> [Received]? {
        await eventually(within: limit) {
            let matching = requests.filter { $0.path == path }
            return matching.count >= count ? matching : nil
        }
    }

    /// Stops the server, on a thread of its own since ``HTTPServer/HTTPServer/stop()`` blocks.
    public func stop() async {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                self.server.stop()
                continuation.resume()
            }
        }
    }
}

import Foundation
import GatewayTestSupport
import HTTPServer
import SecureTransport
import Synchronization

/// An application's webhook endpoint served over HTTPS on 127.0.0.1 with the test server
/// certificate (signed by the test CA, naming `IP:127.0.0.1` and `DNS:localhost`). It keeps the
/// form of every request and answers `respond`'s response.
final class HTTPSReceiver: Sendable {
    /// One request: its path, form fields and `X-Twilio-Signature`.
    struct Received: Sendable {
        var path: String
        var form: [(name: String, value: String)]
        var signature: String?

        func parameter(_ name: String) -> String? {
            form.first { $0.name == name }?.value
        }
    }

    /// What the server's handler shares with the receiver.
    private final class Storage: Sendable {
        let received = Mutex<[Received]>([])
    }

    private let server: HTTPServer
    private let storage = Storage()

    init(
        certificates: TestCertificates,
        respond: @escaping @Sendable (HTTPRequest) -> HTTPResponse = { _ in HTTPResponse(status: .noContent) }
    ) throws {
        let tls = try TLSServerContext(
            certificateChainPath: certificates.certificatePath,
            privateKeyPath: certificates.privateKeyPath
        )
        let storage = self.storage
        server = try HTTPServer(configuration: HTTPServer.Configuration(host: "127.0.0.1", port: 0, tls: tls)) {
            request in
            let entry = Received(
                path: request.path,
                form: HTTPForm(decoding: request.body).fields,
                signature: request.headers.fields.first { $0.name.lowercased() == "x-twilio-signature" }?.value
            )
            storage.received.withLock { $0.append(entry) }
            return respond(request)
        }
        try server.start()
    }

    /// `https://<host>:<port>`, with `127.0.0.1` or another name of this machine as `host`.
    func baseURL(host: String = "127.0.0.1") -> String {
        "https://\(host):\(server.boundPort ?? 0)"
    }

    /// Every request so far, in arrival order.
    var requests: [Received] {
        storage.received.withLock { $0 }
    }

    /// Stops the server, on a thread of its own since ``HTTPServer/stop()`` blocks.
    func stop() async {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                self.server.stop()
                continuation.resume()
            }
        }
    }
}

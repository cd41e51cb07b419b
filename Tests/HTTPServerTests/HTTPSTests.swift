import Foundation
import GatewayTestSupport
import HTTPServer
import SecureTransport
import ServiceSupport
import Synchronization
import Testing

/// A flag one task raises and another polls.
final class Flag: Sendable {
    private let raised = Atomic(false)

    var isRaised: Bool { raised.load(ordering: .acquiring) }

    func raise() {
        raised.store(true, ordering: .releasing)
    }
}

@Suite("HTTPServer with TLS in front of libmicrohttpd")
struct HTTPSTests {
    /// What Python's client saw; missing fields are steps it did not reach.
    struct Outcome: Decodable {
        var version: String?
        var hello: String?
        var echo: String?
        var echoStatus: Int?
        var peer: String?
        var streamed: [String]?
        var error: String?
    }

    /// GETs /hello and /peer, POSTs /echo, and reads /stream in two steps: the first event,
    /// then (after a second connection GETs /ack) the second. A response that did not stream
    /// would never deliver the first event before the ack, and the script would time out.
    static let client = """
        import http.client, json, ssl, sys
        port, cafile, maximum = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        context = ssl.create_default_context(cafile=cafile)
        if maximum == "1.1":
            import warnings
            warnings.simplefilter("ignore", DeprecationWarning)
            context.set_ciphers("DEFAULT:@SECLEVEL=0")
            context.minimum_version = ssl.TLSVersion.TLSv1_1
            context.maximum_version = ssl.TLSVersion.TLSv1_1
        result = {}
        try:
            connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
            connection.request("GET", "/hello")
            result["hello"] = connection.getresponse().read().decode()
            result["version"] = connection.sock.version()
            connection.request("POST", "/echo", body=b"x" * 200000, headers={"Content-Type": "text/plain"})
            response = connection.getresponse()
            result["echoStatus"] = response.status
            result["echo"] = str(len(response.read()))
            connection.request("GET", "/peer")
            result["peer"] = connection.getresponse().read().decode()
            connection.request("GET", "/stream")
            stream = connection.getresponse()
            first = stream.readline().decode().strip()
            other = http.client.HTTPSConnection("localhost", port, context=context, timeout=10)
            other.request("GET", "/ack")
            other.getresponse().read()
            rest = stream.read().decode().split()
            result["streamed"] = [first] + rest
        except Exception as error:
            result["error"] = type(error).__name__ + ": " + str(error)
        print(json.dumps(result))
        """

    static func configuration(headerTimeout: Duration? = nil) async throws -> HTTPServer.Configuration {
        let certificates = try await TestCertificates.shared
        let context = try TLSServerContext(
            certificateChainPath: certificates.certificatePath,
            privateKeyPath: certificates.privateKeyPath
        )
        return HTTPServer.Configuration(headerTimeout: headerTimeout, shutdownGracePeriod: .seconds(1), tls: context)
    }

    static func router(acknowledged: Flag) -> HTTPRouter {
        var router = HTTPRouter()
        router.add(.get, "/hello") { _ in .text("hello") }
        router.add(.post, "/echo") { request in HTTPResponse(status: .created, body: request.body) }
        router.add(.get, "/peer") { request in .text(request.remoteAddress) }
        router.add(.get, "/ack") { _ in
            acknowledged.raise()
            return .text("ok")
        }
        router.add(.get, "/stream") { _ in
            .streaming { writer in
                try await writer.write("one\n")
                for _ in 0..<1000 where !acknowledged.isRaised {
                    try await Task.sleep(for: .milliseconds(10))
                }
                try await writer.write("two\n")
            }
        }
        return router
    }

    @Test("Python's ssl module verifies the server, and GET, POST, the peer address and streaming all work")
    func pythonClient() async throws {
        let certificates = try await TestCertificates.shared
        let acknowledged = Flag()
        let handler = Self.router(acknowledged: acknowledged).handler
        try await withServer(try await Self.configuration(), handler: handler) { _, port in
            let outcome = try await PythonPeer.runJSON(
                Outcome.self,
                Self.client,
                arguments: [String(port), certificates.caPath, "default"]
            )
            #expect(outcome.error == nil)
            #expect(outcome.hello == "hello")
            #expect(["TLSv1.2", "TLSv1.3"].contains(outcome.version ?? ""))
            #expect(outcome.echoStatus == 201)
            #expect(outcome.echo == "200000")
            #expect(outcome.peer == "127.0.0.1")
            #expect(outcome.streamed == ["one", "two"])
        }
    }

    @Test("a client limited to TLS 1.1, a plaintext request and a silent client are all dropped, with log lines")
    func refusedClients() async throws {
        let certificates = try await TestCertificates.shared
        let logs = InMemoryLogHandler()
        let logger = Logger(label: "test.https", handler: logs, minimumLevel: .debug)
        let handler = Self.router(acknowledged: Flag()).handler
        let configuration = try await Self.configuration(headerTimeout: .seconds(1))
        try await withServer(configuration, logger: logger, handler: handler) { _, port in
            let old = try await PythonPeer.runJSON(
                Outcome.self,
                Self.client,
                arguments: [String(port), certificates.caPath, "1.1"]
            )
            #expect(old.error?.contains("SSL") == true)
            #expect(old.hello == nil)

            let plaintext = try await HTTPClientScript.raw(["GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"], port: port)
            #expect(!plaintext.received.contains("hello"))

            let silent = try await HTTPClientScript.raw([], port: port)
            #expect(silent.received.isEmpty && silent.closed)

            let failures = logs.records.filter { $0.message == "http.tls.handshake_failed" }
            #expect(failures.count == 2)
            #expect(failures.first?.metadata["http.tls.reason"]?.contains("unsupported protocol") == true)
            #expect(failures.allSatisfy { $0.metadata["http.peer"]?.hasPrefix("127.0.0.1:") == true })
            #expect(logs.records.contains { $0.message == "http.tls.handshake_timeout" })

            let good = try await PythonPeer.runJSON(
                Outcome.self,
                Self.client,
                arguments: [String(port), certificates.caPath, "default"]
            )
            #expect(good.hello == "hello")
        }
    }

    @Test("connections over the per-address limit are refused during their handshake, each refusal logged")
    func perAddressLimitBeforeHandshake() async throws {
        let records = InMemoryLogHandler()
        let logger = Logger(label: "test.https", handler: records, minimumLevel: .info)
        var configuration = try await Self.configuration()
        configuration.perIPConnectionLimit = 2
        let script = """
            import socket, sys, time
            held = [socket.create_connection(("127.0.0.1", int(sys.argv[1]))) for _ in range(5)]
            time.sleep(0.5)
            for connection in held:
                connection.close()
            """
        let handler: HTTPHandler = { _ in .text("ok") }
        try await withServer(configuration, logger: logger, handler: handler) { _, port in
            let result = try await PythonPeer.run(script, arguments: [String(port)])
            #expect(result.exitCode == 0, "\(result.stderr)")
        }
        let refused = records.records.filter { $0.message == "http.connection.refused" }
        #expect(refused.count == 3)
        #expect(refused.allSatisfy { $0.metadata["http.limit"] == "per_ip_connection_limit" })
        #expect(refused.allSatisfy { $0.metadata["http.limit.count"] == "2" && $0.metadata["http.peer"] != nil })
    }

    @Test("a TLS client that hangs up on a stream cancels the producer, and every connection closes")
    func hangUpOnStream() async throws {
        let certificates = try await TestCertificates.shared
        let cancelled = Counter()
        let handler: HTTPHandler = { _ in
            .streaming { writer in
                try await writer.write("hello\n")
                do {
                    try await Task.sleep(for: .seconds(3600))
                } catch {
                    cancelled.add()
                }
            }
        }
        let script = """
            import http.client, ssl, sys
            context = ssl.create_default_context(cafile=sys.argv[2])
            connection = http.client.HTTPSConnection("127.0.0.1", int(sys.argv[1]), context=context, timeout=10)
            connection.request("GET", "/idle")
            print(connection.getresponse().readline().decode().strip())
            connection.close()
            """
        try await withServer(try await Self.configuration(), handler: handler) { server, port in
            let result = try await PythonPeer.run(script, arguments: [String(port), certificates.caPath])
            #expect(result.stdout == "hello\n", "\(result.stderr)")
            #expect(await eventually { cancelled.value == 1 ? true : nil } == true)
            #expect(await eventually { server.openConnectionCount == 0 ? true : nil } == true)
        }
    }
}

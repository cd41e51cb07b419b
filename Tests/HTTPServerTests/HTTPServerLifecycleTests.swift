import Glibc
import HTTPServer
import Testing

@Suite("HTTPServer configuration and lifecycle")
struct HTTPServerLifecycleTests {
    private static let ok: HTTPHandler = { _ in .text("ok") }

    @Test(
        "rejects out-of-range configuration values",
        arguments: [
            HTTPServer.Configuration(host: "localhost"),
            HTTPServer.Configuration(host: "256.0.0.1"),
            HTTPServer.Configuration(port: 70_000),
            HTTPServer.Configuration(maxBodyBytes: -1),
            HTTPServer.Configuration(maxHeaderBytes: 100),
            HTTPServer.Configuration(connectionLimit: 0),
            HTTPServer.Configuration(perIPConnectionLimit: 0),
            HTTPServer.Configuration(connectionTimeout: .zero),
            HTTPServer.Configuration(threadPoolSize: 0),
        ]
    )
    func invalidConfiguration(configuration: HTTPServer.Configuration) {
        #expect {
            _ = try HTTPServer(configuration: configuration, handler: Self.ok)
        } throws: { error in
            (error as? HTTPServerError)?.code == .invalidConfiguration
        }
    }

    @Test("reports the port it bound when asked for any port")
    func boundPort() throws {
        let server = try HTTPServer(handler: Self.ok)
        #expect(server.boundPort == nil)
        try server.start()
        let port = try #require(server.boundPort)
        #expect(port > 0)
        server.stop()
        #expect(server.boundPort == nil)
    }

    @Test("refuses to start twice or after stop")
    func startTwice() throws {
        let server = try HTTPServer(handler: Self.ok)
        try server.start()
        #expect(throws: HTTPServerError.self) { try server.start() }
        server.stop()
        server.stop()
        #expect(throws: HTTPServerError.self) { try server.start() }
    }

    @Test("fails to start on a port already in use, naming the address and the system's reason")
    func portInUse() throws {
        let first = try HTTPServer(handler: Self.ok)
        try first.start()
        defer { first.stop() }
        let port = try #require(first.boundPort)
        let second = try HTTPServer(configuration: .init(port: port), handler: Self.ok)
        let error = try #require(throws: HTTPServerError.self) { try second.start() }
        #expect(error.code == .startFailed)
        #expect(error.message == "cannot listen on 127.0.0.1:\(port): Address already in use")
        #expect(error.errorNumber == EADDRINUSE)
        #expect(second.boundPort == nil)
    }

    @Test("stop closes the listening socket: connecting afterwards is refused, for 100 servers in a row")
    func stopClosesListeningSocket() throws {
        for _ in 0..<100 {
            let server = try HTTPServer(handler: Self.ok)
            try server.start()
            let port = try #require(server.boundPort)
            let early = try Self.connect(port: port)
            server.stop()
            close(early)
            let late = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(late) }
            var address = Self.loopback(port: port)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(late, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            #expect(connected == -1 && errno == ECONNREFUSED, "port \(port) still accepts after stop")
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0, "connect failed: errno \(errno)")
        return fd
    }
}

import Foundation
import Glibc
import Testing

@testable import TwilioSandbox

@Suite("Callback URLs and the HTTPS poster")
struct CallbackTargetTests {
    @Test(
        "http and https URLs give their host, default port and path",
        arguments: [
            ("http://127.0.0.1/status", false, "127.0.0.1", 80, "/status"),
            ("https://127.0.0.1/status?a=1", true, "127.0.0.1", 443, "/status?a=1"),
            ("HTTPS://localhost:8443", true, "localhost", 8443, "/"),
            ("https://[::1]:9000/x#frag", true, "::1", 9000, "/x"),
        ]
    )
    func parse(url: String, usesTLS: Bool, host: String, port: Int, pathAndQuery: String) throws {
        let target = try #require(CallbackTarget(url))
        #expect(target.usesTLS == usesTLS)
        #expect(target.host == host)
        #expect(target.port == port)
        #expect(target.pathAndQuery == pathAndQuery)
    }

    @Test(
        "other schemes and malformed authorities are refused",
        arguments: ["ftp://127.0.0.1/", "https://", "https://:1/"]
    )
    func refused(url: String) {
        #expect(CallbackTarget(url) == nil)
    }

    @Test("a receiver that accepts the connection but never answers the TLS handshake fails within the deadline")
    func silentReceiver() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 }
        }
        try #require(bound && listen(listener, 4) == 0)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))

        let target = try #require(CallbackTarget("https://127.0.0.1:\(port)/status"))
        let trust = try CallbackTrust(additionalTrustedCertificatesPath: nil)
        let error = try #require(throws: CallbackPosterError.self) {
            try CallbackPoster.post(to: target, headers: [], body: [], timeout: .milliseconds(300), trust: trust)
        }
        #expect(error.message.contains("time limit"))
    }
}

@testable internal import SecureTransport

/// A server and a client session wired to each other in memory: whatever one sends, the other
/// receives on the next ``pump()``.
struct SessionPair {
    let server: TLSSession
    let client: TLSSession

    init(server: TLSServerContext, client: TLSClientContext, host: String = "127.0.0.1") throws {
        self.server = try TLSSession(server: server)
        self.client = try TLSSession(client: client, host: host)
    }

    /// Runs the handshake to its end or its first failure.
    func handshake() throws {
        try client.advanceHandshake()
        for _ in 0..<10 where !(server.isHandshakeComplete && client.isHandshakeComplete) {
            _ = try move(from: client, to: server)
            _ = try move(from: server, to: client)
        }
    }

    /// Moves pending ciphertext from `sender` to `receiver` and returns what it decrypted.
    func move(from sender: TLSSession, to receiver: TLSSession) throws -> [UInt8] {
        var ciphertext: [UInt8] = []
        sender.takeCiphertext(appendingTo: &ciphertext)
        try ciphertext.withUnsafeBytes { try receiver.receive(ciphertext: $0) }
        var plaintext: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while case .bytes(let count) = try buffer.withUnsafeMutableBytes({ try receiver.readPlaintext(into: $0) }) {
            plaintext += buffer[0..<count]
        }
        return plaintext
    }
}

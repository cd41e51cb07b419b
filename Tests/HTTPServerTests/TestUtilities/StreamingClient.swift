import Foundation
import Glibc
import Synchronization

/// A plain TCP client for streaming responses: sends a request, reads what has arrived so far,
/// and can hang up at any point.
///
/// Reads block a thread of their own (never a Swift concurrency thread) and give up after ten
/// seconds, so a broken server fails the test instead of hanging it.
final class StreamingClient: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let fd: Int32
    private let received = Mutex<[UInt8]>([])
    private let open = Mutex(true)

    /// Connects to `127.0.0.1:port`, with a receive buffer of `receiveBufferBytes` when set.
    init(port: Int, receiveBufferBytes: Int32? = nil) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else {
            throw Failure(description: "socket failed: errno \(errno)")
        }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBufferBytes {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw Failure(description: "connect failed: errno \(errno)")
        }
    }

    deinit {
        close()
    }

    /// Sends a request head for `path` (HTTP/1.1) with `headers`.
    func sendRequest(_ path: String, method: String = "GET", headers: [String] = []) throws {
        let head = (["\(method) \(path) HTTP/1.1", "Host: test"] + headers).joined(separator: "\r\n") + "\r\n\r\n"
        let bytes = Array(head.utf8)
        let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else {
            throw Failure(description: "send failed: errno \(errno)")
        }
    }

    /// Sends `text`'s UTF-8 bytes in one `send` call, such as a whole request with its body.
    func sendRaw(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else {
            throw Failure(description: "send of \(bytes.count) bytes sent \(sent): errno \(errno)")
        }
    }

    /// Everything received so far, as UTF-8 text.
    var text: String {
        String(decoding: received.withLock { $0 }, as: UTF8.self)
    }

    /// Reads until `done` holds for what has arrived, or the peer closes.
    ///
    /// - Returns: Whether the peer closed the connection.
    @discardableResult
    func read(until done: @escaping @Sendable (String) -> Bool = { _ in false }) async throws -> Bool {
        try await readOffThread { [self] in done(text) }
    }

    /// Reads until at least `count` bytes (head included) have arrived, or the peer closes.
    ///
    /// - Returns: Whether the peer closed the connection.
    @discardableResult
    func read(byteCount count: Int) async throws -> Bool {
        try await readOffThread { [self] in receivedCount >= count }
    }

    /// How many bytes have arrived, head included.
    var receivedCount: Int {
        received.withLock { $0.count }
    }

    /// Reads until the whole chunked body has arrived (its last chunk), or the peer closes.
    ///
    /// - Returns: Whether the peer closed the connection.
    @discardableResult
    func readToEndOfBody() async throws -> Bool {
        try await read { $0.hasSuffix("\r\n0\r\n\r\n") }
    }

    /// Hangs up.
    func close() {
        let wasOpen = open.withLock { open in
            defer { open = false }
            return open
        }
        if wasOpen {
            Glibc.close(fd)
        }
    }

    /// The body of a chunked response received so far, without the chunk framing.
    var body: String {
        let bytes = received.withLock { $0 }
        let crlf: [UInt8] = [13, 10]
        guard var position = Self.find([13, 10, 13, 10], in: bytes, from: 0).map({ $0 + 4 }) else {
            return ""
        }
        var body: [UInt8] = []
        while let lineEnd = Self.find(crlf, in: bytes, from: position),
            let size = Int(String(decoding: bytes[position..<lineEnd], as: UTF8.self), radix: 16),
            size > 0, lineEnd + 2 + size <= bytes.count
        {
            body += bytes[(lineEnd + 2)..<(lineEnd + 2 + size)]
            position = lineEnd + 2 + size + 2
        }
        return String(decoding: body, as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else {
            return nil
        }
        return (start...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private func readOffThread(until done: @escaping @Sendable () -> Bool) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { [self] in
                continuation.resume(with: Result { try readBlocking(until: done) })
            }
        }
    }

    private func readBlocking(until done: () -> Bool) throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while !done() {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 {
                return true
            }
            if count < 0 {
                if errno == EINTR {
                    continue
                }
                if errno == ECONNRESET {
                    return true
                }
                throw Failure(description: "recv failed: errno \(errno); received so far: \(text.suffix(200))")
            }
            received.withLock { $0.append(contentsOf: buffer[..<count]) }
        }
        return false
    }
}

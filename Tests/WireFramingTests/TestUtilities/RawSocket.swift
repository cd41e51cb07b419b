internal import Dispatch
internal import Glibc
internal import WireFraming

/// A failure of the raw test socket.
struct RawSocketError: Error, CustomStringConvertible {
    var description: String
}

/// A blocking TCP socket speaking raw frames, for tests that play a misbehaving peer.
///
/// Blocking calls run on a Dispatch thread (``blocking(_:)``) so they never hold a thread
/// of the Swift concurrency pool, where the server's handlers run.
final class RawSocket: @unchecked Sendable {
    // @unchecked Sendable: a test uses one socket from one task at a time.

    let fd: Int32
    private var decoder: FrameDecoder

    fileprivate init(fd: Int32, expectsPreface: Bool) {
        self.fd = fd
        self.decoder = FrameDecoder(maxPayloadLength: 64 << 20, expectsPreface: expectsPreface)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        Glibc.close(fd)
    }

    /// Connects to 127.0.0.1:`port`.
    ///
    /// - Parameter expectsPreface: Whether the peer's answer starts with a preface.
    static func connect(port: Int, expectsPreface: Bool = true) async throws -> RawSocket {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else {
            throw RawSocketError(description: "socket failed: errno \(errno)")
        }
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw RawSocketError(description: "connect to port \(port) failed: errno \(errno)")
        }
        return RawSocket(fd: fd, expectsPreface: expectsPreface)
    }

    /// Connects, sends the client preface, and reads the server's preface and SETTINGS.
    static func handshake(port: Int) async throws -> RawSocket {
        let socket = try await connect(port: port)
        try await socket.send(ConnectionPreface.current.bytes)
        guard case .preface = try await socket.nextEvent() else {
            throw RawSocketError(description: "the server sent no preface")
        }
        guard let settings = try await socket.nextFrame(), settings.type == .settings else {
            throw RawSocketError(description: "the server sent no SETTINGS")
        }
        return socket
    }

    /// Sends all of `bytes`.
    func send(_ bytes: [UInt8]) async throws {
        try await blocking { [fd] in
            var offset = 0
            while offset < bytes.count {
                let count = bytes[offset...].withUnsafeBytes {
                    Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                guard count > 0 else {
                    throw RawSocketError(description: "send failed: errno \(errno)")
                }
                offset += count
            }
        }
    }

    /// Sends the frames `build` appends.
    func send(_ build: (inout FrameEncoder) throws -> Void) async throws {
        var encoder = FrameEncoder()
        try build(&encoder)
        try await send(encoder.bytes)
    }

    /// The next event from the peer, or `nil` when it closed the connection.
    func nextEvent() async throws -> FrameDecoder.Event? {
        while true {
            if let event = try decoder.next() {
                return event
            }
            let chunk = try await blocking { [fd] () throws -> [UInt8] in
                var buffer = [UInt8](repeating: 0, count: 65_536)
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count < 0 {
                    throw RawSocketError(description: "recv failed or timed out: errno \(errno)")
                }
                return Array(buffer[0..<count])
            }
            guard !chunk.isEmpty else {
                try decoder.finish()
                return nil
            }
            decoder.append(chunk)
        }
    }

    /// The next frame from the peer, skipping anything else, or `nil` when it closed.
    func nextFrame() async throws -> Frame? {
        while let event = try await nextEvent() {
            if case .frame(let frame) = event {
                return frame
            }
        }
        return nil
    }

    /// Every frame until the peer closes the connection.
    func framesUntilClosed() async throws -> [Frame] {
        var frames: [Frame] = []
        while let frame = try await nextFrame() {
            frames.append(frame)
        }
        return frames
    }

    /// Every byte the peer sends until it closes the connection (or a read times out), without
    /// decoding; for peers that do not speak TWGW, such as a TLS server.
    func readUntilClosed() async throws -> [UInt8] {
        try await blocking { [fd] () -> [UInt8] in
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else {
                    return bytes
                }
                bytes += buffer[0..<count]
            }
        }
    }

    /// Shuts both directions, so the peer reads end-of-input.
    func shutdown() {
        _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

/// A listening socket on 127.0.0.1 that accepts ``RawSocket``s, for tests that play the server.
final class RawListener: @unchecked Sendable {
    // @unchecked Sendable: the descriptor is fixed; accept runs one at a time.

    let port: Int
    private let fd: Int32

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = RawSocket.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard fd >= 0, bound == 0, listen(fd, 16) == 0 else {
            throw RawSocketError(description: "cannot listen: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        Glibc.close(fd)
    }

    /// Accepts one connection, reads the client's preface and SETTINGS, and answers with a
    /// preface and SETTINGS.
    func acceptHandshake() async throws -> RawSocket {
        let socket = try await accept()
        guard case .preface = try await socket.nextEvent(), try await socket.nextFrame()?.type == .settings else {
            throw RawSocketError(description: "the client sent no preface and SETTINGS")
        }
        try await socket.send { encoder in
            encoder.appendPreface()
            encoder.appendSettings(SettingsPayload(maxFrameSize: 4_194_304, maxConcurrentCalls: 100))
        }
        return socket
    }

    /// Accepts one connection.
    func accept() async throws -> RawSocket {
        let accepted = try await blocking { [fd] () throws -> Int32 in
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let client = Glibc.accept(fd, nil, nil)
            guard client >= 0 else {
                throw RawSocketError(description: "accept failed: errno \(errno)")
            }
            return client
        }
        return RawSocket(fd: accepted, expectsPreface: true)
    }
}

/// Runs blocking work on a thread of its own and waits for it.
///
/// A fresh serial queue gets its own thread (an overcommitting one), so blocked test work
/// never holds a thread that the server's queues or the Swift concurrency pool need.
func blocking<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue(label: "test.blocking").async {
            continuation.resume(with: Swift.Result { try body() })
        }
    }
}

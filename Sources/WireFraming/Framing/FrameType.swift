/// The kind of a frame, the byte at offset 4 of its header.
///
/// The set is open: a frame of a type this version does not name keeps its number, and
/// receivers ignore it (see `docs/protocol.md`).
public struct FrameType: Hashable, Sendable, CustomStringConvertible {
    /// The type's number on the wire.
    public let rawValue: UInt8

    /// Creates a type from its wire number.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Connection parameters; stream 0 only.
    public static let settings = FrameType(rawValue: 0x0)
    /// Opens a call: path, timeout and metadata. Client to server.
    public static let headers = FrameType(rawValue: 0x1)
    /// One complete encoded message of a call, in either direction.
    public static let message = FrameType(rawValue: 0x2)
    /// Ends a call with its status. Server to client.
    public static let trailers = FrameType(rawValue: 0x3)
    /// Asks the server to stop a call. Client to server.
    public static let cancel = FrameType(rawValue: 0x4)
    /// Measures round-trip time or checks liveness; stream 0 only.
    public static let ping = FrameType(rawValue: 0x5)
    /// Announces that the sender stops taking calls, or why it closes the connection; stream 0 only.
    public static let goAway = FrameType(rawValue: 0x6)

    /// Whether version 1 of the protocol defines this type.
    public var isKnown: Bool {
        rawValue <= Self.goAway.rawValue
    }

    /// Whether frames of this type belong to stream 0 rather than to a call.
    public var isConnectionLevel: Bool {
        self == .settings || self == .ping || self == .goAway
    }

    /// The type's name as written in `docs/protocol.md`, such as `HEADERS`.
    public var description: String {
        switch rawValue {
        case 0x0: "SETTINGS"
        case 0x1: "HEADERS"
        case 0x2: "MESSAGE"
        case 0x3: "TRAILERS"
        case 0x4: "CANCEL"
        case 0x5: "PING"
        case 0x6: "GOAWAY"
        default: "TYPE_0x" + String(rawValue, radix: 16)
        }
    }
}

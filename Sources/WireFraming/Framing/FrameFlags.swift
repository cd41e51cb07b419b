/// The flag bits of a frame, the byte at offset 5 of its header.
///
/// A bit means something only for the frame types that define it; senders set every other
/// bit to zero and receivers ignore bits they do not know.
public struct FrameFlags: OptionSet, Hashable, Sendable {
    /// The flag byte as sent.
    public let rawValue: UInt8

    /// Creates flags from their wire byte.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// On a client's MESSAGE: the client sends no more requests on this call.
    public static let endStream = FrameFlags(rawValue: 0x1)
    /// On PING: this frame answers a ping and carries its bytes back.
    public static let ack = FrameFlags(rawValue: 0x1)
}

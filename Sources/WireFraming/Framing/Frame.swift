/// One frame: a header's type, flags and stream ID with the payload that follows it.
///
/// The payload length is not stored; it is the size of ``payload``.
public struct Frame: Hashable, Sendable {
    /// The kind of frame.
    public var type: FrameType
    /// The flag bits.
    public var flags: FrameFlags
    /// The call the frame belongs to, or 0 for the connection.
    public var streamID: UInt32
    /// The payload bytes, laid out as ``type`` defines.
    public var payload: [UInt8]

    /// Creates a frame.
    public init(type: FrameType, flags: FrameFlags = [], streamID: UInt32, payload: [UInt8] = []) {
        self.type = type
        self.flags = flags
        self.streamID = streamID
        self.payload = payload
    }

    /// The header that precedes this frame's payload on the wire.
    ///
    /// A payload longer than `UInt32.max` bytes cannot be framed; its length is clamped here
    /// and ``FrameEncoder`` refuses it.
    public var header: FrameHeader {
        FrameHeader(
            payloadLength: UInt32(clamping: payload.count),
            type: type,
            flags: flags,
            streamID: streamID
        )
    }
}

/// The fixed 10 bytes that start every frame: payload length, type, flags and stream ID.
public struct FrameHeader: Hashable, Sendable {
    /// The size of an encoded header in bytes.
    public static let size = 10

    /// The number of payload bytes that follow the header.
    public var payloadLength: UInt32
    /// The kind of frame.
    public var type: FrameType
    /// The flag bits.
    public var flags: FrameFlags
    /// The call the frame belongs to, or 0 for the connection itself.
    public var streamID: UInt32

    /// Creates a header.
    public init(payloadLength: UInt32, type: FrameType, flags: FrameFlags = [], streamID: UInt32) {
        self.payloadLength = payloadLength
        self.type = type
        self.flags = flags
        self.streamID = streamID
    }

    /// Reads a header from the first ``size`` bytes of `bytes`.
    ///
    /// - Parameter bytes: At least ``size`` bytes.
    /// - Returns: The header, or `nil` when fewer than ``size`` bytes were given.
    public init?(decoding bytes: some Collection<UInt8>) {
        guard bytes.count >= Self.size else {
            return nil
        }
        var reader = ByteReader(bytes)
        guard let length = reader.readUInt32(), let type = reader.readUInt8(), let flags = reader.readUInt8(),
            let streamID = reader.readUInt32()
        else {
            return nil
        }
        self.init(
            payloadLength: length,
            type: FrameType(rawValue: type),
            flags: FrameFlags(rawValue: flags),
            streamID: streamID
        )
    }

    /// Appends the header's ``size`` bytes to `output`.
    public func encode(into output: inout [UInt8]) {
        output.appendBigEndian(payloadLength)
        output.append(type.rawValue)
        output.append(flags.rawValue)
        output.appendBigEndian(streamID)
    }
}

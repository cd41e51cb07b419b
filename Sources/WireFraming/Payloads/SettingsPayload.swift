/// The payload of a SETTINGS frame: the limits its sender works with.
///
/// Layout: any number of 6-byte entries, each a u16 setting ID and a u32 value. A receiver
/// ignores IDs it does not know; when an ID repeats, the last value counts.
public struct SettingsPayload: Hashable, Sendable {
    /// The ID of the largest frame payload the sender accepts, in bytes.
    public static let maxFrameSizeID: UInt16 = 1
    /// The ID of the number of calls the sender runs at once on one connection.
    public static let maxConcurrentCallsID: UInt16 = 2
    /// The smallest maximum frame size a peer may announce: 16 KiB.
    public static let minimumMaxFrameSize: UInt32 = 16_384
    /// The maximum frame size assumed until a peer announces its own: 4 MiB.
    public static let defaultMaxFrameSize: UInt32 = 4_194_304

    /// The largest frame payload the sender accepts, if announced.
    public var maxFrameSize: UInt32?
    /// How many calls the sender runs at once on one connection, if announced.
    public var maxConcurrentCalls: UInt32?

    /// Creates a payload.
    public init(maxFrameSize: UInt32? = nil, maxConcurrentCalls: UInt32? = nil) {
        self.maxFrameSize = maxFrameSize
        self.maxConcurrentCalls = maxConcurrentCalls
    }

    /// Decodes a SETTINGS payload.
    ///
    /// - Throws: ``FramingError`` with ``FramingError/Code/malformedPayload`` when the length
    ///   is not a multiple of 6 or a maximum frame size is below ``minimumMaxFrameSize``.
    public init(decoding payload: [UInt8]) throws(FramingError) {
        guard payload.count % 6 == 0 else {
            throw FramingError.malformed(.settings, "\(payload.count) bytes is not a whole number of 6-byte entries")
        }
        self.init()
        var reader = ByteReader(payload)
        while let id = reader.readUInt16(), let value = reader.readUInt32() {
            switch id {
            case Self.maxFrameSizeID:
                guard value >= Self.minimumMaxFrameSize else {
                    throw FramingError.malformed(
                        .settings,
                        "MAX_FRAME_SIZE is \(value) bytes; it must be at least \(Self.minimumMaxFrameSize)"
                    )
                }
                maxFrameSize = value
            case Self.maxConcurrentCallsID:
                maxConcurrentCalls = value
            default:
                continue
            }
        }
    }

    /// Appends the encoded payload to `output`: the announced settings in ID order.
    public func encode(into output: inout [UInt8]) {
        if let maxFrameSize {
            output.appendBigEndian(Self.maxFrameSizeID)
            output.appendBigEndian(maxFrameSize)
        }
        if let maxConcurrentCalls {
            output.appendBigEndian(Self.maxConcurrentCallsID)
            output.appendBigEndian(maxConcurrentCalls)
        }
    }
}

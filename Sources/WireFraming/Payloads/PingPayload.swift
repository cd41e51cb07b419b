/// The payload of a PING frame: 8 opaque bytes, returned unchanged in the ACK.
public struct PingPayload: Hashable, Sendable {
    /// The payload size in bytes.
    public static let size = 8

    /// The 8 bytes as a big-endian integer.
    public var data: UInt64

    /// Creates a payload.
    public init(data: UInt64) {
        self.data = data
    }

    /// Decodes a PING payload.
    ///
    /// - Throws: ``FramingError`` with ``FramingError/Code/malformedPayload`` unless the
    ///   payload is exactly 8 bytes.
    public init(decoding payload: [UInt8]) throws(FramingError) {
        var reader = ByteReader(payload)
        guard payload.count == Self.size, let data = reader.readUInt64() else {
            throw FramingError.malformed(.ping, "the payload is \(payload.count) bytes; it must be \(Self.size)")
        }
        self.init(data: data)
    }

    /// Appends the encoded payload to `output`.
    public func encode(into output: inout [UInt8]) {
        output.appendBigEndian(data)
    }
}

public import RPCCore

/// The payload of a HEADERS frame, which opens a call: the method path, the timeout and the
/// metadata.
///
/// Layout: u16 path length, path (UTF-8); u32 timeout in milliseconds (0 for none); u16
/// metadata count; then per entry u16 key length, key (lowercase ASCII), u32 value length,
/// value (UTF-8). Nothing may follow the last entry.
public struct HeadersPayload: Hashable, Sendable {
    /// The method path, such as `/twilio.gateway.v1.Messaging/SendSms`.
    public var path: String
    /// The time the client allows, in milliseconds from when the server receives the frame;
    /// 0 for no deadline.
    public var timeoutMilliseconds: UInt32
    /// The metadata, in the order sent.
    public var metadata: RPCMetadata

    /// Creates a payload.
    public init(path: String, timeoutMilliseconds: UInt32 = 0, metadata: RPCMetadata = RPCMetadata()) {
        self.path = path
        self.timeoutMilliseconds = timeoutMilliseconds
        self.metadata = metadata
    }

    /// The timeout as a duration, or `nil` when there is none.
    public var timeout: Duration? {
        timeoutMilliseconds == 0 ? nil : .milliseconds(Int64(timeoutMilliseconds))
    }

    /// The wire value of a timeout: whole milliseconds rounded up, so at least 1, and at most
    /// `UInt32.max` (about 49.7 days); 0 for `nil`.
    ///
    /// - Parameter timeout: A positive duration, or `nil` for no deadline.
    public static func milliseconds(for timeout: Duration?) -> UInt32 {
        guard let timeout else {
            return 0
        }
        let (seconds, attoseconds) = timeout.components
        guard seconds >= 0 else {
            return 1
        }
        guard seconds <= Int64(UInt32.max / 1000) else {
            return UInt32.max
        }
        let attosecondsPerMillisecond: Int64 = 1_000_000_000_000_000
        let partial = (attoseconds + attosecondsPerMillisecond - 1) / attosecondsPerMillisecond
        let total = UInt64(seconds) * 1000 + UInt64(max(0, partial))

        return UInt32(clamping: max(1, total))
    }

    /// Decodes a HEADERS payload.
    ///
    /// - Parameter payload: The frame's payload.
    /// - Throws: ``FramingError`` with ``FramingError/Code/malformedPayload`` naming the
    ///   field whose length runs past the payload, the text that is not UTF-8, the key that is
    ///   not lowercase ASCII, or the bytes left over.
    public init(decoding payload: [UInt8]) throws(FramingError) {
        var reader = ByteReader(payload)
        let path = try reader.readText(.uint16, field: "the path", frame: .headers)
        guard let timeout = reader.readUInt32() else {
            throw FramingError.malformed(.headers, "the payload ends inside the timeout")
        }
        guard let count = reader.readUInt16() else {
            throw FramingError.malformed(.headers, "the payload ends inside the metadata count")
        }
        var metadata = RPCMetadata()
        for index in 0..<Int(count) {
            let key = try reader.readText(.uint16, field: "metadata key \(index)", frame: .headers)
            guard Self.isValidKey(key) else {
                throw FramingError.malformed(.headers, "metadata key \(index) is not lowercase ASCII without spaces")
            }
            let value = try reader.readText(.uint32, field: "the value of metadata \"\(key)\"", frame: .headers)
            metadata.add(key, value)
        }
        try reader.expectEnd(of: .headers, after: "the last metadata entry")

        self.init(path: path, timeoutMilliseconds: timeout, metadata: metadata)
    }

    /// Appends the encoded payload to `output`.
    ///
    /// - Throws: ``FramingError`` with ``FramingError/Code/valueTooLarge`` for a path or key
    ///   over 65,535 bytes or more than 65,535 entries, and
    ///   ``FramingError/Code/malformedPayload`` for a key that is not lowercase ASCII.
    public func encode(into output: inout [UInt8]) throws(FramingError) {
        try output.appendField(path.utf8, .uint16, field: "the path")
        output.appendBigEndian(timeoutMilliseconds)
        guard metadata.count <= Int(UInt16.max) else {
            throw FramingError(
                code: .valueTooLarge,
                message: "a call carries at most 65535 metadata entries, not \(metadata.count)"
            )
        }
        output.appendBigEndian(UInt16(metadata.count))
        for entry in metadata {
            guard Self.isValidKey(entry.key) else {
                throw FramingError(
                    code: .malformedPayload,
                    message: "metadata key \"\(entry.key)\" must be lowercase ASCII without spaces"
                )
            }
            try output.appendField(entry.key.utf8, .uint16, field: "metadata key \"\(entry.key)\"")
            try output.appendField(entry.value.utf8, .uint32, field: "the value of metadata \"\(entry.key)\"")
        }
    }

    /// Whether `key` is non-empty and made of printable ASCII other than capital letters.
    static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { (0x21...0x7E).contains($0) && !(0x41...0x5A).contains($0) }
    }
}

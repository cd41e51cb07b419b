public import RPCCore

/// The payload of a TRAILERS frame, which ends a call with its status.
///
/// Layout: u8 status code; u16 message length, message (UTF-8); u32 details length,
/// details (an encoded `twilio.gateway.v1.ErrorDetails`, or nothing). Nothing may follow.
public struct TrailersPayload: Hashable, Sendable {
    /// The call's status.
    public var status: RPCStatus

    /// Creates a payload.
    public init(status: RPCStatus) {
        self.status = status
    }

    /// Decodes a TRAILERS payload.
    ///
    /// - Throws: ``FramingError`` with ``FramingError/Code/malformedPayload`` naming the
    ///   field that runs past the payload, a message that is not UTF-8, or bytes left over.
    public init(decoding payload: [UInt8]) throws(FramingError) {
        var reader = ByteReader(payload)
        guard let code = reader.readUInt8() else {
            throw FramingError.malformed(.trailers, "the payload is empty; it must start with a status code")
        }
        let message = try reader.readText(.uint16, field: "the message", frame: .trailers)
        let details = try reader.readField(.uint32, field: "the details", frame: .trailers)
        try reader.expectEnd(of: .trailers, after: "the details")

        self.init(status: RPCStatus(code: RPCStatusCode(rawValue: code), message: message, details: Array(details)))
    }

    /// Appends the encoded payload to `output`, keeping it within `maxLength` bytes.
    ///
    /// A message over 65,535 bytes, or one that would push the payload past `maxLength`, is
    /// cut at a character boundary; details that do not fit are dropped. The status code
    /// always goes through.
    ///
    /// - Parameters:
    ///   - output: Where the bytes go.
    ///   - maxLength: The largest payload the receiver accepts.
    public func encode(into output: inout [UInt8], maxLength: Int = Int(UInt32.max)) {
        let fixed = 1 + 2 + 4
        let details = fixed + status.details.count <= maxLength ? status.details : []
        let room = max(0, min(Int(UInt16.max), maxLength - fixed - details.count))
        let message = Self.prefix(of: status.message, fittingIn: room)

        output.append(status.code.rawValue)
        output.appendBigEndian(UInt16(message.count))
        output.append(contentsOf: message)
        output.appendBigEndian(UInt32(details.count))
        output.append(contentsOf: details)
    }

    /// The longest prefix of `text`'s UTF-8 bytes that fits `limit` and ends on a character.
    private static func prefix(of text: String, fittingIn limit: Int) -> ArraySlice<UInt8> {
        let bytes = Array(text.utf8)
        guard bytes.count > limit else {
            return bytes[...]
        }
        var end = limit
        while end > 0 && bytes[end] & 0xC0 == 0x80 {
            end -= 1
        }
        return bytes[..<end]
    }
}

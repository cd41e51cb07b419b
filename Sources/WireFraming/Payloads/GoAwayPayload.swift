public import RPCCore

/// The payload of a GOAWAY frame: the sender takes no call above ``lastStreamID`` and says why.
///
/// Layout: u32 last stream ID; u8 status code; u16 message length, message (UTF-8). Nothing
/// may follow.
public struct GoAwayPayload: Hashable, Sendable {
    /// The highest stream ID the sender accepted and will finish; calls above it were not run.
    public var lastStreamID: UInt32
    /// ``RPCStatusCode/ok`` for a graceful goodbye, otherwise what went wrong.
    public var code: RPCStatusCode
    /// Why the sender goes away, such as `server shutting down`.
    public var message: String

    /// Creates a payload.
    public init(lastStreamID: UInt32, code: RPCStatusCode, message: String) {
        self.lastStreamID = lastStreamID
        self.code = code
        self.message = message
    }

    /// Decodes a GOAWAY payload.
    ///
    /// - Throws: ``FramingError`` with ``FramingError/Code/malformedPayload`` when a field
    ///   runs past the payload, the message is not UTF-8 or bytes are left over.
    public init(decoding payload: [UInt8]) throws(FramingError) {
        var reader = ByteReader(payload)
        guard let lastStreamID = reader.readUInt32(), let code = reader.readUInt8() else {
            throw FramingError.malformed(.goAway, "\(payload.count) bytes is too short for a stream ID and a code")
        }
        let message = try reader.readText(.uint16, field: "the message", frame: .goAway)
        try reader.expectEnd(of: .goAway, after: "the message")

        self.init(lastStreamID: lastStreamID, code: RPCStatusCode(rawValue: code), message: message)
    }

    /// Appends the encoded payload to `output`; a message over 65,535 bytes is cut short.
    public func encode(into output: inout [UInt8]) {
        output.appendBigEndian(lastStreamID)
        output.append(code.rawValue)
        let text = message.utf8.prefix(Int(UInt16.max))
        output.appendBigEndian(UInt16(text.count))
        output.append(contentsOf: text)
    }
}

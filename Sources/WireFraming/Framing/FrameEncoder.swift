/// Encodes a preface and frames into one growing byte buffer, ready to be written.
///
/// A pure value with no I/O. Frames are appended back to back so that everything queued
/// can go out in one write; ``removeFirst(_:)`` drops what was written. The methods that
/// take a `maxPayloadLength` refuse a frame the receiver would reject and leave the
/// buffer as it was.
public struct FrameEncoder: Sendable {
    /// The encoded bytes not yet removed.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty encoder.
    public init() {}

    /// The number of encoded bytes held.
    public var count: Int {
        bytes.count
    }

    /// Drops the first `count` bytes, such as those a write sent.
    public mutating func removeFirst(_ count: Int) {
        if count >= bytes.count {
            bytes.removeAll(keepingCapacity: true)
        } else {
            bytes.removeFirst(count)
        }
    }

    /// Appends a connection preface.
    public mutating func appendPreface(_ preface: ConnectionPreface = .current) {
        bytes.append(contentsOf: preface.bytes)
    }

    /// Appends a frame as it is.
    ///
    /// - Throws: ``FramingError`` with ``FramingError/Code/oversizedFrame`` when the payload
    ///   is over `maxPayloadLength`.
    public mutating func append(_ frame: Frame, maxPayloadLength: Int = Int(UInt32.max)) throws(FramingError) {
        try appendFrame(frame.type, frame.flags, frame.streamID, maxPayloadLength) { output in
            output.append(contentsOf: frame.payload)
        }
    }

    /// Appends a HEADERS frame that opens call `streamID`.
    ///
    /// - Throws: ``FramingError``: what ``HeadersPayload/encode(into:)`` throws, or
    ///   ``FramingError/Code/oversizedFrame`` when the payload is over `maxPayloadLength`.
    public mutating func appendHeaders(
        _ headers: HeadersPayload,
        streamID: UInt32,
        maxPayloadLength: Int = Int(UInt32.max)
    ) throws(FramingError) {
        try appendFrame(.headers, [], streamID, maxPayloadLength) { (output) throws(FramingError) in
            try headers.encode(into: &output)
        }
    }

    /// Appends a MESSAGE frame carrying one encoded message of call `streamID`.
    ///
    /// - Parameter endStream: Set on a client's last request message.
    /// - Throws: ``FramingError`` with ``FramingError/Code/oversizedFrame`` when the message is
    ///   over `maxPayloadLength`.
    public mutating func appendMessage(
        _ message: [UInt8],
        streamID: UInt32,
        endStream: Bool = false,
        maxPayloadLength: Int = Int(UInt32.max)
    ) throws(FramingError) {
        try appendFrame(.message, endStream ? .endStream : [], streamID, maxPayloadLength) { output in
            output.append(contentsOf: message)
        }
    }

    /// Appends a TRAILERS frame that ends call `streamID`, cut to fit `maxPayloadLength` as
    /// ``TrailersPayload/encode(into:maxLength:)`` describes.
    public mutating func appendTrailers(
        _ trailers: TrailersPayload,
        streamID: UInt32,
        maxPayloadLength: Int = Int(UInt32.max)
    ) {
        appendInfallibly(.trailers, [], streamID) { trailers.encode(into: &$0, maxLength: maxPayloadLength) }
    }

    /// Appends a SETTINGS frame on stream 0.
    public mutating func appendSettings(_ settings: SettingsPayload) {
        appendInfallibly(.settings, [], 0) { settings.encode(into: &$0) }
    }

    /// Appends a CANCEL frame that stops call `streamID`.
    public mutating func appendCancel(_ cancel: CancelPayload = CancelPayload(), streamID: UInt32) {
        appendInfallibly(.cancel, [], streamID) { cancel.encode(into: &$0) }
    }

    /// Appends a PING frame on stream 0.
    ///
    /// - Parameter ack: Whether this frame answers a ping.
    public mutating func appendPing(_ ping: PingPayload, ack: Bool = false) {
        appendInfallibly(.ping, ack ? .ack : [], 0) { ping.encode(into: &$0) }
    }

    /// Appends a GOAWAY frame on stream 0.
    public mutating func appendGoAway(_ goAway: GoAwayPayload) {
        appendInfallibly(.goAway, [], 0) { goAway.encode(into: &$0) }
    }

    /// Writes a header with a placeholder length, lets `payload` append the payload, then
    /// patches the length in; on failure the buffer is put back as it was.
    private mutating func appendFrame(
        _ type: FrameType,
        _ flags: FrameFlags,
        _ streamID: UInt32,
        _ maxPayloadLength: Int,
        payload: (inout [UInt8]) throws(FramingError) -> Void
    ) throws(FramingError) {
        let start = bytes.count
        FrameHeader(payloadLength: 0, type: type, flags: flags, streamID: streamID).encode(into: &bytes)
        do {
            try payload(&bytes)
        } catch {
            bytes.removeSubrange(start...)
            throw error
        }

        let length = bytes.count - start - FrameHeader.size
        let limit = min(maxPayloadLength, Int(UInt32.max))
        guard length <= limit else {
            bytes.removeSubrange(start...)
            throw FramingError(
                code: .oversizedFrame,
                message: "frame of \(length) bytes exceeds the limit of \(limit) bytes"
            )
        }
        bytes.setBigEndian(UInt32(length), at: start)
    }

    /// Appends a frame whose payload is small and always encodable.
    private mutating func appendInfallibly(
        _ type: FrameType,
        _ flags: FrameFlags,
        _ streamID: UInt32,
        payload: (inout [UInt8]) -> Void
    ) {
        let start = bytes.count
        FrameHeader(payloadLength: 0, type: type, flags: flags, streamID: streamID).encode(into: &bytes)
        payload(&bytes)
        bytes.setBigEndian(UInt32(clamping: bytes.count - start - FrameHeader.size), at: start)
    }
}

/// Turns a byte stream into a preface and frames, whatever the chunking of the input.
///
/// A pure state machine with no I/O: ``append(_:)`` the bytes as they arrive, then call
/// ``next()`` until it returns `nil`. A header that announces a payload over
/// ``maxPayloadLength`` yields ``Event/oversized(_:)`` before any room is made for the payload,
/// and the payload's bytes are then dropped as they arrive, never buffered; so are the
/// payloads of frame types version 1 does not define (``Event/unknownType(_:)``). The buffer
/// thus holds at most one frame plus one appended chunk.
///
/// After ``next()`` has thrown, the decoder is broken: every later call throws the same error.
public struct FrameDecoder: Sendable {
    /// What the decoder found in the input.
    public enum Event: Hashable, Sendable {
        /// The peer's connection preface (the magic was checked; the version was not).
        case preface(ConnectionPreface)
        /// A complete frame of a type version 1 defines, within the size limit.
        case frame(Frame)
        /// A header whose payload is over the limit; the payload is being skipped.
        case oversized(FrameHeader)
        /// A header of a type version 1 does not define; the payload is being skipped.
        case unknownType(FrameHeader)
    }

    private enum State: Sendable {
        /// Waiting for the 8-byte preface; moves to `header`.
        case preface
        /// Waiting for a 10-byte header; moves to `payload` or `skipping`, or stays.
        case header
        /// Waiting for the rest of this frame's payload; moves to `header`.
        case payload(FrameHeader)
        /// Dropping this many more payload bytes; moves to `header` at zero.
        case skipping(Int)
        /// The input broke the format; final.
        case failed(FramingError)
    }

    /// The largest payload accepted, in bytes.
    public let maxPayloadLength: Int
    private var state: State
    private var buffer: [UInt8] = []
    private var readIndex = 0

    /// Creates a decoder.
    ///
    /// - Parameters:
    ///   - maxPayloadLength: The largest payload accepted, in bytes.
    ///   - expectsPreface: Whether the input starts with a ``ConnectionPreface``.
    public init(maxPayloadLength: Int, expectsPreface: Bool = true) {
        self.maxPayloadLength = maxPayloadLength
        self.state = expectsPreface ? .preface : .header
    }

    /// The number of bytes received but not decoded yet.
    public var bufferedByteCount: Int {
        buffer.count - readIndex
    }

    /// Adds bytes read from the peer.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        var input = bytes[...]
        if case .skipping(let remaining) = state {
            let dropped = min(remaining, input.count)
            input = input.dropFirst(dropped)
            state = remaining == dropped ? .header : .skipping(remaining - dropped)
        }
        guard !input.isEmpty else {
            return
        }
        compact()
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: input))
    }

    /// Adds bytes read from the peer.
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Decodes the next preface, frame or skipped header, if the input holds one.
    ///
    /// - Returns: The next event, or `nil` when more input is needed.
    /// - Throws: ``FramingError`` with ``FramingError/Code/invalidPreface`` when the input does
    ///   not start with the magic (checked byte by byte, so garbage fails early).
    public mutating func next() throws(FramingError) -> Event? {
        switch state {
        case .failed(let error):
            throw error
        case .preface:
            return try decodePreface()
        case .header:
            guard let header = decodeHeader() else {
                return nil
            }
            return start(header)
        case .payload(let header):
            return decodePayload(header)
        case .skipping:
            return nil
        }
    }

    /// Checks that the input ended between frames, for when the peer closes its side.
    ///
    /// - Throws: ``FramingError`` with ``FramingError/Code/truncatedInput`` when the input
    ///   ended inside the preface, a header or a payload.
    public func finish() throws(FramingError) {
        let unread = bufferedByteCount
        switch state {
        case .failed(let error):
            throw error
        case .preface where unread > 0:
            throw FramingError(
                code: .truncatedInput,
                message: "the input ended after \(unread) of the \(ConnectionPreface.size) preface bytes"
            )
        case .header where unread > 0:
            throw FramingError(
                code: .truncatedInput,
                message: "the input ended after \(unread) of the \(FrameHeader.size) bytes of a frame header"
            )
        case .payload(let header):
            throw FramingError(
                code: .truncatedInput,
                message: "the input ended after \(unread) of the \(header.payloadLength) payload bytes "
                    + "of a \(header.type) frame on stream \(header.streamID)"
            )
        case .skipping(let remaining):
            throw FramingError(
                code: .truncatedInput,
                message: "the input ended \(remaining) bytes before the end of a skipped payload"
            )
        case .preface, .header:
            return
        }
    }

    private mutating func decodePreface() throws(FramingError) -> Event? {
        let unread = bufferedByteCount
        for offset in 0..<min(unread, ConnectionPreface.magic.count)
        where buffer[readIndex + offset] != ConnectionPreface.magic[offset] {
            let error = FramingError(code: .invalidPreface, message: "expected the TWGW preface")
            state = .failed(error)
            throw error
        }
        guard unread >= ConnectionPreface.size else {
            return nil
        }
        let preface = ConnectionPreface(majorVersion: buffer[readIndex + 4], minorVersion: buffer[readIndex + 5])
        consume(ConnectionPreface.size)
        state = .header

        return .preface(preface)
    }

    private mutating func decodeHeader() -> FrameHeader? {
        guard bufferedByteCount >= FrameHeader.size else {
            return nil
        }
        var reader = ByteReader(buffer[readIndex..<readIndex + FrameHeader.size])
        guard let length = reader.readUInt32(), let type = reader.readUInt8(), let flags = reader.readUInt8(),
            let streamID = reader.readUInt32()
        else {
            return nil
        }
        consume(FrameHeader.size)

        return FrameHeader(
            payloadLength: length,
            type: FrameType(rawValue: type),
            flags: FrameFlags(rawValue: flags),
            streamID: streamID
        )
    }

    private mutating func start(_ header: FrameHeader) -> Event? {
        let length = Int(header.payloadLength)
        if length > maxPayloadLength {
            skip(length)
            return .oversized(header)
        }
        if !header.type.isKnown {
            skip(length)
            return .unknownType(header)
        }
        state = .payload(header)
        if bufferedByteCount < length {
            buffer.reserveCapacity(buffer.count + length - bufferedByteCount)
        }
        return decodePayload(header)
    }

    private mutating func decodePayload(_ header: FrameHeader) -> Event? {
        let length = Int(header.payloadLength)
        guard bufferedByteCount >= length else {
            return nil
        }
        let payload = length == 0 ? [] : Array(buffer[readIndex..<readIndex + length])
        consume(length)
        state = .header

        return .frame(Frame(type: header.type, flags: header.flags, streamID: header.streamID, payload: payload))
    }

    /// Drops `count` payload bytes: those already buffered now, the rest in ``append(_:)``.
    private mutating func skip(_ count: Int) {
        let dropped = min(count, bufferedByteCount)
        consume(dropped)
        state = count == dropped ? .header : .skipping(count - dropped)
    }

    private mutating func consume(_ count: Int) {
        readIndex += count
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        }
    }

    /// Moves unread bytes to the front once the consumed prefix is large, so the buffer is
    /// reused rather than grown.
    private mutating func compact() {
        if readIndex >= 4096 && readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }
}

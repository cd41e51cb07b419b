internal import RPCCore
internal import Testing
internal import WireFraming

@Suite("FrameDecoder")
struct FrameDecoderTests {
    /// A preface followed by three frames of different types and sizes.
    static func sampleStream() throws -> (bytes: [UInt8], frames: [Frame]) {
        let frames = [
            Frame(type: .settings, streamID: 0, payload: [0, 1, 0, 0, 0x40, 0]),
            Frame(type: .message, flags: .endStream, streamID: 7, payload: Array(0..<200)),
            Frame(type: .ping, streamID: 0, payload: [1, 2, 3, 4, 5, 6, 7, 8]),
            Frame(type: .cancel, streamID: 9),
        ]
        var encoder = FrameEncoder()
        encoder.appendPreface()
        for frame in frames {
            try encoder.append(frame)
        }
        return (encoder.bytes, frames)
    }

    /// Feeds `bytes` in chunks of `size` and collects every event.
    static func decode(_ bytes: [UInt8], chunkSize size: Int, limit: Int = 1024) throws -> [FrameDecoder.Event] {
        var decoder = FrameDecoder(maxPayloadLength: limit)
        var events: [FrameDecoder.Event] = []
        var offset = 0
        while offset < bytes.count {
            decoder.append(Array(bytes[offset..<min(offset + size, bytes.count)]))
            offset += size
            while let event = try decoder.next() {
                events.append(event)
            }
        }
        try decoder.finish()
        return events
    }

    @Test("decodes the same frames whatever the chunking", arguments: [1, 2, 3, 7, 10, 64, 100_000])
    func chunking(size: Int) throws {
        let (bytes, frames) = try Self.sampleStream()
        let events = try Self.decode(bytes, chunkSize: size)
        #expect(events == [.preface(.current)] + frames.map { .frame($0) })
    }

    @Test("many frames in one chunk come out in order")
    func manyFramesInOneChunk() throws {
        var encoder = FrameEncoder()
        encoder.appendPreface()
        for streamID in UInt32(1)...500 {
            try encoder.appendMessage([UInt8(truncatingIfNeeded: streamID)], streamID: streamID)
        }
        let events = try Self.decode(encoder.bytes, chunkSize: encoder.bytes.count)
        #expect(events.count == 501)
        #expect(events.last == .frame(Frame(type: .message, streamID: 500, payload: [244])))
    }

    @Test("an oversized frame is reported before its payload arrives, skipped, and the next frame decodes")
    func oversized() throws {
        var decoder = FrameDecoder(maxPayloadLength: 16, expectsPreface: false)
        var encoder = FrameEncoder()
        try encoder.appendMessage([UInt8](repeating: 9, count: 1000), streamID: 3)
        try encoder.appendMessage([1, 2], streamID: 5)

        decoder.append(Array(encoder.bytes[0..<FrameHeader.size]))
        let first = try decoder.next()
        #expect(first == .oversized(FrameHeader(payloadLength: 1000, type: .message, streamID: 3)))

        decoder.append(Array(encoder.bytes[FrameHeader.size..<500]))
        #expect(try decoder.next() == nil)
        #expect(decoder.bufferedByteCount == 0)

        decoder.append(Array(encoder.bytes[500...]))
        #expect(try decoder.next() == .frame(Frame(type: .message, streamID: 5, payload: [1, 2])))
        try decoder.finish()
    }

    @Test("a garbage preface fails at the first wrong byte", arguments: ["G", "GET / HTTP/1.1\r\n", "TWGX"])
    func garbagePreface(text: String) {
        var decoder = FrameDecoder(maxPayloadLength: 1024)
        decoder.append(Array(text.utf8))
        #expect(throws: FramingError(code: .invalidPreface, message: "expected the TWGW preface")) {
            try decoder.next()
        }
        #expect(throws: FramingError.self) { try decoder.next() }
    }

    @Test("a preface of another version is decoded for the caller to judge")
    func otherVersion() throws {
        var decoder = FrameDecoder(maxPayloadLength: 1024)
        decoder.append([0x54, 0x57, 0x47, 0x57, 2, 5, 0, 0])
        #expect(try decoder.next() == .preface(ConnectionPreface(majorVersion: 2, minorVersion: 5)))
    }

    @Test("an unknown frame type is reported and its payload skipped")
    func unknownType() throws {
        var encoder = FrameEncoder()
        try encoder.append(Frame(type: FrameType(rawValue: 0x42), streamID: 1, payload: Array(repeating: 1, count: 50)))
        try encoder.appendMessage([7], streamID: 1)
        var decoder = FrameDecoder(maxPayloadLength: 1024, expectsPreface: false)
        decoder.append(encoder.bytes)

        #expect(
            try decoder.next()
                == .unknownType(FrameHeader(payloadLength: 50, type: FrameType(rawValue: 0x42), streamID: 1))
        )
        #expect(try decoder.next() == .frame(Frame(type: .message, streamID: 1, payload: [7])))
        #expect(try decoder.next() == nil)
    }

    @Test(
        "input that ends inside a preface, header or payload is truncated",
        arguments: [3, ConnectionPreface.size + 4, ConnectionPreface.size + FrameHeader.size + 100]
    )
    func truncated(length: Int) throws {
        let (bytes, _) = try Self.sampleStream()
        var decoder = FrameDecoder(maxPayloadLength: 1024)
        decoder.append(Array(bytes[0..<length]))
        while try decoder.next() != nil {}
        #expect {
            try decoder.finish()
        } throws: { error in
            (error as? FramingError)?.code == .truncatedInput
        }
    }

    @Test("input that ends between frames is complete")
    func endsBetweenFrames() throws {
        let (bytes, frames) = try Self.sampleStream()
        #expect(try Self.decode(bytes, chunkSize: 5).count == frames.count + 1)
        var empty = FrameDecoder(maxPayloadLength: 1024)
        #expect(try empty.next() == nil)
        try empty.finish()
    }
}

internal import RPCCore
internal import Testing
internal import WireFraming

@Suite("FrameEncoder")
struct FrameEncoderTests {
    @Test("a header is length, type, flags and stream ID, big-endian")
    func headerBytes() throws {
        var encoder = FrameEncoder()
        try encoder.appendMessage([0xAA, 0xBB], streamID: 0x0102_0304, endStream: true)
        #expect(encoder.bytes == [0, 0, 0, 2, 0x02, 0x01, 1, 2, 3, 4, 0xAA, 0xBB])
        #expect(
            FrameHeader(decoding: encoder.bytes)
                == FrameHeader(payloadLength: 2, type: .message, flags: .endStream, streamID: 0x0102_0304)
        )
    }

    @Test("the preface is TWGW, version 1.0 and two zero bytes")
    func preface() {
        var encoder = FrameEncoder()
        encoder.appendPreface()
        #expect(encoder.bytes == [0x54, 0x57, 0x47, 0x57, 1, 0, 0, 0])
    }

    @Test("a frame over the limit is refused and leaves the buffer as it was")
    func oversizedRefused() throws {
        var encoder = FrameEncoder()
        encoder.appendCancel(streamID: 1)
        let before = encoder.bytes
        #expect(throws: FramingError(code: .oversizedFrame, message: "frame of 20 bytes exceeds the limit of 16 bytes"))
        {
            try encoder.appendMessage([UInt8](repeating: 0, count: 20), streamID: 3, maxPayloadLength: 16)
        }
        #expect(encoder.bytes == before)
    }

    @Test("removeFirst drops written bytes and keeps the rest")
    func removeFirst() throws {
        var encoder = FrameEncoder()
        encoder.appendPing(PingPayload(data: 1))
        encoder.appendPing(PingPayload(data: 2), ack: true)
        encoder.removeFirst(FrameHeader.size + PingPayload.size)
        #expect(FrameHeader(decoding: encoder.bytes)?.flags == .ack)
        encoder.removeFirst(encoder.count)
        #expect(encoder.count == 0)
    }

    @Test("every frame kind round-trips through the decoder")
    func roundTrip() throws {
        var encoder = FrameEncoder()
        let headers = HeadersPayload(path: "/a.B/C", timeoutMilliseconds: 5, metadata: ["k": "v"])
        try encoder.appendHeaders(headers, streamID: 1)
        encoder.appendTrailers(
            TrailersPayload(status: RPCStatus(code: .notFound, message: "no", details: [1])),
            streamID: 1
        )
        encoder.appendSettings(SettingsPayload(maxFrameSize: 20_000, maxConcurrentCalls: 3))
        encoder.appendGoAway(GoAwayPayload(lastStreamID: 1, code: .ok, message: "bye"))

        var decoder = FrameDecoder(maxPayloadLength: 1 << 20, expectsPreface: false)
        decoder.append(encoder.bytes)
        var frames: [Frame] = []
        while case .frame(let frame) = try decoder.next() {
            frames.append(frame)
        }
        #expect(frames.map(\.type) == [.headers, .trailers, .settings, .goAway])
        #expect(try HeadersPayload(decoding: frames[0].payload) == headers)
        #expect(try TrailersPayload(decoding: frames[1].payload).status.details == [1])
        #expect(
            try SettingsPayload(decoding: frames[2].payload)
                == SettingsPayload(maxFrameSize: 20_000, maxConcurrentCalls: 3)
        )
        #expect(try GoAwayPayload(decoding: frames[3].payload).message == "bye")
    }
}

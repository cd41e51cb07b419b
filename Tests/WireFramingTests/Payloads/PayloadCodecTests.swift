internal import RPCCore
internal import Testing
internal import WireFraming

@Suite("Payload codecs")
struct PayloadCodecTests {
    /// The HEADERS payload of `/a.B/C`, timeout 1000 ms, metadata `k: v`.
    static let headersBytes: [UInt8] =
        [0, 6] + Array("/a.B/C".utf8) + [0, 0, 0x03, 0xE8] + [0, 1] + [0, 1, 0x6B] + [0, 0, 0, 1, 0x76]

    @Test("HEADERS encodes to the documented layout and back")
    func headersLayout() throws {
        let headers = HeadersPayload(path: "/a.B/C", timeoutMilliseconds: 1000, metadata: ["k": "v"])
        var bytes: [UInt8] = []
        try headers.encode(into: &bytes)
        #expect(bytes == Self.headersBytes)
        #expect(try HeadersPayload(decoding: bytes) == headers)
        #expect(headers.timeout == .seconds(1))
    }

    @Test(
        "malformed HEADERS payloads name the problem",
        arguments: [
            ([0], "the payload ends inside the length of the path"),
            ([0, 9, 0x2F], "the path is 9 bytes long but only 1 bytes remain"),
            ([0, 1, 0xFF, 0, 0, 0, 0, 0, 0], "the path is not valid UTF-8"),
            ([0, 1, 0x2F, 0, 0], "the payload ends inside the timeout"),
            ([0, 1, 0x2F, 0, 0, 0, 0, 0], "the payload ends inside the metadata count"),
            (
                [0, 1, 0x2F, 0, 0, 0, 0, 0, 1, 0, 1, 0x4B, 0, 0, 0, 0],
                "metadata key 0 is not lowercase ASCII without spaces"
            ),
            (
                [0, 1, 0x2F, 0, 0, 0, 0, 0, 1, 0, 1, 0x6B, 0, 0, 0, 5, 0x76],
                "the value of metadata \"k\" is 5 bytes long but only 1 bytes remain"
            ),
            ([0, 1, 0x2F, 0, 0, 0, 0, 0, 0, 0xEE], "1 bytes follow the last metadata entry"),
        ] as [([UInt8], String)]
    )
    func malformedHeaders(bytes: [UInt8], problem: String) {
        #expect(throws: FramingError(code: .malformedPayload, message: "malformed HEADERS payload: " + problem)) {
            try HeadersPayload(decoding: bytes)
        }
    }

    @Test("a metadata key that is not lowercase ASCII cannot be encoded")
    func invalidKeyRefused() {
        var metadata = RPCMetadata()
        metadata.add("bad key", "x")
        var bytes: [UInt8] = []
        #expect(throws: FramingError.self) {
            try HeadersPayload(path: "/a/b", metadata: metadata).encode(into: &bytes)
        }
    }

    @Test(
        "timeouts round up to whole milliseconds and stay in range",
        arguments: [
            (Duration?.none, UInt32(0)), (.nanoseconds(1), 1), (.milliseconds(1), 1), (.microseconds(1500), 2),
            (.seconds(3), 3000), (.seconds(10_000_000), UInt32.max),
        ] as [(Duration?, UInt32)]
    )
    func timeoutMilliseconds(timeout: Duration?, expected: UInt32) {
        #expect(HeadersPayload.milliseconds(for: timeout) == expected)
    }

    @Test("TRAILERS encode the status code, message and details")
    func trailersLayout() throws {
        let status = RPCStatus(code: .invalidArgument, message: "bad", details: [0x08, 0x01])
        var bytes: [UInt8] = []
        TrailersPayload(status: status).encode(into: &bytes)
        #expect(bytes == [3, 0, 3, 0x62, 0x61, 0x64, 0, 0, 0, 2, 0x08, 0x01])
        #expect(try TrailersPayload(decoding: bytes).status == status)
    }

    @Test(
        "TRAILERS too large for the receiver are cut: details that do not fit go, the message is shortened",
        arguments: [(3, 3, 20), (60, 0, 21)] as [(Int, Int, Int)]
    )
    func trailersFitting(detailsSize: Int, keptDetails: Int, keptCharacters: Int) throws {
        let details = [UInt8](repeating: 1, count: detailsSize)
        let status = RPCStatus(code: .internalError, message: String(repeating: "é", count: 100), details: details)
        var bytes: [UInt8] = []
        TrailersPayload(status: status).encode(into: &bytes, maxLength: 50)
        #expect(bytes.count <= 50)
        let decoded = try TrailersPayload(decoding: bytes).status
        #expect(decoded.code == .internalError)
        #expect(decoded.details.count == keptDetails)
        #expect(decoded.message == String(repeating: "é", count: keptCharacters))
    }

    @Test(
        "malformed TRAILERS are refused",
        arguments: [[], [0, 0], [0, 0, 1], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 9]] as [[UInt8]]
    )
    func malformedTrailers(bytes: [UInt8]) {
        #expect(throws: FramingError.self) { try TrailersPayload(decoding: bytes) }
    }

    @Test("SETTINGS ignore unknown IDs and keep the last value of a repeated one")
    func settings() throws {
        let bytes: [UInt8] = [0, 9, 0, 0, 0, 7] + [0, 1, 0, 1, 0, 0] + [0, 2, 0, 0, 0, 5] + [0, 1, 0, 2, 0, 0]
        #expect(try SettingsPayload(decoding: bytes) == SettingsPayload(maxFrameSize: 131_072, maxConcurrentCalls: 5))
        #expect(try SettingsPayload(decoding: []) == SettingsPayload())
    }

    @Test(
        "SETTINGS with a partial entry or a tiny frame size are refused",
        arguments: [[0, 1, 0], [0, 1, 0, 0, 0, 1]] as [[UInt8]]
    )
    func malformedSettings(bytes: [UInt8]) {
        #expect(throws: FramingError.self) { try SettingsPayload(decoding: bytes) }
    }

    @Test("GOAWAY round-trips and refuses leftovers")
    func goAway() throws {
        var bytes: [UInt8] = []
        GoAwayPayload(lastStreamID: 41, code: .ok, message: "idle").encode(into: &bytes)
        #expect(bytes == [0, 0, 0, 41, 0, 0, 4] + Array("idle".utf8))
        #expect(try GoAwayPayload(decoding: bytes) == GoAwayPayload(lastStreamID: 41, code: .ok, message: "idle"))
        #expect(throws: FramingError.self) { try GoAwayPayload(decoding: bytes + [0]) }
        #expect(throws: FramingError.self) { try GoAwayPayload(decoding: [0, 0, 0]) }
    }

    @Test("PING needs exactly 8 bytes; CANCEL defaults to CANCELLED")
    func pingAndCancel() throws {
        #expect(try PingPayload(decoding: [0, 0, 0, 0, 0, 0, 1, 2]).data == 0x102)
        #expect(throws: FramingError.self) { try PingPayload(decoding: [1, 2, 3]) }
        #expect(CancelPayload(decoding: []).code == .cancelled)
        #expect(CancelPayload(decoding: [4, 9]).code == .deadlineExceeded)
    }
}

internal import Foundation
internal import RPCCore
internal import Testing
internal import WireFraming

@Suite("docs/protocol.md")
struct ProtocolDocumentTests {
    /// Every hex byte in the code blocks of the worked example (section 13), in order.
    static func exampleBytes() throws -> [UInt8] {
        let document = try String(
            contentsOf: PythonEnvironment.root.appendingPathComponent("docs/protocol.md"),
            encoding: .utf8
        )
        let section = try #require(
            document.components(separatedBy: "## 13. Worked example").last?
                .components(separatedBy: "## 14.").first
        )
        var bytes: [UInt8] = []
        for (index, block) in section.components(separatedBy: "```").enumerated() where index % 2 == 1 {
            for line in block.split(separator: "\n") {
                for token in line.split(separator: " ") {
                    guard token.count == 2, let byte = UInt8(token, radix: 16) else {
                        break
                    }
                    bytes.append(byte)
                }
            }
        }
        return bytes
    }

    @Test("the worked example's bytes are what the encoder produces")
    func workedExample() throws {
        var encoder = FrameEncoder()
        encoder.appendPreface()
        encoder.appendSettings(SettingsPayload(maxFrameSize: 4_194_304))
        encoder.appendPreface()
        encoder.appendSettings(SettingsPayload(maxFrameSize: 4_194_304, maxConcurrentCalls: 4096))
        let headers = HeadersPayload(
            path: "/twilio.gateway.v1.Health/Check",
            timeoutMilliseconds: 5000,
            metadata: ["x-request-id": "req-1"]
        )
        try encoder.appendHeaders(headers, streamID: 1)
        try encoder.appendMessage(
            [0x0A, 0x1B] + Array("twilio.gateway.v1.Messaging".utf8),
            streamID: 1,
            endStream: true
        )
        try encoder.appendMessage([0x08, 0x01], streamID: 1)
        encoder.appendTrailers(TrailersPayload(status: .ok), streamID: 1)
        let failure = RPCStatus(
            code: .invalidArgument,
            message: "to must be in E.164 format",
            details: TestMethods.sendSmsDetails
        )
        encoder.appendTrailers(TrailersPayload(status: failure), streamID: 3)
        encoder.appendCancel(streamID: 5)
        encoder.appendPing(PingPayload(data: 0x0102_0304_0506_0708))
        encoder.appendPing(PingPayload(data: 0x0102_0304_0506_0708), ack: true)
        encoder.appendGoAway(GoAwayPayload(lastStreamID: 7, code: .ok, message: "server shutting down"))

        #expect(try Self.exampleBytes() == encoder.bytes)
    }
}

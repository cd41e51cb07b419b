import Testing

@testable import GatewayStore

@Suite("Event parameter encoding")
struct EventParameterCodingTests {
    @Test(
        "parameters round-trip in order, repeated names, empty and long values included",
        arguments: [
            [EventParameter](),
            [EventParameter("Body", "")],
            [EventParameter("MediaUrl", "a"), EventParameter("Body", "Héllo 👋"), EventParameter("MediaUrl", "b")],
            [EventParameter(String(repeating: "n", count: 200), String(repeating: "v", count: 70_000))],
        ]
    )
    func roundTrip(parameters: [EventParameter]) {
        #expect(EventParameterCoding.decode(EventParameterCoding.encode(parameters)) == parameters)
    }

    @Test(
        "damaged encodings are refused rather than trusted",
        arguments: [
            [UInt8](),
            [2, 0],
            [1],
            [1, 1, 4, 65],
            [1, 1, 1, 65, 5, 66],
            [1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
            [1, 1, 1, 65, 0, 0],
            [1, 1, 1, 0xC3, 0],
        ]
    )
    func damaged(bytes: [UInt8]) {
        #expect(EventParameterCoding.decode(bytes) == nil)
    }
}

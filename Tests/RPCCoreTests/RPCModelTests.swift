import RPCCore
import Testing

@Suite("RPC model values")
struct RPCModelTests {
    @Test(
        "method paths parse only in the /service/method shape",
        arguments: [
            ("/twilio.gateway.v1.Messaging/SendSms", true),
            ("twilio.gateway.v1.Messaging/SendSms", false),
            ("/twilio.gateway.v1.Messaging/", false),
            ("//SendSms", false),
            ("/a/b/c", false),
        ]
    )
    func methodPaths(path: String, valid: Bool) {
        let method = RPCMethod(path: path)
        #expect((method != nil) == valid)
        if let method {
            #expect(method.path == path)
        }
    }

    @Test("status codes print their gRPC names and keep unknown numbers")
    func statusNames() {
        #expect(RPCStatusCode.invalidArgument.description == "INVALID_ARGUMENT")
        #expect(RPCStatusCode.unauthenticated.rawValue == 16)
        #expect(RPCStatusCode(rawValue: 99).description == "CODE_99")
    }

    @Test("metadata keys are case-insensitive and keep repeats")
    func metadata() {
        var metadata: RPCMetadata = ["Authorization": "Bearer x"]
        metadata.add("X-Tag", "a")
        metadata.add("x-tag", "b")
        #expect(metadata["authorization"] == "Bearer x")
        #expect(metadata["X-TAG"] == "a")
        #expect(metadata.map(\.value) == ["Bearer x", "a", "b"])
    }

    @Test("a status converts to and from an error")
    func statusAndError() {
        let error = RPCError(code: .unavailable, message: "down", details: [1, 2])
        #expect(RPCStatus(error).error == error)
        #expect(RPCStatus.ok.error == nil)
    }
}

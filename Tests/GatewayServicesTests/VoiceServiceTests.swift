import GatewayAPI
import GatewayServices
import ProtoBridge
import RPCCore
import ServiceSupport
import Testing
import TwilioREST

@Suite("Voice service")
struct VoiceServiceTests {
    static let sid = "CA" + String(repeating: "0a", count: 16)

    /// A client whose base URL is a closed port: any request that reached it would fail with
    /// UNAVAILABLE, so INVALID_ARGUMENT proves nothing was sent.
    private func makeTransport() throws -> InProcessTransport {
        var configuration = TwilioConfiguration()
        configuration.apiBaseURL = "http://127.0.0.1:9"
        let credentials = TwilioCredentials(accountSID: "AC" + String(repeating: "0", count: 32), authToken: "t")
        let twilio = try TwilioClient(configuration: configuration, credentials: StaticCredentialSource(credentials))
        var router = RPCRouter()
        VoiceService(twilio: twilio).register(in: &router)
        return InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
    }

    private func violations(
        _ method: RPCMethod,
        _ request: some ProtoMessageConvertible
    ) async throws -> (RPCError?, [String]) {
        let transport = try makeTransport()
        let error = await #expect(throws: RPCError.self) {
            _ = try await transport.unary(method, request: try request.serializedBytes(), options: .init())
        }
        #expect(error?.code == .invalidArgument)
        return (error, error?.errorDetails?.fieldViolations.map(\.field) ?? [])
    }

    @Test(
        "MakeCall without a party, a caller or instructions, or with values off the list, is INVALID_ARGUMENT",
        arguments: [
            (MakeCallRequest(from: "+15557654321", instructions: .twiml("<Response/>")), ["to"]),
            (MakeCallRequest(to: "+15551234567", instructions: .twiml("<Response/>")), ["from"]),
            (MakeCallRequest(to: "+15551234567", from: "+15557654321"), ["instructions"]),
            (MakeCallRequest(), ["to", "from", "instructions"]),
            (
                MakeCallRequest(
                    to: "+14155550100",
                    from: "+15557654321",
                    instructions: .twimlURL("https://x.test"),
                    method: "PUT"
                ),
                ["method"]
            ),
            (
                MakeCallRequest(
                    to: "+14155550100",
                    from: "+15557654321",
                    instructions: .twiml("<Response/>"),
                    statusCallback: "https://x.test/s",
                    statusCallbackEvents: ["ringing", "hangup"]
                ),
                ["status_callback_events"]
            ),
            (
                MakeCallRequest(
                    to: "+14155550100",
                    from: "+15557654321",
                    instructions: .twiml("<Response/>"),
                    statusCallbackEvents: ["ringing"]
                ),
                ["status_callback"]
            ),
            (
                MakeCallRequest(
                    to: "+14155550100",
                    from: "+15557654321",
                    instructions: .twiml("<Response/>"),
                    timeout: 601
                ), ["timeout"]
            ),
            (
                MakeCallRequest(
                    to: "+14155550100",
                    from: "+15557654321",
                    instructions: .twiml("<Response/>"),
                    timeout: -1
                ), ["timeout"]
            ),
            (
                MakeCallRequest(
                    to: "+14155550100",
                    from: "+15557654321",
                    instructions: .twiml("<Response/>"),
                    machineDetection: "enable"
                ),
                ["machine_detection"]
            ),
        ]
    )
    func makeCallValidation(request: MakeCallRequest, fields: [String]) async throws {
        let (error, violations) = try await violations(.makeCall, request)
        #expect(violations == fields)
        if fields.contains("instructions") {
            #expect(error?.message.contains("twiml_url or twiml") == true)
        }
        if fields.contains("status_callback_events") {
            #expect(error?.message.contains("initiated, ringing, answered, completed") == true)
        }
    }

    @Test(
        "GetCall needs a call SID: CA and 32 hex digits",
        arguments: ["", "CA123", "SM" + String(repeating: "0", count: 32), "CA" + String(repeating: "g", count: 32)]
    )
    func getCallSID(sid: String) async throws {
        let (error, violations) = try await violations(.getCall, GetCallRequest(sid: sid))
        #expect(violations == ["sid"])
        #expect(error?.message.contains("CA followed by 32 hex digits") == true)
    }

    @Test(
        "UpdateCall needs a SID, one change and an allowed status",
        arguments: [
            (UpdateCallRequest(sid: "CA1", action: .status("canceled")), ["sid"]),
            (UpdateCallRequest(sid: sid), ["action"]),
            (UpdateCallRequest(sid: sid, action: .status("in-progress")), ["status"]),
            (UpdateCallRequest(sid: sid, action: .twimlURL("https://x.test"), method: "get"), ["method"]),
        ]
    )
    func updateCallValidation(request: UpdateCallRequest, fields: [String]) async throws {
        let (error, violations) = try await violations(.updateCall, request)
        #expect(violations == fields)
        if fields == ["status"] {
            #expect(error?.message.contains("canceled") == true)
        }
    }

    @Test("a valid request reaches Twilio: out of reach is UNAVAILABLE")
    func reachesTwilio() async throws {
        let transport = try makeTransport()
        let requests: [(RPCMethod, any ProtoMessageConvertible)] = [
            (.makeCall, MakeCallRequest(to: "+15551234567", from: "+15557654321", instructions: .twiml("<Response/>"))),
            (.getCall, GetCallRequest(sid: Self.sid)),
            (.updateCall, UpdateCallRequest(sid: Self.sid, action: .status("completed"))),
        ]
        for (method, request) in requests {
            let error = await #expect(throws: RPCError.self) {
                _ = try await transport.unary(method, request: try request.serializedBytes(), options: .init())
            }
            #expect(error?.code == .unavailable, "\(method)")
        }
    }
}

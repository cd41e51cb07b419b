import GatewayAPI
import GraphQL
import GraphQLGateway
import RPCCore
import Testing

/// The operations of the Twilio integration's documentation, run exactly as written there
/// (with real-shaped SIDs in place of `MG...` and `VA...`).
@Suite("Documented operations")
struct DocumentedOperationsTests {
    @Test("sending an SMS from a number")
    func sendSmsFromNumber() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(.sendSms, with: Message(sid: SIDs.message, status: "queued"))

        let response = await harness.run(
            """
            mutation {
              twilio_sendSms(input: {
                to: "+15551234567"
                from: "+15557654321"
                body: "Your code is 123456"
              }) {
                sid
                status
              }
            }
            """
        )

        #expect(response.jsonString() == #"{"data":{"twilio_sendSms":{"sid":"\#(SIDs.message)","status":"queued"}}}"#)
        let call = try #require(harness.services.calls.first)
        #expect(call.method == .sendSms)
        #expect(
            try call.decoded(as: SendSmsRequest.self)
                == SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), body: "Your code is 123456")
        )
    }

    @Test("sending an SMS through a Messaging Service")
    func sendSmsThroughMessagingService() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(.sendSms, with: Message(sid: SIDs.message, status: "accepted"))

        let response = await harness.run(
            """
            mutation {
              twilio_sendSms(input: {
                to: "+15551234567"
                messagingServiceSid: "\(SIDs.messagingService)"
                body: "Welcome to Yourapp"
              }) {
                sid
                status
              }
            }
            """
        )

        #expect(
            response.jsonString() == #"{"data":{"twilio_sendSms":{"sid":"\#(SIDs.message)","status":"accepted"}}}"#
        )
        let request = try #require(harness.services.calls.first).decoded(as: SendSmsRequest.self)
        #expect(
            request
                == SendSmsRequest(
                    to: "+15551234567",
                    sender: .messagingServiceSID(SIDs.messagingService),
                    body: "Welcome to Yourapp"
                )
        )
    }

    @Test("starting a verification")
    func startVerification() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(.startVerification, with: Verification(sid: SIDs.verification, status: "pending"))

        let response = await harness.run(
            """
            mutation {
              twilio_startVerification(input: {
                serviceSid: "\(SIDs.verifyService)"
                to: "+15551234567"
                channel: "sms"
              }) {
                sid
                status
              }
            }
            """
        )

        #expect(
            response.jsonString()
                == #"{"data":{"twilio_startVerification":{"sid":"\#(SIDs.verification)","status":"pending"}}}"#
        )
        let call = try #require(harness.services.calls.first)
        #expect(call.method == .startVerification)
        #expect(
            try call.decoded(as: StartVerificationRequest.self)
                == StartVerificationRequest(serviceSID: SIDs.verifyService, to: "+15551234567", channel: "sms")
        )
    }

    @Test("checking a code")
    func checkVerification() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(
            .checkVerification,
            with: VerificationCheck(sid: SIDs.verification, status: "approved", valid: true)
        )

        let response = await harness.run(
            """
            mutation {
              twilio_checkVerification(input: {
                serviceSid: "\(SIDs.verifyService)"
                to: "+15551234567"
                code: "123456"
              }) {
                valid
                status
              }
            }
            """
        )

        #expect(
            response.jsonString() == #"{"data":{"twilio_checkVerification":{"valid":true,"status":"approved"}}}"#
        )
        let call = try #require(harness.services.calls.first)
        #expect(call.method == .checkVerification)
        #expect(
            try call.decoded(as: CheckVerificationRequest.self)
                == CheckVerificationRequest(serviceSID: SIDs.verifyService, target: .to("+15551234567"), code: "123456")
        )
    }

    @Test("placing a voice call")
    func makeCall() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(.makeCall, with: Call(sid: SIDs.call, status: "queued"))

        let response = await harness.run(
            """
            mutation {
              twilio_makeCall(input: {
                to: "+15551234567"
                from: "+15557654321"
                twimlUrl: "https://yourapp.com/voice/welcome"
              }) {
                sid
                status
              }
            }
            """
        )

        #expect(response.jsonString() == #"{"data":{"twilio_makeCall":{"sid":"\#(SIDs.call)","status":"queued"}}}"#)
        let call = try #require(harness.services.calls.first)
        #expect(call.method == .makeCall)
        #expect(
            try call.decoded(as: MakeCallRequest.self)
                == MakeCallRequest(
                    to: "+15551234567",
                    from: "+15557654321",
                    instructions: .twimlURL("https://yourapp.com/voice/welcome")
                )
        )
    }

    @Test("unset response fields read as their defaults, never null")
    func defaults() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(.sendSms, with: Message())

        let response = await harness.run(
            #"mutation { twilio_sendSms(input: {to: "+15551234567"}) { sid status numSegments } }"#
        )

        #expect(response.jsonString() == #"{"data":{"twilio_sendSms":{"sid":"","status":"","numSegments":0}}}"#)
    }
}

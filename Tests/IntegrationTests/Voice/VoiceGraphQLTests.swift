import GatewayAPI
import GatewayClient
import GraphQL
import Testing
import TwilioSandbox

@Suite("Voice over GraphQL against the sandbox")
struct VoiceGraphQLTests {
    @Test("the documented twilio_makeCall mutation runs as written")
    func documentedMakeCall() async throws {
        try await VoiceStack.run(timings: SandboxCallTimings(queued: .seconds(60))) { stack in
            let response = await stack.graphQL(
                """
                mutation {
                  twilio_makeCall(input: {
                    to: "+15551234567"
                    from: "\(VoiceStack.caller)"
                    twimlUrl: "https://yourapp.com/voice/welcome"
                  }) {
                    sid
                    status
                  }
                }
                """
            )
            #expect(response.errors.isEmpty, "\(response.errors)")
            let sid = try #require(response.data?["twilio_makeCall"]?["sid"]?.stringValue)
            #expect(response.data?["twilio_makeCall"]?["status"] == "queued")
            #expect(stack.sandbox.call(sid: sid)?.url == "https://yourapp.com/voice/welcome")
        }
    }

    @Test("the documented call to yourapp.com records TwiML error 11205 without leaving loopback, and ends completed")
    func documentedCallEnds() async throws {
        try await VoiceStack.run { stack in
            let made = await stack.graphQL(
                #"""
                mutation {
                  twilio_makeCall(input: {to: "+15551234567", from: "\#(VoiceStack.caller)",
                    twimlUrl: "https://yourapp.com/voice/welcome"}) { sid }
                }
                """#
            )
            let sid = try #require(made.data?["twilio_makeCall"]?["sid"]?.stringValue, "\(made.errors)")
            let ended = try await stack.waitForCall(sid) { $0.status == .completed }
            #expect(ended.duration == 0)
            #expect(ended.twimlDocuments.map(\.errorCode) == [11205])
            #expect(ended.twimlDocuments.first?.httpStatus == nil)
        }
    }

    @Test("twilio_makeCall takes every option; twilio_call reads the call back")
    func makeCallAndQuery() async throws {
        try await VoiceStack.run(timings: SandboxCallTimings(queued: .seconds(60))) { stack in
            let made = await stack.graphQL(
                """
                mutation Place($twiml: String!) {
                  twilio_makeCall(input: {
                    to: "+14155550100", from: "\(VoiceStack.caller)", twiml: $twiml,
                    statusCallback: "http://127.0.0.1:9/status", statusCallbackEvents: ["initiated", "completed"],
                    timeout: 20, record: true, machineDetection: "Enable"
                  }) { sid status toFormatted accountSid direction }
                }
                """,
                variables: ["twiml": "<Response><Say>Hi</Say></Response>"]
            )
            #expect(made.errors.isEmpty, "\(made.errors)")
            let created = try #require(made.data?["twilio_makeCall"])
            let sid = try #require(created["sid"]?.stringValue)
            #expect(created["toFormatted"] == "(415) 555-0100")
            #expect(created["accountSid"] == .string(VoiceStack.account.sid))
            #expect(created["direction"] == "outbound-api")
            let stored = try #require(stack.sandbox.call(sid: sid))
            #expect(stored.twiml == "<Response><Say>Hi</Say></Response>")
            #expect(stored.statusCallbackEvents == ["initiated", "completed"])
            #expect(stored.timeout == 20)
            #expect(stored.record)
            #expect(stored.machineDetection == "Enable")

            let read = await stack.graphQL(#"{ twilio_call(sid: "\#(sid)") { sid status from duration startTime } }"#)
            #expect(read.errors.isEmpty, "\(read.errors)")
            #expect(
                read.data?["twilio_call"]
                    == [
                        "sid": .string(sid), "status": "queued", "from": .string(VoiceStack.caller), "duration": 0,
                        "startTime": "",
                    ]
            )
        }
    }

    @Test("twilio_updateCall cancels a ringing call, then reports 21220 as FAILED_PRECONDITION")
    func updateCall() async throws {
        let timings = SandboxCallTimings(queued: .zero, initiated: .zero, ringing: .seconds(60))
        try await VoiceStack.run(timings: timings) { stack in
            let call = try await stack.client.makeCall(
                MakeCallRequest(to: "+14155550100", from: VoiceStack.caller, instructions: .twiml("<Response/>"))
            )
            _ = try await stack.waitForCall(call.sid) { $0.status == .ringing }
            let cancel =
                #"mutation { twilio_updateCall(input: {sid: "\#(call.sid)", status: "canceled"}) { sid status } }"#

            let canceled = await stack.graphQL(cancel)
            #expect(canceled.errors.isEmpty, "\(canceled.errors)")
            #expect(canceled.data?["twilio_updateCall"]?["status"] == "canceled")

            let again = await stack.graphQL(cancel)
            #expect(again.data?["twilio_updateCall"] == .null)
            let error = try #require(again.errors.first)
            #expect(error.extensions?["code"] == "FAILED_PRECONDITION")
            #expect(error.extensions?["twilioCode"] == 21220)
            #expect(error.extensions?["httpStatus"] == 400)
            #expect(error.extensions?["moreInfo"] == "https://www.twilio.com/docs/errors/21220")
            #expect(error.extensions?["retryable"] == false)
        }
    }

    @Test("twilio_updateCall redirects an answered call to a new URL with a method")
    func redirect() async throws {
        let timings = SandboxCallTimings(queued: .zero, initiated: .zero, ringing: .zero, inProgress: .seconds(60))
        try await VoiceStack.run(timings: timings) { stack in
            let call = try await stack.client.makeCall(
                MakeCallRequest(to: "+14155550100", from: VoiceStack.caller, instructions: .twiml("<Response/>"))
            )
            _ = try await stack.waitForCall(call.sid) { $0.status == .inProgress }
            let response = await stack.graphQL(
                #"""
                mutation {
                  twilio_updateCall(input: {sid: "\#(call.sid)", twimlUrl: "http://127.0.0.1:9/next", method: "GET"}) {
                    status
                  }
                }
                """#
            )
            #expect(response.errors.isEmpty, "\(response.errors)")
            let stored = try await stack.waitForCall(call.sid) { $0.twimlDocuments.count == 2 }
            #expect(stored.url == "http://127.0.0.1:9/next")
            #expect(stored.method == "GET")
            #expect(stored.twimlDocuments.last?.errorCode == 11205, "nothing listens on port 9")
        }
    }

    @Test(
        "instructions must be exactly one of twimlUrl and twiml",
        arguments: [
            (#"twimlUrl: "http://127.0.0.1:9/v", twiml: "<Response/>""#, "twimlUrl and twiml were given"),
            ("", "exactly one of twiml_url or twiml is required"),
        ]
    )
    func instructionsOneof(instructions: String, message: String) async throws {
        try await VoiceStack.run { stack in
            let response = await stack.graphQL(
                #"mutation { twilio_makeCall(input: {to: "+14155550100", from: "+15005550010" \#(instructions)}) { sid } }"#
            )
            let error = try #require(response.errors.first)
            #expect(error.extensions?["code"] == "INVALID_ARGUMENT")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(stack.sandbox.calls().isEmpty)
        }
    }

    @Test("values off the list are INVALID_ARGUMENT naming the field and the allowed values")
    func allowedValues() async throws {
        try await VoiceStack.run { stack in
            let response = await stack.graphQL(
                #"""
                mutation {
                  twilio_makeCall(input: {
                    to: "+14155550100", from: "+15005550010", twiml: "<Response/>",
                    statusCallback: "http://127.0.0.1:9/s", statusCallbackEvents: ["answered", "hungup"]
                  }) { sid }
                }
                """#
            )
            let error = try #require(response.errors.first)
            #expect(error.extensions?["code"] == "INVALID_ARGUMENT")
            #expect(error.message.contains("initiated, ringing, answered, completed"))
            #expect(error.extensions?["fieldViolations"]?.listValue?.first?["field"] == "status_callback_events")
        }
    }

    @Test("an unknown call is NOT_FOUND with Twilio's 20404")
    func unknownCall() async throws {
        try await VoiceStack.run { stack in
            let sid = "CA" + String(repeating: "d", count: 32)
            let response = await stack.graphQL(#"{ twilio_call(sid: "\#(sid)") { sid } }"#)
            #expect(response.data?["twilio_call"] == .null)
            let error = try #require(response.errors.first)
            #expect(error.extensions?["code"] == "NOT_FOUND")
            #expect(error.extensions?["twilioCode"] == 20404)
        }
    }
}

import GatewayAPI
import GatewayClient
import RPCCore
import Testing
import TwilioSandbox

@Suite("Voice over RPC against the sandbox")
struct VoiceRPCTests {
    static let unknownSID = "CA" + String(repeating: "e", count: 32)

    @Test("MakeCall passes every option to Twilio and returns the queued call")
    func makeCall() async throws {
        try await VoiceStack.run(timings: SandboxCallTimings(queued: .seconds(60))) { stack in
            let call = try await stack.client.makeCall(
                MakeCallRequest(
                    to: "+14155550100",
                    from: VoiceStack.caller,
                    instructions: .twimlURL("http://127.0.0.1:9/voice"),
                    statusCallback: "http://127.0.0.1:9/status",
                    method: "GET",
                    statusCallbackEvents: ["ringing", "completed"],
                    timeout: 25,
                    record: true,
                    machineDetection: "DetectMessageEnd"
                )
            )
            #expect(call.sid.hasPrefix("CA") && call.sid.count == 34)
            #expect(call.status == "queued")
            #expect(call.to == "+14155550100")
            #expect(call.from == VoiceStack.caller)
            #expect(call.accountSID == VoiceStack.account.sid)
            #expect(call.direction == "outbound-api")
            #expect(call.toFormatted == "(415) 555-0100")
            #expect(call.priceUnit == "USD")
            #expect(call.dateCreated.hasSuffix("Z"))
            #expect(call.startTime.isEmpty)

            let stored = try #require(stack.sandbox.call(sid: call.sid))
            #expect(stored.url == "http://127.0.0.1:9/voice")
            #expect(stored.method == "GET")
            #expect(stored.statusCallback == "http://127.0.0.1:9/status")
            #expect(stored.statusCallbackEvents == ["ringing", "completed"])
            #expect(stored.timeout == 25)
            #expect(stored.record)
            #expect(stored.machineDetection == "DetectMessageEnd")
        }
    }

    @Test("GetCall follows the call to its end; UpdateCall redirects and hangs up")
    func getAndUpdate() async throws {
        let timings = SandboxCallTimings(queued: .zero, initiated: .zero, ringing: .zero, inProgress: .seconds(60))
        try await VoiceStack.run(timings: timings) { stack in
            let call = try await stack.client.makeCall(
                MakeCallRequest(to: "+14155550100", from: VoiceStack.caller, instructions: .twiml("<Response/>"))
            )
            _ = try await stack.waitForCall(call.sid) { $0.status == .inProgress }
            let answered = try await stack.client.getCall(GetCallRequest(sid: call.sid))
            #expect(answered.status == "in-progress")
            #expect(answered.startTime.hasSuffix("Z"))

            let redirected = try await stack.client.updateCall(
                UpdateCallRequest(sid: call.sid, action: .twiml("<Response><Say>Bye</Say></Response>"))
            )
            #expect(redirected.status == "in-progress")
            #expect(
                stack.sandbox.call(sid: call.sid)?.twimlDocuments.map(\.text)
                    == ["<Response/>", "<Response><Say>Bye</Say></Response>"]
            )

            let ended = try await stack.client.updateCall(
                UpdateCallRequest(sid: call.sid, action: .status("completed"))
            )
            #expect(ended.status == "completed")
            #expect(ended.endTime.hasSuffix("Z"))
            #expect(try await stack.client.getCall(GetCallRequest(sid: call.sid)).status == "completed")
        }
    }

    @Test("a magic busy number ends busy")
    func busy() async throws {
        try await VoiceStack.run { stack in
            let call = try await stack.client.makeCall(
                MakeCallRequest(
                    to: SandboxCall.busyNumber,
                    from: VoiceStack.caller,
                    instructions: .twiml("<Response/>")
                )
            )
            _ = try await stack.waitForCall(call.sid) { $0.status.isFinal }
            let fetched = try await stack.client.getCall(GetCallRequest(sid: call.sid))
            #expect(fetched.status == "busy")
            #expect(fetched.duration == 0)
        }
    }

    @Test(
        "Twilio's rejections arrive with the statuses of docs/errors.md and Twilio's code",
        arguments: [
            ("+14155550100", "+15005550000", RPCStatusCode.invalidArgument, 21210),
            ("+15005550001", VoiceStack.caller, .invalidArgument, 21217),
            ("+15005550002", VoiceStack.caller, .failedPrecondition, 21214),
            ("+15005550003", VoiceStack.caller, .failedPrecondition, 21215),
            ("+15005550004", VoiceStack.caller, .failedPrecondition, 21216),
            ("+14155550100", "+15005550001", .invalidArgument, 21212),
        ]
    )
    func twilioRejections(to: String, from: String, code: RPCStatusCode, twilioCode: Int32) async throws {
        try await VoiceStack.run { stack in
            let error = try await #require(throws: RPCError.self) {
                try await stack.client.makeCall(
                    MakeCallRequest(to: to, from: from, instructions: .twiml("<Response/>"))
                )
            }
            #expect(error.code == code)
            let details = try #require(error.errorDetails)
            #expect(details.twilioCode == twilioCode)
            #expect(details.httpStatus == 400)
            #expect(details.moreInfo == "https://www.twilio.com/docs/errors/\(twilioCode)")
            #expect(!details.retryable)
            #expect(stack.sandbox.calls().isEmpty)
        }
    }

    @Test("oversized inline TwiML is Twilio's 21205, INVALID_ARGUMENT")
    func oversizedTwiML() async throws {
        try await VoiceStack.run { stack in
            let error = try await #require(throws: RPCError.self) {
                try await stack.client.makeCall(
                    MakeCallRequest(
                        to: "+14155550100",
                        from: VoiceStack.caller,
                        instructions: .twiml(
                            "<Response><Say>" + String(repeating: "a", count: 4000) + "</Say></Response>"
                        )
                    )
                )
            }
            #expect(error.code == .invalidArgument)
            #expect(error.errorDetails?.twilioCode == 21205)
        }
    }

    @Test("changing a call whose state does not allow it is FAILED_PRECONDITION with Twilio's 21220")
    func invalidState() async throws {
        try await VoiceStack.run { stack in
            let call = try await stack.client.makeCall(
                MakeCallRequest(
                    to: SandboxCall.failedNumber,
                    from: VoiceStack.caller,
                    instructions: .twiml("<Response/>")
                )
            )
            _ = try await stack.waitForCall(call.sid) { $0.status == .failed }
            let error = try await #require(throws: RPCError.self) {
                try await stack.client.updateCall(UpdateCallRequest(sid: call.sid, action: .status("canceled")))
            }
            #expect(error.code == .failedPrecondition)
            #expect(error.errorDetails?.twilioCode == 21220)
            #expect(error.message.contains("failed"))
        }
    }

    @Test("an unknown call is NOT_FOUND; a malformed SID never reaches Twilio")
    func unknownAndMalformed() async throws {
        try await VoiceStack.run { stack in
            let unknown = try await #require(throws: RPCError.self) {
                try await stack.client.getCall(GetCallRequest(sid: Self.unknownSID))
            }
            #expect(unknown.code == .notFound)
            #expect(unknown.errorDetails?.twilioCode == 20404)

            let requestsBefore = stack.sandbox.receivedRequests.count
            let malformed = try await #require(throws: RPCError.self) {
                try await stack.client.updateCall(UpdateCallRequest(sid: "CA-nope", action: .status("canceled")))
            }
            #expect(malformed.code == .invalidArgument)
            #expect(malformed.errorDetails?.fieldViolations.map(\.field) == ["sid"])
            #expect(stack.sandbox.receivedRequests.count == requestsBefore)
        }
    }
}

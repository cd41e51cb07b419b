import GatewayAPI
import GatewayClient
import GatewayCrypto
import GatewayTestSupport
import HTTPServer
import RPCCore
import ServiceSupport
import Testing
import TwiML
import TwilioSandbox
import WireFraming

/// Calls placed through the RPC server over TCP, as a client of a running gateway would.
@Suite("Voice end to end")
struct VoiceEndToEndTests {
    /// Runs `body` with the stack behind a real RPC server on 127.0.0.1 and a TCP client for it.
    private func withServedStack(
        timings: SandboxCallTimings,
        _ body: (VoiceStack, GatewayClient) async throws -> Void
    ) async throws {
        try await VoiceStack.run(timings: timings) { stack in
            let server = RPCServer(dispatcher: stack.dispatcher, logger: .disabled)
            let port = try server.start(host: "127.0.0.1", port: 0)
            let client = GatewayClient.connecting(toHost: "127.0.0.1", port: port)
            do {
                try await body(stack, client)
            } catch {
                server.beginGracefulShutdown()
                await server.waitUntilStopped()
                throw error
            }
            server.beginGracefulShutdown()
            await server.waitUntilStopped()
        }
    }

    private static func isSigned(_ request: WebhookReceiver.Received) -> Bool {
        TwilioSignature.isValid(
            request.header(TwilioSignature.headerName) ?? "",
            url: request.url,
            parameters: request.form,
            authToken: VoiceStack.account.authToken
        )
    }

    @Test("a call with builder TwiML is canceled while ringing; every callback is signed")
    func cancelWhileRinging() async throws {
        let application = try WebhookReceiver()
        let twiml = try VoiceResponse {
            Say("Your code is 1 2 3 4 5 6 & it expires soon.", voice: .alice, loop: 2)
            Gather(input: .dtmf, timeout: 5, numDigits: 1) { Say("Press 1 to hear it again.") }
            Hangup()
        }.xml()
        let timings = SandboxCallTimings(queued: .zero, initiated: .zero, ringing: .seconds(60))
        try await withServedStack(timings: timings) { stack, client in
            let call = try await client.makeCall(
                MakeCallRequest(
                    to: "+14155550100",
                    from: VoiceStack.caller,
                    instructions: .twiml(twiml),
                    statusCallback: application.baseURL + "/status",
                    statusCallbackEvents: ["initiated", "ringing", "answered", "completed"]
                )
            )
            #expect(call.status == "queued")
            _ = try #require(await application.waitForRequests(count: 2, path: "/status"))
            #expect(try await client.getCall(GetCallRequest(sid: call.sid)).status == "ringing")

            let canceled = try await client.updateCall(UpdateCallRequest(sid: call.sid, action: .status("canceled")))
            #expect(canceled.status == "canceled")

            let callbacks = try #require(await application.waitForRequests(count: 3, path: "/status"))
            #expect(callbacks.map { $0.parameter("CallStatus") } == ["initiated", "ringing", "canceled"])
            #expect(callbacks.map { $0.parameter("SequenceNumber") } == ["0", "1", "2"])
            #expect(callbacks.allSatisfy { $0.parameter("CallSid") == call.sid })
            #expect(callbacks.allSatisfy(Self.isSigned))
            #expect(try await client.getCall(GetCallRequest(sid: call.sid)).status == "canceled")

            let stored = try #require(stack.sandbox.call(sid: call.sid))
            #expect(stored.twiml == twiml, "the sandbox keeps the builder's TwiML as given")
            #expect(stored.twimlDocuments.isEmpty, "a call canceled before the answer runs no TwiML")
        }
        await application.stop()
    }

    @Test("a call fetches its TwiML from the application, runs to completion, and reports signed callbacks")
    func twimlURL() async throws {
        let served = try VoiceResponse {
            Say("Connecting you now.")
            Dial(callerID: VoiceStack.caller, answerOnBridge: true) { Number("+14155550199", sendDigits: "ww1") }
            Hangup()
        }.xml()
        let application = try WebhookReceiver { request in
            request.path == "/voice" ? .xml(served) : HTTPResponse(status: .noContent)
        }
        try await withServedStack(timings: .fast) { stack, client in
            let call = try await client.makeCall(
                MakeCallRequest(
                    to: "+14155550100",
                    from: VoiceStack.caller,
                    instructions: .twimlURL(application.baseURL + "/voice?campaign=spring"),
                    statusCallback: application.baseURL + "/status",
                    statusCallbackEvents: ["answered", "completed"]
                )
            )

            let callbacks = try #require(await application.waitForRequests(count: 2, path: "/status"))
            #expect(callbacks.map { $0.parameter("CallStatus") } == ["in-progress", "completed"])
            #expect(callbacks.map { $0.parameter("SequenceNumber") } == ["0", "1"])
            #expect(callbacks.allSatisfy(Self.isSigned))
            #expect(callbacks.last?.parameter("CallbackSource") == "call-progress-events")

            let fetches = application.requests.filter { $0.path == "/voice" }
            let fetch = try #require(fetches.first)
            #expect(fetches.count == 1)
            #expect(fetch.method == "POST")
            #expect(fetch.query == "campaign=spring")
            #expect(fetch.parameter("CallSid") == call.sid)
            #expect(fetch.parameter("CallStatus") == "in-progress")
            #expect(Self.isSigned(fetch))

            let stored = try await stack.waitForCall(call.sid) { $0.callbacks.count == 2 }
            #expect(stored.twimlDocuments.map(\.text) == [served])
            #expect(stored.twimlDocuments.first?.httpStatus == 200)
            #expect(stored.callbacks.allSatisfy { $0.httpStatus == 204 })
            let ended = try await client.getCall(GetCallRequest(sid: call.sid))
            #expect(ended.status == "completed")
            #expect(ended.endTime.hasSuffix("Z"))
        }
        await application.stop()
    }
}

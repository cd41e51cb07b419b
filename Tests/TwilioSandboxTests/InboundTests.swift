import Foundation
import GatewayCrypto
import GatewayTestSupport
import HTTPServer
import ServiceSupport
import Testing
import TwilioREST
import TwilioSandbox

@Suite("A person texting or calling a sandbox number")
struct InboundTests {
    static let person = "+14155550123"
    static let serviceSID = fixedAccount.messagingServices[0].sid

    @Test("an inbound message is posted to the number's SmsUrl, signed, with Twilio's parameters and a token")
    func message() async throws {
        let receiver = try WebhookReceiver { _ in .xml("<Response><Message>Hi back</Message></Response>") }
        try await withSandbox(fixedConfiguration()) { sandbox in
            try sandbox.configureWebhooks(
                SandboxNumberWebhooks(smsURL: receiver.baseURL + "/sms?tenant=1"),
                forNumber: "+15005550010"
            )
            let outcome = try await sandbox.receiveMessage(from: Self.person, to: "+15005550010", body: "Hello ✓")

            #expect(outcome.sid.hasPrefix("SM"))
            #expect(outcome.httpStatus == 200)
            #expect(outcome.twiml == "<Response><Message>Hi back</Message></Response>")
            let request = try #require(receiver.requests.first)
            #expect(request.path == "/sms")
            #expect(request.query == "tenant=1")
            for (name, value) in [
                ("MessageSid", outcome.sid), ("SmsSid", outcome.sid), ("SmsMessageSid", outcome.sid),
                ("AccountSid", fixedAccount.sid), ("From", Self.person), ("To", "+15005550010"),
                ("Body", "Hello ✓"), ("NumMedia", "0"), ("NumSegments", "1"), ("SmsStatus", "received"),
                ("ApiVersion", "2010-04-01"),
            ] {
                #expect(request.parameter(name) == value, "\(name)")
            }
            #expect(request.parameter("MessagingServiceSid") == nil)
            #expect(request.header("I-Twilio-Idempotency-Token")?.count == 32)
            let signature = try #require(request.header("X-Twilio-Signature"))
            #expect(
                TwilioSignature.isValid(
                    signature,
                    url: request.url,
                    parameters: request.form,
                    authToken: fixedAccount.authToken
                )
            )
        }
        await receiver.stop()
    }

    @Test("a Messaging Service's inbound request URL wins over its sender's SmsUrl")
    func serviceURL() async throws {
        let receiver = try WebhookReceiver { _ in .xml("<Response/>") }
        try await withSandbox(fixedConfiguration()) { sandbox in
            let sender = fixedAccount.messagingServices[0].senders[0]
            try sandbox.configureWebhooks(
                SandboxNumberWebhooks(smsURL: receiver.baseURL + "/number"),
                forNumber: sender
            )
            try sandbox.configureWebhooks(
                SandboxServiceWebhooks(inboundRequestURL: receiver.baseURL + "/service"),
                forMessagingService: Self.serviceSID
            )
            _ = try await sandbox.receiveMessage(from: Self.person, to: sender, body: "STOP")
            #expect(receiver.requests.map(\.path) == ["/service"])
            #expect(receiver.requests.first?.parameter("MessagingServiceSid") == Self.serviceSID)
        }
        await receiver.stop()
    }

    @Test("an inbound call asks the VoiceUrl for TwiML, then tells the StatusCallback it completed")
    func call() async throws {
        let receiver = try WebhookReceiver { request in
            request.path == "/voice" ? .xml("<Response><Say>Hello</Say></Response>") : HTTPResponse(status: .noContent)
        }
        try await withSandbox(fixedConfiguration()) { sandbox in
            try sandbox.configureWebhooks(
                SandboxNumberWebhooks(
                    voiceURL: receiver.baseURL + "/voice",
                    statusCallback: receiver.baseURL + "/status"
                ),
                forNumber: SandboxAccount.magicSender
            )
            let outcome = try await sandbox.receiveCall(from: Self.person, to: SandboxAccount.magicSender)

            #expect(outcome.sid.hasPrefix("CA"))
            #expect(outcome.twiml == "<Response><Say>Hello</Say></Response>")
            #expect(outcome.statusCallbackHTTPStatus == 204)
            let requests = receiver.requests
            #expect(requests.map(\.path) == ["/voice", "/status"])
            #expect(requests.map { $0.parameter("CallStatus") } == ["ringing", "completed"])
            #expect(requests.allSatisfy { $0.parameter("CallSid") == outcome.sid })
            #expect(requests[0].parameter("Direction") == "inbound")
            #expect(requests[0].parameter("Caller") == Self.person)
            #expect(requests[0].parameter("Called") == SandboxAccount.magicSender)
            #expect(Set(requests.compactMap { $0.header("I-Twilio-Idempotency-Token") }).count == 2)
        }
        await receiver.stop()
    }

    @Test(
        "inbound traffic needs a caller in E.164, a sandbox number, and a URL to post to",
        arguments: [
            ("4155550123", "+15005550010", "E.164"), ("+14155550123", "+19995550000", "not a number"),
            ("+14155550123", "+15005550006", "no SMS URL"),
        ]
    )
    func refused(from: String, to: String, mentions: String) async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            try sandbox.configureWebhooks(
                SandboxNumberWebhooks(smsURL: "http://127.0.0.1:9/sms"),
                forNumber: "+15005550010"
            )
            let error = await #expect(throws: TwilioSandboxError.self) {
                _ = try await sandbox.receiveMessage(from: from, to: to, body: "hi")
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains(mentions) == true)
        }
    }

    @Test("webhooks can be set only on the sandbox's own numbers and services")
    func configureUnknown() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            #expect(throws: TwilioSandboxError.self) {
                try sandbox.configureWebhooks(SandboxNumberWebhooks(), forNumber: "+19995550000")
            }
            #expect(throws: TwilioSandboxError.self) {
                try sandbox.configureWebhooks(
                    SandboxServiceWebhooks(),
                    forMessagingService: "MG" + String(repeating: "9", count: 32)
                )
            }
        }
    }

    @Test("a message sent through a service without its own StatusCallback reports to the service's")
    func serviceStatusCallback() async throws {
        let receiver = try WebhookReceiver()
        let configuration = TwilioSandbox.Configuration(accounts: [fixedAccount], messageTimings: .fast)
        try await withSandbox(configuration) { sandbox in
            try sandbox.configureWebhooks(
                SandboxServiceWebhooks(statusCallback: receiver.baseURL + "/service-status"),
                forMessagingService: Self.serviceSID
            )
            var twilioConfiguration = TwilioConfiguration()
            twilioConfiguration.apiBaseURL = try #require(sandbox.baseURL)
            let client = try TwilioClient(
                configuration: twilioConfiguration,
                credentials: StaticCredentialSource(
                    TwilioCredentials(accountSID: fixedAccount.sid, authToken: fixedAccount.authToken)
                )
            )
            let sent = try await client.createMessage(
                CreateMessageRequest(to: Self.person, messagingServiceSID: Self.serviceSID, body: "Hi")
            )
            let requests = try #require(await receiver.waitForRequests(count: 4, path: "/service-status"))
            #expect(requests.map { $0.parameter("MessageStatus") } == ["queued", "sending", "sent", "delivered"])
            #expect(requests.allSatisfy { $0.parameter("MessageSid") == sent.sid })
            #expect(requests.allSatisfy { $0.header("I-Twilio-Idempotency-Token") != nil })
        }
        await receiver.stop()
    }
}

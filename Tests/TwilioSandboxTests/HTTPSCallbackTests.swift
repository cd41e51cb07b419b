import GatewayCrypto
import GatewayTestSupport
import HTTPServer
import Testing
import TwilioREST
import TwilioSandbox

/// Status callbacks and inbound webhooks to `https` URLs: the sandbox verifies the receiver
/// against the system's store plus ``TwilioSandbox/Configuration/additionalTrustedCertificatesPath``.
@Suite("Sandbox webhooks over HTTPS")
struct HTTPSCallbackTests {
    /// A file the sandbox is told to trust on top of the system's store.
    enum Trust: String, Sendable, CustomTestStringConvertible {
        case serverCertificate, ca, otherCA

        var testDescription: String { rawValue }

        func path(in certificates: TestCertificates) -> String {
            switch self {
            case .serverCertificate: certificates.certificatePath
            case .ca: certificates.caPath
            case .otherCA: certificates.untrustedCAPath
            }
        }
    }

    /// A sandbox for `fixedAccount` whose messages move at once, trusting `trustedPath`.
    private func configuration(trusting trustedPath: String?) -> TwilioSandbox.Configuration {
        TwilioSandbox.Configuration(
            accounts: [fixedAccount],
            messageTimings: .fast,
            additionalTrustedCertificatesPath: trustedPath
        )
    }

    /// Sends one message from the magic sender with `statusCallback` and waits for its three
    /// callbacks (sending, sent, delivered) to be recorded.
    private func sendAndWait(_ sandbox: TwilioSandbox, statusCallback: String) async throws -> [SandboxCallbackRecord] {
        var twilioConfiguration = TwilioConfiguration()
        twilioConfiguration.apiBaseURL = try #require(sandbox.baseURL)
        let client = try TwilioClient(
            configuration: twilioConfiguration,
            credentials: StaticCredentialSource(
                TwilioCredentials(accountSID: fixedAccount.sid, authToken: fixedAccount.authToken)
            )
        )
        _ = try await client.createMessage(
            CreateMessageRequest(to: "+14155550100", from: "+15005550006", body: "x", statusCallback: statusCallback)
        )
        return try #require(await eventually { sandbox.callbacks.count >= 3 ? sandbox.callbacks : nil })
    }

    @Test(
        "status callbacks reach an https receiver trusted through its own certificate or its CA",
        arguments: [Trust.serverCertificate, .ca]
    )
    func trustedReceiver(trusted: Trust) async throws {
        let certificates = try await TestCertificates.shared
        let receiver = try HTTPSReceiver(certificates: certificates)
        let url = receiver.baseURL() + "/status?tenant=1"
        try await withSandbox(configuration(trusting: trusted.path(in: certificates))) { sandbox in
            let callbacks = try await sendAndWait(sandbox, statusCallback: url)
            #expect(callbacks.map(\.result) == Array(repeating: .answered(status: 204), count: 3))
            #expect(callbacks.allSatisfy { $0.url == url })
        }
        await receiver.stop()

        let requests = receiver.requests
        #expect(requests.map { $0.parameter("MessageStatus") } == ["sending", "sent", "delivered"])
        for request in requests {
            let signed = TwilioSignature.isValid(
                request.signature ?? "",
                url: url,
                parameters: request.form,
                authToken: fixedAccount.authToken
            )
            #expect(signed, "the signature covers the https URL")
        }
    }

    @Test("a receiver's certificate that names localhost verifies for a localhost URL")
    func localhostName() async throws {
        let certificates = try await TestCertificates.shared
        let receiver = try HTTPSReceiver(certificates: certificates)
        try await withSandbox(configuration(trusting: certificates.certificatePath)) { sandbox in
            let callbacks = try await sendAndWait(sandbox, statusCallback: receiver.baseURL(host: "localhost") + "/s")
            #expect(callbacks.map(\.result) == Array(repeating: .answered(status: 204), count: 3))
        }
        await receiver.stop()
    }

    @Test(
        "a receiver signed by a CA the sandbox does not trust gets nothing, and each failure says why",
        arguments: [nil, Trust.otherCA]
    )
    func untrustedReceiver(trusted: Trust?) async throws {
        let certificates = try await TestCertificates.shared
        let receiver = try HTTPSReceiver(certificates: certificates)
        try await withSandbox(configuration(trusting: trusted?.path(in: certificates))) { sandbox in
            let callbacks = try await sendAndWait(sandbox, statusCallback: receiver.baseURL() + "/status")
            #expect(callbacks.map { $0.parameter("MessageStatus") } == ["sending", "sent", "delivered"])
            for callback in callbacks {
                guard case .failed(let reason) = callback.result else {
                    Issue.record("a callback to an untrusted receiver was answered")
                    continue
                }
                #expect(reason.contains("certificate verify failed"))
                #expect(reason.contains("127.0.0.1:"))
            }
            #expect(sandbox.messages().first?.status == .delivered)
        }
        await receiver.stop()
        #expect(receiver.requests.isEmpty)
    }

    @Test("an inbound message reaches an https SmsUrl trusted through its certificate, and fails untrusted")
    func inboundOverHTTPS() async throws {
        let certificates = try await TestCertificates.shared
        let receiver = try HTTPSReceiver(certificates: certificates) { _ in
            .xml("<Response><Message>Hi back</Message></Response>")
        }
        let webhooks = SandboxNumberWebhooks(smsURL: receiver.baseURL() + "/sms")
        try await withSandbox(configuration(trusting: certificates.certificatePath)) { sandbox in
            try sandbox.configureWebhooks(webhooks, forNumber: "+15005550010")
            let outcome = try await sandbox.receiveMessage(from: "+14155550123", to: "+15005550010", body: "Hello")
            #expect(outcome.httpStatus == 200)
            #expect(outcome.twiml == "<Response><Message>Hi back</Message></Response>")
        }
        try await withSandbox(configuration(trusting: certificates.untrustedCAPath)) { sandbox in
            try sandbox.configureWebhooks(webhooks, forNumber: "+15005550010")
            let outcome = try await sandbox.receiveMessage(from: "+14155550123", to: "+15005550010", body: "Hello")
            #expect(outcome.httpStatus == nil)
            #expect(outcome.errorMessage != nil)
        }
        await receiver.stop()
        #expect(receiver.requests.map(\.path) == ["/sms"])
    }

    @Test("an additional trusted certificate file that cannot be used is refused at creation, named")
    func unusableTrustFile() async throws {
        let certificates = try await TestCertificates.shared
        let missing = certificates.directory + "/missing.pem"
        let error = try #require(throws: TwilioSandboxError.self) {
            try TwilioSandbox(configuration: configuration(trusting: missing))
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.message.contains(missing))
    }
}

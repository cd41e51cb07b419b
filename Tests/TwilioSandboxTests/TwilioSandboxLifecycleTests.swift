import Testing
import TwilioSandbox

@Suite("TwilioSandbox configuration and lifecycle")
struct TwilioSandboxLifecycleTests {
    private static func isHex(_ text: some StringProtocol, count: Int) -> Bool {
        text.count == count && text.allSatisfy { "0123456789abcdef".contains($0) }
    }

    @Test("generates account SIDs and tokens from system randomness")
    func generatedAccounts() {
        let first = SandboxAccount.generate()
        let second = SandboxAccount.generate()
        #expect(first.sid.hasPrefix("AC") && Self.isHex(first.sid.dropFirst(2), count: 32))
        #expect(Self.isHex(first.authToken, count: 32))
        #expect(first.sid != second.sid && first.authToken != second.authToken)
        #expect(!first.description.contains(first.authToken))
        let service = SandboxMessagingService.generate()
        #expect(service.sid.hasPrefix("MG") && Self.isHex(service.sid.dropFirst(2), count: 32))
    }

    @Test(
        "rejects unusable configurations",
        arguments: [
            TwilioSandbox.Configuration(accounts: []),
            TwilioSandbox.Configuration(accounts: [SandboxAccount(sid: "AC123", authToken: "t")]),
            TwilioSandbox.Configuration(accounts: [fixedAccount, fixedAccount]),
            TwilioSandbox.Configuration(accounts: [SandboxAccount(sid: fixedAccount.sid, authToken: "")]),
            TwilioSandbox.Configuration(accounts: [SandboxAccount.generate(phoneNumbers: ["5005550010"])]),
            TwilioSandbox.Configuration(
                accounts: [SandboxAccount.generate(messagingServices: [SandboxMessagingService(sid: "MG1")])]
            ),
            TwilioSandbox.Configuration(faults: SandboxFaults(rateLimitFraction: 1.5)),
            TwilioSandbox.Configuration(faults: SandboxFaults(responseDelay: .seconds(-1))),
            TwilioSandbox.Configuration(port: -1),
        ]
    )
    func invalidConfiguration(_ configuration: TwilioSandbox.Configuration) {
        #expect {
            _ = try TwilioSandbox(configuration: configuration)
        } throws: { error in
            (error as? TwilioSandboxError)?.code == .invalidConfiguration
        }
    }

    @Test("exposes its base URL only while running and refuses a second start")
    func lifecycle() async throws {
        let sandbox = try TwilioSandbox()
        #expect(sandbox.baseURL == nil)
        try sandbox.start()
        let url = try #require(sandbox.baseURL)
        #expect(url.hasPrefix("http://127.0.0.1:"))
        #expect((Int(url.dropFirst("http://127.0.0.1:".count)) ?? 0) > 0)
        #expect(sandbox.account.sid == sandbox.accounts[0].sid)
        #expect(throws: TwilioSandboxError.self) { try sandbox.start() }
        await stopOffThread(sandbox)
        #expect(sandbox.baseURL == nil)
    }
}

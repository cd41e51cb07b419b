import Testing
import TwilioREST
import TwilioSandbox

/// The gateway's own REST client against the sandbox: the pair that serves every request in
/// sandbox mode.
@Suite("TwilioClient against the sandbox")
struct TwilioClientAgainstSandboxTests {
    private static let sender = "+15557654321"

    private func withSandbox(
        token: String? = nil,
        requestLogLimit: Int = 200_000,
        _ body: (TwilioSandbox, TwilioClient) async throws -> Void
    ) async throws {
        let sandbox = try TwilioSandbox(
            configuration: TwilioSandbox.Configuration(
                accounts: [.generate(phoneNumbers: [Self.sender])],
                requestLogLimit: requestLogLimit
            )
        )
        try sandbox.start()
        defer { sandbox.stop() }
        var configuration = TwilioConfiguration()
        configuration.apiBaseURL = try #require(sandbox.baseURL)
        let credentials = TwilioCredentials(
            accountSID: sandbox.account.sid,
            authToken: token ?? sandbox.account.authToken
        )
        let client = try TwilioClient(configuration: configuration, credentials: StaticCredentialSource(credentials))
        try await body(sandbox, client)
    }

    @Test("a message is created, stored, and fetched back with the same fields")
    func createAndFetch() async throws {
        try await withSandbox { sandbox, client in
            let created = try await client.createMessage(
                CreateMessageRequest(to: "+15551234567", from: Self.sender, body: "Your code is 123456")
            )
            #expect(created.sid.hasPrefix("SM") && created.sid.count == 34)
            #expect(created.status == .queued)
            #expect(created.accountSID == sandbox.account.sid)
            #expect(created.numSegments == "1")
            #expect(sandbox.message(sid: created.sid)?.body == "Your code is 123456")

            let fetched = try await client.fetchMessage(sid: created.sid)
            #expect(fetched.sid == created.sid)
            #expect(fetched.to == "+15551234567")
            #expect(fetched.from == Self.sender)
        }
    }

    @Test("an invalid To number is Twilio's 21211, not retryable")
    func invalidNumber() async throws {
        try await withSandbox { _, client in
            let error = await #expect(throws: TwilioAPIError.self) {
                _ = try await client.createMessage(CreateMessageRequest(to: "123", from: Self.sender, body: "x"))
            }
            #expect(error?.code == 21211)
            #expect(error?.httpStatus == 400)
            #expect(error?.moreInfo == "https://www.twilio.com/docs/errors/21211")
            #expect(error?.isRetryable == false)
        }
    }

    @Test("a wrong auth token is Twilio's 20003 with HTTP 401")
    func wrongToken() async throws {
        try await withSandbox(token: String(repeating: "0", count: 32)) { sandbox, client in
            let error = await #expect(throws: TwilioAPIError.self) {
                _ = try await client.createMessage(
                    CreateMessageRequest(to: "+15551234567", from: Self.sender, body: "x")
                )
            }
            #expect(error?.code == 20003)
            #expect(error?.httpStatus == 401)
            #expect(sandbox.messages().isEmpty)
        }
    }

    @Test("an unknown message SID is Twilio's 20404")
    func unknownMessage() async throws {
        try await withSandbox { _, client in
            let error = await #expect(throws: TwilioAPIError.self) {
                _ = try await client.fetchMessage(sid: "SM" + String(repeating: "a", count: 32))
            }
            #expect(error?.code == 20404)
            #expect(error?.httpStatus == 404)
        }
    }

    @Test("an injected 20429 is marked retryable")
    func rateLimited() async throws {
        try await withSandbox { sandbox, client in
            try sandbox.setFaults(SandboxFaults(rateLimitFraction: 1, seed: 1))
            let error = await #expect(throws: TwilioAPIError.self) {
                _ = try await client.createMessage(
                    CreateMessageRequest(to: "+15551234567", from: Self.sender, body: "x")
                )
            }
            #expect(error?.code == 20429)
            #expect(error?.isRetryable == true)
        }
    }

    @Test("the request log keeps only the newest requests past its limit, numbered as they arrived")
    func boundedRequestLog() async throws {
        try await withSandbox(requestLogLimit: 8) { sandbox, client in
            for index in 0..<30 {
                _ = try await client.createMessage(
                    CreateMessageRequest(to: "+15551234567", from: Self.sender, body: "message \(index)")
                )
            }
            let records = sandbox.receivedRequests
            #expect((8...10).contains(records.count))
            #expect(records.last?.sequenceNumber == 29)
            #expect(records.map(\.sequenceNumber) == Array((30 - records.count)..<30))
            #expect(records.allSatisfy { $0.responseStatus == 201 && $0.accountSID == sandbox.account.sid })
            #expect(sandbox.messages().count == 30)
        }
    }
}

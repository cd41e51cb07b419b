import Testing
import TwilioSandbox

@Suite("Request records and injected faults")
struct RequestRecordAndFaultTests {
    private static let credentials = (sid: fixedAccount.sid, token: fixedAccount.authToken)
    private static let path = "/2010-04-01/Accounts/\(fixedAccount.sid)/Messages.json"

    private static func create(_ index: Int) -> RESTScript.Request {
        .authenticated(
            "POST",
            path,
            form: [("To", "+14155550100"), ("From", "+15005550006"), ("Body", "n\(index)")],
            as: credentials
        )
    }

    @Test("records every request in arrival order with its form, account and status")
    func records() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            _ = try await RESTScript.run(
                [
                    Self.create(0),
                    .authenticated("POST", Self.path, form: [("Body", "x")], as: (fixedAccount.sid, "wrong")),
                    .authenticated("GET", Self.path + "?PageSize=1", as: Self.credentials),
                ],
                baseURL: try #require(sandbox.baseURL)
            )
            let records = sandbox.receivedRequests
            #expect(records.map(\.sequenceNumber) == [0, 1, 2])
            #expect(records.map(\.method) == ["POST", "POST", "GET"])
            #expect(records.map(\.responseStatus) == [201, 401, 200])
            #expect(records.map(\.accountSID) == [fixedAccount.sid, nil, fixedAccount.sid])
            #expect(records[0].path == Self.path)
            #expect(records[0].formFields.map(\.name) == ["To", "From", "Body"])
            #expect(records[0].formValue("To") == "+14155550100")
            #expect(records[2].query == "PageSize=1")
            #expect(records[0].receivedAt <= records[1].receivedAt && records[1].receivedAt <= records[2].receivedAt)
            #expect(records.allSatisfy { $0.receivedAtWallClock == 1_735_732_800 })
        }
    }

    @Test("answers a seeded fraction of requests 429/20429 without processing them, the same way every run")
    func injectedRateLimit() async throws {
        let faults = SandboxFaults(rateLimitFraction: 0.5, seed: 7)
        var runs: [[Int]] = []
        for _ in 0..<2 {
            let statuses = try await withSandbox(fixedConfiguration(faults: faults)) { sandbox in
                let responses = try await RESTScript.run(
                    (0..<20).map(Self.create),
                    baseURL: try #require(sandbox.baseURL)
                )
                let limited = responses.filter { $0.status == 429 }
                #expect(
                    limited.allSatisfy {
                        $0.body
                            == #"{"code":20429,"message":"Too many requests","#
                            + #""more_info":"https://www.twilio.com/docs/errors/20429","status":429}"#
                    }
                )
                #expect(sandbox.messages().count == responses.filter { $0.status == 201 }.count)
                return responses.map(\.status)
            }
            runs.append(statuses)
        }
        #expect(runs[0] == runs[1])
        #expect(Set(runs[0]) == [201, 429])
    }

    @Test("applies fault changes made while running")
    func faultsChangeAtRuntime() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let baseURL = try #require(sandbox.baseURL)
            try sandbox.setFaults(SandboxFaults(rateLimitFraction: 1))
            let limited = try await RESTScript.run([Self.create(0), Self.create(1)], baseURL: baseURL)
            try sandbox.setFaults(.none)
            let passed = try await RESTScript.run([Self.create(2)], baseURL: baseURL)
            #expect(limited.map(\.status) == [429, 429])
            #expect(passed.map(\.status) == [201])
            #expect(sandbox.messages().map(\.body) == ["n2"])
            #expect(throws: TwilioSandboxError.self) { try sandbox.setFaults(SandboxFaults(rateLimitFraction: -0.1)) }
            #expect(sandbox.faults == .none)
        }
    }

    @Test("delays answers by the configured response delay")
    func responseDelay() async throws {
        let faults = SandboxFaults(responseDelay: .milliseconds(300))
        try await withSandbox(fixedConfiguration(faults: faults)) { sandbox in
            let responses = try await RESTScript.run([Self.create(0)], baseURL: try #require(sandbox.baseURL))
            #expect(responses[0].status == 201)
            #expect(responses[0].elapsed >= 0.3)
        }
    }
}

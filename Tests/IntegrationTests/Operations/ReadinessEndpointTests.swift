internal import Foundation
internal import Testing

/// `GET /readyz` of a gateway whose Twilio answers, cannot be reached, or refuses the credentials.
@Suite("GET /readyz")
struct ReadinessEndpointTests {
    /// The answer of `/readyz`.
    struct Readiness: Decodable {
        var status: String
        var detail: String?
        var reason: String?
        var checkedAt: String?
        var probeDurationMs: Double?
    }

    /// A recording server configuration answering every request with 401 and error 20003.
    static var refusingCredentials: [String: Any] {
        [
            "default": [
                "status": 401,
                "json": [
                    "code": 20003, "message": "Authenticate", "detail": "Your AccountSid or AuthToken was incorrect.",
                    "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401,
                ] as [String: Any],
            ] as [String: Any]
        ]
    }

    /// A recording server configuration answering the Account fetch with an active account.
    static var answeringAccount: [String: Any] {
        [
            "routes": [
                [
                    "method": "GET", "path": "/2010-04-01/Accounts/\(TwilioFixtures.accountSID).json", "status": 200,
                    "json": ["sid": TwilioFixtures.accountSID, "status": "active", "type": "Full"],
                ] as [String: Any]
            ]
        ]
    }

    static func isTimestamp(_ text: String?) -> Bool {
        guard let text else {
            return false
        }
        return (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) != nil
    }

    @Test("sandbox mode: 200 ready, naming the sandbox account and when it was probed")
    func sandboxReady() async throws {
        try await withGateway { gateway in
            let response = try await gateway.readiness(becoming: 200)
            #expect(response.status == 200, "\(response.body)")
            #expect(response.body.hasPrefix(#"{"status":"ready","#), "\(response.body)")
            let readiness = try response.decoded(as: Readiness.self)
            let sandbox = try #require(gateway.sandbox)
            #expect(readiness.detail == "Twilio answered for account \(sandbox.accountSID)")
            #expect(readiness.reason == nil)
            #expect(Self.isTimestamp(readiness.checkedAt), "\(response.body)")
            #expect((readiness.probeDurationMs ?? -1) >= 0)
        }
    }

    @Test("live mode with nothing at TWILIO_API_BASE_URL: 503 not-ready, a connection failure; /healthz stays 200")
    func unreachable() async throws {
        let port = try ClosedPort.make()
        let environment = TwilioFixtures.environment(baseURL: "http://127.0.0.1:\(port)")
        try await withGateway(environment: environment) { gateway in
            let response = try await Self.probedNotReady(gateway)
            let readiness = try response.decoded(as: Readiness.self)
            #expect(
                readiness.reason?.hasPrefix("no usable answer from Twilio (connect failed)") == true,
                "\(response.body)"
            )
            #expect(try await HTTPClient.get("/healthz", port: gateway.httpPort).status == 200)
        }
    }

    @Test("live mode with a Twilio that refuses the credentials: 503 naming 20003 and the variables to fix")
    func refused() async throws {
        try await withRecordingServer(Self.refusingCredentials) { twilio in
            try await withGateway(environment: TwilioFixtures.environment(baseURL: twilio.baseURL)) { gateway in
                let response = try await Self.probedNotReady(gateway)
                let readiness = try response.decoded(as: Readiness.self)
                let reason = readiness.reason ?? ""
                #expect(reason.contains("error 20003"), "\(response.body)")
                #expect(reason.contains("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN"), "\(response.body)")
                #expect(!response.body.contains(TwilioFixtures.authToken))

                let probe = try #require(twilio.requests.first)
                #expect(probe.method == "GET")
                #expect(probe.path == "/2010-04-01/Accounts/\(TwilioFixtures.accountSID).json")
                #expect(probe.basicCredentials?.user == TwilioFixtures.accountSID)
            }
        }
    }

    @Test("the probe runs again at the interval: a Twilio that comes up makes the gateway ready")
    func recovers() async throws {
        let port = try ClosedPort.make()
        let environment = TwilioFixtures.environment(baseURL: "http://127.0.0.1:\(port)")
        try await withGateway(arguments: ["--readiness-interval", "0.2"], environment: environment) { gateway in
            _ = try await Self.probedNotReady(gateway)
            try await withRecordingServer(Self.answeringAccount, port: port) { _ in
                let response = try await gateway.readiness(becoming: 200)
                #expect(response.status == 200, "\(response.body)")
                let readiness = try response.decoded(as: Readiness.self)
                #expect(readiness.detail == "Twilio answered for account \(TwilioFixtures.accountSID)")
            }
        }
    }

    @Test(
        "a readiness interval that is not a positive number of seconds up to a day exits 64, naming the option",
        arguments: ["0", "-1", "soon", "86401"]
    )
    func badInterval(_ value: String) async throws {
        let gateway = GatewayProcess.executablePath
        let fromFlag = try await Program.run(
            gateway,
            ["serve", "--readiness-interval", value],
            timeLimit: .seconds(10)
        )
        let fromEnvironment = try await Program.run(
            gateway,
            ["serve"],
            environment: ["GATEWAY_READINESS_INTERVAL": value],
            timeLimit: .seconds(10)
        )
        for (outcome, name) in [(fromFlag, "--readiness-interval"), (fromEnvironment, "GATEWAY_READINESS_INTERVAL")] {
            #expect(outcome.status == 64, "\(outcome)")
            #expect(outcome.errorOutput.hasPrefix("serve: \(name) needs a number of seconds"), "\(outcome)")
        }
    }

    /// Waits for the first probe's result, which must be 503 not-ready with the probe's time.
    static func probedNotReady(_ gateway: GatewayProcess) async throws -> HTTPClient.Response {
        let end = ContinuousClock.now + .seconds(10)
        while true {
            let response = try await HTTPClient.get("/readyz", port: gateway.httpPort)
            #expect(response.status == 503, "\(response.body)")
            let readiness = try response.decoded(as: Readiness.self)
            #expect(readiness.status == "not-ready")
            if readiness.checkedAt != nil || ContinuousClock.now >= end {
                #expect(Self.isTimestamp(readiness.checkedAt), "no probe finished: \(response.body)")
                return response
            }
            #expect(readiness.reason == "no readiness probe has finished yet")
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

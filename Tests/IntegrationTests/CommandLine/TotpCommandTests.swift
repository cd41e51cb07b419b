internal import Foundation
internal import GatewayCrypto
internal import Testing

/// `twilio-gateway totp ...` against one shared sandbox gateway, with the codes an
/// authenticator app would show computed here from the factor's secret.
@Suite("The totp commands", .sharedSandboxGateway)
struct TotpCommandTests {
    /// A fresh identity per test, so that tests share no factor.
    static func identity() -> String {
        "user-" + UUID().uuidString.lowercased()
    }

    /// `--service-sid` and `--identity`, which every totp command takes.
    static func common(_ identity: String) throws -> [String] {
        ["--service-sid", try ClientCommandTests.verifyServiceSID(), "--identity", identity]
    }

    /// The code the app shows now for `secret`, and one that no nearby time step accepts.
    static func codes(secret: String) throws -> (right: String, wrong: String) {
        let password = OneTimePassword(secret: try #require(Base32.decode(secret), "secret \(secret) is not Base32"))
        let now = Date().timeIntervalSince1970
        let nearby = Set([-30.0, 0, 30].map { password.code(at: now + $0) })
        let wrong = try #require(["000000", "111111", "222222", "333333"].first { !nearby.contains($0) })
        return (password.code(at: now), wrong)
    }

    /// Creates a factor and returns its SID and secret.
    static func createFactor(_ identity: String) async throws -> (sid: String, secret: String) {
        let (outcome, factor) = try await ClientCommandTests.runJSON(
            ["totp", "create", "--name", "Ana's phone"] + (try common(identity))
        )
        #expect(outcome.status == 0, "\(outcome)")
        #expect(factor["status"] == "unverified", "\(outcome)")
        #expect(factor["bindingUri"]?.hasPrefix("otpauth://totp/") == true, "\(outcome)")
        return (try #require(factor["sid"]), try #require(factor["bindingSecret"], "\(outcome)"))
    }

    /// Creates and verifies a factor and returns its SID and secret.
    static func verifiedFactor(_ identity: String) async throws -> (sid: String, secret: String) {
        let factor = try await createFactor(identity)
        let (outcome, verified) = try await ClientCommandTests.runJSON(
            ["totp", "verify", "--factor-sid", factor.sid, "--code", try codes(secret: factor.secret).right]
                + (try common(identity))
        )
        #expect(outcome.status == 0, "\(outcome)")
        #expect(verified["status"] == "verified", "\(outcome)")
        return factor
    }

    @Test("create, verify with the app's code, then a challenge with the app's code is approved")
    func enrolAndChallenge() async throws {
        let identity = Self.identity()
        let factor = try await Self.verifiedFactor(identity)

        let (outcome, challenge) = try await ClientCommandTests.runJSON(
            ["totp", "challenge", "--factor-sid", factor.sid, "--code", try Self.codes(secret: factor.secret).right]
                + (try Self.common(identity))
        )

        #expect(outcome.status == 0, "\(outcome)")
        #expect(challenge["status"] == "approved", "\(outcome)")
        #expect(challenge["factorSid"] == factor.sid)
        #expect(challenge["sid"]?.hasPrefix("YC") == true)
    }

    @Test("create prints the secret and the otpauth URI readably, with the verify command to run next")
    func readableCreate() async throws {
        let identity = Self.identity()
        let rpcPort = try SharedSandboxGateway.require().requireRPCPort()

        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            ["totp", "create", "--name", "laptop", "--rpc-addr", "127.0.0.1:\(rpcPort)"] + (try Self.common(identity))
        )

        #expect(outcome.status == 0, "\(outcome)")
        let lines = outcome.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("YF") == true, "\(outcome)")
        #expect(lines.first?.contains("unverified: factor \"laptop\" of \(identity)") == true, "\(outcome)")
        let secret = try #require(lines.first { $0.hasPrefix("secret: ") }?.dropFirst("secret: ".count))
        #expect(Base32.decode(String(secret)) != nil, "\(outcome)")
        #expect(
            lines.contains { $0.hasPrefix("uri: otpauth://totp/") && $0.contains("secret=\(secret)") },
            "\(outcome)"
        )
        #expect(lines.last?.hasPrefix("twilio-gateway totp verify ") == true, "\(outcome)")
    }

    @Test("a wrong code leaves the factor unverified, says it was not accepted and exits 3")
    func wrongVerifyCode() async throws {
        let identity = Self.identity()
        let factor = try await Self.createFactor(identity)
        let rpcPort = try SharedSandboxGateway.require().requireRPCPort()

        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            ["totp", "verify", "--factor-sid", factor.sid, "--code", try Self.codes(secret: factor.secret).wrong]
                + (try Self.common(identity)) + ["--rpc-addr", "127.0.0.1:\(rpcPort)"]
        )

        #expect(outcome.status == 3, "\(outcome)")
        #expect(
            outcome.output == "\(factor.sid) unverified: the code was not accepted; try the code the app shows now\n"
        )
    }

    @Test("a wrong code leaves a challenge pending (exit 3); totp check with the right code approves it (exit 0)")
    func wrongThenRightChallengeCode() async throws {
        let identity = Self.identity()
        let factor = try await Self.verifiedFactor(identity)
        let rpcPort = try SharedSandboxGateway.require().requireRPCPort()

        let wrong = try await Program.run(
            GatewayProcess.executablePath,
            ["totp", "challenge", "--factor-sid", factor.sid, "--code", try Self.codes(secret: factor.secret).wrong]
                + (try Self.common(identity)) + ["--rpc-addr", "127.0.0.1:\(rpcPort)"]
        )
        #expect(wrong.status == 3, "\(wrong)")
        let match = try #require(
            wrong.output.wholeMatch(of: /(YC[0-9a-f]{32}) pending: the code was not accepted; .*\n/)
        )
        let challengeSID = String(match.1)

        let (checked, challenge) = try await ClientCommandTests.runJSON(
            ["totp", "check", "--challenge-sid", challengeSID, "--code", try Self.codes(secret: factor.secret).right]
                + (try Self.common(identity))
        )
        #expect(checked.status == 0, "\(checked)")
        #expect(challenge["status"] == "approved", "\(checked)")
        #expect(challenge["sid"] == challengeSID)
    }

    @Test("a challenge of a factor that is not verified yet exits 1 with the gateway's error")
    func challengeUnverified() async throws {
        let identity = Self.identity()
        let factor = try await Self.createFactor(identity)

        let (outcome, result) = try await ClientCommandTests.runJSON(
            ["totp", "challenge", "--factor-sid", factor.sid, "--code", "123456"] + (try Self.common(identity))
        )

        #expect(outcome.status == 1, "\(outcome)")
        #expect(result.errorCode == "INVALID_ARGUMENT", "\(outcome)")
    }

    @Test(
        "words the totp commands cannot use exit 64",
        arguments: [
            ["totp"], ["totp", "enrol", "--service-sid", "VA1", "--identity", "user-0001"],
            ["totp", "create", "--service-sid", "VA1", "--identity", "user-0001"],
            ["totp", "verify", "--service-sid", "VA1", "--identity", "user-0001", "--code", "123456"],
            ["totp", "check", "--service-sid", "VA1", "--identity", "user-0001", "--factor-sid", "YF1", "--code", "1"],
            ["totp", "create", "--service-sid", "VA1", "--identity", "user-0001", "--name", "a", "--skew", "3"],
        ]
    )
    func misuse(_ arguments: [String]) async throws {
        let outcome = try await Program.run(GatewayProcess.executablePath, arguments, timeLimit: .seconds(10))

        #expect(outcome.status == 64, "\(outcome)")
    }

    @Test("totp --help names every step and option")
    func help() async throws {
        let outcome = try await Program.run(GatewayProcess.executablePath, ["totp", "--help"], timeLimit: .seconds(10))

        #expect(outcome.status == 0, "\(outcome)")
        for word in ["create", "verify", "challenge", "check", "--factor-sid", "--challenge-sid", "--code", "--json"] {
            #expect(outcome.output.contains(word), "totp --help lacks \(word)")
        }
    }
}

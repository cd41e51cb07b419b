internal import Foundation
internal import Testing

/// The `message`, `call`, `update-call` and `verify` commands run as separate processes against
/// one shared sandbox gateway.
@Suite("The twilio-gateway client commands", .sharedSandboxGateway)
struct ClientCommandTests {
    /// What a `--json` command printed, decoded into one object.
    struct JSONObject {
        var members: [String: Any]

        subscript(_ key: String) -> String? { members[key] as? String }

        /// The `error` member's `code`, if the command failed.
        var errorCode: String? { (members["error"] as? [String: Any])?["code"] as? String }
    }

    /// Runs `twilio-gateway <arguments> --rpc-addr ... --json` and decodes its standard output.
    static func runJSON(_ arguments: [String]) async throws -> (Program.Outcome, JSONObject) {
        let rpcPort = try SharedSandboxGateway.require().requireRPCPort()
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            arguments + ["--rpc-addr", "127.0.0.1:\(rpcPort)", "--json"]
        )
        let object = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any]
        return (outcome, JSONObject(members: try #require(object, "no JSON object: \(outcome)")))
    }

    static func sandbox() throws -> GatewayProcess.Sandbox {
        try #require(try SharedSandboxGateway.require().sandbox)
    }

    /// The sandbox account's default Verify Service: `VA` and the account SID's hex digits.
    static func verifyServiceSID() throws -> String {
        "VA" + (try sandbox().accountSID.dropFirst(2).lowercased())
    }

    static func placeCall() async throws -> JSONObject {
        let from = try #require(try sandbox().numbers.first)
        let (outcome, call) = try await runJSON([
            "call", "--to", "+14155550100", "--from", from, "--twiml", "<Response><Pause length=\"30\"/></Response>",
            "--timeout-seconds", "30", "--status-callback", "http://127.0.0.1:9/status",
            "--status-callback-event", "completed",
        ])
        #expect(outcome.status == 0, "\(outcome)")
        return call
    }

    @Test(
        "--help of each client command exits 0 and prints its usage",
        arguments: [
            (["message", "--help"], "Usage: twilio-gateway message SID"),
            (["call", "--help"], "Usage: twilio-gateway call --to NUMBER"),
            (["update-call", "--help"], "Usage: twilio-gateway update-call SID"),
            (["verify", "--help"], "Usage: twilio-gateway verify start"),
            (["--help"], "update-call"),
        ]
    )
    func help(_ arguments: [String], usage: String) async throws {
        let outcome = try await Program.run(GatewayProcess.executablePath, arguments, timeLimit: .seconds(10))

        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.output.contains(usage), "\(outcome)")
    }

    @Test("message SID shows a message that send-sms sent")
    func getMessage() async throws {
        let sandbox = try Self.sandbox()
        let from = try #require(sandbox.numbers.first)
        let rpcPort = try SharedSandboxGateway.require().requireRPCPort()
        let (_, sent) = try await SendSmsCommand.runJSON(
            rpcPort: rpcPort,
            ["--to", "+14155550100", "--from", from, "--body", "from the CLI"]
        )
        let sid = try #require(sent.sid)

        let (outcome, message) = try await Self.runJSON(["message", sid])

        #expect(outcome.status == 0, "\(outcome)")
        #expect(message["sid"] == sid)
        #expect(message["to"] == "+14155550100")
        #expect(message["body"] == "from the CLI")

        let readable = try await Program.run(
            GatewayProcess.executablePath,
            ["message", sid, "--rpc-addr", "127.0.0.1:\(rpcPort)"]
        )
        #expect(readable.status == 0, "\(readable)")
        #expect(readable.output.hasPrefix(sid), "\(readable)")
        #expect(readable.output.contains("from the CLI"), "\(readable)")
    }

    @Test(
        "a malformed SID exits 1 with INVALID_ARGUMENT",
        arguments: [
            ["message", "not-a-sid"],
            ["message", "not-a-sid", "--cancel"],
            ["call", "not-a-sid"],
            ["update-call", "not-a-sid", "--status", "completed"],
        ]
    )
    func malformedSID(_ arguments: [String]) async throws {
        let (outcome, result) = try await Self.runJSON(arguments)

        #expect(outcome.status == 1, "\(outcome)")
        #expect(result.errorCode == "INVALID_ARGUMENT", "\(outcome)")
    }

    @Test("call places a call and call SID shows it")
    func makeAndGetCall() async throws {
        let placed = try await Self.placeCall()
        let sid = try #require(placed["sid"])
        #expect(sid.hasPrefix("CA"))

        let (outcome, shown) = try await Self.runJSON(["call", sid])

        #expect(outcome.status == 0, "\(outcome)")
        #expect(shown["sid"] == sid)
        #expect(shown["to"] == "+14155550100")
    }

    @Test("update-call --status completed ends a call")
    func updateCall() async throws {
        let sid = try #require(try await Self.placeCall()["sid"])

        let (outcome, call) = try await Self.runJSON(["update-call", sid, "--status", "completed"])

        #expect(outcome.status == 0, "\(outcome)")
        #expect(call["sid"] == sid)
        #expect(call["status"] == "completed" || call["status"] == "canceled", "\(outcome)")
    }

    @Test("verify start sends a code and verify check with a wrong code prints valid false and exits 3")
    func verifyStartAndWrongCode() async throws {
        let service = try Self.verifyServiceSID()
        let (started, verification) = try await Self.runJSON([
            "verify", "start", "--service-sid", service, "--to", "+14155550101", "--channel", "sms",
        ])
        #expect(started.status == 0, "\(started)")
        #expect(verification["status"] == "pending", "\(started)")
        let verificationSID = try #require(verification["sid"])

        let (checked, check) = try await Self.runJSON([
            "verify", "check", "--service-sid", service, "--verification-sid", verificationSID, "--code", "000000",
        ])

        #expect(checked.status == 3, "\(checked)")
        #expect(check.members["valid"] as? Bool == false, "\(checked)")
        #expect(check["status"] == "pending", "\(checked)")
    }

    @Test("the code read from the gateway's sandbox inbox makes verify check print valid true")
    func verifyWithCodeFromInbox() async throws {
        let service = try Self.verifyServiceSID()
        let recipient = "+14155550102"
        let (started, _) = try await Self.runJSON([
            "verify", "start", "--service-sid", service, "--to", recipient, "--channel", "sms",
        ])
        #expect(started.status == 0, "\(started)")

        let httpPort = try SharedSandboxGateway.require().httpPort
        let inbox = try await HTTPClient.get("/sandbox/inbox/%2B14155550102", port: httpPort)
        #expect(inbox.status == 200, "\(inbox.body)")
        let document = try JSONSerialization.jsonObject(with: Data(inbox.body.utf8)) as? [String: Any]
        let deliveries = try #require(document?["deliveries"] as? [[String: Any]], "\(inbox.body)")
        let code = try #require(deliveries.last?["code"] as? String, "\(inbox.body)")

        let (checked, check) = try await Self.runJSON([
            "verify", "check", "--service-sid", service, "--to", recipient, "--code", code,
        ])
        #expect(checked.status == 0, "\(checked)")
        #expect(check.members["valid"] as? Bool == true, "\(checked)")
        #expect(check["status"] == "approved", "\(checked)")
    }

    @Test("verify start with an unknown channel exits 1 with INVALID_ARGUMENT")
    func verifyUnknownChannel() async throws {
        let (outcome, result) = try await Self.runJSON([
            "verify", "start", "--service-sid", try Self.verifyServiceSID(), "--to", "+14155550101",
            "--channel", "pigeon",
        ])

        #expect(outcome.status == 1, "\(outcome)")
        #expect(result.errorCode == "INVALID_ARGUMENT", "\(outcome)")
    }

    @Test(
        "words a client command cannot use exit 64",
        arguments: [
            ["message"],
            ["message", "SM1", "SM2"],
            ["verify", "stop"],
            ["update-call", "CA1", "--status", "completed", "--twiml", "<Response/>"],
            ["call", "--to", "+14155550100", "--from", "+15005550006"],
        ]
    )
    func misuse(_ arguments: [String]) async throws {
        let outcome = try await Program.run(GatewayProcess.executablePath, arguments, timeLimit: .seconds(10))

        #expect(outcome.status == 64, "\(outcome)")
    }
}

internal import Foundation
internal import GatewayCrypto
internal import HTTPServer
internal import Testing
internal import TwilioREST

/// The sandbox closes the loop: the gateway's webhooks are configured on the sandbox's numbers,
/// so statuses of what the gateway sends, and people texting or calling, reach the event log
/// through signed webhooks.
@Suite("The sandbox loop through the webhooks", .sharedSandboxGateway)
struct SandboxLoopTests {
    static func gateway() throws -> GatewayProcess {
        try SharedSandboxGateway.require()
    }

    /// Runs `twilio-gateway sandbox <arguments>` against the shared gateway.
    static func sandboxCommand(_ arguments: [String]) async throws -> Program.Outcome {
        try await Program.run(
            GatewayProcess.executablePath,
            ["sandbox"] + arguments + ["--http-addr", "127.0.0.1:\(try gateway().httpPort)"]
        )
    }

    @Test("a message sent through the service moves queued → sending → sent → delivered in the log")
    func messageStatuses() async throws {
        let gateway = try Self.gateway()
        let service = try #require(gateway.sandbox?.messagingServiceSID)
        let (outcome, sent) = try await SendSmsCommand.runJSON(
            rpcPort: try gateway.requireRPCPort(),
            ["--to", "+14155550180", "--messaging-service-sid", service, "--body", "loop"]
        )
        let sid = try #require(sent.sid, "\(outcome)")
        let rows = try await EventLogFile.waitFor(in: gateway.dataDirectoryPath) { rows in
            rows.contains { $0.messageSID == sid && $0.status == "delivered" }
        }
        let statuses = rows.filter { $0.messageSID == sid }.map(\.status)
        #expect(rows.filter { $0.messageSID == sid }.allSatisfy { $0.type == "message.status" })
        #expect(statuses == ["queued", "sending", "sent", "delivered"])
    }

    @Test("a call placed without a status callback reports every status to the gateway")
    func callStatuses() async throws {
        let gateway = try Self.gateway()
        let from = try #require(gateway.sandbox?.numbers.first)
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            [
                "call", "--to", "+14155550181", "--from", from, "--twiml", "<Response><Say>Hi</Say></Response>",
                "--rpc-addr", "127.0.0.1:\(try gateway.requireRPCPort())", "--json",
            ]
        )
        let call = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any]
        let sid = try #require(call?["sid"] as? String, "\(outcome)")
        let rows = try await EventLogFile.waitFor(in: gateway.dataDirectoryPath) { rows in
            rows.contains { $0.callSID == sid && $0.status == "completed" }
        }
        let statuses = rows.filter { $0.callSID == sid }.compactMap(\.status)
        #expect(statuses.first == "initiated")
        #expect(statuses.last == "completed")
        #expect(statuses.contains("in-progress"))
    }

    @Test("sandbox sms STOP opts the person out, sends to them fail fast, and START opts them back in")
    func stopAndStart() async throws {
        let gateway = try Self.gateway()
        let person = "+14155550182"
        let number = try #require(gateway.sandbox?.numbers.last)

        let stop = try await Self.sandboxCommand(["sms", "--from", person, "--to", number, "--body", "STOP"])
        #expect(stop.status == 0, "\(stop)")
        #expect(stop.output.contains("<Response/>"))
        let rows = try await EventLogFile.rows(in: gateway.dataDirectoryPath).filter { $0.from == person }
        #expect(rows.map(\.type) == ["sms.inbound", "optout"])

        let refused = try await SendSmsCommand.runJSON(
            rpcPort: try gateway.requireRPCPort(),
            ["--to", person, "--from", number, "--body", "sale"]
        )
        #expect(refused.0.status != 0)
        #expect(refused.1.error?.code == "FAILED_PRECONDITION")
        #expect(refused.1.error?.twilioCode == 21610)

        let start = try await Self.sandboxCommand(["sms", "--from", person, "--to", number, "--body", "start"])
        #expect(start.status == 0, "\(start)")
        let sent = try await SendSmsCommand.runJSON(
            rpcPort: try gateway.requireRPCPort(),
            ["--to", person, "--from", number, "--body", "welcome back"]
        )
        #expect(sent.1.sid?.hasPrefix("SM") == true, "\(sent.0)")
    }

    @Test("sandbox call gets the default TwiML, and the call is in the log from ringing to completed")
    func inboundCall() async throws {
        let gateway = try Self.gateway()
        let person = "+14155550183"
        let number = try #require(gateway.sandbox?.numbers.first)
        let outcome = try await Self.sandboxCommand(["call", "--from", person, "--to", number])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.output.contains("<Say>Sorry, nobody can take this call right now. Goodbye.</Say>"))

        let rows = try await EventLogFile.waitFor(in: gateway.dataDirectoryPath) { rows in
            rows.filter { $0.from == person }.count == 2
        }
        let call = rows.filter { $0.from == person }
        #expect(call.map(\.type) == ["call.inbound", "call.status"])
        #expect(call.map(\.status) == ["ringing", "completed"])
    }

    @Test("sandbox commands refuse numbers the sandbox does not own, and explain")
    func refused() async throws {
        let outcome = try await Self.sandboxCommand([
            "sms", "--from", "+14155550184", "--to", "+19995550000", "--body", "x",
        ])
        #expect(outcome.status == 1)
        #expect(outcome.errorOutput.contains("not a number of a sandbox account"))
    }

    @Test("a forged webhook to the running gateway gets 403 and a warning naming the checked URL")
    func forged() async throws {
        let gateway = try Self.gateway()
        let client = try WebhookClient()
        let response = try await client.send(
            WebhookRequest(
                method: .post,
                url: "http://127.0.0.1:\(gateway.httpPort)/webhooks/twilio/sms",
                headers: [("Content-Type", "application/x-www-form-urlencoded"), ("X-Twilio-Signature", "Zm9yZ2Vk")],
                body: Array("MessageSid=SMforged&Body=hi".utf8)
            )
        )
        #expect(response.status == 403)
        let line = await eventuallyLine(gateway, "webhook.signature.rejected")
        #expect(line?["webhook.url"] == "http://127.0.0.1:\(gateway.httpPort)/webhooks/twilio/sms")
        #expect(line?["webhook.endpoint"] == "sms")
    }

    @Test("/sandbox/account gives the token that signs a webhook the gateway accepts")
    func signWithTheSandboxToken() async throws {
        struct Account: Decodable {
            var accountSID: String
            var authToken: String
            var phoneNumbers: [String]

            enum CodingKeys: String, CodingKey {
                case accountSID = "account_sid"
                case authToken = "auth_token"
                case phoneNumbers = "phone_numbers"
            }
        }
        let gateway = try Self.gateway()
        let account = try await HTTPClient.get("/sandbox/account", port: gateway.httpPort).decoded(as: Account.self)
        #expect(account.accountSID == gateway.sandbox?.accountSID)
        let url = "http://127.0.0.1:\(gateway.httpPort)/webhooks/twilio/sms"
        let messageSID = "SM" + String(repeating: "5", count: 32)
        let parameters = [
            ("MessageSid", messageSID), ("AccountSid", account.accountSID), ("From", "+14155550195"),
            ("To", try #require(account.phoneNumbers.first)), ("Body", "signed by hand"),
        ]
        let body = parameters.map {
            "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        .joined(separator: "&")
        let signature = TwilioSignature.sign(
            url: url,
            parameters: parameters.map { (name: $0.0, value: $0.1) },
            authToken: account.authToken
        )
        let response = try await WebhookClient().send(
            WebhookRequest(
                method: .post,
                url: url,
                headers: [("Content-Type", "application/x-www-form-urlencoded"), ("X-Twilio-Signature", signature)],
                body: Array(body.utf8)
            )
        )
        #expect(response.status == 200)
        let rows = try await EventLogFile.waitFor(in: gateway.dataDirectoryPath) { rows in
            rows.contains { $0.messageSID == messageSID }
        }
        #expect(rows.filter { $0.messageSID == messageSID }.map(\.type) == ["sms.inbound"])
    }

    private func eventuallyLine(_ gateway: GatewayProcess, _ message: String) async -> [String: String]? {
        for _ in 0..<200 {
            if let line = gateway.logs.first(where: { $0["msg"] == message }) {
                return line
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }
}

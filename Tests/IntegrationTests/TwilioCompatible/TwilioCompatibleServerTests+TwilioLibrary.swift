internal import Foundation
internal import Testing

/// Twilio's own Python library (`twilio` on PyPI) sends the same message to the same recording
/// server; the gateway's form must hold the same fields with the same values.
extension TwilioCompatibleServerTests {
    /// A message, as `send-sms` options and as the library's `messages.create` arguments.
    struct SameMessage: Sendable, CustomTestStringConvertible {
        var name: String
        var commandArguments: [String]
        var libraryArguments: [String: [String]]

        var testDescription: String { name }
    }

    static let sameMessages = [
        SameMessage(
            name: "from a number, with two media URLs and a status callback",
            commandArguments: [
                "--to", "+15551234567", "--from", "+15557654321", "--body", "library check: MMS + callback",
                "--media-url", "http://127.0.0.1:9/a.png", "--media-url", "http://127.0.0.1:9/b.png?x=1&y=2",
                "--status-callback", "http://127.0.0.1:9/status",
            ],
            libraryArguments: [
                "to": ["+15551234567"], "from_": ["+15557654321"], "body": ["library check: MMS + callback"],
                "media_url": ["http://127.0.0.1:9/a.png", "http://127.0.0.1:9/b.png?x=1&y=2"],
                "status_callback": ["http://127.0.0.1:9/status"],
            ]
        ),
        SameMessage(
            name: "through a Messaging Service",
            commandArguments: [
                "--to", "+15551234567", "--messaging-service-sid", "MG00112233445566778899aabbccddeeff",
                "--body", "library check: Welcome to Yourapp",
            ],
            libraryArguments: [
                "to": ["+15551234567"], "messaging_service_sid": ["MG00112233445566778899aabbccddeeff"],
                "body": ["library check: Welcome to Yourapp"],
            ]
        ),
    ]

    /// Sends one message with the library, pointed at `baseURL`; list arguments stay lists only
    /// for `media_url`. A proxy that refuses everything catches any request to another host.
    static let libraryScript = """
        import json, sys
        from twilio.rest import Client
        options = json.load(sys.stdin)
        client = Client(options["account_sid"], options["auth_token"])
        client.api.base_url = options["base_url"]
        arguments = {k: (v if k == "media_url" else v[0]) for k, v in options["arguments"].items()}
        message = client.messages.create(**arguments)
        print(json.dumps({"sid": message.sid}))
        """

    @Test(
        "the gateway's form fields and values match what Twilio's Python library sends",
        .enabled(
            if: PythonTools.shouldRun(PythonTools.hasTwilio),
            "the twilio package is missing; pip install -r Tests/requirements.txt or set GATEWAY_REQUIRE_PYTHON=1"
        ),
        arguments: sameMessages
    )
    func sameFieldsAsTwilioLibrary(_ message: SameMessage) async throws {
        let (twilio, gateway) = try SharedRecordingTwilio.require().both
        try #require(PythonTools.hasTwilio, "python3 cannot import twilio: pip install -r Tests/requirements.txt")
        let body = try #require(message.libraryArguments["body"]?.first)

        let sent = try await SendSmsCommand.run(rpcPort: try gateway.requireRPCPort(), message.commandArguments)
        #expect(sent.status == 0, "\(sent)")
        let options: [String: Any] = [
            "account_sid": TwilioFixtures.accountSID, "auth_token": TwilioFixtures.authToken,
            "base_url": twilio.baseURL, "arguments": message.libraryArguments,
        ]
        let library = try await Program.run(
            try PythonTools.requirePython(),
            ["-c", Self.libraryScript],
            environment: [
                "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9", "NO_PROXY": "127.0.0.1",
            ],
            input: String(decoding: try JSONSerialization.data(withJSONObject: options), as: UTF8.self)
        )
        #expect(library.status == 0, "\(library)")
        #expect(library.output.contains(TwilioFixtures.messageSID), "\(library)")

        let ours = try Self.gatewayRequest(withBody: body, in: twilio)
        let theirs = try #require(
            twilio.requests.first {
                $0.form["Body"] == body && $0.header("User-Agent")?.hasPrefix("twilio-python") == true
            },
            "the library's request was not recorded: \(library)"
        )
        Self.expectCreateMessage(ours)
        #expect(ours.path == theirs.path)
        #expect(ours.form.sorted == theirs.form.sorted, "gateway: \(ours.form)\nlibrary: \(theirs.form)")
        #expect(ours.form.values("MediaUrl") == theirs.form.values("MediaUrl"))
        #expect(ours.basicCredentials?.user == theirs.basicCredentials?.user)
        #expect(ours.basicCredentials?.password == theirs.basicCredentials?.password)
    }
}

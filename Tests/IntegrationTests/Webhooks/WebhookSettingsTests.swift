internal import Foundation
internal import Testing

@Suite("Webhook settings of serve")
struct WebhookSettingsTests {
    @Test("the voice TwiML file sets the default and per-number answers of calls nobody answers")
    func twimlFile() async throws {
        let directory = try TemporaryDirectory(prefix: "twiml")
        defer { directory.remove() }
        let file = directory.file("voice.json")
        try Data(
            #"{"default": "<Response><Reject/></Response>", "numbers": {"+15005550006": "<Response><Say>Sales</Say></Response>"}}"#
                .utf8
        )
        .write(to: file)

        try await withGateway(arguments: ["--voice-twiml-file", file.path]) { gateway in
            func call(_ to: String) async throws -> Program.Outcome {
                try await Program.run(
                    GatewayProcess.executablePath,
                    [
                        "sandbox", "call", "--from", "+14155550190", "--to", to, "--http-addr",
                        "127.0.0.1:\(gateway.httpPort)",
                    ]
                )
            }
            let sales = try await call("+15005550006")
            let other = try await call("+15557654321")
            #expect(sales.output == "<Response><Say>Sales</Say></Response>\n", "\(sales)")
            #expect(other.output == "<Response><Reject/></Response>\n", "\(other)")
        }
    }

    @Test(
        "unusable webhook settings stop serve at start, naming the setting",
        arguments: [
            (["--public-url", "gw.example.com"], [:], "must start with https:// or http://"),
            (["--voice-answer-window", "15"], [:], "--voice-answer-window"),
            ([], ["GATEWAY_SMS_ANSWER_WINDOW": "0"], "GATEWAY_SMS_ANSWER_WINDOW needs a number of seconds"),
            ([], ["GATEWAY_VOICE_DEFAULT_TWIML": "<Say>hi</Say>"], "must be a TwiML document"),
            (["--voice-twiml-file", "/nonexistent/voice.json"], [:], "cannot read the voice TwiML file"),
        ]
    )
    func refused(arguments: [String], environment: [String: String], mentions: String) async throws {
        let directory = try TemporaryDirectory(prefix: "refused")
        defer { directory.remove() }
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            ["serve", "--rpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0", "--data-dir", directory.url.path]
                + arguments,
            environment: environment,
            timeLimit: .seconds(10)
        )
        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.errorOutput.contains(mentions), "\(outcome)")
    }
}

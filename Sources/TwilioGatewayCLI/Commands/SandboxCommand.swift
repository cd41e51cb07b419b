internal import Foundation
internal import TwilioREST

/// `twilio-gateway sandbox sms|call`: plays a person texting or calling one of the sandbox's
/// numbers, through a sandbox-mode gateway's HTTP port, and prints the TwiML the gateway's
/// webhook answered.
enum SandboxCommand {
    static let help = """
        Usage: twilio-gateway sandbox sms --from NUMBER --to NUMBER --body TEXT [options]
               twilio-gateway sandbox call --from NUMBER --to NUMBER [options]

        Asks a sandbox-mode gateway to play a person at --from texting or calling the sandbox
        number --to: the sandbox sends Twilio's signed webhook to the gateway, which stores the
        event (sms.inbound or call.inbound) and answers with TwiML, printed here.

        Options:
          --from NUMBER            The person's number, E.164
          --to NUMBER              One of the sandbox's numbers (see gateway.sandbox.enabled)
          --body TEXT              The message (sms only)
          --http-addr HOST:PORT    The gateway's HTTP port [GATEWAY_HTTP_ADDR] (default 127.0.0.1:8080)
          --tls                    Use HTTPS, for a gateway started with --tls-cert; the
                                   certificate must chain to the system's store or --tls-ca
          --tls-ca FILE            Also trust these PEM CA certificates [GATEWAY_TLS_CA]
          --json                   Print the whole outcome as JSON
        """

    static let command = Command(help: help) { words in
        var arguments = try CommandArguments(
            words,
            options: ["from", "to", "body", "http-addr", "tls-ca"],
            flags: ["json", "tls"],
            acceptsPositional: true
        )
        guard let kind = arguments.positional, kind == "sms" || kind == "call" else {
            throw CommandArguments.ParseError(description: "say what the person does: sandbox sms or sandbox call")
        }
        var fields = [
            FormField("From", try arguments.required("from")), FormField("To", try arguments.required("to")),
        ]
        if kind == "sms" {
            fields.append(FormField("Body", try arguments.required("body")))
        }
        let address = try HostAndPort(
            arguments.value("http-addr") ?? Environment()["GATEWAY_HTTP_ADDR"] ?? "127.0.0.1:8080",
            setting: "http address"
        )
        let json = arguments.flag("json")
        let tls = try tlsSetting(&arguments)
        try arguments.rejectUnknown()
        return try await run(kind: kind, fields: fields, address: address, tls: tls, json: json)
    }

    /// Whether to use HTTPS, and with which CA file (`nil` for the system's store alone).
    private static func tlsSetting(_ arguments: inout CommandArguments) throws -> (caPath: String?, isOn: Bool) {
        let isOn = arguments.flag("tls")
        let caFlag = arguments.value("tls-ca")
        guard isOn else {
            guard caFlag == nil else {
                throw CommandArguments.ParseError(description: "--tls-ca needs --tls")
            }
            return (nil, false)
        }
        return (caFlag ?? Environment()["GATEWAY_TLS_CA"], true)
    }

    private static func run(
        kind: String,
        fields: [FormField],
        address: HostAndPort,
        tls: (caPath: String?, isOn: Bool),
        json: Bool
    ) async throws -> Int32 {
        let url = "\(tls.isOn ? "https" : "http")://\(address)/sandbox/inbound/\(kind)"
        let response: WebhookResponse
        do {
            let client = try WebhookClient(
                userAgent: "twilio-gateway/\(GatewayVersion.current)",
                trustedCertificatesPath: tls.caPath
            )
            response = try await client.send(
                WebhookRequest(
                    method: .post,
                    url: url,
                    headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded")],
                    body: Array(FormEncoding.encode(fields).utf8)
                )
            )
        } catch {
            printError("cannot reach a gateway at \(address) (\(error)); is `twilio-gateway serve` running there?")
            return 1
        }
        guard response.status != 404 else {
            printError("the gateway at \(address) is not in sandbox mode: it runs with Twilio credentials")
            return 1
        }
        let outcome = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        if json {
            print(String(decoding: response.body, as: UTF8.self))
        }
        guard response.status == 200, let status = outcome["http_status"] as? Int else {
            printError(
                "sandbox \(kind): " + ((outcome["error"] as? String) ?? "the gateway answered HTTP \(response.status)")
            )
            return 1
        }
        if !json {
            printError("\(outcome["sid"] as? String ?? "") → \(outcome["url"] as? String ?? ""): HTTP \(status)")
            print(outcome["twiml"] as? String ?? "")
        }
        return (200..<300).contains(status) ? 0 : 1
    }
}

internal import HTTPServer
internal import ServiceSupport
internal import TwilioSandbox

/// `POST /sandbox/inbound/sms` (`From`, `To`, `Body`) and `POST /sandbox/inbound/call`
/// (`From`, `To`) on a sandbox-mode gateway's HTTP port: the sandbox plays a person texting or
/// calling one of its numbers, sends Twilio's signed webhook, and the answer is the outcome as
/// JSON (`sid`, `url`, `http_status`, `twiml`, `error`). `twilio-gateway sandbox` calls them.
enum SandboxInboundRoutes {
    static let smsPath = "/sandbox/inbound/sms"
    static let callPath = "/sandbox/inbound/call"

    static func register(in router: inout HTTPRouter, sandbox: TwilioSandbox) {
        router.add(.post, smsPath) { request in
            let form = HTTPForm(decoding: request.body)
            return await answer { () async throws(TwilioSandboxError) in
                try await sandbox.receiveMessage(
                    from: form["From"] ?? "",
                    to: form["To"] ?? "",
                    body: form["Body"] ?? ""
                )
            }
        }
        router.add(.post, callPath) { request in
            let form = HTTPForm(decoding: request.body)
            return await answer { () async throws(TwilioSandboxError) in
                try await sandbox.receiveCall(from: form["From"] ?? "", to: form["To"] ?? "")
            }
        }
    }

    private static func answer(_ run: () async throws(TwilioSandboxError) -> SandboxInboundOutcome) async
        -> HTTPResponse
    {
        do {
            let outcome = try await run()
            let members = [
                "\"sid\":" + JSONString.quote(outcome.sid),
                "\"url\":" + JSONString.quote(outcome.url),
                "\"http_status\":" + (outcome.httpStatus.map { String($0) } ?? "null"),
                "\"twiml\":" + JSONString.quote(outcome.twiml),
                "\"error\":" + (outcome.errorMessage.map(JSONString.quote) ?? "null"),
            ]
            return .json("{" + members.joined(separator: ",") + "}")
        } catch {
            return .json("{\"error\":" + JSONString.quote(error.message) + "}", status: .badRequest)
        }
    }
}

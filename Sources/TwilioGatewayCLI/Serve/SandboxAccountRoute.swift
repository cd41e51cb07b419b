internal import HTTPServer
internal import ServiceSupport
internal import TwilioSandbox

/// `GET /sandbox/account` on a sandbox-mode gateway's HTTP port: the sandbox account's SID,
/// its auth token, numbers, Messaging Service and Verify Service, so that a developer can sign
/// webhooks of their own (with any Twilio helper library's validator) against a gateway whose
/// sandbox account is made afresh at each start.
///
/// The token is the sandbox's own, which reaches no real Twilio account; a live gateway has no
/// such route, and no log line carries the token.
enum SandboxAccountRoute {
    static let path = "/sandbox/account"

    static func register(in router: inout HTTPRouter, sandbox: TwilioSandbox) {
        let account = sandbox.account
        let members = [
            "\"account_sid\":" + JSONString.quote(account.sid),
            "\"auth_token\":" + JSONString.quote(account.authToken),
            "\"phone_numbers\":[" + account.phoneNumbers.map(JSONString.quote).joined(separator: ",") + "]",
            "\"messaging_service_sids\":["
                + account.messagingServices.map { JSONString.quote($0.sid) }.joined(separator: ",") + "]",
            "\"verify_service_sids\":["
                + account.verifyServices.map { JSONString.quote($0.sid) }.joined(separator: ",") + "]",
        ]
        let document = "{" + members.joined(separator: ",") + "}"
        router.add(.get, path) { _ in .json(document) }
    }
}

internal import HTTPServer

/// `GET /sandbox/inbox/{Address}`: the sandbox's own endpoint, outside Twilio's paths, that
/// shows what reached a phone or email address, so that a test or a developer can finish a
/// verification with the real code.
///
/// It takes the same Basic credentials as the API and shows only that account's deliveries:
///
/// ```json
/// {"address":"+15551234567","deliveries":[{"body":"Sandbox Verify: your verification code is 123456",
///   "channel":"sms","code":"123456","date_created":"2025-01-01T12:00:00Z","from":null,
///   "locale":null,"sid":"VE…","to":"+15551234567"}]}
/// ```
struct InboxResource: SandboxResource {
    static let path = "/sandbox/inbox/{Address}"

    let state: SandboxState
    let inbox: SandboxInbox

    func register(in router: inout HTTPRouter) {
        router.add(.get, Self.path) { request in respond(request) }
    }

    private func respond(_ request: HTTPRequest) -> HTTPResponse {
        guard let header = request.headers["Authorization"], let credentials = BasicCredentials(header: header),
            state.accounts[credentials.user] != nil, let address = request.pathParameters["Address"]
        else {
            return TwilioError.notFound(request.path).response
        }
        return .json(
            Self.document(address: address, deliveries: inbox.deliveries(to: address, accountSID: credentials.user))
        )
    }

    /// The JSON document listing `deliveries` to `address`, as shown above.
    static func document(address: String, deliveries: [SandboxDelivery]) -> String {
        let entries = deliveries.map { delivery in
            JSONValue.object([
                "body": .string(delivery.body),
                "channel": .string(delivery.channel),
                "code": .optional(delivery.code),
                "date_created": .string(ISO8601Date.format(delivery.date)),
                "from": .optional(delivery.from),
                "locale": .optional(delivery.locale),
                "sid": .string(delivery.sid),
                "to": .string(delivery.to),
            ])
        }
        return JSONValue.object(["address": .string(address), "deliveries": .array(entries)]).encoded
    }
}

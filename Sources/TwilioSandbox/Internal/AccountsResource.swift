internal import HTTPServer

/// `GET /2010-04-01/Accounts/{AccountSid}.json`: the authenticated account, the request health
/// checks make.
///
/// The body has the Account resource's fields with the sandbox's values, except `auth_token`:
/// Twilio sends the token back in this answer, the sandbox leaves it out so that it never
/// travels more than it must. Wrong credentials get 401/20003 and another account's SID
/// 404/20404 from the front door, as for every resource.
struct AccountsResource: SandboxResource {
    static let instancePath = "/2010-04-01/Accounts/{AccountSid}.json"

    let state: SandboxState
    /// When the sandbox was created, in seconds since 1970: the accounts' creation date.
    let createdAt: Double

    func register(in router: inout HTTPRouter) {
        router.add(.get, Self.instancePath) { request in fetch(request) }
    }

    private func fetch(_ request: HTTPRequest) -> HTTPResponse {
        guard let account = request.pathParameters["AccountSid"].flatMap({ state.accounts[$0] }) else {
            return TwilioError.notFound(request.path).response
        }
        let base = "/2010-04-01/Accounts/\(account.sid)"
        let date = JSONValue.string(RFC2822Date.format(createdAt))
        let body: JSONValue = .object([
            "sid": .string(account.sid),
            "owner_account_sid": .string(account.sid),
            "friendly_name": "Sandbox account",
            "status": "active",
            "type": "Full",
            "date_created": date,
            "date_updated": date,
            "uri": .string(base + ".json"),
            "subresource_uris": .object([
                "messages": .string(base + "/Messages.json"),
                "calls": .string(base + "/Calls.json"),
            ]),
        ])
        return .json(body.encoded)
    }
}

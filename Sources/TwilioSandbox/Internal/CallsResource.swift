internal import HTTPServer
internal import ServiceSupport

/// `…/Accounts/{AccountSid}/Calls.json` (create, list) and `…/Calls/{Sid}.json` (fetch, update).
struct CallsResource: SandboxResource {
    static let collectionPath = "/2010-04-01/Accounts/{AccountSid}/Calls.json"
    static let instancePath = "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json"

    let state: SandboxState
    let calls: CallStore
    let logger: Logger

    func register(in router: inout HTTPRouter) {
        router.add(.post, Self.collectionPath) { request in create(request) }
        router.add(.get, Self.collectionPath) { request in list(request) }
        router.add(.get, Self.instancePath) { request in fetch(request) }
        router.add(.post, Self.instancePath) { request in update(request) }
    }

    private func create(_ request: HTTPRequest) -> HTTPResponse {
        guard let account = account(of: request) else {
            return TwilioError.notFound(request.path).response
        }
        let draft: CallDraft
        do {
            draft = try CallDraft(form: SandboxForm.decode(request), account: account)
        } catch {
            logger.debug("twilio.sandbox.call.rejected", ["twilio.error.code": String(error.code)])
            return error.response
        }

        let call = calls.create(draft, account: account)
        logger.debug(
            "twilio.sandbox.call.created",
            ["twilio.call.sid": call.sid, "twilio.call.to": Redaction.phoneNumber(call.to)]
        )
        return .json(call.json.encoded, status: .created)
    }

    private func fetch(_ request: HTTPRequest) -> HTTPResponse {
        guard let account = account(of: request), let sid = request.pathParameters["Sid"],
            let call = calls.call(sid: sid, accountSID: account.sid)
        else {
            return TwilioError.notFound(request.path).response
        }
        return .json(call.json.encoded)
    }

    private func update(_ request: HTTPRequest) -> HTTPResponse {
        guard let account = account(of: request), let sid = request.pathParameters["Sid"] else {
            return TwilioError.notFound(request.path).response
        }
        do {
            let change = try CallChange.parse(SandboxForm.decode(request))
            guard let call = try calls.update(sid: sid, accountSID: account.sid, change: change) else {
                return TwilioError.notFound(request.path).response
            }
            logger.debug(
                "twilio.sandbox.call.updated",
                ["twilio.call.sid": call.sid, "twilio.call.status": call.status.rawValue]
            )
            return .json(call.json.encoded)
        } catch {
            logger.debug("twilio.sandbox.call.update_rejected", ["twilio.error.code": String(error.code)])
            return error.response
        }
    }

    /// One page of the account's calls, newest first, filtered by `To`, `From` and `Status`.
    private func list(_ request: HTTPRequest) -> HTTPResponse {
        guard let account = account(of: request) else {
            return TwilioError.notFound(request.path).response
        }
        let query = request.queryParameters
        let filters = ["To", "From", "Status"].compactMap { name in query[name].map { (name: name, value: $0) } }
        let matching = calls.calls { call in
            call.accountSID == account.sid
                && filters.allSatisfy { filter in
                    switch filter.name {
                    case "To": call.to == filter.value
                    case "From": call.from == filter.value
                    default: call.status.rawValue == filter.value
                    }
                }
        }
        let page = SandboxPage(
            query: query,
            base: "/2010-04-01/Accounts/\(account.sid)/Calls.json",
            filters: filters,
            total: matching.count
        )
        let items = Array(matching.reversed().dropFirst(page.start).prefix(page.pageSize))
        return .json(page.json(key: "calls", items: items.map(\.json)).encoded)
    }

    private func account(of request: HTTPRequest) -> SandboxAccount? {
        request.pathParameters["AccountSid"].flatMap { state.accounts[$0] }
    }
}

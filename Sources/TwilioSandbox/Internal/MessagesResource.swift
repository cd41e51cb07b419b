internal import HTTPServer
internal import ServiceSupport

/// `…/Accounts/{AccountSid}/Messages.json` (create, list) and `…/Messages/{Sid}.json` (fetch,
/// and update: cancel a scheduled message or redact a body).
struct MessagesResource: SandboxResource {
    static let collectionPath = "/2010-04-01/Accounts/{AccountSid}/Messages.json"
    static let instancePath = "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"

    let state: SandboxState
    let lifecycle: MessageLifecycle
    let wallClock: @Sendable () -> Double
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
        let draft: MessageDraft
        do {
            draft = try MessageDraft(
                form: SandboxForm.decode(request),
                account: account,
                path: request.path,
                now: wallClock()
            )
        } catch {
            logger.debug("twilio.sandbox.message.rejected", ["twilio.error.code": String(error.code)])
            return error.response
        }

        let message = state.createMessage(draft, accountSID: account.sid)
        logger.debug(
            "twilio.sandbox.message.created",
            [
                "twilio.message.sid": message.sid,
                "twilio.message.to": Redaction.phoneNumber(message.to),
                "twilio.message.status": message.status.rawValue,
            ]
        )
        lifecycle.begin(message)
        return .json(message.json.encoded, status: .created)
    }

    /// `Status=canceled` cancels a scheduled message (30409 once it is past `scheduled`); an
    /// empty `Body` redacts the text. Anything else is refused.
    private func update(_ request: HTTPRequest) -> HTTPResponse {
        guard let account = account(of: request), let sid = request.pathParameters["Sid"],
            state.message(sid: sid, accountSID: account.sid) != nil
        else {
            return TwilioError.notFound(request.path).response
        }
        let form = SandboxForm.decode(request)
        let status = form["Status"]
        let body = form["Body"]
        guard status == "canceled" || (status == nil && body == "") else {
            return TwilioError.invalidUpdate.response
        }

        let now = wallClock()
        var refused = false
        let updated = state.updateMessage(sid: sid) { message in
            if status == "canceled" {
                guard message.status == .scheduled else {
                    refused = true
                    return false
                }
                message.status = .canceled
            }
            if body == "" {
                message.body = ""
            }
            message.dateUpdated = now
            return true
        }
        guard let updated, !refused else {
            return TwilioError.cannotCancel.response
        }
        if status == "canceled" {
            logger.debug("twilio.sandbox.message.canceled", ["twilio.message.sid": sid])
            lifecycle.reportChange(updated)
        }
        return .json(updated.json.encoded)
    }

    private func fetch(_ request: HTTPRequest) -> HTTPResponse {
        guard let account = account(of: request), let sid = request.pathParameters["Sid"],
            let message = state.message(sid: sid, accountSID: account.sid)
        else {
            return TwilioError.notFound(request.path).response
        }
        return .json(message.json.encoded)
    }

    /// One page of the account's messages, newest first, filtered by `To` and `From` when given.
    private func list(_ request: HTTPRequest) -> HTTPResponse {
        guard let account = account(of: request) else {
            return TwilioError.notFound(request.path).response
        }
        let query = request.queryParameters
        let pageSize = min(max(Int(query["PageSize"] ?? "") ?? 50, 1), 1000)
        let page = max(Int(query["Page"] ?? "") ?? 0, 0)
        let to = query["To"]
        let from = query["From"]
        let matching = state.messages { message in
            message.accountSID == account.sid && (to == nil || message.to == to)
                && (from == nil || message.from == from)
        }
        .reversed()

        let (offset, overflow) = page.multipliedReportingOverflow(by: pageSize)
        let start = overflow ? matching.count : min(offset, matching.count)
        let items = Array(matching.dropFirst(start).prefix(pageSize))
        let hasMore = start + items.count < matching.count
        let base = "/2010-04-01/Accounts/\(account.sid)/Messages.json"
        var filters: [(name: String, value: String)] = []
        if let to {
            filters.append((name: "To", value: to))
        }
        if let from {
            filters.append((name: "From", value: from))
        }
        func pageURI(_ number: Int) -> String {
            base + "?" + HTTPForm(filters + [("PageSize", String(pageSize)), ("Page", String(number))]).encoded
        }

        let body = JSONValue.object([
            "messages": .array(items.map(\.json)),
            "page": .integer(page),
            "page_size": .integer(pageSize),
            "start": .integer(start),
            "end": .integer(items.isEmpty ? start : start + items.count - 1),
            "uri": .string(pageURI(page)),
            "first_page_uri": .string(pageURI(0)),
            "next_page_uri": hasMore ? .string(pageURI(page + 1)) : .null,
            "previous_page_uri": page > 0 ? .string(pageURI(page - 1)) : .null,
        ])
        return .json(body.encoded)
    }

    private func account(of request: HTTPRequest) -> SandboxAccount? {
        request.pathParameters["AccountSid"].flatMap { state.accounts[$0] }
    }
}

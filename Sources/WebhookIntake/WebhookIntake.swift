public import GatewayServices
public import GatewayStore
public import HTTPServer
public import ServiceSupport
public import TwilioREST

/// Twilio's webhooks in: each request is checked (limits, then its `X-Twilio-Signature`, then
/// its body), stored durably in the event log, applied (statuses, opt-outs), and only then
/// answered 2xx, with TwiML where Twilio expects it.
///
/// ```swift
/// let intake = WebhookIntake(configuration: configuration, eventLog: log, store: store,
///                            replyBoard: board, credentials: credentials, logger: logger)
/// var router = HTTPRouter()
/// intake.register(in: &router)
/// ```
///
/// - **Signature first.** The URL Twilio signed is ``Configuration/publicBaseURL`` followed by
///   the request's path and its query exactly as received. Nothing but the method and
///   `Content-Type` is looked at before the signature is checked. A missing or wrong signature
///   is answered 403 `Forbidden`, and a warning (`webhook.signature.rejected`) names the URL
///   that was checked and the endpoint; the auth token is never logged.
/// - **Retries.** `I-Twilio-Idempotency-Token` is the event's dedupe key: a retry is answered
///   as the first request was and stored once.
/// - **Durability.** The 2xx goes back after ``GatewayStore/EventLog/append(_:)`` returned,
///   that is after the event is on disk. When the log refuses (backpressure, disk), the answer
///   is 503, so Twilio retries.
/// - **Answers.** An inbound call waits up to ``Configuration/voiceAnswerWindow`` for a
///   consumer's TwiML on the ``GatewayServices/WebhookReplyBoard`` (keyed by `CallSid`), then
///   gets ``Configuration/voiceAnswers``; an inbound message waits up to
///   ``Configuration/smsAnswerWindow`` (keyed by `MessageSid`), then gets `<Response/>`. Either
///   waits only while ``Configuration/hasResponder`` says a consumer of its event type is
///   connected; otherwise it is answered at once.
public struct WebhookIntake: Sendable {
    /// The header that carries Twilio's retry identity.
    public static let idempotencyTokenHeader = "I-Twilio-Idempotency-Token"
    /// The answer to an inbound message nobody replied to: no reply.
    public static let emptyMessagingResponse = #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#

    /// The settings the intake was made with.
    public let configuration: Configuration
    let eventLog: any EventLog
    let effects: WebhookEffects
    let replyBoard: WebhookReplyBoard
    let credentials: any TwilioCredentialSource
    let logger: Logger
    let clock: @Sendable () -> Double

    /// Creates the intake.
    ///
    /// - Parameters:
    ///   - configuration: The public URL, limits and answers; check it with
    ///     ``Configuration/validate()`` first.
    ///   - eventLog: Where events are stored.
    ///   - store: Where latest statuses and opt-outs are kept.
    ///   - replyBoard: Where consumers' TwiML answers arrive.
    ///   - credentials: The account whose auth token signs the webhooks; asked on each request
    ///     (sandbox mode: the sandbox account's).
    ///   - logger: For rejected signatures (warning), refused stores (error) and each accepted
    ///     webhook (debug).
    ///   - clock: The wall clock, for each event's receive time.
    public init(
        configuration: Configuration,
        eventLog: any EventLog,
        store: GatewayStore,
        replyBoard: WebhookReplyBoard,
        credentials: any TwilioCredentialSource,
        logger: Logger = .disabled,
        clock: @escaping @Sendable () -> Double = { Timestamp.now() }
    ) {
        self.configuration = configuration
        self.eventLog = eventLog
        self.effects = WebhookEffects(store: store, eventLog: eventLog)
        self.replyBoard = replyBoard
        self.credentials = credentials
        self.logger = logger
        self.clock = clock
    }

    /// Adds `POST` and `GET` routes for every ``WebhookEndpoint`` at its ``WebhookEndpoint/path``.
    public func register(in router: inout HTTPRouter) {
        for endpoint in WebhookEndpoint.allCases {
            router.add(.post, endpoint.path, handler(for: endpoint))
            router.add(.get, endpoint.path, handler(for: endpoint))
        }
    }

    /// A handler serving `endpoint`, for a route at any path (the signed URL follows the path
    /// the request was sent to).
    public func handler(for endpoint: WebhookEndpoint) -> HTTPHandler {
        { request in await respond(to: request, at: endpoint) }
    }

    /// Checks, stores, applies and answers one webhook.
    ///
    /// - Parameters:
    ///   - request: The request as received.
    ///   - endpoint: The kind of webhook it is.
    /// - Returns: 2xx once the event is stored; otherwise 400, 403, 413, 415, 431 or 503.
    public func respond(to request: HTTPRequest, at endpoint: WebhookEndpoint) async -> HTTPResponse {
        do {
            return try await accept(request, at: endpoint)
        } catch {
            return error.response
        }
    }

    private func accept(_ request: HTTPRequest, at endpoint: WebhookEndpoint) async throws(WebhookRejection)
        -> HTTPResponse
    {
        let receivedAt = clock()
        try checkLimits(request)
        let body = try WebhookBody.of(request, at: endpoint)
        try await verifySignature(request, body: body, at: endpoint)

        let parameters = try body.parameters(of: request)
        let token = request.headers[Self.idempotencyTokenHeader]
        let event = try WebhookEvents.event(
            for: endpoint,
            parameters: parameters,
            dedupeKey: WebhookEvents.dedupeKey(token: token, endpoint: endpoint, parameters: parameters),
            receivedAt: receivedAt
        )

        let reply = startWaitingForReply(to: event)
        do {
            let stored = try await store(event, at: endpoint)
            try await effects.apply(event, storedAt: stored.offset)
        } catch {
            reply?.cancel()
            throw error
        }
        return await answer(event, reply: reply)
    }

    private func checkLimits(_ request: HTTPRequest) throws(WebhookRejection) {
        let headerBytes = request.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
        guard headerBytes <= configuration.maxHeaderBytes else {
            logLimit("max_header_bytes", configuration.maxHeaderBytes, request)
            throw WebhookRejection(
                status: .requestHeaderFieldsTooLarge,
                message: "the header fields hold \(headerBytes) bytes; at most \(configuration.maxHeaderBytes) fit"
            )
        }
        guard request.body.count <= configuration.maxBodyBytes else {
            logLimit("max_body_bytes", configuration.maxBodyBytes, request)
            throw WebhookRejection(
                status: .contentTooLarge,
                message: "the body holds \(request.body.count) bytes; at most \(configuration.maxBodyBytes) fit"
            )
        }
    }

    private func logLimit(_ limit: String, _ bytes: Int, _ request: HTTPRequest) {
        logger.notice(
            "webhook.request.rejected",
            [
                "webhook.limit": limit, "webhook.limit.bytes": String(bytes), "http.path": request.path,
                "http.peer": request.remoteAddress,
            ]
        )
    }

    private func store(_ event: GatewayEvent, at endpoint: WebhookEndpoint) async throws(WebhookRejection)
        -> EventAppendResult
    {
        let stored: EventAppendResult
        do {
            stored = try await eventLog.append(event)
        } catch {
            logger.error(
                "webhook.store.refused",
                ["webhook.endpoint": endpoint.rawValue, "event.type": event.type.rawValue, "error": "\(error)"]
            )
            throw .unavailable("the event could not be stored now (\(error.code)); retry later")
        }
        logger.debug(
            "webhook.accepted",
            [
                "webhook.endpoint": endpoint.rawValue, "event.type": event.type.rawValue,
                "event.offset": String(stored.offset), "event.duplicate": String(stored.isDuplicate),
                "twilio.sid": event.messageSID ?? event.callSID ?? "",
            ]
        )
        return stored
    }
}

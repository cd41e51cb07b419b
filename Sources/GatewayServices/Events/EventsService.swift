public import GatewayAPI
internal import GatewayStore
public import RPCCore
internal import ServiceSupport

/// The `twilio.gateway.v1.Events` service: the stream of stored webhook events, durable
/// consumers, the history, and the TwiML replies to webhooks that wait for one.
///
/// SubscribeEvents streams through an ``EventFanOut`` (whose ``EventFanOut/run()`` must be
/// running for live events); the history and acknowledgements go to its log directly; replies
/// go to the ``WebhookReplyBoard`` the webhooks wait on.
public struct EventsService: Sendable {
    private let fanOut: EventFanOut
    private let replies: WebhookReplyBoard

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - fanOut: The subscribers' fan-out, over the event log.
    ///   - replies: Where webhook requests wait for a consumer's TwiML.
    public init(fanOut: EventFanOut, replies: WebhookReplyBoard) {
        self.fanOut = fanOut
        self.replies = replies
    }

    /// Adds the service's methods to `router`.
    public func register(in router: inout RPCRouter) {
        router.registerServerStreaming(.subscribeEvents, SubscribeEventsRequest.self, subscribeEvents)
        router.registerUnary(.ackEvents, AckEventsRequest.self, ackEvents)
        router.registerUnary(.listEvents, ListEventsRequest.self, listEvents)
        router.registerUnary(.respondToCall, RespondToCallRequest.self, respondToCall)
        router.registerUnary(.replyToMessage, ReplyToMessageRequest.self, replyToMessage)
    }

    /// Streams the matching events in log order, from the start position (or right after the
    /// consumer's acknowledged offset), first those stored, then live ones, until the caller
    /// cancels or the deadline passes.
    ///
    /// Offsets strictly increase within a stream, and no matching event is skipped: a caller
    /// that reads slowly is served from the log until it catches up.
    ///
    /// - Throws: INVALID_ARGUMENT naming the fields for an unknown type, a malformed number,
    ///   SID, start time or consumer name; UNAVAILABLE when the gateway shuts down (subscribe
    ///   again with the consumer name to resume).
    public func subscribeEvents(
        _ request: SubscribeEventsRequest,
        context: RPCServerContext,
        writer: TypedResponseWriter<Event>
    ) async throws {
        let filter = try RequestValidation.validate(request)
        let after = try await RPCError.mappingEventLog { try await startOffset(of: request) }
        let subscription = fanOut.subscribe(after: after, filter: filter, answersWebhooks: request.answersWebhooks)
        context.logger.info(
            "events.subscription.started",
            [
                "events.after": String(after), "events.consumer": request.consumer,
                "events.types": request.types.joined(separator: ","),
                "events.phone_number": Redaction.phoneNumber(request.phoneNumber),
            ]
        )

        do {
            while let logged = try await RPCError.mappingEventLog({ try await subscription.next() }) {
                try await writer.write(Event(logged))
            }
        } catch {
            Self.logEnd(of: subscription, logger: context.logger)
            throw error
        }
        Self.logEnd(of: subscription, logger: context.logger)
        throw RPCError(
            code: .unavailable,
            message: "the gateway is shutting down; subscribe again (with a consumer name to resume where you were)",
            details: ErrorDetails(retryable: true)
        )
    }

    /// Moves a consumer's acknowledged offset forward; a consumer never seen is created.
    ///
    /// - Throws: INVALID_ARGUMENT for a malformed consumer name, a negative offset, or one
    ///   past the latest event.
    public func ackEvents(_ request: AckEventsRequest, context: RPCServerContext) async throws -> AckEventsResponse {
        try RequestValidation.validate(request)
        let log = fanOut.log
        let acknowledged = try await RPCError.mappingEventLog { () async throws -> Int64 in
            let latest = try await log.latestOffset()
            guard request.offset <= latest else {
                throw RPCError(
                    code: .invalidArgument,
                    message: "invalid request: offset: \(request.offset) is past the latest event (\(latest))",
                    details: ErrorDetails(
                        fieldViolations: [
                            FieldViolation(field: "offset", description: "is past the latest event (\(latest))")
                        ]
                    )
                )
            }
            return try await log.acknowledge(request.offset, consumer: request.consumer)
        }
        return AckEventsResponse(acknowledgedOffset: acknowledged)
    }

    /// Lists the newest matching events below `before_offset` (or the newest of all), oldest
    /// first; page back with the first offset of a page.
    ///
    /// - Throws: INVALID_ARGUMENT for a malformed filter, a negative offset or a limit past 1000.
    public func listEvents(_ request: ListEventsRequest, context: RPCServerContext) async throws -> ListEventsResponse {
        let filter = try RequestValidation.validate(request)
        let limit = request.limit == 0 ? RequestValidation.listLimits.standard : Int(request.limit)
        let before = request.beforeOffset == 0 ? Int64.max : request.beforeOffset
        let log = fanOut.log
        let events = try await RPCError.mappingEventLog {
            try await log.read(before: before, limit: limit, filter: filter)
        }
        return ListEventsResponse(events: events.map(Event.init))
    }

    /// Hands TwiML to the voice webhook waiting for the call.
    ///
    /// - Throws: INVALID_ARGUMENT for a malformed SID or TwiML; FAILED_PRECONDITION when no
    ///   webhook waits for the call.
    public func respondToCall(_ request: RespondToCallRequest, context: RPCServerContext) async throws -> WebhookReply {
        try RequestValidation.validate(request)
        try reply(to: request.callSID, twiml: request.twiml, what: "call", logger: context.logger)
        return WebhookReply(sid: request.callSID)
    }

    /// Hands TwiML to the SMS webhook waiting for the message.
    ///
    /// - Throws: INVALID_ARGUMENT for a malformed SID or TwiML; FAILED_PRECONDITION when no
    ///   webhook waits for the message.
    public func replyToMessage(_ request: ReplyToMessageRequest, context: RPCServerContext) async throws
        -> WebhookReply
    {
        try RequestValidation.validate(request)
        try reply(to: request.messageSID, twiml: request.twiml, what: "message", logger: context.logger)
        return WebhookReply(sid: request.messageSID)
    }

    /// The offset after which the stream starts: the consumer's acknowledged offset, else the
    /// start position, else the latest offset (only new events).
    private func startOffset(of request: SubscribeEventsRequest) async throws -> Int64 {
        let log = fanOut.log
        if !request.consumer.isEmpty, let acknowledged = try await log.acknowledgedOffset(consumer: request.consumer) {
            return acknowledged
        }
        let latest = try await log.latestOffset()
        switch request.start {
        case .offset(let offset):
            return max(0, offset - 1)
        case .time(let text):
            let seconds = Timestamp.seconds(fromRFC3339: text) ?? 0
            return try await log.firstOffset(receivedAtOrAfter: seconds).map { $0 - 1 } ?? latest
        case nil:
            return latest
        }
    }

    private func reply(to sid: String, twiml: String, what: String, logger: Logger) throws {
        do {
            try replies.reply(to: sid, twiml: twiml)
        } catch .notWaiting {
            throw RPCError(
                code: .failedPrecondition,
                message: """
                    the webhook for \(what) \(sid) is no longer waiting for TwiML: its answer window closed \
                    (the default TwiML went back), it was already answered, or the gateway never received it
                    """
            )
        }
        logger.info("events.webhook.answered", ["twilio.sid": sid, "twiml.bytes": String(twiml.utf8.count)])
    }

    private static func logEnd(of subscription: EventSubscription, logger: Logger) {
        let statistics = subscription.statistics
        logger.info(
            "events.subscription.ended",
            [
                "events.delivered": String(statistics.delivered), "events.overflows": String(statistics.overflows),
                "events.missed_by_retention": String(statistics.missedByRetention),
            ]
        )
    }
}

public import GatewayAPI
public import GatewayStore
internal import ProtoBridge
public import RPCCore
public import ServiceSupport
public import TwilioREST

/// The `twilio.gateway.v1.Messaging` service: SMS and MMS through Twilio's Messages API.
///
/// `SendSms` with an idempotency key (the request's `idempotency_key` or the call's
/// `idempotency-key` metadata) sends at most once per key, recording keys in the
/// ``GatewayStore/idempotencyKeys`` of the store it was given. `BulkSendSms` streams one result
/// per recipient (see ``bulkSendSms(_:context:writer:)``).
///
/// Copies of a service share its pacing and its shutdown: every bulk send of one service
/// spaces the sends of a sender number together, and ``beginShutdown()`` reaches them all.
/// `SendSms` is not paced: one message goes out at once, and Twilio queues it behind the
/// sender's others, as it does for any API call.
public struct MessagingService: Sendable {
    /// The metadata key that carries an idempotency key, as an alternative to the request field.
    public static let idempotencyKeyMetadata = "idempotency-key"

    private let twilio: TwilioClient
    private let idempotentCalls: IdempotentCalls
    private let observer: (@Sendable (MessagingEvent) -> Void)?
    private let optOuts: OptOutCheck
    private let statusCallback: @Sendable () -> String?
    /// The Messaging Service, `MG…`, of sends that name no sender; `nil` makes a sender required.
    private let defaultMessagingServiceSID: String?
    /// Tracks each message SendSms sent as pending until its final status arrives, when set.
    public var reconciler: MessageStatusReconciler?
    /// Remembers recipients Twilio refused with 21610 and publishes their `optout` events,
    /// when set.
    public var optOutRecorder: TwilioOptOutRecorder?
    private let pacer = SenderPacer()
    private let shutdown = ShutdownSignal()

    /// Creates the service on top of a Twilio client.
    ///
    /// - Parameters:
    ///   - twilio: The client for Twilio (or the sandbox).
    ///   - store: Where idempotency keys are kept; without one, sends that carry a key fail with
    ///     FAILED_PRECONDITION.
    ///   - logger: For what happens outside a call, such as a key whose outcome could not be stored.
    ///   - observer: Told when bulk sends start and end and when a send is retried; called on the
    ///     call's task, so it must be quick.
    ///   - statusCallback: The `StatusCallback` of sends that give none, such as the gateway's
    ///     own `/webhooks/twilio/status`, asked for on each send (a sandbox-mode gateway knows its
    ///     URL only once it listens); `nil` leaves them without.
    ///   - defaultMessagingServiceSID: The Messaging Service, `MG…`, of a SendSms that gives
    ///     neither `from` nor `messaging_service_sid` and of a BulkSendSms with no sender, or
    ///     `nil` to require a sender.
    ///
    /// With a store, sends to numbers in its ``GatewayStore/GatewayStore/optOuts`` fail at once
    /// with FAILED_PRECONDITION and Twilio code 21610 (a bulk recipient is reported opted out).
    public init(
        twilio: TwilioClient,
        store: GatewayStore? = nil,
        logger: Logger = .disabled,
        observer: (@Sendable (MessagingEvent) -> Void)? = nil,
        statusCallback: @escaping @Sendable () -> String? = { nil },
        defaultMessagingServiceSID: String? = nil
    ) {
        self.defaultMessagingServiceSID = defaultMessagingServiceSID
        self.twilio = twilio
        self.idempotentCalls = IdempotentCalls(store: store, logger: logger)
        self.observer = observer
        self.optOuts = OptOutCheck(store: store, logger: logger)
        self.statusCallback = statusCallback
    }

    /// Stops the bulk sends in progress, and any that start later, at once: no send starts any
    /// more, sends on the wire finish and are reported, and each call then ends with ABORTED
    /// (`retryable` false) saying how many recipients were sent. Calling it again does nothing.
    ///
    /// Call it when the gateway begins a graceful shutdown, before waiting for calls to end.
    public func beginShutdown() {
        shutdown.raise()
    }

    /// Adds the service's methods to `router`.
    public func register(in router: inout RPCRouter) {
        router.registerUnary(.sendSms, SendSmsRequest.self, sendSms)
        router.registerUnary(.getMessage, GetMessageRequest.self, getMessage)
        router.registerUnary(.cancelMessage, CancelMessageRequest.self, cancelMessage)
        router.registerServerStreaming(.bulkSendSms, BulkSendSmsRequest.self, bulkSendSms)
    }

    /// Sends one message.
    ///
    /// - Throws: INVALID_ARGUMENT naming the fields when the request is wrong before Twilio is
    ///   called; ALREADY_EXISTS or ABORTED for an idempotency key (see docs/errors.md); otherwise
    ///   what Twilio answered, mapped as in docs/errors.md.
    public func sendSms(_ request: SendSmsRequest, context: RPCServerContext) async throws -> Message {
        var request = request
        if request.sender == nil, let defaultMessagingServiceSID {
            request.sender = .messagingServiceSID(defaultMessagingServiceSID)
        }
        var validated = try RequestValidation.createMessageRequest(for: request)
        validated.statusCallback = validated.statusCallback ?? statusCallback()
        let twilioRequest = validated
        if let refusal = optOuts.refusal(
            to: twilioRequest.to,
            from: twilioRequest.from,
            messagingServiceSID: twilioRequest.messagingServiceSID
        ) {
            throw refusal
        }
        let message = try await recordingOptOuts(of: twilioRequest) {
            guard let key = try Self.idempotencyKey(request, context.metadata) else {
                let sent = try await twilio.createMessage(
                    twilioRequest,
                    deadline: context.deadline,
                    logger: context.logger
                )
                Self.logSent(sent, to: request.to, logger: context.logger)
                return Message(sent)
            }
            let twilio = self.twilio
            let logger = context.logger
            let bytes = try await idempotentCalls.run(
                key: key,
                scope: RPCMethod.sendSms.path,
                fingerprint: FormEncoding.encode(twilioRequest.formFields)
            ) {
                await Self.idempotentSend(twilioRequest, twilio: twilio, logger: logger)
            }
            return try Message(serializedBytes: bytes)
        }
        reconciler?.track(message)
        return message
    }

    /// Runs `send`; when Twilio refuses the message with 21610, tells ``optOutRecorder``
    /// before the error goes back to the caller.
    private func recordingOptOuts(
        of request: CreateMessageRequest,
        _ send: () async throws -> Message
    ) async throws -> Message {
        do {
            return try await send()
        } catch {
            let code = (error as? TwilioAPIError)?.code ?? (error as? RPCError)?.errorDetails.map { Int($0.twilioCode) }
            if code == 21610, let optOutRecorder {
                await optOutRecorder.record(
                    to: request.to,
                    from: request.from,
                    messagingServiceSID: request.messagingServiceSID,
                    accountSID: nil
                )
            }
            throw error
        }
    }

    /// Fetches one message.
    ///
    /// - Throws: INVALID_ARGUMENT for a SID that is not `SM…`/`MM…`; NOT_FOUND for an unknown one.
    public func getMessage(_ request: GetMessageRequest, context: RPCServerContext) async throws -> Message {
        try RequestValidation.validateMessageSID(request.sid)
        let message = try await twilio.fetchMessage(
            sid: request.sid,
            deadline: context.deadline,
            logger: context.logger
        )
        return Message(message)
    }

    /// Cancels a scheduled message.
    ///
    /// - Throws: INVALID_ARGUMENT for a malformed SID; NOT_FOUND for an unknown one;
    ///   FAILED_PRECONDITION (Twilio 30409) when the message is no longer scheduled.
    public func cancelMessage(_ request: CancelMessageRequest, context: RPCServerContext) async throws -> Message {
        try RequestValidation.validateMessageSID(request.sid)
        let message = try await twilio.cancelMessage(
            sid: request.sid,
            deadline: context.deadline,
            logger: context.logger
        )
        context.logger.info("messaging.sms.canceled", ["twilio.message.sid": message.sid])
        return Message(message)
    }

    /// Sends to each recipient of `request` and writes one update per recipient as its send
    /// completes, in completion order, each with the totals so far.
    ///
    /// Sends run at most `max_concurrency` at a time, each sender at its pace (counted in SMS
    /// segments, and held across every bulk send of this service), with 429 answers retried
    /// after a backoff with full jitter. Every other error is reported for its recipient and the
    /// batch goes on. Cancelling the call stops sending: no request starts after the
    /// cancellation.
    ///
    /// - Throws: INVALID_ARGUMENT before anything is sent when the request is wrong as a whole
    ///   (no recipients, no sender, a broken template, a value out of range); ABORTED, not
    ///   retryable, when ``beginShutdown()`` stopped the call before every recipient had a result.
    public func bulkSendSms(
        _ request: BulkSendSmsRequest,
        context: RPCServerContext,
        writer: TypedResponseWriter<BulkSendSmsUpdate>
    ) async throws {
        var request = request
        if request.fromNumbers.isEmpty, request.messagingServiceSID.isEmpty, let defaultMessagingServiceSID {
            request.messagingServiceSID = defaultMessagingServiceSID
        }
        let plan = try BulkSendPlan(request)
        observer?(.bulkSendStarted)
        defer { observer?(.bulkSendFinished) }
        let sender = BulkSender(
            plan: plan,
            twilio: twilio,
            pacer: pacer,
            shutdown: shutdown,
            logger: context.logger,
            observer: observer,
            optOuts: optOuts.snapshot(
                senders: Array(Set(plan.jobs.compactMap(\.from))),
                messagingServiceSID: plan.messagingServiceSID
            ),
            defaultStatusCallback: statusCallback(),
            optOutRecorder: optOutRecorder
        )
        let progress = try await sender.run { update in
            try await writer.write(update)
        }
        let stopped = progress.remaining > 0
        context.logger.info(
            stopped ? "messaging.bulk.stopped" : "messaging.bulk.finished",
            [
                "bulk.total": String(progress.total), "bulk.sent": String(progress.sent),
                "bulk.failed": String(progress.failed), "bulk.remaining": String(progress.remaining),
                "bulk.retries": String(progress.retries),
            ]
        )
        if stopped {
            throw Self.stoppedByShutdown(progress)
        }
    }

    /// The error that ends a bulk send the shutdown stopped: what was done, and that it is final.
    static func stoppedByShutdown(_ progress: BulkProgress) -> RPCError {
        RPCError(
            code: .aborted,
            message: "the gateway is shutting down: \(progress.sent) of \(progress.total) recipients were sent "
                + "and \(progress.failed) failed; the results above are final, and the \(progress.remaining) "
                + "recipients without a result were not sent: send only those again",
            details: ErrorDetails(retryable: false)
        )
    }

    /// The call's idempotency key, from the request or the metadata, or `nil`.
    ///
    /// - Throws: INVALID_ARGUMENT when both are given and differ, or the metadata's is malformed.
    private static func idempotencyKey(_ request: SendSmsRequest, _ metadata: RPCMetadata) throws -> String? {
        let fromMetadata = metadata[idempotencyKeyMetadata].flatMap { $0.isEmpty ? nil : $0 }
        if let fromMetadata {
            try RequestValidation.throwIfAny(
                RequestValidation.idempotencyKeyViolations(fromMetadata, field: idempotencyKeyMetadata)
            )
        }
        switch (request.idempotencyKey.isEmpty ? nil : request.idempotencyKey, fromMetadata) {
        case (let field?, let header?) where field != header:
            try RequestValidation.throwIfAny([
                FieldViolation(
                    field: "idempotency_key",
                    description: "differs from the idempotency-key metadata; give one key, or the same in both"
                )
            ])
            return nil
        case (let field?, _):
            return field
        case (nil, let header):
            return header
        }
    }

    /// Sends, classifying the outcome for the idempotency record.
    ///
    /// The send is not bound by the caller's deadline: it runs to its end (at most the client's
    /// request timeout) even when the caller gives up, so that its outcome is known and recorded
    /// for the retry.
    private static func idempotentSend(
        _ request: CreateMessageRequest,
        twilio: TwilioClient,
        logger: Logger
    ) async -> IdempotentCalls.Result {
        do {
            let sent = try await twilio.createMessage(request, logger: logger)
            logSent(sent, to: request.to, logger: logger)
            return .final(.response(try Message(sent).serializedBytes()))
        } catch let error as TwilioAPIError {
            let mapped = TwilioErrorMapping.rpcError(for: error)
            if error.httpStatus == 429 {
                return .notSent(mapped)
            }
            return error.httpStatus >= 500 ? .unknown(mapped) : .final(.failure(mapped))
        } catch let error as TwilioTransportError {
            let mapped = TwilioErrorMapping.rpcError(for: error)
            let nothingSent: [TwilioTransportError.Kind] = [
                .connectFailed, .nameResolutionFailed, .tlsFailed, .invalidRequest, .setupFailed,
            ]
            return nothingSent.contains(error.kind) ? .notSent(mapped) : .unknown(mapped)
        } catch let error as RPCError {
            return .unknown(error)
        } catch {
            return .unknown(RPCError(code: .internalError, message: "the send failed: \(error)"))
        }
    }

    private static func logSent(_ message: TwilioMessage, to: String, logger: Logger) {
        logger.info("messaging.sms.sent", ["twilio.message.sid": message.sid, "to": Redaction.phoneNumber(to)])
    }
}

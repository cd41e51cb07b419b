internal import GatewayAPI
internal import RPCCore
internal import ServiceSupport
internal import Synchronization
internal import TwilioREST

/// Runs a ``BulkSendPlan``: at most `concurrency` sends at once, each sender at its pace, 429
/// answers retried with backoff, and one result per recipient as it completes.
struct BulkSender: Sendable {
    /// Twilio codes that no retry can fix (a bad or unreachable number, an opted-out recipient,
    /// geo permissions, a landline), never retried even when they come with a 429.
    static let permanentCodes: Set<Int> = [21211, 21408, 21610, 21612, 21614, 21606, 21212, 21602, 21617]

    /// The name of the endpoint every send goes to, as `TwilioRequestEvent` names it.
    static let sendEndpoint = "messages.create"

    let plan: BulkSendPlan
    let twilio: TwilioClient
    /// Shared by every bulk send of the service, so a sender keeps its pace across calls.
    let pacer: SenderPacer
    /// Raised when the gateway shuts down.
    let shutdown: ShutdownSignal
    let logger: Logger
    /// Told about each retry.
    var observer: (@Sendable (MessagingEvent) -> Void)?
    /// The opt-outs of the plan's senders, read before the first send.
    let optOuts: OptOutCheck.Snapshot
    /// The `StatusCallback` when the plan gives none.
    let defaultStatusCallback: String?
    /// Told of each recipient Twilio refused with 21610.
    var optOutRecorder: TwilioOptOutRecorder?
    var backoff = RetryBackoff()

    /// Sends to every recipient and hands each update to `report`, in completion order.
    ///
    /// When `shutdown` is raised no send starts any more, waits for a pace slot or a retry end
    /// without sending, and the sends on the wire finish and are reported; the recipients left
    /// get no update and count in the returned ``GatewayAPI/BulkProgress/remaining``.
    ///
    /// - Parameter report: Delivers one update; when it throws (the caller went away), sending stops.
    /// - Returns: The final totals.
    /// - Throws: `CancellationError` when the task is cancelled, or what `report` threw.
    func run(report: @Sendable (BulkSendSmsUpdate) async throws -> Void) async throws -> BulkProgress {
        let total = Int32(clamping: plan.jobs.count)
        var progress = BulkProgress(total: total, remaining: total)

        try await withThrowingTaskGroup(of: BulkRecipientResult?.self) { group in
            var next = 0
            func startNext() {
                guard next < plan.jobs.count, !shutdown.isRaised else {
                    return
                }
                let job = plan.jobs[next]
                next += 1
                group.addTask { try await send(job) }
            }
            for _ in 0..<plan.concurrency {
                startNext()
            }
            while let finished = try await group.next() {
                guard let result = finished else {
                    continue
                }
                if result.outcome == .sent {
                    progress.sent += 1
                } else {
                    progress.failed += 1
                }
                progress.remaining -= 1
                progress.retries += max(result.attempts - 1, 0)
                try await report(BulkSendSmsUpdate(result: result, progress: progress))
                startNext()
            }
        }
        return progress
    }

    /// Sends to one recipient, or reports why it is not sent; `nil` when the shutdown stopped it
    /// before its request was made.
    private func send(_ job: BulkSendPlan.Job) async throws -> BulkRecipientResult? {
        var result = BulkRecipientResult(index: Int32(clamping: job.index), to: job.recipient.to, from: job.from ?? "")
        if job.isDuplicate {
            result.outcome = .duplicate
            result.errorMessage = "\(Redaction.phoneNumber(job.recipient.to)) appears earlier in the request"
            return result
        }
        let body: String
        switch plan.template.render(job.recipient.variables) {
        case .success(let rendered):
            body = rendered
        case .failure(let missing):
            let names = missing.names.map { "{{\($0)}}" }.joined(separator: ", ")
            return invalid(
                result,
                field: "recipients[\(job.index)].variables",
                "recipient \(job.index + 1) has no value for \(names), which the body template uses"
            )
        }
        guard !job.recipient.to.isEmpty else {
            return invalid(
                result,
                field: "recipients[\(job.index)].to",
                "recipient \(job.index + 1) has no number: to is required, in E.164 format"
            )
        }
        if let violation = RequestValidation.messageRecipientViolations("to", job.recipient.to).first {
            return invalid(
                result,
                field: "recipients[\(job.index)].to",
                "recipient \(job.index + 1): to \(violation.description)"
            )
        }

        let segments = SMSSegments(measuring: body)
        result.numSegments = Int32(clamping: max(segments.count, plan.mediaURLs.isEmpty ? 0 : 1))
        result.encoding = segments.encoding.rawValue
        let request = CreateMessageRequest(
            to: job.recipient.to,
            from: job.from,
            messagingServiceSID: plan.messagingServiceSID,
            body: body.isEmpty ? nil : body,
            mediaURLs: plan.mediaURLs,
            statusCallback: plan.statusCallback ?? defaultStatusCallback,
            validityPeriod: plan.validityPeriod
        )
        if let refusal = optOuts.refusal(to: request.to, from: job.from, messagingServiceSID: plan.messagingServiceSID)
        {
            return failed(result, refusal, optedOut: true)
        }
        return try await deliver(request, sender: job.from ?? plan.messagingServiceSID ?? "", result)
    }

    /// Makes the request at the sender's pace, retrying 429 answers after a backoff; `nil` when
    /// the shutdown came before a request was sent or during a backoff (Twilio processed none).
    private func deliver(
        _ request: CreateMessageRequest,
        sender: String,
        _ result: BulkRecipientResult
    ) async throws -> BulkRecipientResult? {
        var result = result
        while true {
            let slot = try await pacer.waitForSlot(
                sender: sender,
                segments: Int(result.numSegments),
                messagesPerSecond: plan.messagesPerSecond,
                shutdown: shutdown
            )
            guard slot else {
                return nil
            }
            try Task.checkCancellation()
            result.attempts += 1
            do {
                let message = try await twilio.createMessage(request, logger: logger)
                result.outcome = .sent
                result.sid = message.sid
                result.status = message.status?.rawValue ?? ""
                return result
            } catch let error as TwilioAPIError where result.attempts < plan.attempts && Self.isRetryable(error) {
                let delay = backoff.delay(beforeRetry: Int(result.attempts), retryAfter: error.retryAfter)
                observer?(.retryScheduled(endpoint: Self.sendEndpoint))
                guard try await shutdown.sleep(until: .now + delay) else {
                    return nil
                }
            } catch let error as TwilioAPIError {
                if error.code == 21610 {
                    await optOutRecorder?.record(
                        to: request.to,
                        from: request.from,
                        messagingServiceSID: request.messagingServiceSID,
                        accountSID: nil
                    )
                }
                return failed(result, TwilioErrorMapping.rpcError(for: error), optedOut: error.code == 21610)
            } catch let error as TwilioTransportError {
                return failed(result, TwilioErrorMapping.rpcError(for: error), optedOut: false)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                let failure = RPCError(code: .unavailable, message: "the send could not be made: \(error)")
                return failed(result, failure, optedOut: false)
            }
        }
    }

    /// Whether Twilio asked to slow down and the request was therefore not processed.
    static func isRetryable(_ error: TwilioAPIError) -> Bool {
        (error.httpStatus == 429 || error.code == 20429) && !permanentCodes.contains(error.code ?? 0)
    }

    private func failed(_ result: BulkRecipientResult, _ error: RPCError, optedOut: Bool) -> BulkRecipientResult {
        var result = result
        result.outcome = optedOut ? .optedOut : .failed
        result.errorCode = error.code.description
        result.errorMessage = error.message
        result.errorDetails = error.errorDetails
        return result
    }

    private func invalid(_ result: BulkRecipientResult, field: String, _ problem: String) -> BulkRecipientResult {
        var result = result
        result.outcome = .failed
        result.errorCode = RPCStatusCode.invalidArgument.description
        result.errorMessage = problem
        result.errorDetails = ErrorDetails(fieldViolations: [FieldViolation(field: field, description: problem)])
        return result
    }
}

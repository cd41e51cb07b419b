public import ServiceSupport

extension TwilioClient {
    /// Sends a message: `POST {apiBaseURL}/2010-04-01/Accounts/{AccountSid}/Messages.json`.
    ///
    /// Not retried: a retry after a timeout could send the message twice.
    ///
    /// - Parameters:
    ///   - request: The message's parameters.
    ///   - deadline: When the caller needs the answer by; it shortens the configured request
    ///     timeout, and a deadline already passed fails without sending anything.
    ///   - logger: The logger for this request, such as one carrying the caller's request ID.
    /// - Returns: The new message, usually with status `queued` or `accepted`.
    /// - Throws: ``TwilioAPIError`` when Twilio refuses the message, ``TwilioTransportError``
    ///   when it cannot be reached or its answer cannot be read, `CancellationError` when the task
    ///   is cancelled, or the credential source's error.
    public func createMessage(
        _ request: CreateMessageRequest,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioMessage {
        let operation = TwilioOperation(
            name: "messages.create",
            method: .post,
            service: .api,
            path: [.literal("/2010-04-01/Accounts/"), .accountSID, .literal("/Messages.json")],
            fields: request.formFields
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioMessage.self, from: response, operation: operation)
    }

    /// Fetches a message: `GET {apiBaseURL}/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`.
    ///
    /// - Parameters:
    ///   - sid: The message SID, `SM…` or `MM…`; it is percent-encoded into the path.
    ///   - deadline: When the caller needs the answer by.
    ///   - logger: The logger for this request.
    /// - Returns: The message as Twilio knows it now.
    /// - Throws: ``TwilioAPIError`` (such as 404 with code 20404 for an unknown SID),
    ///   ``TwilioTransportError``, `CancellationError`, or the credential source's error.
    public func fetchMessage(
        sid: String,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioMessage {
        let operation = TwilioOperation(
            name: "messages.fetch",
            method: .get,
            service: .api,
            path: [
                .literal("/2010-04-01/Accounts/"), .accountSID, .literal("/Messages/"), .value(sid), .literal(".json"),
            ]
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioMessage.self, from: response, operation: operation)
    }
}

extension TwilioClient {
    /// Cancels a scheduled message: `POST {apiBaseURL}/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`
    /// with `Status=canceled`.
    ///
    /// - Parameters:
    ///   - sid: The message SID, `SM…` or `MM…`; it is percent-encoded into the path.
    ///   - deadline: When the caller needs the answer by.
    ///   - logger: The logger for this request.
    /// - Returns: The message, with status `canceled`.
    /// - Throws: ``TwilioAPIError`` (30409 for a message that is no longer scheduled, 20404 for an
    ///   unknown SID), ``TwilioTransportError``, `CancellationError`, or the credential source's error.
    public func cancelMessage(
        sid: String,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioMessage {
        let operation = TwilioOperation(
            name: "messages.cancel",
            method: .post,
            service: .api,
            path: [
                .literal("/2010-04-01/Accounts/"), .accountSID, .literal("/Messages/"), .value(sid), .literal(".json"),
            ],
            fields: [FormField("Status", "canceled")]
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioMessage.self, from: response, operation: operation)
    }
}

public import ServiceSupport

extension TwilioClient {
    /// Places a call: `POST {apiBaseURL}/2010-04-01/Accounts/{AccountSid}/Calls.json`.
    ///
    /// Not retried: a retry after a timeout could place the call twice.
    ///
    /// - Parameters:
    ///   - request: The call's parameters.
    ///   - deadline: When the caller needs the answer by; it shortens the configured request
    ///     timeout, and a deadline already passed fails without sending anything.
    ///   - logger: The logger for this request.
    /// - Returns: The new call, usually with status `queued`.
    /// - Throws: ``TwilioAPIError`` when Twilio refuses the call, ``TwilioTransportError`` when it
    ///   cannot be reached or its answer cannot be read, `CancellationError`, or the credential
    ///   source's error.
    public func createCall(
        _ request: CreateCallRequest,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioCall {
        let operation = TwilioOperation(
            name: "calls.create",
            method: .post,
            service: .api,
            path: [.literal("/2010-04-01/Accounts/"), .accountSID, .literal("/Calls.json")],
            fields: request.formFields
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioCall.self, from: response, operation: operation)
    }

    /// Fetches a call: `GET {apiBaseURL}/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json`.
    ///
    /// - Parameters:
    ///   - sid: The call SID, `CA…`; it is percent-encoded into the path.
    ///   - deadline: When the caller needs the answer by.
    ///   - logger: The logger for this request.
    /// - Returns: The call as Twilio knows it now.
    /// - Throws: ``TwilioAPIError`` (404 with code 20404 for an unknown SID),
    ///   ``TwilioTransportError``, `CancellationError`, or the credential source's error.
    public func fetchCall(
        sid: String,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioCall {
        let operation = TwilioOperation(
            name: "calls.fetch",
            method: .get,
            service: .api,
            path: Self.callPath(sid)
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioCall.self, from: response, operation: operation)
    }

    /// Changes a call: `POST {apiBaseURL}/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json`.
    ///
    /// - Parameters:
    ///   - sid: The call SID, `CA…`.
    ///   - update: The new status or TwiML.
    ///   - deadline: When the caller needs the answer by.
    ///   - logger: The logger for this request.
    /// - Returns: The call after the change.
    /// - Throws: ``TwilioAPIError`` (such as 21220 for a call whose state does not allow the
    ///   change), ``TwilioTransportError``, `CancellationError`, or the credential source's error.
    public func updateCall(
        sid: String,
        _ update: CallUpdate,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioCall {
        let operation = TwilioOperation(
            name: "calls.update",
            method: .post,
            service: .api,
            path: Self.callPath(sid),
            fields: update.formFields
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioCall.self, from: response, operation: operation)
    }

    private static func callPath(_ sid: String) -> [TwilioOperation.PathPart] {
        [.literal("/2010-04-01/Accounts/"), .accountSID, .literal("/Calls/"), .value(sid), .literal(".json")]
    }
}

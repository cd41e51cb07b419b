public import ServiceSupport

extension TwilioClient {
    /// Sends a verification code: `POST {verifyBaseURL}/v2/Services/{ServiceSid}/Verifications`.
    ///
    /// Sending again to the same `To` while a verification is pending re-sends the same code and
    /// answers with the same verification. Not retried: a retry could send a second code.
    ///
    /// - Parameters:
    ///   - serviceSID: The Verify Service, `VA…`; it is percent-encoded into the path, as are the
    ///     other SIDs below.
    ///   - request: The recipient, channel and options.
    ///   - deadline: When the caller needs the answer by; it shortens the configured request
    ///     timeout, and a deadline already passed fails without sending anything.
    ///   - logger: The logger for this request, such as one carrying the caller's request ID.
    /// - Returns: The verification, usually `pending`.
    /// - Throws: ``TwilioAPIError`` (60200 for an invalid parameter, 60203 after too many sends,
    ///   20404 for an unknown service), ``TwilioTransportError``, `CancellationError`, or the
    ///   credential source's error.
    public func createVerification(
        serviceSID: String,
        _ request: CreateVerificationRequest,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioVerification {
        let operation = TwilioOperation(
            name: "verifications.create",
            method: .post,
            service: .verify,
            path: [.literal("/v2/Services/"), .value(serviceSID), .literal("/Verifications")],
            fields: request.formFields
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioVerification.self, from: response, operation: operation)
    }

    /// Checks a code: `POST {verifyBaseURL}/v2/Services/{ServiceSid}/VerificationCheck`.
    ///
    /// A wrong code is not an error: Twilio answers 200 with status `pending` and `valid` false.
    ///
    /// - Parameters:
    ///   - serviceSID: The Verify Service, `VA…`.
    ///   - request: The code and which verification it is for.
    ///   - deadline: When the caller needs the answer by.
    ///   - logger: The logger for this request.
    /// - Returns: The verification after the check.
    /// - Throws: ``TwilioAPIError`` (20404 once the verification was approved, canceled or has
    ///   expired, 60202 after too many checks, 60200 for a malformed code),
    ///   ``TwilioTransportError``, `CancellationError`, or the credential source's error.
    public func createVerificationCheck(
        serviceSID: String,
        _ request: CreateVerificationCheckRequest,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioVerificationCheck {
        let operation = TwilioOperation(
            name: "verification_checks.create",
            method: .post,
            service: .verify,
            path: [.literal("/v2/Services/"), .value(serviceSID), .literal("/VerificationCheck")],
            fields: request.formFields
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioVerificationCheck.self, from: response, operation: operation)
    }

    /// Fetches a verification: `GET {verifyBaseURL}/v2/Services/{ServiceSid}/Verifications/{Sid}`.
    ///
    /// - Parameters:
    ///   - serviceSID: The Verify Service, `VA…`.
    ///   - sid: The verification, `VE…`.
    ///   - deadline: When the caller needs the answer by.
    ///   - logger: The logger for this request.
    /// - Returns: The verification as Twilio knows it now.
    /// - Throws: ``TwilioAPIError`` (20404 for a verification that was approved, canceled or has
    ///   expired, or never existed), ``TwilioTransportError``, `CancellationError`, or the
    ///   credential source's error.
    public func fetchVerification(
        serviceSID: String,
        sid: String,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioVerification {
        let operation = TwilioOperation(
            name: "verifications.fetch",
            method: .get,
            service: .verify,
            path: [.literal("/v2/Services/"), .value(serviceSID), .literal("/Verifications/"), .value(sid)]
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioVerification.self, from: response, operation: operation)
    }

    /// Changes a verification's status:
    /// `POST {verifyBaseURL}/v2/Services/{ServiceSid}/Verifications/{Sid}` with `Status`.
    ///
    /// - Parameters:
    ///   - serviceSID: The Verify Service, `VA…`.
    ///   - sid: The verification, `VE…`.
    ///   - status: `canceled`, or `approved` for services with custom codes.
    ///   - deadline: When the caller needs the answer by.
    ///   - logger: The logger for this request.
    /// - Returns: The verification with its new status.
    /// - Throws: ``TwilioAPIError`` (20404 for a verification that is no longer pending),
    ///   ``TwilioTransportError``, `CancellationError`, or the credential source's error.
    public func updateVerification(
        serviceSID: String,
        sid: String,
        status: String,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioVerification {
        let operation = TwilioOperation(
            name: "verifications.update",
            method: .post,
            service: .verify,
            path: [.literal("/v2/Services/"), .value(serviceSID), .literal("/Verifications/"), .value(sid)],
            fields: [FormField("Status", status)]
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioVerification.self, from: response, operation: operation)
    }
}

public import ServiceSupport

extension TwilioClient {
    /// Fetches the account of the credentials: `GET {apiBaseURL}/2010-04-01/Accounts/{AccountSid}.json`.
    ///
    /// The cheapest authenticated request Twilio has, which makes it the usual health check: an
    /// answer proves Twilio is reachable and takes the credentials.
    ///
    /// - Parameters:
    ///   - deadline: When the caller needs the answer by.
    ///   - logger: The logger for this request.
    /// - Returns: The account.
    /// - Throws: ``TwilioAPIError`` (401 with code 20003 for wrong credentials),
    ///   ``TwilioTransportError``, `CancellationError`, or the credential source's error.
    public func fetchAccount(deadline: ContinuousClock.Instant? = nil, logger: Logger? = nil) async throws
        -> TwilioAccount
    {
        let operation = TwilioOperation(
            name: "accounts.fetch",
            method: .get,
            service: .api,
            path: [.literal("/2010-04-01/Accounts/"), .accountSID, .literal(".json")]
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioAccount.self, from: response, operation: operation)
    }
}

public import TwilioREST

extension ReadinessCheck {
    /// Twilio error 20008: a resource that test credentials may not use. Twilio checked the
    /// credentials to say so, which is all a probe needs to know. (From Twilio's error catalogue;
    /// not confirmed against the live API here.)
    static let testCredentialsCode = 20008

    /// A probe that fetches the credentials' Account resource, the cheapest authenticated
    /// request Twilio answers (and the one its own health checks make).
    ///
    /// Ready when Twilio answers with an active account, or refuses the Account resource to test
    /// credentials (error 20008); not ready when it cannot be reached, refuses the credentials
    /// (401, error 20003), reports the account suspended or closed, or answers anything else.
    ///
    /// - Parameters:
    ///   - client: The client whose Twilio (or sandbox) and credentials to probe.
    ///   - timeout: How long one probe may take.
    /// - Returns: The probe, for ``ReadinessProber``.
    public static func twilio(_ client: TwilioClient, timeout: Duration) -> @Sendable () async -> ReadinessCheck {
        {
            do {
                let account = try await client.fetchAccount(deadline: .now + timeout)
                return account.isActive
                    ? .ready("Twilio answered for account \(account.sid)")
                    : .notReady("Twilio reports the account \(account.sid) as \(account.status ?? "inactive")")
            } catch let error as TwilioAPIError {
                return classify(error)
            } catch let error as TwilioTransportError {
                return .notReady("no usable answer from Twilio (\(error.kind)): \(error.message)")
            } catch is CancellationError {
                return .notReady("the probe was cancelled")
            } catch {
                return .notReady("the probe could not be made: \(error)")
            }
        }
    }

    /// The result of a probe Twilio answered with `error`.
    static func classify(_ error: TwilioAPIError) -> ReadinessCheck {
        if error.code == testCredentialsCode {
            return .ready("Twilio answered; test credentials may not read the Account resource (error 20008)")
        }
        if error.httpStatus == 401 || error.code == 20003 {
            return .notReady(
                "Twilio refused the credentials (HTTP \(error.httpStatus), error \(error.code.map(String.init) ?? "none")): "
                    + "check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN"
            )
        }
        return .notReady("Twilio answered the probe with an error: \(error)")
    }
}

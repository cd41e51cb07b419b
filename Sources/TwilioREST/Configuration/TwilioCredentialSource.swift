/// Hands out the credentials for a request, each time one is made.
///
/// The client asks for credentials right before every request and forgets them when the request
/// ends, so an implementation may keep the auth token encrypted and decrypt it only on demand.
public protocol TwilioCredentialSource: Sendable {
    /// Returns the credentials to use for the next request.
    ///
    /// - Throws: Any error that explains why no credentials are available; the client passes it
    ///   on to its caller unchanged and sends nothing.
    func credentials() async throws -> TwilioCredentials
}

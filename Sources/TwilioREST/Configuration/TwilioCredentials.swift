public import ServiceSupport

/// The account SID and auth token, or an API key, that authenticate one request (HTTP Basic).
///
/// With an API key (`SK…` and its secret) the request authenticates as the key, Twilio's
/// documented alternative to the auth token, while the Account SID still names the account in
/// the 2010-04-01 paths; the auth token, when known, only checks webhook signatures then.
///
/// The auth token and the API key secret are ``ServiceSupport/SecretBytes``: their memory is
/// wiped when the last copy of these credentials is released (a credential source that decrypts
/// per request makes that the end of the request), and ``description``, ``debugDescription`` and
/// the mirror used by `dump` show them as `***`, so printing credentials by mistake does not leak
/// them.
public struct TwilioCredentials: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The account SID, `AC…`; the Basic user name and part of every 2010-04-01 path.
    public var accountSID: String
    /// The account's auth token; the Basic password. Empty when unknown (API key credentials).
    public var authToken: SecretBytes

    /// Creates credentials.
    ///
    /// - Parameters:
    ///   - accountSID: The account SID.
    ///   - authToken: The account's auth token.
    public init(accountSID: String, authToken: SecretBytes) {
        self.accountSID = accountSID
        self.authToken = authToken
    }

    /// Creates credentials from a token that is already text (an environment variable, the
    /// sandbox); the caller's `String` cannot be wiped.
    ///
    /// - Parameters:
    ///   - accountSID: The account SID.
    ///   - authToken: The account's auth token.
    public init(accountSID: String, authToken: String) {
        self.init(accountSID: accountSID, authToken: SecretBytes(authToken))
    }

    /// The API key SID, `SK…`, that authenticates requests instead of the account, or `nil`.
    public var apiKeySID: String?
    /// The secret of ``apiKeySID``.
    public var apiKeySecret: SecretBytes?

    /// Creates credentials that authenticate with an API key.
    ///
    /// - Parameters:
    ///   - accountSID: The account SID, for the paths.
    ///   - apiKeySID: The API key SID, `SK…`; the Basic user name.
    ///   - apiKeySecret: The key's secret; the Basic password.
    ///   - authToken: The account's auth token, for webhook signatures, or empty when unknown.
    public init(accountSID: String, apiKeySID: String, apiKeySecret: SecretBytes, authToken: SecretBytes) {
        self.init(accountSID: accountSID, authToken: authToken)
        self.apiKeySID = apiKeySID
        self.apiKeySecret = apiKeySecret
    }

    /// Creates credentials that authenticate with an API key given as text; the caller's
    /// `String`s cannot be wiped.
    ///
    /// - Parameters:
    ///   - accountSID: The account SID, for the paths.
    ///   - apiKeySID: The API key SID, `SK…`; the Basic user name.
    ///   - apiKeySecret: The key's secret; the Basic password.
    ///   - authToken: The account's auth token, for webhook signatures, or empty when unknown.
    public init(accountSID: String, apiKeySID: String, apiKeySecret: String, authToken: String = "") {
        self.init(
            accountSID: accountSID,
            apiKeySID: apiKeySID,
            apiKeySecret: SecretBytes(apiKeySecret),
            authToken: SecretBytes(authToken)
        )
    }

    /// The HTTP Basic user and password: the API key and its secret when both are set, else
    /// the Account SID and the auth token.
    public var basicAuthentication: (user: String, password: SecretBytes) {
        if let apiKeySID, let apiKeySecret {
            return (apiKeySID, apiKeySecret)
        }
        return (accountSID, authToken)
    }

    public var description: String {
        let key = apiKeySID.map { ", apiKeySID: \($0), apiKeySecret: ***" } ?? ""
        return "TwilioCredentials(accountSID: \(accountSID), authToken: ***\(key))"
    }

    public var debugDescription: String {
        description
    }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accountSID": accountSID, "authToken": "***", "apiKeySID": apiKeySID ?? "",
                "apiKeySecret": apiKeySecret == nil ? "" : "***",
            ]
        )
    }
}

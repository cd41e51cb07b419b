/// The account SID and auth token that authenticate one request (HTTP Basic).
///
/// The auth token is a secret: ``description``, ``debugDescription`` and the mirror used by
/// `dump` show it as `***`, so printing credentials by mistake does not leak it.
public struct TwilioCredentials: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The account SID, `AC…`; the Basic user name and part of every 2010-04-01 path.
    public var accountSID: String
    /// The account's auth token; the Basic password.
    public var authToken: String

    /// Creates credentials.
    ///
    /// - Parameters:
    ///   - accountSID: The account SID.
    ///   - authToken: The account's auth token.
    public init(accountSID: String, authToken: String) {
        self.accountSID = accountSID
        self.authToken = authToken
    }

    public var description: String {
        "TwilioCredentials(accountSID: \(accountSID), authToken: ***)"
    }

    public var debugDescription: String {
        description
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["accountSID": accountSID, "authToken": "***"])
    }
}

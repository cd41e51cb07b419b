/// An Account resource as Twilio returns it from fetch.
///
/// Decoding takes Twilio's snake_case JSON and ignores what it does not know; every field but
/// ``sid`` may be missing or null. Twilio's answer also carries the account's `auth_token`, which
/// is deliberately not decoded, so that no copy of the secret outlives the response.
public struct TwilioAccount: Hashable, Sendable {
    /// The Account SID, `AC…`.
    public var sid: String
    /// The account's name.
    public var friendlyName: String?
    /// `active`, `suspended` or `closed`.
    public var status: String?
    /// `Trial` or `Full`.
    public var type: String?
    /// The parent account of a subaccount; the account itself otherwise.
    public var ownerAccountSID: String?
    /// When the account was created, in RFC 2822.
    public var dateCreated: String?
    /// When the account was last updated, in RFC 2822.
    public var dateUpdated: String?
    /// The resource's path, relative to the API base URL.
    public var uri: String?

    /// Creates an account.
    ///
    /// - Parameters:
    ///   - sid: The Account SID.
    ///   - friendlyName: The account's name.
    ///   - status: `active`, `suspended` or `closed`.
    ///   - type: `Trial` or `Full`.
    ///   - ownerAccountSID: The parent account.
    ///   - dateCreated: When it was created, in RFC 2822.
    ///   - dateUpdated: When it was last updated, in RFC 2822.
    ///   - uri: The resource's path.
    public init(
        sid: String,
        friendlyName: String? = nil,
        status: String? = nil,
        type: String? = nil,
        ownerAccountSID: String? = nil,
        dateCreated: String? = nil,
        dateUpdated: String? = nil,
        uri: String? = nil
    ) {
        self.sid = sid
        self.friendlyName = friendlyName
        self.status = status
        self.type = type
        self.ownerAccountSID = ownerAccountSID
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.uri = uri
    }

    /// Whether Twilio lets the account make requests: its status is `active` (or not given).
    public var isActive: Bool {
        status == nil || status == "active"
    }
}

/// A Twilio account the sandbox accepts: its Account SID, auth token and the senders it owns.
///
/// Every account owns `+15005550006`, the number Twilio's test credentials treat as valid;
/// ``phoneNumbers`` adds more. A `From` that is neither one of these nor a sender of one of
/// the account's ``messagingServices`` is answered 21606, as Twilio does with test credentials.
public struct SandboxAccount: Sendable, Hashable, CustomStringConvertible {
    /// The Account SID, `AC` followed by 32 hex digits.
    public var sid: String
    /// The auth token clients send as the HTTP Basic password. Never logged.
    public var authToken: String
    /// E.164 numbers the account owns besides `+15005550006`.
    public var phoneNumbers: [String]
    /// Messaging Services the account owns; `MessagingServiceSid` must name one of them.
    public var messagingServices: [SandboxMessagingService]
    /// Verify Services the account owns; the `{ServiceSid}` of a Verify path must name one of them.
    public var verifyServices: [SandboxVerifyService]

    /// Creates an account from known credentials.
    ///
    /// - Parameters:
    ///   - sid: The Account SID, `AC` followed by 32 hex digits.
    ///   - authToken: The auth token.
    ///   - phoneNumbers: E.164 numbers the account owns besides `+15005550006`.
    ///   - messagingServices: Messaging Services the account owns.
    ///   - verifyServices: Verify Services the account owns; by default the one
    ///     ``SandboxVerifyService/defaultService(forAccount:)`` names.
    public init(
        sid: String,
        authToken: String,
        phoneNumbers: [String] = [],
        messagingServices: [SandboxMessagingService] = [],
        verifyServices: [SandboxVerifyService]? = nil
    ) {
        self.sid = sid
        self.authToken = authToken
        self.phoneNumbers = phoneNumbers
        self.messagingServices = messagingServices
        self.verifyServices = verifyServices ?? [SandboxVerifyService.defaultService(forAccount: sid)]
    }

    /// Creates an account with a random SID and token from `SystemRandomNumberGenerator`.
    ///
    /// - Parameters:
    ///   - phoneNumbers: E.164 numbers the account owns besides `+15005550006`.
    ///   - messagingServices: Messaging Services the account owns.
    /// - Returns: The new account.
    public static func generate(
        phoneNumbers: [String] = [],
        messagingServices: [SandboxMessagingService] = []
    ) -> SandboxAccount {
        var random = SystemRandomNumberGenerator()
        return SandboxAccount(
            sid: SIDFormat.make(prefix: "AC", using: &random),
            authToken: SIDFormat.hexDigits(32, using: &random),
            phoneNumbers: phoneNumbers,
            messagingServices: messagingServices
        )
    }

    /// The number every sandbox account owns, Twilio's valid test sender.
    public static let magicSender = "+15005550006"

    /// Whether `sender` (a number or `whatsapp:` address) is one of the account's own senders.
    func owns(_ sender: String) -> Bool {
        let number = PhoneNumberFormat.address(of: sender)
        return number == Self.magicSender || phoneNumbers.contains(number)
            || messagingServices.contains { $0.senders.contains(number) }
    }

    /// The account's Verify Service with `sid`, or `nil`.
    func verifyService(sid: String) -> SandboxVerifyService? {
        verifyServices.first { $0.sid == sid }
    }

    /// The SID, with the token left out so that printing an account never leaks it.
    public var description: String {
        "SandboxAccount(sid: \(sid), authToken: <redacted>, phoneNumbers: \(phoneNumbers))"
    }
}

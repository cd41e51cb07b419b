/// A Verify Service of a sandbox account: the `VA…` SID that Verify requests name in their path.
public struct SandboxVerifyService: Sendable, Hashable {
    /// The Verify Service SID, `VA` followed by 32 hex digits.
    public var sid: String
    /// The name the verification messages show (Twilio's `FriendlyName`), and the issuer of
    /// TOTP factors' `otpauth://` URIs.
    public var friendlyName: String
    /// Digits per verification code, 4 to 10 (Twilio's `CodeLength`).
    public var codeLength: Int

    /// Creates a service.
    ///
    /// - Parameters:
    ///   - sid: The Verify Service SID, `VA` followed by 32 hex digits.
    ///   - friendlyName: The name shown in messages, 1 to 30 characters.
    ///   - codeLength: Digits per code, 4 to 10; Twilio's default is 6.
    public init(sid: String, friendlyName: String = "Sandbox Verify", codeLength: Int = 6) {
        self.sid = sid
        self.friendlyName = friendlyName
        self.codeLength = codeLength
    }

    /// The service every account has unless it names its own: `VA` and the account SID's 32
    /// hex digits, so that it is known before the sandbox starts and differs between accounts.
    ///
    /// - Parameter accountSID: The account's SID, `AC` followed by 32 hex digits.
    /// - Returns: The account's default service.
    public static func defaultService(forAccount accountSID: String) -> SandboxVerifyService {
        SandboxVerifyService(sid: "VA" + accountSID.dropFirst(2).lowercased())
    }
}

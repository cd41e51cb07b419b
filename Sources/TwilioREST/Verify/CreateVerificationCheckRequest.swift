/// The parameters of `POST /v2/Services/{ServiceSid}/VerificationCheck`.
public struct CreateVerificationCheckRequest: Hashable, Sendable {
    /// Which verification a code is checked against.
    public enum Target: Hashable, Sendable {
        /// The pending verification sent to this phone number or email address (`To`).
        case to(String)
        /// The verification with this SID, `VE…` (`VerificationSid`).
        case verificationSID(String)
    }

    /// The code the user entered, 4 to 10 characters; Twilio answers 60200 otherwise.
    public var code: String
    /// Which verification to check.
    public var target: Target

    /// Creates the parameters of a check.
    ///
    /// - Parameters:
    ///   - code: The code the user entered.
    ///   - target: Which verification to check.
    public init(code: String, target: Target) {
        self.code = code
        self.target = target
    }

    /// The form fields, in the order twilio-python writes them.
    var formFields: [FormField] {
        switch target {
        case .to(let to): [FormField("Code", code), FormField("To", to)]
        case .verificationSID(let sid): [FormField("Code", code), FormField("VerificationSid", sid)]
        }
    }
}

/// When callers must present an API key.
public enum APIKeyEnforcement: Hashable, Sendable {
    /// Every call outside the open methods needs a valid key: a gateway that talks to real
    /// Twilio, or one started with `--require-api-keys`.
    case always
    /// Callers need a key once one exists in the store (revoked keys count, so revoking the last
    /// key does not open the gateway); until then every caller is let in. Only for the sandbox.
    case onceAKeyExists
}

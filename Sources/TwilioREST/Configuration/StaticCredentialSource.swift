/// A credential source that always returns the same credentials, held in memory.
public struct StaticCredentialSource: TwilioCredentialSource, CustomStringConvertible {
    private let value: TwilioCredentials

    /// Creates a source for fixed credentials.
    ///
    /// - Parameter credentials: The credentials to return for every request.
    public init(_ credentials: TwilioCredentials) {
        self.value = credentials
    }

    /// Returns the fixed credentials.
    public func credentials() async throws -> TwilioCredentials {
        value
    }

    public var description: String {
        "StaticCredentialSource(\(value))"
    }
}

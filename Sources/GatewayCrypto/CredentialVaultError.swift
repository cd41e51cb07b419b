/// Why the credential vault or its master key could not be used; messages name the record, file or
/// variable at fault and never contain key or secret bytes.
public struct CredentialVaultError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong and what to do about it.
    public let message: String

    /// An error with `message`, which says what to fix.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

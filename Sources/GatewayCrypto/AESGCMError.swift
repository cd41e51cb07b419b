/// Why AES-GCM could not seal or open: a wrong key length, a malformed box, a failed tag check,
/// or an OpenSSL call that returned an error.
public struct AESGCMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong and what to do about it; never contains key or plaintext bytes.
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

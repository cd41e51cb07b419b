/// A webhook setting that cannot be used: a public URL, an answer window or a TwiML document.
public struct WebhookConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong and how to fix it, naming the setting.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameter message: What is wrong and how to fix it.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String {
        message
    }
}

/// A Messaging Service of a sandbox account: its SID and its sender pool.
public struct SandboxMessagingService: Sendable, Hashable {
    /// The Messaging Service SID, `MG` followed by 32 hex digits.
    public var sid: String
    /// E.164 numbers in the service's sender pool; a `From` sent with the service must be one.
    public var senders: [String]

    /// Creates a service.
    ///
    /// - Parameters:
    ///   - sid: The Messaging Service SID, `MG` followed by 32 hex digits.
    ///   - senders: E.164 numbers in the sender pool.
    public init(sid: String, senders: [String] = []) {
        self.sid = sid
        self.senders = senders
    }

    /// Creates a service with a random SID from `SystemRandomNumberGenerator`.
    ///
    /// - Parameter senders: E.164 numbers in the sender pool.
    /// - Returns: The new service.
    public static func generate(senders: [String] = []) -> SandboxMessagingService {
        var random = SystemRandomNumberGenerator()
        return SandboxMessagingService(sid: SIDFormat.make(prefix: "MG", using: &random), senders: senders)
    }
}

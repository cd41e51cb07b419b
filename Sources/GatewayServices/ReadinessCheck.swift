/// What one readiness probe found: whether the gateway can serve calls that need Twilio, and why.
public struct ReadinessCheck: Hashable, Sendable {
    /// Whether the probe succeeded.
    public var isReady: Bool
    /// What the probe found when it succeeded, or why it failed, in words for an operator.
    public var detail: String

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - isReady: Whether the probe succeeded.
    ///   - detail: What it found, or why it failed.
    public init(isReady: Bool, detail: String) {
        self.isReady = isReady
        self.detail = detail
    }

    /// A probe that succeeded.
    public static func ready(_ detail: String) -> ReadinessCheck {
        ReadinessCheck(isReady: true, detail: detail)
    }

    /// A probe that failed, with the reason.
    public static func notReady(_ reason: String) -> ReadinessCheck {
        ReadinessCheck(isReady: false, detail: reason)
    }
}

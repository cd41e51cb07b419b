/// The readiness the last probe established, and when.
public struct ReadinessStatus: Hashable, Sendable {
    /// What the last probe found, or `nil` before the first probe.
    public var check: ReadinessCheck?
    /// When the last probe ended, in seconds since 1970; `nil` before the first.
    public var checkedAt: Double?
    /// How long the last probe took; `nil` before the first.
    public var probeDuration: Duration?

    /// Creates a status.
    ///
    /// - Parameters:
    ///   - check: What the probe found.
    ///   - checkedAt: When it ended.
    ///   - probeDuration: How long it took.
    public init(check: ReadinessCheck?, checkedAt: Double?, probeDuration: Duration? = nil) {
        self.check = check
        self.checkedAt = checkedAt
        self.probeDuration = probeDuration
    }

    /// The status before any probe: not ready.
    public static let notProbed = ReadinessStatus(check: nil, checkedAt: nil)

    /// Whether the last probe succeeded; false before the first.
    public var isReady: Bool {
        check?.isReady ?? false
    }

    /// What the last probe found or why it failed, or that none has run yet.
    public var detail: String {
        check?.detail ?? "no readiness probe has finished yet"
    }
}

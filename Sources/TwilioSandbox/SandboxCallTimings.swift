/// How long a sandbox call stays in each step of its life. Tests shorten them to milliseconds;
/// a call that must be caught ringing gets a long ``ringing`` step.
public struct SandboxCallTimings: Sendable, Hashable {
    /// From creation to the start of dialling (the `initiated` event).
    public var queued: Duration
    /// From the start of dialling to ringing.
    public var initiated: Duration
    /// How long the phone rings before it is answered; a call whose `Timeout` is shorter ends
    /// `no-answer` after `Timeout` seconds instead.
    public var ringing: Duration
    /// How long an answered call lasts before the called party hangs up.
    public var inProgress: Duration

    /// Creates timings; the defaults give a call of a few seconds.
    ///
    /// - Parameters:
    ///   - queued: Creation to dialling.
    ///   - initiated: Dialling to ringing.
    ///   - ringing: Ringing to answer.
    ///   - inProgress: Answer to hang-up.
    public init(
        queued: Duration = .milliseconds(200),
        initiated: Duration = .milliseconds(300),
        ringing: Duration = .seconds(2),
        inProgress: Duration = .seconds(5)
    ) {
        self.queued = queued
        self.initiated = initiated
        self.ringing = ringing
        self.inProgress = inProgress
    }

    /// Every step 20 milliseconds long, for tests.
    public static let fast = SandboxCallTimings(
        queued: .milliseconds(20),
        initiated: .milliseconds(20),
        ringing: .milliseconds(20),
        inProgress: .milliseconds(20)
    )
}

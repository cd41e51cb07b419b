/// A call the sandbox holds, as the Calls API returns it, plus what the sandbox did for it:
/// the TwiML it ran and the status callbacks it sent.
///
/// Calls go `queued` → `ringing` → `in-progress` → `completed`, paced by
/// ``TwilioSandbox/Configuration/callTimings``. The called number decides how a call ends
/// otherwise: see ``busyNumber``, ``noAnswerNumber``, ``failedNumber`` and ``machineNumber``.
public struct SandboxCall: Sendable {
    /// A `To` that is busy: the call rings, then ends `busy`.
    public static let busyNumber = "+15005550020"
    /// A `To` that never answers: the call rings for its `Timeout` (or the ringing step, if
    /// shorter), then ends `no-answer`.
    public static let noAnswerNumber = "+15005550021"
    /// A `To` that cannot be reached once dialled: the call ends `failed` without ringing.
    public static let failedNumber = "+15005550022"
    /// A `To` answered by a machine: with `MachineDetection`, `answered_by` is `machine_start`
    /// (`Enable`) or `machine_end_beep` (`DetectMessageEnd`) instead of `human`.
    public static let machineNumber = "+15005550023"

    /// The Call SID: `CA` and 32 lowercase hex digits.
    public var sid: String
    /// The account that created it.
    public var accountSID: String
    /// The called party.
    public var to: String
    /// The caller ID.
    public var from: String
    /// Where the call is in its life.
    public var status: Status
    /// `outbound-api` for calls created through the API.
    public var direction: String
    /// The TwiML URL the call fetches when answered, if it was given one.
    public var url: String?
    /// How the call requests ``url``: `GET` or `POST`.
    public var method: String
    /// The inline TwiML the call runs when answered, if it was given that instead of a URL.
    public var twiml: String?
    /// Where status callbacks go, if anywhere.
    public var statusCallback: String?
    /// How status callbacks are requested: `GET` or `POST`.
    public var statusCallbackMethod: String
    /// The events that are reported: `initiated`, `ringing`, `answered`, `completed`.
    public var statusCallbackEvents: [String]
    /// How many seconds the call may ring.
    public var timeout: Int
    /// Whether the caller asked for a recording (the sandbox makes no recording resources).
    public var record: Bool
    /// The answering machine detection mode, `Enable` or `DetectMessageEnd`, if any.
    public var machineDetection: String?
    /// Who answered, with machine detection: `human`, `machine_start` or `machine_end_beep`.
    public var answeredBy: String?
    /// When it was created, in seconds since 1970.
    public var dateCreated: Double
    /// When it last changed, in seconds since 1970.
    public var dateUpdated: Double
    /// When dialling started, in seconds since 1970, or `nil` before that.
    public var startTime: Double?
    /// When it was answered, in seconds since 1970, or `nil` if it never was.
    public var answerTime: Double?
    /// When it ended, in seconds since 1970, or `nil` while it lasts.
    public var endTime: Double?
    /// Every TwiML document the call ran, in order: the one it was created with (when answered)
    /// and any it was redirected to.
    public var twimlDocuments: [SandboxTwiMLDocument]
    /// Every status callback sent for it, in order.
    public var callbacks: [SandboxCallbackDelivery]

    /// The call's path under the API, such as `/2010-04-01/Accounts/AC…/Calls/CA….json`.
    public var uri: String {
        "/2010-04-01/Accounts/\(accountSID)/Calls/\(sid).json"
    }

    /// How long the call lasted from answer to hang-up, in whole seconds, once it ended that way.
    public var duration: Int? {
        guard let answerTime, let endTime else {
            return nil
        }
        return Int((endTime - answerTime).rounded(.down))
    }
}

/// The order in which a Twilio resource's statuses follow each other, so that a status
/// callback arriving late or twice cannot move a status back.
///
/// Each known status has a stage; a status moves to another only when the other's stage is
/// later and the current status is not a dead end. Final statuses end the lifecycle; of them
/// only `delivered` may still move (to `read`, a later receipt). Statuses of the same stage
/// (`delivered` and `undelivered`) do not replace each other: the first final one stays.
/// Unknown statuses (Twilio adds some without notice) never move a status, since their place
/// is unknown.
public struct StatusLifecycle: Hashable, Sendable {
    /// The lifecycle's name, such as `message`.
    public let name: String
    private let stages: [String: Int]
    private let finals: Set<String>
    private let deadEnds: Set<String>

    private init(name: String, stages: [[String]], finals: Set<String>, deadEnds: Set<String>) {
        self.name = name
        var byStatus: [String: Int] = [:]
        for (stage, statuses) in stages.enumerated() {
            for status in statuses {
                byStatus[status] = stage
            }
        }
        self.stages = byStatus
        self.finals = finals
        self.deadEnds = deadEnds
    }

    /// A message's statuses (`MessageStatus`): `accepted`/`scheduled` → `queued` → `sending` →
    /// `sent` → `partially_delivered` → `delivered`|`undelivered`|`failed`|`canceled` → `read`;
    /// inbound, `receiving` → `received`.
    ///
    /// `failed` may follow any earlier stage (a message that never left), `canceled` follows
    /// `scheduled`, and `read` (WhatsApp, RCS) follows `delivered`. Twilio does not document
    /// `partially_delivered`; it is placed before the final statuses so a final one replaces it.
    public static let message = StatusLifecycle(
        name: "message",
        stages: [
            ["accepted", "scheduled"], ["queued", "receiving"], ["sending"], ["sent"], ["partially_delivered"],
            ["delivered", "undelivered", "failed", "canceled", "received"], ["read"],
        ],
        finals: ["delivered", "undelivered", "failed", "canceled", "received", "read"],
        deadEnds: ["undelivered", "failed", "canceled", "received", "read"]
    )

    /// A call's statuses (`CallStatus` of status callbacks): `queued` → `initiated` → `ringing` →
    /// `in-progress` → `completed`|`busy`|`no-answer`|`failed`|`canceled`.
    ///
    /// `initiated` is not a call resource's status, only a callback's; it is tracked all the same.
    public static let call = StatusLifecycle(
        name: "call",
        stages: [
            ["queued"], ["initiated"], ["ringing"], ["in-progress"],
            ["completed", "busy", "no-answer", "failed", "canceled"],
        ],
        finals: ["completed", "busy", "no-answer", "failed", "canceled"],
        deadEnds: ["completed", "busy", "no-answer", "failed", "canceled"]
    )

    /// The stage of `status` (0 for the first), or `nil` for a status this lifecycle does not know.
    public func stage(of status: String) -> Int? {
        stages[status]
    }

    /// Whether `status` ends the lifecycle (no later callback is expected, except `read`).
    public func isFinal(_ status: String) -> Bool {
        finals.contains(status)
    }

    /// Whether a resource whose status is `current` (`nil` when none is known) moves to `next`.
    public func moves(from current: String?, to next: String) -> Bool {
        guard let nextStage = stages[next] else {
            return false
        }
        // With no status yet, or one this lifecycle does not know, any known status counts.
        guard let current, let currentStage = stages[current] else {
            return true
        }
        return !deadEnds.contains(current) && nextStage > currentStage
    }
}

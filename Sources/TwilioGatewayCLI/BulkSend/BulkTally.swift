internal import GatewayAPI

/// The totals of a bulk send over all its calls, counted as the gateway counts them: a
/// recipient is sent when Twilio accepted the message and failed otherwise (an error, an
/// opted-out recipient or a repeated number).
struct BulkTally: Sendable, Equatable {
    /// How many recipients the file has.
    let total: Int
    private(set) var sent = 0
    private(set) var failed = 0
    /// How many extra requests the 429 retries took.
    private(set) var retries = 0

    init(total: Int) {
        self.total = total
    }

    /// How many recipients have a result.
    var completed: Int {
        sent + failed
    }

    /// How many recipients have no result yet.
    var remaining: Int {
        total - completed
    }

    /// Counts one recipient's result.
    mutating func record(_ result: BulkRecipientResult) {
        if result.outcome == .sent {
            sent += 1
        } else {
            failed += 1
        }
        retries += max(Int(result.attempts) - 1, 0)
    }
}

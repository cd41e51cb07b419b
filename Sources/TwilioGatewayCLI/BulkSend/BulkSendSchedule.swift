internal import GatewayAPI

/// How the recipients of a file go out: each number once, in BulkSendSms calls small enough for
/// one request frame, one call after another.
///
/// A number that appears again later in the file is not sent again, as the gateway does within
/// one call; here that holds across calls too, and the repeat is reported as a duplicate.
struct BulkSendSchedule: Sendable {
    /// Recipients per call unless told otherwise.
    static let defaultBatchSize = 10_000
    /// The most recipients one call may carry, the gateway's limit.
    static let maximumBatchSize = 100_000
    /// A call's recipients stop growing at about this many encoded bytes, well under the 4 MiB
    /// frame the gateway accepts by default.
    static let maximumBatchBytes = 2 * 1024 * 1024

    /// The recipients of one call.
    struct Batch: Sendable {
        /// Where each recipient is in the file, by its index in the call.
        var rows: [Int]
        var recipients: [BulkRecipient]
        /// How many recipients earlier calls carry, which is where this call's turn through
        /// the sender numbers starts.
        var offset: Int
    }

    /// A row whose number an earlier row has.
    struct Repeat: Sendable {
        var row: Int
        var to: String
        /// The line of the earlier row, which is the one sent.
        var firstLine: Int
    }

    let batches: [Batch]
    let repeats: [Repeat]

    /// Splits `entries` into calls of at most `batchSize` recipients and about
    /// ``maximumBatchBytes``.
    init(_ entries: [RecipientFile.Entry], batchSize: Int, maximumBytes: Int = maximumBatchBytes) {
        var firstLines: [String: Int] = [:]
        var batches: [Batch] = []
        var repeats: [Repeat] = []
        var current = Batch(rows: [], recipients: [], offset: 0)
        var currentBytes = 0
        for (row, entry) in entries.enumerated() {
            let to = entry.recipient.to
            if let firstLine = firstLines[to] {
                repeats.append(Repeat(row: row, to: to, firstLine: firstLine))
                continue
            }
            firstLines[to] = entry.line
            let size = Self.estimatedSize(of: entry.recipient)
            if !current.rows.isEmpty, current.rows.count == batchSize || currentBytes + size > maximumBytes {
                batches.append(current)
                current = Batch(rows: [], recipients: [], offset: current.offset + current.rows.count)
                currentBytes = 0
            }
            current.rows.append(row)
            current.recipients.append(entry.recipient)
            currentBytes += size
        }
        if !current.rows.isEmpty {
            batches.append(current)
        }
        self.batches = batches
        self.repeats = repeats
    }

    /// An upper bound of the bytes `recipient` takes in an encoded request: its number and
    /// variables plus the tags and lengths around them.
    static func estimatedSize(of recipient: BulkRecipient) -> Int {
        recipient.variables.reduce(8 + recipient.to.utf8.count) { size, variable in
            size + 12 + variable.key.utf8.count + variable.value.utf8.count
        }
    }
}

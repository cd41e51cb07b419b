internal import GatewayAPI

/// How the send to one recipient of the file ended, with where the recipient is in the file.
struct BulkSendResult: Sendable {
    /// The recipient's position among the file's recipients, from 0; also in `result.index`.
    var row: Int
    /// The line of the file the recipient's row starts on.
    var line: Int
    /// The gateway's result, or the command's own for a number repeated in the file.
    var result: BulkRecipientResult
}

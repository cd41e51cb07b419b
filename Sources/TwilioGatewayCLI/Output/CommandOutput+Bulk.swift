internal import GatewayAPI
internal import ServiceSupport

extension CommandOutput {
    /// One recipient's result of `bulk-send` as one JSON object: its place in the file, the
    /// outcome (`sent`, `failed`, `opted_out` or `duplicate`), and the message or the error.
    static func json(_ placed: BulkSendResult) -> String {
        let result = placed.result
        let details = result.errorDetails
        return object([
            ("index", String(placed.row)), ("line", String(placed.line)), ("to", text(result.to)),
            ("from", text(result.from)), ("outcome", JSONString.quote(outcomeName(result.outcome))),
            ("sid", text(result.sid)), ("status", text(result.status)),
            ("numSegments", result.numSegments == 0 ? nil : String(result.numSegments)),
            ("encoding", text(result.encoding)), ("attempts", result.attempts == 0 ? nil : String(result.attempts)),
            ("errorCode", text(result.errorCode)), ("errorMessage", text(result.errorMessage)),
            ("twilioCode", details.flatMap { $0.twilioCode == 0 ? nil : String($0.twilioCode) }),
            ("moreInfo", details.flatMap { text($0.moreInfo) }),
            ("retryable", details.map { $0.retryable ? "true" : "false" }),
        ])
    }

    /// The last line of `bulk-send --json`: `{"summary":{...}}` with the totals, the time taken,
    /// whether Ctrl-C stopped it, and the error of a call that failed.
    static func bulkSummary(_ tally: BulkTally, ending: BulkSendRunner.Ending, elapsed: Duration) -> String {
        var failure: String?
        if case .failed(let error) = ending {
            failure = json(error)
        }
        var interrupted = false
        if case .interrupted = ending {
            interrupted = true
        }
        let seconds = elapsed.milliseconds.rounded() / 1000
        let summary = object([
            ("total", String(tally.total)), ("sent", String(tally.sent)), ("failed", String(tally.failed)),
            ("remaining", String(tally.remaining)), ("retries", String(tally.retries)),
            ("seconds", String(seconds)),
            ("interrupted", interrupted ? "true" : "false"), ("error", failure),
        ])
        return "{\"summary\":" + summary + "}"
    }

    /// How the outcome is spelled in output: `sent`, `failed`, `opted_out`, `duplicate`, or the
    /// .proto name in lower case for one this version does not know.
    static func outcomeName(_ outcome: BulkRecipientResult.Outcome) -> String {
        outcome.description.lowercased()
    }
}

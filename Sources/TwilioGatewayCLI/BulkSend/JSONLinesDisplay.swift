/// `bulk-send` output for programs: one JSON object per recipient, each written as soon as its
/// result comes, then one `{"summary":...}` object; nothing else goes to standard output.
struct JSONLinesDisplay: BulkSendDisplay {
    func start() {}

    func show(_ result: BulkSendResult, tally: BulkTally) throws(StandardOutput.WriteError) {
        try StandardOutput.write(CommandOutput.json(result) + "\n")
    }

    func finish(
        _ tally: BulkTally,
        ending: BulkSendRunner.Ending,
        elapsed: Duration
    ) throws(StandardOutput.WriteError) {
        try StandardOutput.write(CommandOutput.bulkSummary(tally, ending: ending, elapsed: elapsed) + "\n")
    }
}

/// Where `bulk-send` shows results as they come: JSON lines, or a progress bar on a terminal.
protocol BulkSendDisplay: Sendable {
    /// Shows that sending begins; called once, before the first call.
    func start() throws(StandardOutput.WriteError)
    /// Shows one recipient's result; `tally` counts it already.
    func show(_ result: BulkSendResult, tally: BulkTally) throws(StandardOutput.WriteError)
    /// Shows how the run ended, after the last result.
    func finish(
        _ tally: BulkTally,
        ending: BulkSendRunner.Ending,
        elapsed: Duration
    ) async throws(StandardOutput.WriteError)
}

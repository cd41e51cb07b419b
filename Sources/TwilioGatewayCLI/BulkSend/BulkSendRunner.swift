internal import GatewayAPI
internal import GatewayClient
internal import RPCCore

/// Sends a ``BulkSendSchedule`` through a gateway, one BulkSendSms call after another, and hands
/// on each recipient's result, placed in the file, as it completes.
struct BulkSendRunner: Sendable {
    /// How a run ended.
    enum Ending: Sendable {
        /// Every recipient has a result.
        case completed
        /// The task was cancelled (Ctrl-C); no call was left running.
        case interrupted
        /// A call failed as a whole; recipients after the results so far were not sent.
        case failed(RPCError)
    }

    let client: GatewayClient
    /// What every call sends besides its recipients.
    let request: BulkSendSmsRequest
    let schedule: BulkSendSchedule
    /// The line of each of the file's recipients, by row.
    let lines: [Int]
    /// How long one SMS segment holds a sender at the request's pace, or zero without pacing.
    ///
    /// Between two calls the runner waits this long for each segment of the longest message
    /// sent so far (at least one), since a call's pace starts afresh: so no sender goes faster
    /// than its pace across the seam.
    let segmentInterval: Duration

    /// Reports the repeated numbers, then runs the calls in order.
    ///
    /// - Parameter deliver: Takes each result as it comes; when it throws, the run stops and
    ///   the open call is cancelled.
    /// - Returns: How the run ended.
    /// - Throws: What `deliver` threw.
    func run(_ deliver: (BulkSendResult) throws -> Void) async throws -> Ending {
        for repeated in schedule.repeats {
            try deliver(duplicate(repeated))
        }
        var longestMessage = 1
        for (number, batch) in schedule.batches.enumerated() {
            if number > 0, segmentInterval > .zero {
                do {
                    try await Task.sleep(for: segmentInterval * longestMessage)
                } catch {
                    return .interrupted
                }
            }
            var received = 0
            do {
                for try await update in client.bulkSendSms(call(for: batch)) {
                    let result = try place(update.result, in: batch)
                    received += 1
                    longestMessage = max(longestMessage, Int(result.result.numSegments))
                    try deliver(result)
                }
            } catch let error as RPCError {
                return Task.isCancelled ? .interrupted : .failed(error)
            } catch is CancellationError {
                return .interrupted
            }
            if received < batch.rows.count {
                return Task.isCancelled
                    ? .interrupted
                    : .failed(
                        RPCError(
                            code: .internalError,
                            message: "the gateway ended a call after \(received) of its \(batch.rows.count) results"
                        )
                    )
            }
        }
        return .completed
    }

    /// The request of one call: its recipients, and the sender numbers turned so that the
    /// call's first recipient gets the number the file's turn has reached.
    private func call(for batch: BulkSendSchedule.Batch) -> BulkSendSmsRequest {
        var call = request
        call.recipients = batch.recipients
        if !call.fromNumbers.isEmpty {
            let turn = batch.offset % call.fromNumbers.count
            call.fromNumbers = Array(call.fromNumbers[turn...] + call.fromNumbers[..<turn])
        }
        return call
    }

    /// A result of `batch` with its row and line in the file.
    ///
    /// - Throws: INTERNAL when the gateway names a recipient the call does not have.
    private func place(_ result: BulkRecipientResult, in batch: BulkSendSchedule.Batch) throws -> BulkSendResult {
        let index = Int(result.index)
        guard batch.rows.indices.contains(index) else {
            throw RPCError(
                code: .internalError,
                message: "the gateway reported recipient \(index) of a call with \(batch.rows.count) recipients"
            )
        }
        let row = batch.rows[index]
        var placed = result
        placed.index = Int32(clamping: row)
        return BulkSendResult(row: row, line: lines[row], result: placed)
    }

    private func duplicate(_ repeated: BulkSendSchedule.Repeat) -> BulkSendResult {
        let result = BulkRecipientResult(
            index: Int32(clamping: repeated.row),
            to: repeated.to,
            outcome: .duplicate,
            errorMessage: "the number is on line \(repeated.firstLine) already and is sent there"
        )
        return BulkSendResult(row: repeated.row, line: lines[repeated.row], result: result)
    }
}

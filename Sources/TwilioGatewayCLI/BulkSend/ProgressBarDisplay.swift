internal import GatewayAPI
internal import ServiceSupport
internal import Synchronization

/// `bulk-send` output on a terminal: one ``ProgressLine`` redrawn in place with `\r` at most ten
/// times a second, fitted to the terminal's width each time; at the end a summary line and the
/// recipients that were not sent, in the order of the file.
///
/// Results only change the state; a ticker task draws. Drawing happens on the ticker alone
/// until ``finish(_:ending:elapsed:)`` has stopped it, so lines never interleave.
final class ProgressBarDisplay: BulkSendDisplay {
    /// The least time between two redraws.
    static let redrawInterval = Duration.milliseconds(100)
    /// Without new results the line is still redrawn this often, so the rate and time left
    /// follow a stall.
    static let refreshInterval = Duration.seconds(1)
    /// How many failures the end lists; `--json` shows them all.
    static let listedFailures = 50

    private struct State: Sendable {
        var tally: BulkTally
        var meter = RateMeter()
        var failures: [BulkSendResult] = []
        var results = 0
        var drawnResults = -1
        var drawnAt = Duration.zero
        /// The columns the last line took, which a terminal without erase-line gets padded over.
        var drawnWidth = 0
    }

    private let style: TerminalStyle
    private let started: ContinuousClock.Instant
    private let state: Mutex<State>
    private let ticker = Mutex<Task<Void, Never>?>(nil)

    /// Creates the display of a send to `total` recipients that began at `started`.
    init(total: Int, style: TerminalStyle, started: ContinuousClock.Instant) {
        self.style = style
        self.started = started
        state = Mutex(State(tally: BulkTally(total: total)))
    }

    func start() throws(StandardOutput.WriteError) {
        try draw(force: true)
        let task = Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.redrawInterval)
                // A failed write here shows again, and is reported, when finish draws.
                try? draw(force: false)
            }
        }
        ticker.withLock { $0 = task }
    }

    func show(_ result: BulkSendResult, tally: BulkTally) {
        state.withLock { state in
            state.tally = tally
            state.results += 1
            if result.result.outcome != .sent {
                state.failures.append(result)
            }
        }
    }

    func finish(
        _ tally: BulkTally,
        ending: BulkSendRunner.Ending,
        elapsed: Duration
    ) async throws(StandardOutput.WriteError) {
        let task = ticker.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value

        let seconds = elapsed.milliseconds / 1000
        let rate = seconds > 0 ? Double(tally.completed) / seconds : nil
        try draw(force: true, tally: tally, rate: rate)
        let failures = state.withLock { $0.failures }.sorted { $0.row < $1.row }
        var text = "\n" + summary(tally, ending: ending, seconds: seconds, rate: rate) + "\n"
        if !failures.isEmpty {
            text += "Not sent:\n" + Self.table(failures.prefix(Self.listedFailures))
            if failures.count > Self.listedFailures {
                text += "  ... and \(failures.count - Self.listedFailures) more; --json lists every result\n"
            }
        }
        try StandardOutput.write(text)
    }

    /// Redraws the line when results came since the last time, a second passed, or `force`.
    private func draw(
        force: Bool,
        tally final: BulkTally? = nil,
        rate finalRate: Double? = nil
    ) throws(StandardOutput.WriteError) {
        let elapsed = ContinuousClock.now - started
        let width = StandardOutput.columns ?? 80
        let frame = state.withLock { state -> String? in
            if let final {
                state.tally = final
            }
            state.meter.record(completed: state.tally.completed, at: elapsed)
            let due = state.results != state.drawnResults || elapsed - state.drawnAt >= Self.refreshInterval
            guard force || due else {
                return nil
            }
            state.drawnResults = state.results
            state.drawnAt = elapsed
            let line = ProgressLine(tally: state.tally, rate: finalRate ?? state.meter.perSecond)
            let text = line.text(width: width, style: style)
            guard style.erasesLines else {
                defer { state.drawnWidth = text.count }
                return "\r" + text + String(repeating: " ", count: max(0, state.drawnWidth - text.count))
            }
            return "\r" + text + "\u{1B}[K"
        }
        if let frame {
            try StandardOutput.write(frame)
        }
    }

    private func summary(_ tally: BulkTally, ending: BulkSendRunner.Ending, seconds: Double, rate: Double?) -> String {
        let time = seconds < 60 ? "\(ProgressLine.decimal(seconds)) s" : ProgressLine.clock(seconds: Int(seconds))
        let counts = "\(tally.sent) sent, \(tally.failed) failed"
        let rateText = rate.map { " (\(ProgressLine.decimal($0)) msg/s)" } ?? ""
        switch ending {
        case .completed:
            return "Done: \(counts) of \(tally.total) recipients in \(time)\(rateText)"
        case .interrupted:
            return "Interrupted: \(counts), \(tally.remaining) not sent of \(tally.total) recipients in \(time)"
        case .failed:
            return "Stopped by an error: \(counts), \(tally.remaining) not sent of \(tally.total) recipients in \(time)"
        }
    }

    /// The failures as aligned rows: the line, the number, Twilio's code (or what stands in for
    /// it) and the message.
    private static func table(_ failures: ArraySlice<BulkSendResult>) -> String {
        let rows = failures.map { placed in
            ["line \(placed.line)", placed.result.to, code(of: placed.result), placed.result.errorMessage]
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            "  " + (0..<3).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) + "  " }.joined()
                + row[3] + "\n"
        }.joined()
    }

    /// Twilio's code of a failure, or the outcome or RPC status when Twilio gave none.
    private static func code(of result: BulkRecipientResult) -> String {
        if let twilioCode = result.errorDetails?.twilioCode, twilioCode != 0 {
            return String(twilioCode)
        }
        if result.outcome == .failed, !result.errorCode.isEmpty {
            return result.errorCode
        }
        return CommandOutput.outcomeName(result.outcome).replacingUnderscores()
    }
}

extension String {
    /// The text with `_` as spaces, such as `opted out`.
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}

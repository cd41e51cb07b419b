internal import Dispatch

/// A Dispatch source that can be started, paused and cancelled in any order without
/// unbalancing Dispatch's suspend count (a source must be resumed to be cancelled).
///
/// Used only on the queue its source runs on.
final class SourceSwitch {
    private let source: any DispatchSourceProtocol
    private var running = false
    private var cancelled = false

    init(_ source: any DispatchSourceProtocol) {
        self.source = source
    }

    /// Delivers events from now on, unless cancelled.
    func run() {
        guard !running, !cancelled else {
            return
        }
        running = true
        source.resume()
    }

    /// Stops delivering events until ``run()``.
    func pause() {
        guard running, !cancelled else {
            return
        }
        running = false
        source.suspend()
    }

    /// Cancels the source for good; its cancel handler runs once.
    func cancel() {
        guard !cancelled else {
            return
        }
        cancelled = true
        source.cancel()
        if !running {
            running = true
            source.resume()
        }
    }
}

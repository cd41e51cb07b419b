internal import ServiceSupport
internal import Synchronization

/// The streaming responses of one server, by request, so that the server can end them when it
/// stops and each is closed when its request completes.
///
/// The ``DisconnectWatcher`` starts with the first stream and stops in ``close()``.
final class StreamRegistry: Sendable {
    private struct Entry {
        let stream: ResponseStream
        let watchID: UInt64?
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var ending = false
        var watcher: DisconnectWatcher?
        var watcherFailed = false
    }

    private let logger: Logger
    private let state = Mutex(State())

    init(logger: Logger) {
        self.logger = logger
    }

    /// The number of streams whose request has not completed.
    var count: Int {
        state.withLock { $0.entries.count }
    }

    /// Records the stream of `context` and watches its socket; a stream registered after
    /// ``endAll()`` is ended at once.
    func register(_ stream: ResponseStream, for context: RequestContext) {
        let (watcher, ending) = state.withLock { state in
            (makeWatcher(&state), state.ending)
        }
        let watchID = watcher?.watch(stream)
        state.withLock { $0.entries[ObjectIdentifier(context)] = Entry(stream: stream, watchID: watchID) }
        if ending {
            stream.end()
        }
    }

    /// Closes the stream of `context`, if it has one; called when libmicrohttpd completes the
    /// request, while the socket is still open.
    func requestCompleted(_ context: RequestContext) {
        let (entry, watcher) = state.withLock { state in
            (state.entries.removeValue(forKey: ObjectIdentifier(context)), state.watcher)
        }
        guard let entry else {
            return
        }
        if let watchID = entry.watchID {
            watcher?.unwatch(watchID, socket: entry.stream.socket)
        }
        entry.stream.close()
    }

    /// Ends every stream after what it wrote, and every stream registered from now on.
    func endAll() {
        let streams = state.withLock { state in
            state.ending = true
            return state.entries.values.map(\.stream)
        }
        for stream in streams {
            stream.end()
        }
    }

    /// Stops the disconnect watcher; call after libmicrohttpd has stopped.
    func close() {
        state.withLock { $0.watcher.take() }?.stop()
    }

    private func makeWatcher(_ state: inout State) -> DisconnectWatcher? {
        if state.watcher == nil, !state.watcherFailed {
            do {
                state.watcher = try DisconnectWatcher()
            } catch {
                state.watcherFailed = true
                logger.debug("http.stream.watcher_failed", ["error.message": error.message])
            }
        }
        return state.watcher
    }
}

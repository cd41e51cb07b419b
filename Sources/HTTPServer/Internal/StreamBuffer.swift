/// The bytes of one streaming body between its producer and libmicrohttpd, and where the body
/// stands: a state machine with no I/O, changed only under ``ResponseStream``'s lock.
///
/// The producer appends; libmicrohttpd's content reader takes. A reader that finds nothing to
/// take while the body is still open suspends the connection (`suspended` becomes `true`), and
/// whichever call next gives it something to do (bytes, the end, a hang-up) reports that the
/// connection must be resumed, once.
///
/// The body ends in one of these ways, each final:
/// - the producer returns: the reader takes what is left, then the end of the body;
/// - the producer fails: the reader takes what is left, then closes the connection;
/// - the server stops (``end()``): as if the producer had returned; later writes are refused;
/// - the client leaves or the request completes (``close()``): nothing more is sent.
struct StreamBuffer {
    /// What one content reader call does.
    enum ReadStep: Equatable {
        /// This many bytes were copied into the reader's buffer.
        case bytes(Int)
        /// Nothing to send yet; the caller suspends the connection and returns 0.
        case suspend
        /// The body is complete.
        case endOfStream
        /// Close the connection without completing the body.
        case endWithError
    }

    /// What one write does.
    enum WriteStep: Equatable {
        /// The bytes were taken; `resume` says the connection waits to be resumed.
        case written(resume: Bool)
        /// The buffer is full; wait until the reader takes some.
        case full
        /// The body no longer takes bytes: the client left, or the server or producer ended it.
        case closed
    }

    /// How the producer finished, if it has.
    private enum Source: Equatable {
        case producing
        case finished
        case failed
    }

    /// The most bytes held before writers wait; a write that starts below it is taken whole.
    let capacity: Int
    private var pending: [UInt8] = []
    private var readIndex = 0
    private var source = Source.producing
    private var closed = false
    private(set) var suspended = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The bytes written and not yet taken by the reader.
    var bufferedCount: Int {
        pending.count - readIndex
    }

    /// Whether bytes can still be written.
    var isOpen: Bool {
        source == .producing && !closed
    }

    /// Whether writers waiting for room may retry: the buffer has room, or the body is over.
    var hasRoomOrIsOver: Bool {
        bufferedCount < capacity || !isOpen
    }

    /// Appends `bytes` when the buffer has room.
    mutating func write(_ bytes: [UInt8]) -> WriteStep {
        guard isOpen else {
            return .closed
        }
        guard bufferedCount < capacity else {
            return .full
        }
        pending.append(contentsOf: bytes)
        return .written(resume: takeSuspension())
    }

    /// Copies up to `buffer.count` bytes for libmicrohttpd, or says why there are none.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> ReadStep {
        guard !closed else {
            return .endWithError
        }
        let count = min(buffer.count, bufferedCount)
        if count > 0 {
            pending.withUnsafeBytes { bytes in
                buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + readIndex, byteCount: count)
            }
            readIndex += count
            compact()
            return .bytes(count)
        }
        switch source {
        case .producing:
            suspended = true
            return .suspend
        case .finished:
            return .endOfStream
        case .failed:
            return .endWithError
        }
    }

    /// Records that the producer returned (`failed` false) or threw.
    ///
    /// - Returns: Whether the connection waits to be resumed.
    mutating func finishProducing(failed: Bool) -> Bool {
        guard source == .producing else {
            return false
        }
        source = failed ? .failed : .finished
        return takeSuspension()
    }

    /// Ends the body after what was written, as the server does when it stops.
    ///
    /// - Returns: Whether the connection waits to be resumed.
    mutating func end() -> Bool {
        finishProducing(failed: false)
    }

    /// Sends nothing more: the client has left, or libmicrohttpd has completed the request.
    ///
    /// - Returns: Whether the connection waits to be resumed (so that it can be closed).
    mutating func close() -> Bool {
        guard !closed else {
            return false
        }
        closed = true
        pending = []
        readIndex = 0
        return takeSuspension()
    }

    private mutating func takeSuspension() -> Bool {
        defer { suspended = false }
        return suspended
    }

    /// Drops the bytes already taken once they are most of the array, so appends stay cheap.
    private mutating func compact() {
        if readIndex == pending.count {
            pending.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex > pending.count / 2 {
            pending.removeFirst(readIndex)
            readIndex = 0
        }
    }
}

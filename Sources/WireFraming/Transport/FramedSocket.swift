internal import Dispatch
internal import SecureTransport
internal import Synchronization

/// A connected non-blocking TCP socket that reads frames and writes encoded bytes, driven by
/// Dispatch read and write sources on one serial queue.
///
/// Every method except ``queuedByteCount`` must be called on ``queue``, which also runs every
/// delegate call. Bytes are read into one reused buffer and fed to a ``FrameDecoder``;
/// outgoing frames are appended to one ``FrameEncoder`` and written in one `send` per flush,
/// however many frames were queued since the last one.
///
/// With a ``TLSSession`` the socket runs TLS over the same descriptor: what it reads is
/// decrypted before the decoder sees it, and what the encoder holds is encrypted once the
/// handshake is complete (until then frames wait). A failed handshake or a broken record is
/// reported with ``FramedSocketDelegate/framedSocket(_:didFailTLS:)`` and closes the socket.
///
/// The socket keeps its delegate alive until it has reported ``FramedSocketDelegate/framedSocket(_:didCloseWith:)``,
/// so an owner needs no other reference while its connection is open. The descriptor is
/// closed after both Dispatch sources have been cancelled, so it is never reused under them.
final class FramedSocket: @unchecked Sendable {
    // @unchecked Sendable: all mutable state is touched only on `queue` (each method checks
    // with dispatchPrecondition); `queuedBytes` is an atomic read from any thread.

    /// Sizes that bound the socket's memory.
    struct Limits {
        /// The largest frame payload read; larger ones are skipped.
        var maxPayloadLength: Int
        /// Above this many unwritten bytes the socket counts as backlogged.
        var highWatermark: Int
        /// A backlogged socket drains once fewer than this many bytes wait.
        var lowWatermark: Int
        /// Whether to stop reading while backlogged, so a peer that does not read its
        /// responses cannot make more of them. Only servers set this; a client doing so
        /// could deadlock with a server doing the same.
        var pausesReadingWhileBacklogged: Bool
    }

    private enum State {
        /// Reading delivers events; writes go out. Moves to `flushing` or `closed`.
        case open
        /// Reads are discarded; the queued bytes are being written. Moves to `lingering`.
        case flushing
        /// The sending side is shut; reads are discarded until end-of-input or a timeout,
        /// so the peer receives everything before the close (no reset). Moves to `closed`.
        case lingering
        /// Sources cancelled; the descriptor closes once they are. Final.
        case closed
    }

    /// How long a lingering close waits for the peer's end-of-input.
    private static let lingerTimeout = DispatchTimeInterval.seconds(2)
    private static let readChunkSize = 65_536

    /// The queue that owns this socket.
    let queue: DispatchQueue
    private let work: PendingWork
    private let fd: Int32
    private let limits: Limits
    private var state = State.open
    private var decoder: FrameDecoder
    private var encoder = FrameEncoder()
    private var writtenOffset = 0
    private let queuedBytes = Atomic<Int>(0)
    private let readBuffer: UnsafeMutableRawBufferPointer
    private let readSource: any DispatchSourceRead
    private var writeSource: (any DispatchSourceWrite)?
    private var started = false
    private var readSuspended = false
    private var writeSourceRunning = false
    private var openSources = 1
    private var pausedByOwner = false
    private var backlogged = false
    private var inputEnded = false
    private var flushScheduled = false
    private var delivering = false
    private var flushAfterDelivery = false
    private var writeFailed = false
    private var delegate: (any FramedSocketDelegate)?
    private let tls: TLSSession?
    /// Ciphertext waiting to be written, from `sealedOffset` on; used only with `tls`.
    private var sealed: [UInt8] = []
    private var sealedOffset = 0
    private var closeNotifyQueued = false
    private let plaintextBuffer: UnsafeMutableRawBufferPointer?
    /// The first bytes the peer sent (up to ``leadingByteCount``), as they arrived: ciphertext on
    /// a TLS connection. Kept so that an owner can tell what kind of peer broke the preface or
    /// the TLS handshake, such as a TLS server met without TLS or a plaintext server met with it.
    private(set) var leadingBytes: [UInt8] = []
    private static let leadingByteCount = 3

    /// Wraps a connected descriptor, which the socket now owns and will close.
    ///
    /// - Parameters:
    ///   - expectsPreface: Whether the peer's first bytes are a connection preface.
    ///   - tls: The TLS session to run over the descriptor, or `nil` for plain TCP.
    init(fd: Int32, work: PendingWork, limits: Limits, expectsPreface: Bool, tls: TLSSession? = nil) {
        self.fd = fd
        self.tls = tls
        self.plaintextBuffer = tls == nil ? nil : .allocate(byteCount: Self.readChunkSize, alignment: 16)
        self.queue = work.queue
        self.work = work
        self.limits = limits
        self.decoder = FrameDecoder(maxPayloadLength: limits.maxPayloadLength, expectsPreface: expectsPreface)
        self.readBuffer = .allocate(byteCount: Self.readChunkSize, alignment: 16)
        self.readSource = DispatchSource.makeReadSource(fileDescriptor: fd, queue: work.queue)
        readSource.setEventHandler { [weak self] in self?.handleReadable() }
        readSource.setCancelHandler { [self] in sourceCancelled() }
    }

    deinit {
        readBuffer.deallocate()
        plaintextBuffer?.deallocate()
    }

    /// The bytes queued but not yet written; safe to read from any thread.
    var queuedByteCount: Int {
        queuedBytes.load(ordering: .relaxed)
    }

    /// Whether more than the high watermark waits to be written; a drain callback follows
    /// once it falls below the low watermark.
    var isBacklogged: Bool {
        dispatchPrecondition(condition: .onQueue(queue))
        return backlogged
    }

    /// Whether events are still delivered and frames still sent.
    var isOpen: Bool {
        dispatchPrecondition(condition: .onQueue(queue))
        return state == .open
    }

    /// Starts reading; events go to `delegate` from now on.
    func start(delegate: any FramedSocketDelegate) {
        dispatchPrecondition(condition: .onQueue(queue))
        self.delegate = delegate
        started = true
        readSource.resume()
        if let tls {
            do {
                try tls.advanceHandshake()
            } catch {
                failTLS(error)
                return
            }
            flush()
        }
    }

    /// Appends frames with `body` and writes them: at once when no other work waits for the
    /// queue, otherwise after that work, together with what it adds. Does nothing once the
    /// socket is flushing or closed.
    ///
    /// A failed write never closes the socket inside this call; the close follows in a
    /// block of its own, so callers need not expect their delegate to be called back here.
    func enqueue(_ body: (inout FrameEncoder) -> Void) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard state == .open else {
            return
        }
        body(&encoder)
        updateQueuedBytes()
        if delivering {
            flushAfterDelivery = true
        } else if work.isWaiting {
            flushSoon()
        } else {
            flush()
        }
    }

    private func flushSoon() {
        guard !flushScheduled else {
            return
        }
        flushScheduled = true
        queue.async { [self] in
            flushScheduled = false
            flush()
        }
    }

    /// Stops or restarts reading, for an owner whose own buffers are full.
    func setReadingPaused(_ paused: Bool) {
        dispatchPrecondition(condition: .onQueue(queue))
        pausedByOwner = paused
        updateReadSuspension()
    }

    /// Writes what is queued, then shuts the sending side and closes once the peer has
    /// seen everything. No more events are delivered.
    func closeAfterFlush() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard state == .open else {
            return
        }
        state = .flushing
        updateReadSuspension()
        flush()
    }

    /// Closes now, dropping whatever is queued.
    func close(error: SystemCallError? = nil) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard state != .closed else {
            return
        }
        state = .closed
        readSource.cancel()
        if readSuspended || !started {
            readSuspended = false
            started = true
            readSource.resume()
        }
        if let writeSource {
            writeSource.cancel()
            if !writeSourceRunning {
                writeSourceRunning = true
                writeSource.resume()
            }
        }
        encoder.removeFirst(encoder.count)
        writtenOffset = 0
        sealed = []
        sealedOffset = 0
        queuedBytes.store(0, ordering: .relaxed)

        let owner = delegate
        delegate = nil
        owner?.framedSocket(self, didCloseWith: error)
    }

    // MARK: - Reading and writing

    /// Reads what the socket holds, a few chunks at most so other connections get a turn.
    private func handleReadable() {
        dispatchPrecondition(condition: .onQueue(queue))
        for _ in 0..<4 {
            guard state != .closed, !readSuspended else {
                return
            }
            switch Socket.read(fd, into: readBuffer) {
            case .bytes(let count):
                guard state == .open else {
                    continue
                }
                let received = UnsafeRawBufferPointer(rebasing: readBuffer[0..<count])
                if leadingBytes.count < Self.leadingByteCount {
                    leadingBytes += received.prefix(Self.leadingByteCount - leadingBytes.count)
                }
                if let tls {
                    guard decrypt(received, with: tls) else {
                        return
                    }
                } else {
                    decoder.append(received)
                }
                deliverEvents()
                if count < readBuffer.count {
                    return
                }
            case .wouldBlock:
                return
            case .endOfInput:
                handleEndOfInput()
                return
            case .failed(let error):
                close(error: error)
                return
            }
        }
    }

    /// Writes as much as the socket takes; waits for writability when it takes no more.
    private func flush() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard state == .open || state == .flushing, !writeFailed else {
            return
        }
        if let tls {
            return flushSealed(with: tls)
        }
        let written = writeWaiting(
            count: encoder.count,
            offset: \.writtenOffset,
            write: { offset in encoder.bytes.withUnsafeBytes { Self.write(fd, $0, from: offset) } },
            removeFirst: { encoder.removeFirst($0) }
        )
        guard written else {
            return
        }
        encoder.removeFirst(encoder.count)
        writtenOffset = 0
        finishFlush()
    }

    /// Writes waiting bytes from the offset `written` names on until all `count` are written or
    /// the socket takes no more; then it waits for writability, dropping the written prefix with
    /// `removeFirst` once that reaches the low watermark. A failed write closes the socket.
    ///
    /// The offset is named by key path, not passed `inout`, because ``updateQueuedBytes()``
    /// reads it while this runs.
    ///
    /// - Returns: Whether every waiting byte was written.
    private func writeWaiting(
        count: Int,
        offset written: ReferenceWritableKeyPath<FramedSocket, Int>,
        write: (Int) -> Socket.IOResult,
        removeFirst: (Int) -> Void
    ) -> Bool {
        while self[keyPath: written] < count {
            switch write(self[keyPath: written]) {
            case .bytes(let moved):
                self[keyPath: written] += moved
            case .wouldBlock, .endOfInput:
                if self[keyPath: written] >= limits.lowWatermark {
                    removeFirst(self[keyPath: written])
                    self[keyPath: written] = 0
                }
                startWriteSource()
                updateQueuedBytes()
                return false
            case .failed(let error):
                writeFailed = true
                queue.async { [self] in close(error: error) }
                return false
            }
        }
        return true
    }

    /// Writes `bytes` from `offset` on to `fd`.
    private static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, from offset: Int) -> Socket.IOResult {
        Socket.write(fd, UnsafeRawBufferPointer(rebasing: bytes[offset...]))
    }

    /// Stops waiting for writability once nothing is left; a flushing socket lingers then.
    private func finishFlush() {
        stopWriteSource()
        updateQueuedBytes()
        if state == .flushing {
            linger()
        }
    }

    private func deliverEvents() {
        delivering = true
        defer {
            delivering = false
            if flushAfterDelivery {
                flushAfterDelivery = false
                flush()
            }
        }
        while state == .open && !isPaused {
            let event: FrameDecoder.Event?
            do {
                event = try decoder.next()
            } catch {
                delegate?.framedSocket(self, didFailDecoding: error)
                return
            }
            guard let event else {
                return
            }
            delegate?.framedSocket(self, didReceive: event)
        }
    }

    private func handleEndOfInput() {
        inputEnded = true
        updateReadSuspension()
        switch state {
        case .open:
            var truncation: FramingError?
            do {
                try decoder.finish()
            } catch {
                truncation = error
            }
            delegate?.framedSocket(self, didReachEndOfInput: truncation)
        case .lingering:
            close()
        case .flushing, .closed:
            return
        }
    }

    private func linger() {
        Socket.shutdownWrite(fd)
        state = .lingering
        guard !inputEnded else {
            close()
            return
        }
        updateReadSuspension()
        queue.asyncAfter(deadline: .now() + Self.lingerTimeout) { [self] in
            if state == .lingering {
                close()
            }
        }
    }

    /// Whether an owner's full buffers or a backlog stop the delivery of events.
    private var isPaused: Bool {
        pausedByOwner || (backlogged && limits.pausesReadingWhileBacklogged)
    }

    /// Suspends or resumes the read source to match the state. Resuming also delivers the
    /// events a pause left in the decoder, in a block of its own.
    private func updateReadSuspension() {
        let shouldRead: Bool
        switch state {
        case .open: shouldRead = !inputEnded && !isPaused
        case .flushing, .lingering: shouldRead = !inputEnded
        case .closed: return
        }
        if shouldRead && readSuspended {
            readSuspended = false
            readSource.resume()
            if state == .open && decoder.bufferedByteCount > 0 {
                queue.async { [self] in deliverEvents() }
            }
        } else if !shouldRead && !readSuspended {
            readSuspended = true
            readSource.suspend()
        }
    }

    private func updateQueuedBytes() {
        let queued = encoder.count - writtenOffset + sealed.count - sealedOffset
        queuedBytes.store(queued, ordering: .relaxed)
        if !backlogged && queued > limits.highWatermark {
            backlogged = true
            updateReadSuspension()
        } else if backlogged && queued < limits.lowWatermark {
            backlogged = false
            updateReadSuspension()
            delegate?.framedSocketDidDrain(self)
        }
    }

    private func startWriteSource() {
        if let writeSource {
            if !writeSourceRunning {
                writeSourceRunning = true
                writeSource.resume()
            }
            return
        }
        let source = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [weak self] in self?.flush() }
        source.setCancelHandler { [self] in sourceCancelled() }
        openSources += 1
        writeSource = source
        writeSourceRunning = true
        source.resume()
    }

    private func stopWriteSource() {
        if let writeSource, writeSourceRunning {
            writeSourceRunning = false
            writeSource.suspend()
        }
    }

    // MARK: - TLS

    /// Gives `received` to the TLS session and the plaintext it yields to the decoder; writes
    /// what the session has for the peer (handshake messages, and the frames that waited for
    /// the handshake).
    ///
    /// - Returns: `false` when no events are to be delivered: TLS failed and the socket
    ///   closed, or the peer ended the TLS connection.
    private func decrypt(_ received: UnsafeRawBufferPointer, with tls: TLSSession) -> Bool {
        guard let plaintextBuffer else {
            return false
        }
        let wasComplete = tls.isHandshakeComplete
        var peerClosed = false
        do {
            try tls.receive(ciphertext: received)
            reading: while true {
                switch try tls.readPlaintext(into: plaintextBuffer) {
                case .bytes(let count):
                    decoder.append(UnsafeRawBufferPointer(rebasing: plaintextBuffer[0..<count]))
                case .needsInput:
                    break reading
                case .closed:
                    peerClosed = true
                    break reading
                }
            }
        } catch {
            failTLS(error)
            return false
        }
        if tls.pendingCiphertextCount > 0 || (!wasComplete && tls.isHandshakeComplete) {
            flush()
        }
        if peerClosed {
            deliverEvents()
            handleEndOfInput()
            return false
        }
        return true
    }

    /// Encrypts the frames queued (once the handshake is complete; a socket closing before
    /// then drops them), adds a close_notify when flushing, and writes the ciphertext as far
    /// as the socket takes it.
    private func flushSealed(with tls: TLSSession) {
        do throws(TLSError) {
            if tls.isHandshakeComplete {
                if writtenOffset < encoder.count {
                    let failure = encoder.bytes.withUnsafeBytes { bytes -> TLSError? in
                        do throws(TLSError) {
                            try tls.write(plaintext: UnsafeRawBufferPointer(rebasing: bytes[writtenOffset...]))
                            return nil
                        } catch {
                            return error
                        }
                    }
                    if let failure {
                        throw failure
                    }
                }
                encoder.removeFirst(encoder.count)
                writtenOffset = 0
                if state == .flushing && !closeNotifyQueued {
                    closeNotifyQueued = true
                    tls.close()
                }
            } else if state == .flushing {
                encoder.removeFirst(encoder.count)
                writtenOffset = 0
            }
        } catch {
            writeFailed = true
            queue.async { [self] in failTLS(error) }
            return
        }
        tls.takeCiphertext(appendingTo: &sealed)
        let written = writeWaiting(
            count: sealed.count,
            offset: \.sealedOffset,
            write: { offset in sealed.withUnsafeBytes { Self.write(fd, $0, from: offset) } },
            removeFirst: { sealed.removeFirst($0) }
        )
        guard written else {
            return
        }
        sealed.removeAll(keepingCapacity: true)
        sealedOffset = 0
        finishFlush()
    }

    /// Ends the connection after a TLS failure: sends the session's alert if the socket takes
    /// it at once, tells the delegate, and closes.
    private func failTLS(_ error: TLSError) {
        guard state != .closed else {
            return
        }
        if let tls, !writeFailed {
            tls.takeCiphertext(appendingTo: &sealed)
            if sealedOffset < sealed.count {
                _ = sealed.withUnsafeBytes { Self.write(fd, $0, from: sealedOffset) }
            }
        }
        delegate?.framedSocket(self, didFailTLS: error)
        close()
    }

    private func sourceCancelled() {
        openSources -= 1
        if openSources == 0 {
            Socket.close(fd)
        }
    }
}

internal import Dispatch

/// Makes a non-blocking TCP connection, trying each resolved address in turn, on the
/// caller's queue.
final class SocketConnector: @unchecked Sendable {
    // @unchecked Sendable: every field is touched only on `queue`.

    private let addresses: [SocketAddress]
    private let queue: DispatchQueue
    private var completion: ((Result<Int32, SystemCallError>) -> Void)?
    private var source: (any DispatchSourceWrite)?
    private var attemptFlag: CloseFlag?
    private var lastError = SystemCallError(function: "connect", errorNumber: 0)

    /// Creates a connector; `completion` runs once, on `queue`, with the connected descriptor
    /// (now the caller's to close) or the last address's error.
    init(
        addresses: [SocketAddress],
        queue: DispatchQueue,
        completion: @escaping (Result<Int32, SystemCallError>) -> Void
    ) {
        self.addresses = addresses
        self.queue = queue
        self.completion = completion
    }

    /// Starts with the first address.
    func start() {
        dispatchPrecondition(condition: .onQueue(queue))
        attempt(0)
    }

    /// Gives up: closes the socket being connected and reports nothing.
    func cancel() {
        dispatchPrecondition(condition: .onQueue(queue))
        completion = nil
        stopWaiting(closing: true)
    }

    private func attempt(_ index: Int) {
        guard completion != nil else {
            return
        }
        guard index < addresses.count else {
            return finish(.failure(lastError))
        }
        switch Socket.startConnect(to: addresses[index]) {
        case .failure(let error):
            lastError = error
            attempt(index + 1)
        case .success((let fd, true)):
            finish(.success(fd))
        case .success((let fd, false)):
            let source = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: queue)
            let flag = CloseFlag()
            source.setCancelHandler {
                if flag.closes {
                    Socket.close(fd)
                }
            }
            attemptFlag = flag
            source.setEventHandler { [self] in
                let result = Socket.pendingError(fd)
                stopWaiting(closing: result != 0)
                if result == 0 {
                    finish(.success(fd))
                } else {
                    lastError = SystemCallError(function: "connect", errorNumber: result)
                    attempt(index + 1)
                }
            }
            self.source = source
            source.resume()
        }
    }

    /// Cancels the write source; its cancel handler closes the descriptor when `closing`,
    /// so the descriptor cannot be reused while Dispatch still watches it.
    private func stopWaiting(closing: Bool) {
        attemptFlag?.closes = closing
        attemptFlag = nil
        source?.cancel()
        source = nil
    }

    private func finish(_ result: Result<Int32, SystemCallError>) {
        let completion = self.completion
        self.completion = nil
        completion?(result)
    }
}

/// Whether a connect attempt's cancel handler closes its descriptor, decided when the
/// attempt ends; read and written only on the connector's queue.
private final class CloseFlag: @unchecked Sendable {
    // @unchecked Sendable: used only on the connector's queue.
    var closes = true
}

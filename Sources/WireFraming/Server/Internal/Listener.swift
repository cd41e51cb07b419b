internal import Dispatch
internal import Glibc

/// A listening socket that hands each accepted connection to a callback, on its own queue.
final class Listener: @unchecked Sendable {
    // @unchecked Sendable: `source` is configured before `start` returns and afterwards
    // touched only on `queue`.

    /// The address the socket is bound to, with the port the system chose.
    let address: SocketAddress
    private let fd: Int32
    private let queue = DispatchQueue(label: "twilio-gateway.rpc.listener", target: .global())
    private let source: any DispatchSourceRead

    /// Binds and listens.
    ///
    /// - Throws: ``TransportError`` when the address does not resolve or cannot be bound.
    init(host: String, port: Int) throws(TransportError) {
        let (fd, address) = try Socket.listen(host: host, port: port, backlog: 1024)
        self.fd = fd
        self.address = address
        self.source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
    }

    /// Starts accepting. `onAccept` runs on the listener's queue and owns the descriptor.
    ///
    /// - Parameter onError: Told about an `accept` failure other than running out of
    ///   descriptors, which pauses accepting for 100 ms instead of spinning.
    func start(
        onAccept: @escaping @Sendable (Int32, SocketAddress) -> Void,
        onError: @escaping @Sendable (SystemCallError) -> Void
    ) {
        source.setEventHandler { [self] in
            acceptAll(onAccept: onAccept, onError: onError)
        }
        source.setCancelHandler { [fd] in
            Socket.close(fd)
        }
        source.resume()
    }

    /// Stops accepting and closes the socket; connections already accepted are not touched.
    func stop() {
        queue.async { [self] in
            source.cancel()
        }
    }

    private func acceptAll(
        onAccept: @Sendable (Int32, SocketAddress) -> Void,
        onError: @Sendable (SystemCallError) -> Void
    ) {
        dispatchPrecondition(condition: .onQueue(queue))
        while !source.isCancelled {
            switch Socket.accept(fd) {
            case .success(let accepted?):
                onAccept(accepted.0, accepted.1)
            case .success(nil):
                return
            case .failure(let error):
                onError(error)
                if error.errorNumber == EMFILE || error.errorNumber == ENFILE || error.errorNumber == ENOMEM
                    || error.errorNumber == ENOBUFS
                {
                    source.suspend()
                    queue.asyncAfter(deadline: .now() + .milliseconds(100)) { [self] in source.resume() }
                }
                return
            }
        }
    }
}

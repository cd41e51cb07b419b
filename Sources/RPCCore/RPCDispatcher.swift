public import ServiceSupport
internal import Synchronization

/// Runs incoming calls against a router: checks the caller's access (again while a server
/// stream runs, as its ``RPCAccessRecheck`` says), finds the handler, enforces the deadline,
/// turns whatever the handler throws into a status, logs one line per call and reports one
/// ``RPCCallEvent`` per call to its observer.
///
/// Every server transport (TCP, in-process) hands its calls to a dispatcher, so a call
/// behaves the same whichever way it arrived.
public final class RPCDispatcher: Sendable {
    /// The methods served.
    public let router: RPCRouter
    private let logger: Logger
    private let observer: (@Sendable (RPCCallEvent) -> Void)?
    private let access: (any RPCAccessControl)?
    private let recheck: RPCAccessRecheck
    private let nextCallID = Atomic<UInt64>(1)

    /// Creates a dispatcher.
    ///
    /// - Parameters:
    ///   - router: The methods to serve.
    ///   - logger: Receives one `rpc.call.finished` line per call.
    ///   - access: Asked before every handler runs; a refused call ends with its
    ///     ``RPCAccessRefusal`` and one `auth.refused` log line. `nil` lets every caller in.
    ///   - recheck: How often `access` is asked again while a server stream runs (before its
    ///     writes, and while it is idle); a stream whose caller is refused then ends with the
    ///     refusal, writing nothing more.
    ///   - observer: Called once when each call ends, on the task that ran it; it must be quick.
    public init(
        router: RPCRouter,
        logger: Logger,
        access: (any RPCAccessControl)? = nil,
        recheck: RPCAccessRecheck = RPCAccessRecheck(),
        observer: (@Sendable (RPCCallEvent) -> Void)? = nil
    ) {
        self.router = router
        self.logger = logger
        self.access = access
        self.recheck = recheck
        self.observer = observer
    }

    /// Runs one call to its end.
    ///
    /// Returns when the handler has finished, the deadline has passed, or the calling task
    /// was cancelled (then the status is ``RPCStatusCode/cancelled``). Handlers must stop
    /// promptly when their task is cancelled.
    ///
    /// - Parameters:
    ///   - call: The call as received.
    ///   - send: Delivers each encoded response message to the client, in order.
    /// - Returns: The status to send in the call's trailers.
    public func handle(
        _ call: RPCIncomingCall,
        send: @escaping @Sendable ([UInt8]) async throws -> Void
    ) async -> RPCStatus {
        let started = ContinuousClock.now
        let callID = nextCallID.wrappingAdd(1, ordering: .relaxed).oldValue
        var callLogger = logger.with("rpc.method", call.path).with("rpc.call.id", String(callID))
        if let httpPeer = call.httpPeer {
            // Every line about the call, the access re-check's `auth.refused` among them, names
            // the HTTP client it was made for.
            callLogger = callLogger.with("http.peer", httpPeer)
        }
        let route = router.handler(forPath: call.path).flatMap { handler in
            RPCMethod(path: call.path).map { (method: $0, handler: handler) }
        }
        let status = await run(call, route: route, logger: callLogger, started: started, send: send)

        let elapsed = ContinuousClock.now - started
        var fields = [
            "rpc.code": status.code.description, "rpc.peer": call.peer, "rpc.duration_ms": elapsed.millisecondsText,
        ]
        if status.code != .ok {
            fields["rpc.message"] = Redaction.phoneNumbers(in: status.message)
        }
        callLogger.log(status.code == .internalError ? .error : .info, "rpc.call.finished", fields)
        observer?(RPCCallEvent(method: route?.method, code: status.code, duration: elapsed))
        return status
    }

    private func run(
        _ call: RPCIncomingCall,
        route: (method: RPCMethod, handler: RPCHandler)?,
        logger: Logger,
        started: ContinuousClock.Instant,
        send: @escaping @Sendable ([UInt8]) async throws -> Void
    ) async -> RPCStatus {
        let caller: RPCCaller?
        switch authorize(call, logger: logger) {
        case .success(let allowed): caller = allowed
        case .failure(let refusal): return RPCStatus(refusal.rpcError)
        }
        guard let (method, handler) = route else {
            return RPCStatus(code: .unimplemented, message: "method '\(call.path)' is not implemented by this server")
        }
        let deadline = call.timeout.map { started + min($0, Self.longestTimeout) }
        let context = RPCServerContext(
            method: method,
            metadata: call.metadata,
            deadline: deadline,
            peer: call.peer,
            logger: caller?.keyID.map { logger.with("auth.key_id", $0) } ?? logger,
            caller: caller
        )
        let watch = accessWatch(for: call, method: method, handler: handler, logger: logger)
        guard deadline != nil || watch != nil else {
            return await Self.invoke(handler, call.request, context, send: send, watch: nil, logger: logger)
        }
        if let deadline, deadline <= .now {
            return Self.deadlineExceeded
        }

        let work = Task {
            await Self.invoke(handler, call.request, context, send: send, watch: watch, logger: logger)
        }
        let timer = deadline.map { DeadlineTimer(deadline: $0) { work.cancel() } }
        let watcher = watch?.watch { work.cancel() }
        let status = await withTaskCancellationHandler {
            await work.value
        } onCancel: {
            work.cancel()
        }
        timer?.cancel()
        watcher?.cancel()
        if let refusal = watch?.refusal {
            return RPCStatus(refusal.rpcError)
        }
        return status
    }

    /// The watch that checks a server stream's caller again while it runs, or `nil` for a unary
    /// call, an open method, or a dispatcher without access control.
    private func accessWatch(
        for call: RPCIncomingCall,
        method: RPCMethod,
        handler: RPCHandler,
        logger: Logger
    ) -> CallAccessWatch? {
        guard let access, case .serverStreaming = handler, !access.isOpen(method) else {
            return nil
        }
        return CallAccessWatch(
            access: access,
            method: method,
            metadata: call.metadata,
            peer: call.peer,
            logger: logger,
            policy: recheck
        )
    }

    /// Asks the access control about the call, logging a refusal. It runs before the route is
    /// looked up (a path that is not `/service/method` is checked as a method of no service), so
    /// a caller without a valid key learns nothing about which methods exist.
    private func authorize(_ call: RPCIncomingCall, logger: Logger) -> Result<RPCCaller?, RPCAccessRefusal> {
        guard let access else {
            return .success(nil)
        }
        let method = RPCMethod(path: call.path) ?? RPCMethod(service: "", name: call.path)
        do {
            return .success(try access.check(method, metadata: call.metadata))
        } catch {
            var fields = ["auth.reason": error.message, "rpc.peer": call.peer]
            fields["auth.key_id"] = error.keyID
            logger.warning("auth.refused", fields)
            return .failure(error)
        }
    }

    private static func invoke(
        _ handler: RPCHandler,
        _ request: [UInt8],
        _ context: RPCServerContext,
        send: @escaping @Sendable ([UInt8]) async throws -> Void,
        watch: CallAccessWatch?,
        logger: Logger
    ) async -> RPCStatus {
        do {
            switch handler {
            case .unary(let body):
                let response = try await body(request, context)
                try Task.checkCancellation()
                try await send(response)
            case .serverStreaming(let body):
                let writer = RPCResponseWriter { message in
                    try watch?.checkBeforeWrite()
                    try await send(message)
                }
                try await body(request, context, writer)
            }
            return Task.isCancelled ? cancelled(context) : .ok
        } catch let error as RPCError {
            return RPCStatus(error)
        } catch let error as any RPCErrorConvertible {
            return RPCStatus(error.makeRPCError())
        } catch is CancellationError {
            return cancelled(context)
        } catch {
            logger.error("rpc.handler.unexpected_error", ["error.type": String(describing: type(of: error))])
            return RPCStatus(code: .internalError, message: "the server failed while handling the call")
        }
    }

    private static func cancelled(_ context: RPCServerContext) -> RPCStatus {
        if let deadline = context.deadline, deadline <= .now {
            return deadlineExceeded
        }
        return RPCStatus(code: .cancelled, message: "the call was cancelled")
    }

    /// The longest timeout a call keeps, a hundred years; a longer one is shortened to it, so no
    /// deadline leaves the clock's range.
    static let longestTimeout = Duration.seconds(100 * 365 * 86_400)

    private static let deadlineExceeded = RPCStatus(
        code: .deadlineExceeded,
        message: "the call's deadline passed before it finished"
    )
}

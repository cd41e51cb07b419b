internal import ServiceSupport
internal import Synchronization

/// Checks the caller of one running call again, as an ``RPCAccessRecheck`` says, and remembers
/// the first refusal so the call ends with it.
final class CallAccessWatch: Sendable {
    private let access: any RPCAccessControl
    private let method: RPCMethod
    private let metadata: RPCMetadata
    private let peer: String
    private let logger: Logger
    private let policy: RPCAccessRecheck
    private let state: Mutex<State>

    private struct State {
        var lastChecked: ContinuousClock.Instant
        var refusal: RPCAccessRefusal?
        var checking = false
    }

    /// Creates a watch for a call whose caller was checked just now.
    init(
        access: any RPCAccessControl,
        method: RPCMethod,
        metadata: RPCMetadata,
        peer: String,
        logger: Logger,
        policy: RPCAccessRecheck
    ) {
        self.access = access
        self.method = method
        self.metadata = metadata
        self.peer = peer
        self.logger = logger
        self.policy = policy
        state = Mutex(State(lastChecked: .now))
    }

    /// The refusal that ended the call, or `nil` while the caller is still let in.
    var refusal: RPCAccessRefusal? {
        state.withLock { $0.refusal }
    }

    /// Checks the caller again when the last check is at least `interval` old (one check at a
    /// time: a check already running counts as recent), logging `auth.refused` the first time
    /// the caller is refused.
    ///
    /// - Returns: The refusal, if the caller has been refused by this or an earlier check.
    @discardableResult
    func recheck(olderThan interval: Duration) -> RPCAccessRefusal? {
        let now = ContinuousClock.now
        let due = state.withLock { state -> Bool in
            guard state.refusal == nil, !state.checking, now - state.lastChecked >= interval else {
                return false
            }
            state.checking = true
            return true
        }
        guard due else {
            return refusal
        }
        var found: RPCAccessRefusal?
        do {
            _ = try access.check(method, metadata: metadata)
        } catch {
            found = error
        }
        state.withLock { state in
            state.checking = false
            state.lastChecked = .now
            state.refusal = found
        }
        if let found {
            var fields = ["auth.reason": found.message, "rpc.peer": peer, "auth.recheck": "true"]
            fields["auth.key_id"] = found.keyID
            logger.warning("auth.refused", fields)
        }
        return found
    }

    /// Checks before a response is written.
    ///
    /// - Throws: The refusal's ``RPCError`` when the caller may no longer make the call.
    func checkBeforeWrite() throws(RPCError) {
        if let refusal = recheck(olderThan: policy.beforeWrite) {
            throw refusal.rpcError
        }
    }

    /// Checks every ``RPCAccessRecheck/idle`` (unless a write checked within
    /// ``RPCAccessRecheck/beforeWrite``) until cancelled, running `onRefusal` and stopping once
    /// the caller is refused.
    ///
    /// - Returns: The task doing it; cancel it when the call ends.
    func watch(onRefusal: @escaping @Sendable () -> Void) -> Task<Void, Never> {
        Task { [policy] in
            while true {
                do {
                    try await Task.sleep(for: policy.idle)
                } catch {
                    return
                }
                if recheck(olderThan: policy.beforeWrite) != nil {
                    onRefusal()
                    return
                }
            }
        }
    }
}

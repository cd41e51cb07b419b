internal import GatewayAPI
internal import GatewayStore
internal import RPCCore
internal import ServiceSupport
internal import Synchronization

/// Runs calls that carry an idempotency key at most once per key.
///
/// A call with a key that is new runs its work in a task of its own, which finishes even when
/// the caller gives up, and records the outcome in the ``GatewayStore``. A later call with the
/// same key and the same request gets that outcome, and a call that arrives while the first
/// still runs waits for it; with another request it fails with ALREADY_EXISTS.
///
/// What is recorded depends on what the work says about Twilio (see ``Result``): an answer is
/// kept and replayed; a failure that proves nothing was sent frees the key for a retry; a
/// failure after which the message may or may not exist is kept as ABORTED, so that the key can
/// never send a second message.
final class IdempotentCalls: Sendable {
    /// How the work of one call ended.
    enum Result: Sendable {
        /// A final answer (a response or an error) to give to every call with the key.
        case final(Outcome)
        /// Nothing was sent (Twilio rate-limited the request, or could not be reached): the
        /// caller gets the error and the key is freed.
        case notSent(RPCError)
        /// Twilio may have acted (a timeout, a lost connection, a 5xx): the caller gets the error,
        /// and later calls with the key get ABORTED.
        case unknown(RPCError)
    }

    /// A call's answer: the encoded response, or an error.
    enum Outcome: Sendable {
        case response([UInt8])
        case failure(RPCError)
    }

    private let store: GatewayStore?
    private let flights = Mutex<[String: Flight]>([:])
    private let logger: Logger

    /// Creates the runner; without a store, calls with a key fail with FAILED_PRECONDITION.
    init(store: GatewayStore?, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// Runs `work` once for `key` in `scope`, or returns what the call that did gave.
    ///
    /// - Parameters:
    ///   - key: The caller's idempotency key.
    ///   - scope: The method, so keys of different methods never meet.
    ///   - fingerprint: The request in canonical form.
    ///   - work: Makes the call; run at most once per key within the key's lifetime.
    /// - Returns: The encoded response.
    /// - Throws: The call's ``RPCCore/RPCError``; ALREADY_EXISTS when the key was used for another
    ///   request; ABORTED when its first call's outcome is unknown; `CancellationError` when the
    ///   caller is cancelled while waiting (the work still finishes).
    func run(
        key: String,
        scope: String,
        fingerprint: String,
        work: @escaping @Sendable () async -> Result
    ) async throws -> [UInt8] {
        guard let store else {
            throw RPCError(
                code: .failedPrecondition,
                message: "idempotency keys need the gateway's store; start the gateway with a data directory "
                    + "(--data-dir or GATEWAY_DATA_DIR)"
            )
        }
        let flight: Flight
        switch try plan(key: key, scope: scope, fingerprint: fingerprint, store: store) {
        case .join(let running):
            flight = running
        case .lead(let new):
            flight = new
            Task { await self.lead(new, key: key, scope: scope, store: store, work: work) }
        case .replay(let outcome):
            return try outcome.value()
        }
        return try await flight.outcome().value()
    }

    private enum Plan {
        case join(Flight)
        case lead(Flight)
        case replay(Outcome)
    }

    /// Decides, under the lock, whether this call joins a running one, runs the work, or replays.
    private func plan(key: String, scope: String, fingerprint: String, store: GatewayStore) throws -> Plan {
        let id = scope + "\n" + key
        return try flights.withLock { flights throws(RPCError) -> Plan in
            if let running = flights[id] {
                guard running.fingerprint == fingerprint else {
                    throw Self.conflict(key)
                }
                return .join(running)
            }
            let claim: IdempotencyClaim
            do throws(GatewayStoreError) {
                claim = try store.idempotencyKeys.claim(key, scope: scope, fingerprint: fingerprint)
            } catch {
                throw Self.storeFailure(error)
            }
            switch claim {
            case .claimed:
                let flight = Flight(fingerprint: fingerprint)
                flights[id] = flight
                return .lead(flight)
            case .existing(let record):
                guard record.fingerprint == fingerprint else {
                    throw Self.conflict(key)
                }
                guard let outcome = record.outcome else {
                    throw Self.abandoned(key, since: record.createdAt)
                }
                return .replay(Self.outcome(from: outcome))
            }
        }
    }

    /// Runs the work, records its outcome, and hands it to every waiting call.
    private func lead(
        _ flight: Flight,
        key: String,
        scope: String,
        store: GatewayStore,
        work: @Sendable () async -> Result
    ) async {
        let result = await work()
        let answer: Outcome
        do {
            switch result {
            case .final(let outcome):
                answer = outcome
                try store.idempotencyKeys.complete(key, scope: scope, outcome: Self.stored(outcome))
            case .notSent(let error):
                answer = .failure(error)
                try store.idempotencyKeys.release(key, scope: scope)
            case .unknown(let error):
                answer = .failure(error)
                let replay = Self.unknownOutcome(key, cause: error)
                try store.idempotencyKeys.complete(key, scope: scope, outcome: Self.stored(.failure(replay)))
            }
        } catch {
            logger.error(
                "messaging.idempotency.record_failed",
                ["idempotency.scope": scope, "error.message": String(describing: error)]
            )
        }
        _ = flights.withLock { $0.removeValue(forKey: scope + "\n" + key) }
        flight.finish(answer)
    }

    private static func stored(_ outcome: Outcome) -> IdempotencyOutcome {
        switch outcome {
        case .response(let bytes): IdempotencyOutcome(code: 0, payload: bytes)
        case .failure(let error):
            IdempotencyOutcome(code: Int(error.code.rawValue), message: error.message, payload: error.details)
        }
    }

    private static func outcome(from stored: IdempotencyOutcome) -> Outcome {
        guard stored.code != 0 else {
            return .response(stored.payload)
        }
        let code = RPCStatusCode(rawValue: UInt8(clamping: stored.code))
        return .failure(RPCError(code: code, message: stored.message, details: stored.payload))
    }

    private static func conflict(_ key: String) -> RPCError {
        RPCError(
            code: .alreadyExists,
            message: "idempotency key '\(key)' was used for a different request in the last 24 hours; "
                + "use a new key for a new request",
            details: ErrorDetails(fieldViolations: [
                FieldViolation(field: "idempotency_key", description: "already used for a different request")
            ])
        )
    }

    private static func unknownOutcome(_ key: String, cause: RPCError) -> RPCError {
        RPCError(
            code: .aborted,
            message: "the first call with idempotency key '\(key)' ended without a known outcome (\(cause.message)); "
                + "the message may have been sent: check with GetMessage or the message list, and send again "
                + "only with a new key",
            details: ErrorDetails(retryable: false)
        )
    }

    private static func abandoned(_ key: String, since: Double) -> RPCError {
        RPCError(
            code: .aborted,
            message: "a call with idempotency key '\(key)' started at \(Timestamp.rfc3339(since)) and never recorded "
                + "its outcome (the gateway stopped during it, or another gateway process is running it); "
                + "the message may have been sent: check before sending again with a new key",
            details: ErrorDetails(retryable: false)
        )
    }

    private static func storeFailure(_ error: GatewayStoreError) -> RPCError {
        RPCError(
            code: .unavailable,
            message: "the idempotency store failed, so nothing was sent: \(error.message)",
            details: ErrorDetails(retryable: true)
        )
    }
}

extension IdempotentCalls.Outcome {
    /// The response, or the error thrown.
    fileprivate func value() throws -> [UInt8] {
        switch self {
        case .response(let bytes): bytes
        case .failure(let error): throw error
        }
    }
}

internal import ServiceSupport
internal import Synchronization
internal import TwilioREST

/// The sandbox's calls, and the tasks that move them along.
///
/// Each call has a ``CallMachine`` kept under the lock, a timer task that sleeps through each
/// step and advances the machine, and a worker task that performs the machine's effects
/// (status callbacks, TwiML fetches) one at a time, in the order they were produced. Effects
/// are queued under the lock, so the order of callbacks always matches their `SequenceNumber`.
/// Every method may be called from any thread.
final class CallStore: Sendable {
    private struct Entry: Sendable {
        var machine: CallMachine
        var authToken: String
        var effects: AsyncStream<CallEffect>.Continuation
        var timer: Task<Void, Never>?
        var worker: Task<Void, Never>?
    }

    private struct Store: Sendable {
        var entries: [String: Entry] = [:]
        var order: [String] = []
        var random: SandboxRandom
        var isShutDown = false
    }

    private let timings: SandboxCallTimings
    private let wallClock: @Sendable () -> Double
    private let sender: WebhookSender
    private let logger: Logger
    private let store: Mutex<Store>

    init(configuration: TwilioSandbox.Configuration, logger: Logger) {
        timings = configuration.callTimings
        wallClock = configuration.wallClock
        sender = WebhookSender(
            allowedHosts: configuration.outboundHosts,
            trustedCertificatesPath: configuration.additionalTrustedCertificatesPath,
            logger: logger
        )
        self.logger = logger
        // A stream of its own, so that adding calls does not change the SIDs of messages.
        let random = configuration.randomSeed.map { SandboxRandom.seeded($0 ^ 0xCA11) } ?? .system
        store = Mutex(Store(random: random))
    }

    /// Stores a new call made from `draft` and starts its life.
    func create(_ draft: CallDraft, account: SandboxAccount) -> SandboxCall {
        let now = wallClock()
        let (stream, continuation) = AsyncStream.makeStream(of: CallEffect.self)
        let call = store.withLock { store -> SandboxCall in
            var sid = SIDFormat.make(prefix: "CA", using: &store.random)
            while store.entries[sid] != nil {
                sid = SIDFormat.make(prefix: "CA", using: &store.random)
            }
            let call = SandboxCall(draft: draft, sid: sid, accountSID: account.sid, now: now)
            var entry = Entry(
                machine: CallMachine(call: call, timings: timings),
                authToken: account.authToken,
                effects: continuation
            )
            if !store.isShutDown {
                entry.worker = Task { await self.perform(stream, sid: sid) }
                entry.timer = Task { await self.runTimer(sid: sid) }
            }
            store.entries[sid] = entry
            store.order.append(sid)
            return call
        }
        return call
    }

    /// The call with `sid`, if it belongs to `accountSID` (any account when `nil`).
    func call(sid: String, accountSID: String?) -> SandboxCall? {
        store.withLock { store in
            guard let call = store.entries[sid]?.machine.call else {
                return nil
            }
            return accountSID == nil || call.accountSID == accountSID ? call : nil
        }
    }

    /// The calls matching `filter`, oldest first.
    func calls(where filter: (SandboxCall) -> Bool) -> [SandboxCall] {
        store.withLock { store in
            store.order.compactMap { store.entries[$0]?.machine.call }.filter(filter)
        }
    }

    /// Applies an API change to a call of `accountSID`.
    ///
    /// - Returns: The call after the change, or `nil` when there is no such call.
    /// - Throws: The machine's 21220 when the call's state does not allow the change.
    func update(sid: String, accountSID: String, change: CallChange?) throws(TwilioError) -> SandboxCall? {
        let now = wallClock()
        return try store.withLock { (store: inout Store) throws(TwilioError) -> SandboxCall? in
            guard var entry = store.entries[sid], entry.machine.call.accountSID == accountSID else {
                return nil
            }
            if let change {
                let effects = try entry.machine.apply(change, now: now)
                Self.enqueue(effects, in: &entry)
                store.entries[sid] = entry
            }
            return entry.machine.call
        }
    }

    /// Stops every timer and worker; calls keep the state they reached.
    func shutDown() {
        let tasks = store.withLock { store -> [Task<Void, Never>] in
            store.isShutDown = true
            var tasks: [Task<Void, Never>] = []
            for sid in store.order {
                guard var entry = store.entries[sid] else {
                    continue
                }
                entry.effects.finish()
                tasks += [entry.timer, entry.worker].compactMap { $0 }
                entry.timer = nil
                entry.worker = nil
                store.entries[sid] = entry
            }
            return tasks
        }
        for task in tasks {
            task.cancel()
        }
    }

    // MARK: Timer and worker

    private func runTimer(sid: String) async {
        while let (phase, delay) = nextStep(sid: sid) {
            do {
                try await Task.sleep(for: delay)
            } catch {
                return
            }
            let now = wallClock()
            store.withLock { store in
                guard var entry = store.entries[sid] else {
                    return
                }
                Self.enqueue(entry.machine.advance(from: phase, now: now), in: &entry)
                store.entries[sid] = entry
            }
        }
    }

    private func nextStep(sid: String) -> (CallMachine.Phase, Duration)? {
        store.withLock { store in
            guard let machine = store.entries[sid]?.machine, let delay = machine.nextDelay else {
                return nil
            }
            return (machine.phase, delay)
        }
    }

    private func perform(_ effects: AsyncStream<CallEffect>, sid: String) async {
        for await effect in effects {
            guard let (call, token) = snapshot(sid: sid) else {
                return
            }
            switch effect {
            case .statusCallback(let parameters):
                await sendStatusCallback(parameters, for: call, authToken: token)
            case .fetchTwiML(let url, let method, let parameters):
                await fetchTwiML(url: url, method: method, parameters: parameters, for: call, authToken: token)
            }
        }
    }

    private func sendStatusCallback(_ parameters: [FormField], for call: SandboxCall, authToken: String) async {
        guard let url = call.statusCallback else {
            return
        }
        let method = call.statusCallbackMethod
        let outcome = await sender.send(url: url, method: method, parameters: parameters, authToken: authToken)
        let delivery = SandboxCallbackDelivery(
            url: url,
            method: method,
            parameters: parameters.map { (name: $0.name, value: $0.value) },
            signature: outcome.signature,
            httpStatus: outcome.response?.status,
            errorMessage: outcome.errorMessage
        )
        store.withLock { store in
            store.entries[call.sid]?.machine.record(delivery)
        }
        logger.debug(
            "twilio.sandbox.call.callback",
            [
                "twilio.call.sid": call.sid,
                "twilio.call.status": parameters.first { $0.name == "CallStatus" }?.value ?? "",
                "http.status": outcome.response.map { String($0.status) } ?? "none",
            ]
        )
    }

    private func fetchTwiML(
        url: String,
        method: String,
        parameters: [FormField],
        for call: SandboxCall,
        authToken: String
    ) async {
        let outcome = await sender.send(url: url, method: method, parameters: parameters, authToken: authToken)
        let now = wallClock()
        var document = SandboxTwiMLDocument(
            url: url,
            method: method,
            httpStatus: outcome.response?.status,
            contentType: outcome.response?.header(named: "Content-Type"),
            text: outcome.response.map { String(decoding: $0.body, as: UTF8.self) } ?? "",
            errorCode: nil,
            errorMessage: outcome.errorMessage,
            recordedAt: now
        )
        if outcome.response == nil {
            document.errorCode = 11205
        } else if outcome.response?.isSuccess == false {
            document.errorCode = 11200
            document.errorMessage = "the TwiML URL answered HTTP \(outcome.response?.status ?? 0)"
        }
        store.withLock { store in
            guard var entry = store.entries[call.sid] else {
                return
            }
            entry.machine.record(document)
            if document.errorCode != nil {
                Self.enqueue(entry.machine.twimlFetchFailed(now: now), in: &entry)
            }
            store.entries[call.sid] = entry
        }
        logger.debug(
            "twilio.sandbox.call.twiml_fetched",
            ["twilio.call.sid": call.sid, "twilio.error.code": document.errorCode.map { String($0) } ?? "none"]
        )
    }

    private func snapshot(sid: String) -> (SandboxCall, String)? {
        store.withLock { store in
            store.entries[sid].map { ($0.machine.call, $0.authToken) }
        }
    }

    /// Queues `effects` for the worker; once the call has ended, no more will come.
    private static func enqueue(_ effects: [CallEffect], in entry: inout Entry) {
        for effect in effects {
            entry.effects.yield(effect)
        }
        if entry.machine.phase == .ended {
            entry.effects.finish()
            entry.timer?.cancel()
            entry.timer = nil
        }
    }
}

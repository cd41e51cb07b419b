internal import HTTPServer
internal import ServiceSupport
internal import Synchronization

/// Everything the sandbox remembers, behind one lock: messages, the request log, the fault
/// settings and the random sequences. Every method may be called from any thread.
final class SandboxState: Sendable {
    private struct Store: Sendable {
        var messages: [SandboxMessage] = []
        var messageIndex: [String: Int] = [:]
        var scheduledSIDs: Set<String> = []
        var callbacks: [SandboxCallbackRecord] = []
        /// The newest requests; `requests[0]` has sequence number `droppedRequests`.
        var requests: [SandboxRequestRecord] = []
        var droppedRequests = 0
        var faults: SandboxFaults
        var faultRandom: SandboxRandom
        var sidRandom: SandboxRandom
    }

    /// The accounts by SID; fixed for the sandbox's lifetime.
    let accounts: [String: SandboxAccount]
    private let wallClock: @Sendable () -> Double
    private let requestLogLimit: Int
    private let store: Mutex<Store>

    init(configuration: TwilioSandbox.Configuration) {
        accounts = Dictionary(configuration.accounts.map { ($0.sid, $0) }) { first, _ in first }
        wallClock = configuration.wallClock
        requestLogLimit = configuration.requestLogLimit
        let sidRandom = configuration.randomSeed.map(SandboxRandom.seeded) ?? .system
        store = Mutex(
            Store(
                faults: configuration.faults,
                faultRandom: .seeded(configuration.faults.seed),
                sidRandom: sidRandom
            )
        )
    }

    // MARK: Request log

    /// Records a request on arrival and returns its sequence number.
    func recordArrival(of request: HTTPRequest, form: HTTPForm) -> Int {
        let receivedAt = ContinuousClock.now
        let wallTime = wallClock()
        return store.withLock { store in
            let record = SandboxRequestRecord(
                sequenceNumber: store.droppedRequests + store.requests.count,
                method: request.method.rawValue,
                path: request.path,
                query: request.query,
                formFields: form.fields,
                receivedAt: receivedAt,
                receivedAtWallClock: wallTime,
                accountSID: nil,
                responseStatus: nil
            )
            store.requests.append(record)
            // Trim in batches of a quarter of the limit, so dropping stays cheap per request.
            if store.requests.count > requestLogLimit + requestLogLimit / 4 {
                let excess = store.requests.count - requestLogLimit
                store.requests.removeFirst(excess)
                store.droppedRequests += excess
            }
            return record.sequenceNumber
        }
    }

    /// Notes which account a recorded request authenticated as.
    func recordAccount(_ accountSID: String, for sequenceNumber: Int) {
        store.withLock { store in
            let index = sequenceNumber - store.droppedRequests
            if store.requests.indices.contains(index) {
                store.requests[index].accountSID = accountSID
            }
        }
    }

    /// Notes the HTTP status a recorded request was answered with.
    func recordResponse(_ status: Int, for sequenceNumber: Int) {
        store.withLock { store in
            let index = sequenceNumber - store.droppedRequests
            if store.requests.indices.contains(index) {
                store.requests[index].responseStatus = status
            }
        }
    }

    /// The newest requests received (at most about the configured limit), in arrival order.
    var requests: [SandboxRequestRecord] {
        store.withLock { $0.requests }
    }

    // MARK: Faults

    /// The fault settings; setting them restarts the rate-limit sequence from the new seed.
    var faults: SandboxFaults {
        get { store.withLock { $0.faults } }
        set {
            store.withLock { store in
                store.faults = newValue
                store.faultRandom = .seeded(newValue.seed)
            }
        }
    }

    /// Draws the next rate-limit decision: `true` means answer 429/20429.
    func drawRateLimit() -> Bool {
        store.withLock { store in
            guard store.faults.rateLimitFraction > 0 else {
                return false
            }
            return store.faultRandom.nextFraction() < store.faults.rateLimitFraction
        }
    }

    // MARK: Messages

    /// Stores a new outbound message made from `draft` and returns it: `scheduled` with a
    /// `SendAt`, `accepted` through a Messaging Service, `queued` otherwise.
    func createMessage(_ draft: MessageDraft, accountSID: String) -> SandboxMessage {
        let now = wallClock()
        let viaService = draft.messagingService != nil
        let status: SandboxMessage.Status = draft.sendAt != nil ? .scheduled : viaService ? .accepted : .queued
        return store.withLock { store in
            let prefix = draft.mediaURLs.isEmpty ? "SM" : "MM"
            var sid = SIDFormat.make(prefix: prefix, using: &store.sidRandom)
            while store.messageIndex[sid] != nil {
                sid = SIDFormat.make(prefix: prefix, using: &store.sidRandom)
            }
            let message = SandboxMessage(
                sid: sid,
                accountSID: accountSID,
                messagingServiceSID: draft.messagingService?.sid,
                from: draft.from,
                to: draft.to,
                body: draft.body,
                status: status,
                direction: "outbound-api",
                numSegments: viaService ? 0 : Self.segments(body: draft.body, mediaURLs: draft.mediaURLs),
                mediaURLs: draft.mediaURLs,
                statusCallback: draft.statusCallback,
                errorCode: nil,
                errorMessage: nil,
                dateCreated: now,
                dateUpdated: now,
                dateSent: nil,
                sendAt: draft.sendAt,
                validityPeriod: draft.validityPeriod,
                contentSID: draft.contentSID,
                contentVariables: draft.contentVariables
            )
            store.messageIndex[sid] = store.messages.count
            store.messages.append(message)
            if status == .scheduled {
                store.scheduledSIDs.insert(sid)
            }
            return message
        }
    }

    /// The segments the sandbox reports: the body's, and at least 1 for media.
    static func segments(body: String, mediaURLs: [String]) -> Int {
        max(SMSSegments(measuring: body).count, mediaURLs.isEmpty ? 0 : 1)
    }

    /// Changes the message with `sid` when `change` says so, and returns it as changed.
    ///
    /// - Parameters:
    ///   - sid: The message.
    ///   - change: Edits the message and returns `true`, or returns `false` to leave it.
    /// - Returns: The changed message, or `nil` when there is no such message or it was left.
    func updateMessage(sid: String, _ change: (inout SandboxMessage) -> Bool) -> SandboxMessage? {
        store.withLock { store in
            guard let index = store.messageIndex[sid] else {
                return nil
            }
            var message = store.messages[index]
            guard change(&message) else {
                return nil
            }
            store.messages[index] = message
            if message.status != .scheduled {
                store.scheduledSIDs.remove(sid)
            }
            return message
        }
    }

    /// The SIDs of scheduled messages whose send time is `now` or earlier.
    func dueScheduledMessages(now: Double) -> [String] {
        store.withLock { store in
            store.scheduledSIDs.filter { sid in
                store.messageIndex[sid].map { store.messages[$0].sendAt ?? 0 <= now } ?? false
            }
        }
    }

    // MARK: Callbacks

    /// Records one status callback the sandbox made.
    func recordCallback(
        url: String,
        parameters: [(name: String, value: String)],
        signature: String,
        result: SandboxCallbackRecord.Result
    ) {
        store.withLock { store in
            store.callbacks.append(
                SandboxCallbackRecord(
                    sequenceNumber: store.callbacks.count,
                    url: url,
                    parameters: parameters,
                    signature: signature,
                    result: result
                )
            )
        }
    }

    /// Every status callback made so far, in order.
    var callbacks: [SandboxCallbackRecord] {
        store.withLock { $0.callbacks }
    }

    /// The message with `sid`, if it belongs to `accountSID` (any account when `nil`).
    func message(sid: String, accountSID: String?) -> SandboxMessage? {
        store.withLock { store in
            guard let index = store.messageIndex[sid] else {
                return nil
            }
            let message = store.messages[index]
            return accountSID == nil || message.accountSID == accountSID ? message : nil
        }
    }

    /// The messages matching `filter`, oldest first.
    func messages(where filter: (SandboxMessage) -> Bool) -> [SandboxMessage] {
        store.withLock { $0.messages.filter(filter) }
    }
}

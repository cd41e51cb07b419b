/// The life of one sandbox call, as a state machine without I/O: the timer and the API move
/// it, and each move returns the callbacks and fetches to perform, in order.
///
/// Phases and their moves (`advance(from:now:)` after ``nextDelay``):
/// - `queued` → `initiated`: dialling starts (`start_time`); the `initiated` event. The
///   resource status stays `queued`.
/// - `initiated` → `ringing`: the `ringing` event; or → `ended` as `failed` for
///   ``SandboxCall/failedNumber``.
/// - `ringing` → `inProgress`: answered; the TwiML runs (inline TwiML is recorded at once, a
///   URL is fetched), then the `answered` event. Or → `ended` as `busy`, or as `no-answer`
///   for ``SandboxCall/noAnswerNumber`` and for calls whose `Timeout` is shorter than the ringing step.
/// - `inProgress` → `ended` as `completed`.
///
/// Every end sends the `completed` event with the final status. From the API: cancel ends a
/// call as `canceled` before it is answered; complete does the same before the answer and
/// ends it `completed` after; a redirect replaces the TwiML (run at once when in progress).
/// Changing an ended call is error 21220.
struct CallMachine: Sendable {
    enum Phase: Sendable, Equatable {
        case queued
        case initiated
        case ringing
        case inProgress
        case ended
    }

    private enum Destination {
        case answers
        case machine
        case busy
        case noAnswer
        case fails
    }

    private(set) var call: SandboxCall
    private(set) var phase = Phase.queued
    private let timings: SandboxCallTimings
    private let destination: Destination
    private var nextSequenceNumber = 0

    init(call: SandboxCall, timings: SandboxCallTimings) {
        self.call = call
        self.timings = timings
        switch call.to {
        case SandboxCall.busyNumber: destination = .busy
        case SandboxCall.noAnswerNumber: destination = .noAnswer
        case SandboxCall.failedNumber: destination = .fails
        case SandboxCall.machineNumber: destination = .machine
        default: destination = .answers
        }
    }

    /// How long the timer waits before the next move, or `nil` once the call ended.
    var nextDelay: Duration? {
        switch phase {
        case .queued: timings.queued
        case .initiated: timings.initiated
        case .ringing: min(timings.ringing, .seconds(call.timeout))
        case .inProgress: timings.inProgress
        case .ended: nil
        }
    }

    /// Takes the timer's next move, if the call is still in `expected` (the API may have moved
    /// it meanwhile).
    mutating func advance(from expected: Phase, now: Double) -> [CallEffect] {
        guard phase == expected else {
            return []
        }
        switch phase {
        case .queued:
            phase = .initiated
            call.startTime = now
            call.dateUpdated = now
            return callback(event: "initiated", callStatus: "initiated", now: now)
        case .initiated:
            guard destination != .fails else {
                return end(.failed, now: now)
            }
            phase = .ringing
            call.status = .ringing
            call.dateUpdated = now
            return callback(event: "ringing", callStatus: "ringing", now: now)
        case .ringing:
            switch destination {
            case .busy: return end(.busy, now: now)
            case .noAnswer: return end(.noAnswer, now: now)
            case .answers, .machine, .fails:
                return timings.ringing > .seconds(call.timeout) ? end(.noAnswer, now: now) : answer(now: now)
            }
        case .inProgress:
            return end(.completed, now: now)
        case .ended:
            return []
        }
    }

    /// Applies a change asked for through the API.
    ///
    /// - Throws: 21220 when the call's state does not allow the change.
    mutating func apply(_ change: CallChange, now: Double) throws(TwilioError) -> [CallEffect] {
        guard phase != .ended else {
            throw .invalidCallState(call.status, change: Self.verb(change))
        }
        switch change {
        case .cancel:
            guard phase != .inProgress else {
                throw .invalidCallState(call.status, change: "cancel")
            }
            return end(.canceled, now: now)
        case .complete:
            return end(phase == .inProgress ? .completed : .canceled, now: now)
        case .redirect(let url, let method, let twiml):
            call.url = url
            call.method = method
            call.twiml = twiml
            call.dateUpdated = now
            return phase == .inProgress ? runInstructions(now: now) : []
        }
    }

    /// Ends an answered call whose TwiML could not be fetched, as Twilio hangs up after
    /// playing its error message.
    mutating func twimlFetchFailed(now: Double) -> [CallEffect] {
        phase == .inProgress ? end(.completed, now: now) : []
    }

    /// Keeps a document the call ran.
    mutating func record(_ document: SandboxTwiMLDocument) {
        call.twimlDocuments.append(document)
    }

    /// Keeps the outcome of a status callback.
    mutating func record(_ delivery: SandboxCallbackDelivery) {
        call.callbacks.append(delivery)
    }

    private mutating func answer(now: Double) -> [CallEffect] {
        phase = .inProgress
        call.status = .inProgress
        call.answerTime = now
        call.dateUpdated = now
        if let mode = call.machineDetection {
            let machineAnswer = mode == "DetectMessageEnd" ? "machine_end_beep" : "machine_start"
            call.answeredBy = destination == .machine ? machineAnswer : "human"
        }
        return runInstructions(now: now) + callback(event: "answered", callStatus: "in-progress", now: now)
    }

    private mutating func runInstructions(now: Double) -> [CallEffect] {
        if let url = call.url {
            let parameters = CallParameters.base(call, callStatus: call.status.rawValue)
            return [.fetchTwiML(url: url, method: call.method, parameters: parameters)]
        }
        if let twiml = call.twiml {
            record(SandboxTwiMLDocument(text: twiml, recordedAt: now))
        }
        return []
    }

    private mutating func end(_ status: SandboxCall.Status, now: Double) -> [CallEffect] {
        phase = .ended
        call.status = status
        call.endTime = now
        call.dateUpdated = now
        return callback(event: "completed", callStatus: status.rawValue, now: now, isFinal: true)
    }

    private mutating func callback(
        event: String,
        callStatus: String,
        now: Double,
        isFinal: Bool = false
    ) -> [CallEffect] {
        guard call.statusCallback != nil, call.statusCallbackEvents.contains(event) else {
            return []
        }
        let parameters = CallParameters.statusCallback(
            call,
            callStatus: callStatus,
            sequenceNumber: nextSequenceNumber,
            now: now,
            isFinal: isFinal
        )
        nextSequenceNumber += 1
        return [.statusCallback(parameters)]
    }

    private static func verb(_ change: CallChange) -> String {
        switch change {
        case .cancel: "cancel"
        case .complete: "complete"
        case .redirect: "redirect"
        }
    }
}

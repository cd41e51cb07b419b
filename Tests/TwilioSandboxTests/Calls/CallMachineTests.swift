import Testing
import TwilioREST

@testable import TwilioSandbox

@Suite("Call state machine")
struct CallMachineTests {
    private static let allEvents = ["initiated", "ringing", "answered", "completed"]

    private static func machine(
        to: String = "+14155550100",
        events: [String] = allEvents,
        statusCallback: String? = "http://127.0.0.1:1/status",
        url: String? = nil,
        twiml: String? = "<Response><Hangup /></Response>",
        timeout: Int = 60,
        machineDetection: String? = nil,
        timings: SandboxCallTimings = .fast
    ) -> CallMachine {
        let call = SandboxCall(
            sid: "CA" + String(repeating: "0", count: 32),
            accountSID: "AC" + String(repeating: "1", count: 32),
            to: to,
            from: "+15005550006",
            status: .queued,
            direction: "outbound-api",
            url: url,
            method: "POST",
            twiml: twiml,
            statusCallback: statusCallback,
            statusCallbackMethod: "POST",
            statusCallbackEvents: events,
            timeout: timeout,
            record: false,
            machineDetection: machineDetection,
            answeredBy: nil,
            dateCreated: 100,
            dateUpdated: 100,
            startTime: nil,
            answerTime: nil,
            endTime: nil,
            twimlDocuments: [],
            callbacks: []
        )
        return CallMachine(call: call, timings: timings)
    }

    /// Runs the timer's moves until the call ends, one second of wall time apart.
    private static func runToEnd(_ machine: inout CallMachine) -> [CallEffect] {
        var effects: [CallEffect] = []
        var now = 100.0
        while machine.nextDelay != nil {
            now += 1
            effects += machine.advance(from: machine.phase, now: now)
        }
        return effects
    }

    private static func callbacks(_ effects: [CallEffect]) -> [[FormField]] {
        effects.compactMap { effect in
            guard case .statusCallback(let parameters) = effect else {
                return nil
            }
            return parameters
        }
    }

    private static func value(_ name: String, _ parameters: [FormField]) -> String? {
        parameters.first { $0.name == name }?.value
    }

    @Test("an answered call goes queued, ringing, in-progress, completed with one callback per event")
    func answeredCall() throws {
        var machine = Self.machine()
        #expect(machine.call.status == .queued)
        #expect(machine.advance(from: .queued, now: 101).count == 1)
        #expect(machine.call.status == .queued, "initiated is not a resource status")
        #expect(machine.call.startTime == 101)
        _ = machine.advance(from: .initiated, now: 102)
        #expect(machine.call.status == .ringing)
        _ = machine.advance(from: .ringing, now: 103)
        #expect(machine.call.status == .inProgress)
        #expect(machine.call.answerTime == 103)
        #expect(machine.call.twimlDocuments.map(\.text) == ["<Response><Hangup /></Response>"])
        let last = Self.callbacks(machine.advance(from: .inProgress, now: 163.5))
        #expect(machine.call.status == .completed)
        #expect(machine.call.duration == 60)
        #expect(machine.nextDelay == nil)

        let final = try #require(last.first)
        #expect(Self.value("CallStatus", final) == "completed")
        #expect(Self.value("CallDuration", final) == "60")
        #expect(Self.value("Duration", final) == "1")
        #expect(Self.value("SipResponseCode", final) == "200")
        #expect(Self.value("SequenceNumber", final) == "3")
    }

    @Test("callback statuses and sequence numbers follow the events that were asked for")
    func requestedEventsOnly() {
        var all = Self.machine()
        let everything = Self.callbacks(Self.runToEnd(&all))
        #expect(
            everything.map { Self.value("CallStatus", $0) } == ["initiated", "ringing", "in-progress", "completed"]
        )
        #expect(everything.map { Self.value("SequenceNumber", $0) } == ["0", "1", "2", "3"])
        #expect(everything.allSatisfy { Self.value("CallbackSource", $0) == "call-progress-events" })
        #expect(everything.allSatisfy { Self.value("Direction", $0) == "outbound-api" })

        var some = Self.machine(events: ["ringing", "completed"])
        let chosen = Self.callbacks(Self.runToEnd(&some))
        #expect(chosen.map { Self.value("CallStatus", $0) } == ["ringing", "completed"])
        #expect(chosen.map { Self.value("SequenceNumber", $0) } == ["0", "1"])

        var none = Self.machine(statusCallback: nil)
        #expect(Self.callbacks(Self.runToEnd(&none)).isEmpty)
    }

    @Test(
        "the called number decides how an unanswered call ends",
        arguments: [
            (SandboxCall.busyNumber, SandboxCall.Status.busy, ["initiated", "ringing", "busy"], "486"),
            (SandboxCall.noAnswerNumber, .noAnswer, ["initiated", "ringing", "no-answer"], "487"),
            (SandboxCall.failedNumber, .failed, ["initiated", "failed"], "500"),
        ]
    )
    func unansweredCalls(to: String, status: SandboxCall.Status, statuses: [String], sipCode: String) {
        var machine = Self.machine(to: to)
        let callbacks = Self.callbacks(Self.runToEnd(&machine))
        #expect(machine.call.status == status)
        #expect(machine.call.answerTime == nil)
        #expect(machine.call.duration == nil)
        #expect(machine.call.twimlDocuments.isEmpty)
        #expect(callbacks.map { Self.value("CallStatus", $0) } == statuses)
        #expect(callbacks.last.map { Self.value("SipResponseCode", $0) } == sipCode)
        #expect(callbacks.last.map { Self.value("CallDuration", $0) } == "0")
    }

    @Test("a call whose Timeout is shorter than the ringing step ends no-answer")
    func timeoutShorterThanRinging() {
        var machine = Self.machine(timeout: 1, timings: SandboxCallTimings(ringing: .seconds(3)))
        _ = machine.advance(from: .queued, now: 101)
        _ = machine.advance(from: .initiated, now: 102)
        #expect(machine.nextDelay == .seconds(1))
        _ = machine.advance(from: .ringing, now: 103)
        #expect(machine.call.status == .noAnswer)
    }

    @Test(
        "machine detection reports who answered",
        arguments: [
            ("+14155550100", "Enable", "human"),
            (SandboxCall.machineNumber, "Enable", "machine_start"),
            (SandboxCall.machineNumber, "DetectMessageEnd", "machine_end_beep"),
        ]
    )
    func machineDetection(to: String, mode: String, answeredBy: String) {
        var machine = Self.machine(to: to, machineDetection: mode)
        let callbacks = Self.callbacks(Self.runToEnd(&machine))
        #expect(machine.call.answeredBy == answeredBy)
        #expect(callbacks.last.map { Self.value("AnsweredBy", $0) } == answeredBy)
    }

    @Test("without machine detection nobody is reported as the answerer")
    func noMachineDetection() {
        var machine = Self.machine(to: SandboxCall.machineNumber)
        _ = Self.runToEnd(&machine)
        #expect(machine.call.answeredBy == nil)
    }

    @Test("a TwiML URL is fetched on answer, before the answered callback, with the call's parameters")
    func fetchOnAnswer() throws {
        var machine = Self.machine(url: "http://127.0.0.1:1/voice", twiml: nil)
        _ = machine.advance(from: .queued, now: 101)
        _ = machine.advance(from: .initiated, now: 102)
        let effects = machine.advance(from: .ringing, now: 103)
        #expect(effects.count == 2)
        guard case .fetchTwiML(let url, let method, let parameters) = try #require(effects.first) else {
            Issue.record("the first effect is not a fetch: \(effects)")
            return
        }
        #expect(url == "http://127.0.0.1:1/voice")
        #expect(method == "POST")
        #expect(Self.value("CallStatus", parameters) == "in-progress")
        #expect(Self.value("CallSid", parameters) == machine.call.sid)
        #expect(Self.value("CallbackSource", parameters) == nil)
        guard case .statusCallback(let answered) = effects[1] else {
            Issue.record("the second effect is not a callback")
            return
        }
        #expect(Self.value("CallStatus", answered) == "in-progress")
    }

    @Test("a failed TwiML fetch hangs the call up")
    func failedFetch() {
        var machine = Self.machine(url: "http://127.0.0.1:1/voice", twiml: nil)
        for phase in [CallMachine.Phase.queued, .initiated, .ringing] {
            _ = machine.advance(from: phase, now: 101)
        }
        let effects = machine.twimlFetchFailed(now: 102)
        #expect(machine.call.status == .completed)
        #expect(Self.callbacks(effects).first.map { Self.value("CallStatus", $0) } == "completed")
        #expect(machine.twimlFetchFailed(now: 103).isEmpty)
    }

    @Test("cancel ends a queued or ringing call as canceled, and nothing else")
    func cancel() throws {
        var queued = Self.machine()
        let effects = try queued.apply(.cancel, now: 101)
        #expect(queued.call.status == .canceled)
        #expect(Self.callbacks(effects).map { Self.value("CallStatus", $0) } == ["canceled"])
        #expect(Self.callbacks(effects).map { Self.value("SequenceNumber", $0) } == ["0"])
        #expect(queued.advance(from: .queued, now: 102).isEmpty, "a timer step planned before the cancel is void")

        var ringing = Self.machine()
        _ = ringing.advance(from: .queued, now: 101)
        _ = ringing.advance(from: .initiated, now: 102)
        _ = try ringing.apply(.cancel, now: 103)
        #expect(ringing.call.status == .canceled)

        var answered = Self.machine()
        for phase in [CallMachine.Phase.queued, .initiated, .ringing] {
            _ = answered.advance(from: phase, now: 101)
        }
        let error = try #require(throws: TwilioError.self) { try answered.apply(.cancel, now: 104) }
        #expect(error.code == 21220)
        #expect(answered.call.status == .inProgress)
    }

    @Test("complete hangs up an answered call, cancels an unanswered one, and fails on an ended one")
    func complete() throws {
        var answered = Self.machine()
        for phase in [CallMachine.Phase.queued, .initiated, .ringing] {
            _ = answered.advance(from: phase, now: 101)
        }
        _ = try answered.apply(.complete, now: 111)
        #expect(answered.call.status == .completed)
        #expect(answered.call.duration == 10)

        var ringing = Self.machine()
        _ = ringing.advance(from: .queued, now: 101)
        _ = try ringing.apply(.complete, now: 102)
        #expect(ringing.call.status == .canceled)

        let error = try #require(throws: TwilioError.self) { try ringing.apply(.complete, now: 103) }
        #expect(error.code == 21220)
        #expect(error.status == 400)
    }

    @Test("a redirect runs new TwiML at once when in progress, and at answer otherwise")
    func redirect() throws {
        var answered = Self.machine()
        for phase in [CallMachine.Phase.queued, .initiated, .ringing] {
            _ = answered.advance(from: phase, now: 101)
        }
        _ = try answered.apply(
            .redirect(url: nil, method: "POST", twiml: "<Response><Say>Next</Say></Response>"),
            now: 102
        )
        #expect(answered.call.twimlDocuments.map(\.text).last == "<Response><Say>Next</Say></Response>")
        let fetch = try answered.apply(.redirect(url: "http://127.0.0.1:1/next", method: "GET", twiml: nil), now: 103)
        #expect(fetch.count == 1)
        if case .fetchTwiML(let url, let method, _) = fetch.first {
            #expect(url == "http://127.0.0.1:1/next")
            #expect(method == "GET")
        } else {
            Issue.record("a redirect to a URL fetches it")
        }

        var queued = Self.machine()
        #expect(try queued.apply(.redirect(url: nil, method: "POST", twiml: "<Response/>"), now: 101).isEmpty)
        _ = Self.runToEnd(&queued)
        #expect(queued.call.twimlDocuments.map(\.text) == ["<Response/>"])
        #expect(throws: TwilioError.self) {
            try queued.apply(.redirect(url: nil, method: "POST", twiml: "x"), now: 200)
        }
    }
}

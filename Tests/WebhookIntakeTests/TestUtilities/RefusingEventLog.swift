import GatewayStore
import Synchronization

/// An event log that refuses the appends a test picks, as a full queue or a full disk does, and
/// stores the others in the log it wraps.
final class RefusingEventLog: EventLog {
    private let wrapped: any EventLog
    private let appends = Mutex(0)
    private let refusal: @Sendable (Int) -> EventLogError.Code?

    /// Wraps `wrapped`; `refusal` gets each append's number (from 1) and returns the code to
    /// refuse it with, or `nil` to store it.
    init(_ wrapped: any EventLog, refusal: @escaping @Sendable (Int) -> EventLogError.Code?) {
        self.wrapped = wrapped
        self.refusal = refusal
    }

    /// Wraps `wrapped`, refusing its first `count` appends with `code`.
    convenience init(_ wrapped: any EventLog, refusingFirst count: Int, with code: EventLogError.Code) {
        self.init(wrapped) { $0 <= count ? code : nil }
    }

    func append(_ event: GatewayEvent) async throws(EventLogError) -> EventAppendResult {
        let number = appends.withLock { count -> Int in
            count += 1
            return count
        }
        if let code = refusal(number) {
            throw EventLogError(code: code, message: "refused by the test")
        }
        return try await wrapped.append(event)
    }

    func read(after offset: Int64, limit: Int, filter: EventFilter) async throws(EventLogError) -> EventBatch {
        try await wrapped.read(after: offset, limit: limit, filter: filter)
    }

    func read(before offset: Int64, limit: Int, filter: EventFilter) async throws(EventLogError) -> [LoggedEvent] {
        try await wrapped.read(before: offset, limit: limit, filter: filter)
    }

    func firstOffset(receivedAtOrAfter time: Double) async throws(EventLogError) -> Int64? {
        try await wrapped.firstOffset(receivedAtOrAfter: time)
    }

    func latestOffset() async throws(EventLogError) -> Int64 {
        try await wrapped.latestOffset()
    }

    func acknowledgedOffset(consumer name: String) async throws(EventLogError) -> Int64? {
        try await wrapped.acknowledgedOffset(consumer: name)
    }

    func acknowledge(_ offset: Int64, consumer name: String) async throws(EventLogError) -> Int64 {
        try await wrapped.acknowledge(offset, consumer: name)
    }

    func enforceRetention() async throws(EventLogError) -> RetentionReport {
        try await wrapped.enforceRetention()
    }

    func latestOffsets() -> AsyncStream<Int64> {
        wrapped.latestOffsets()
    }

    func close() async {
        await wrapped.close()
    }
}

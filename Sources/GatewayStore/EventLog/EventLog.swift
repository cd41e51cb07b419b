/// A durable, ordered log of the events Twilio reported to the gateway, with named consumers
/// and retention: the storage under webhooks (writers) and SubscribeEvents (readers).
///
/// ``SQLiteEventLog`` is the embedded engine; the interface is kept to what a distributed log
/// such as Redis Streams offers too (docs/events.md maps each call to Redis commands).
///
/// **Offsets.** Each appended event gets an offset: an `Int64` from 1 up, larger than every
/// offset before it, never reused, even after retention deleted older events. Offsets follow
/// the order in which appends became durable. An engine may leave holes between offsets, so a
/// reader compares offsets and never counts them. `read(after: 0, …)` starts at the oldest
/// event kept.
///
/// **Durability.** ``append(_:)`` returns only once the event is stored durably (on disk, or
/// replicated, as the engine defines it): a webhook answers 2xx after it returns, so that a
/// crash at any instant loses no acknowledged event.
///
/// **Consumers.** A named consumer keeps one acknowledged offset, which only moves forward:
/// it resumes after that offset, at least once, in order. Retention does not wait for
/// consumers (see ``EventRetention``).
public protocol EventLog: Sendable {
    /// Stores `event` durably and returns its offset, or, when the log already holds an event
    /// with the same dedupe key, stores nothing and returns that event's offset with
    /// ``EventAppendResult/isDuplicate`` set.
    ///
    /// The append completes even if the calling task is cancelled meanwhile.
    ///
    /// - Throws: ``EventLogError`` with ``EventLogError/Code/overloaded`` at once when too many
    ///   appends are waiting (answer 503), ``EventLogError/Code/closed`` after ``close()``, or
    ///   ``EventLogError/Code/storageFailed``; in every case nothing was stored.
    func append(_ event: GatewayEvent) async throws(EventLogError) -> EventAppendResult

    /// Reads up to `limit` events with offsets greater than `offset` that pass `filter`, in
    /// offset order.
    ///
    /// - Parameters:
    ///   - offset: Where to start: 0 for the oldest event kept, otherwise an offset already
    ///     seen (or ``EventBatch/resumeAfter`` of the previous batch).
    ///   - limit: The most events to return, from 1; the engine may cap it.
    ///   - filter: Which events to return.
    /// - Returns: The events, where to resume, and what retention deleted before the reader
    ///   got to it.
    /// - Throws: ``EventLogError``.
    func read(after offset: Int64, limit: Int, filter: EventFilter) async throws(EventLogError) -> EventBatch

    /// Reads the newest `limit` events with offsets less than `offset` that pass `filter`,
    /// returned oldest first: a page of history, paged back by passing the first offset of the
    /// previous page.
    ///
    /// - Parameters:
    ///   - offset: The first offset not wanted; `Int64.max` for the newest events.
    ///   - limit: The most events to return, from 1; the engine may cap it.
    ///   - filter: Which events to return.
    /// - Returns: The events, in offset order; fewer than `limit` only when no more match.
    /// - Throws: ``EventLogError``.
    func read(before offset: Int64, limit: Int, filter: EventFilter) async throws(EventLogError) -> [LoggedEvent]

    /// The smallest offset of an event received at or after `time` (seconds since 1970), or
    /// `nil` when no such event is kept. To read from there, read after the result minus one.
    ///
    /// - Throws: ``EventLogError``.
    func firstOffset(receivedAtOrAfter time: Double) async throws(EventLogError) -> Int64?

    /// The offset of the latest event appended, or 0 when none ever was. Retention does not
    /// lower it.
    ///
    /// - Throws: ``EventLogError``.
    func latestOffset() async throws(EventLogError) -> Int64

    /// The acknowledged offset of the consumer `name`, or `nil` when it never acknowledged.
    ///
    /// - Throws: ``EventLogError``.
    func acknowledgedOffset(consumer name: String) async throws(EventLogError) -> Int64?

    /// Records that the consumer `name` has handled every event up to `offset`, durably.
    ///
    /// The acknowledged offset only moves forward: acknowledging less than before changes
    /// nothing (an old, delayed ack cannot make a consumer see events twice more).
    ///
    /// - Parameters:
    ///   - offset: An offset no greater than ``latestOffset()``.
    ///   - name: The consumer, a non-empty name.
    /// - Returns: The consumer's acknowledged offset afterwards.
    /// - Throws: ``EventLogError`` with ``EventLogError/Code/invalidArgument`` for an empty name,
    ///   a negative offset, or one never appended.
    func acknowledge(_ offset: Int64, consumer name: String) async throws(EventLogError) -> Int64

    /// Deletes what the retention policy no longer keeps, now, and reports it. Engines also do
    /// this on their own, periodically.
    ///
    /// - Throws: ``EventLogError``.
    func enforceRetention() async throws(EventLogError) -> RetentionReport

    /// A stream of the latest offset: it yields the latest offset at once, then again after
    /// each commit that appended events, keeping only the newest value when the reader is
    /// slow. It ends when the log is closed or the reader stops iterating.
    ///
    /// A subscriber reads the log up to the offset it was woken with, so no event is missed
    /// between a read and the wake-up.
    func latestOffsets() -> AsyncStream<Int64>

    /// Stops taking appends, finishes the ones already accepted, and releases the storage.
    /// Later calls fail with ``EventLogError/Code/closed``; the streams of
    /// ``latestOffsets()`` end.
    func close() async
}

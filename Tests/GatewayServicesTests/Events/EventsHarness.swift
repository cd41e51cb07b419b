import Foundation
import GatewayAPI
import GatewayServices
import GatewayStore
import ProtoBridge
import RPCCore
import ServiceSupport

/// An event log in a fresh directory, its fan-out running, and the Events service over an
/// in-process transport: what the event stream tests share.
final class EventsHarness: Sendable {
    let directory: String
    let log: SQLiteEventLog
    let fanOut: EventFanOut
    let replies = WebhookReplyBoard()
    let transport: InProcessTransport
    private let dispatching: Task<Void, Never>

    /// Opens the log and starts the fan-out; `start: false` leaves ``EventFanOut/run()`` to the test.
    init(configuration: EventFanOut.Configuration = EventFanOut.Configuration(), start: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("events-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        log = try SQLiteEventLog(
            directory: directory,
            configuration: SQLiteEventLog.Configuration(retention: .unlimited, retentionInterval: .seconds(3600))
        )
        let fanOut = EventFanOut(log: log, configuration: configuration)
        self.fanOut = fanOut
        dispatching = start ? Task { await fanOut.run() } : Task {}
        var router = RPCRouter()
        EventsService(fanOut: fanOut, replies: replies).register(in: &router)
        transport = InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
    }

    /// Ends the streams, waits for the fan-out, closes the log and removes the directory.
    func close() async {
        fanOut.finish()
        await dispatching.value
        await log.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Appends `events` one after another and returns their offsets.
    @discardableResult
    func append(_ events: [GatewayEvent]) async throws -> [Int64] {
        var offsets: [Int64] = []
        for event in events {
            offsets.append(try await log.append(event).offset)
        }
        return offsets
    }

    /// Calls a unary method of the service.
    func call<Response: ProtoMessageConvertible>(
        _ method: RPCMethod,
        _ request: some ProtoMessageConvertible,
        as type: Response.Type
    ) async throws -> Response {
        let bytes = try await transport.unary(method, request: try request.serializedBytes(), options: .init())
        return try Response(serializedBytes: bytes)
    }

    /// Opens a SubscribeEvents stream.
    func subscribe(_ request: SubscribeEventsRequest, timeout: Duration? = nil) throws -> EventStream {
        let bytes = transport.serverStreaming(
            .subscribeEvents,
            request: try request.serializedBytes(),
            options: RPCCallOptions(timeout: timeout)
        )
        return EventStream(bytes.makeAsyncIterator())
    }

    /// Waits until exactly `count` subscriptions are open (so that a test appends only once a
    /// stream has chosen its start, or knows a stream has ended); fails after 10 seconds.
    func waitForSubscribers(_ count: Int) async throws {
        let end = ContinuousClock.now + .seconds(10)
        while fanOut.subscriberCount != count {
            guard ContinuousClock.now < end else {
                throw HarnessError(description: "never \(count) subscribers, but \(fanOut.subscriberCount)")
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}

/// A SubscribeEvents stream read one event at a time.
final class EventStream {
    private var iterator: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator

    init(_ iterator: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator) {
        self.iterator = iterator
    }

    /// The next event, or `nil` when the stream ended without an error.
    func next() async throws -> Event? {
        try await iterator.next().map { try Event(serializedBytes: $0) }
    }

    /// The next `count` events; fails if the stream ends first.
    func next(_ count: Int) async throws -> [Event] {
        var events: [Event] = []
        while events.count < count {
            guard let event = try await next() else {
                throw HarnessError(description: "the stream ended after \(events.count) of \(count) events")
            }
            events.append(event)
        }
        return events
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
}

/// Events as the webhooks would append them.
enum SampleEvents {
    static let account = "AC0123456789abcdef0123456789abcdef"

    /// A SID with `prefix` and the hex digits of `number`.
    static func sid(_ prefix: String, _ number: Int) -> String {
        let hex = String(number, radix: 16)
        return prefix + String(repeating: "0", count: 32 - hex.count) + hex
    }

    static func messageStatus(
        _ number: Int,
        _ status: String = "sent",
        to: String = "+15551230000",
        at time: Double = 0
    )
        -> GatewayEvent
    {
        GatewayEvent(
            type: .messageStatus,
            receivedAt: time,
            dedupeKey: nil,
            webhookParameters: [
                EventParameter("MessageSid", sid("SM", number)), EventParameter("MessageStatus", status),
                EventParameter("AccountSid", account), EventParameter("From", "+15557654321"),
                EventParameter("To", to),
            ]
        )
    }

    static func inboundCall(_ number: Int, from: String = "+15550001111", at time: Double = 0) -> GatewayEvent {
        GatewayEvent(
            type: .callInbound,
            receivedAt: time,
            dedupeKey: nil,
            webhookParameters: [
                EventParameter("CallSid", sid("CA", number)), EventParameter("CallStatus", "ringing"),
                EventParameter("AccountSid", account), EventParameter("From", from),
                EventParameter("To", "+15557654321"),
            ]
        )
    }

    static func inboundSMS(_ number: Int, body: String, at time: Double = 0) -> GatewayEvent {
        GatewayEvent(
            type: .smsInbound,
            receivedAt: time,
            dedupeKey: nil,
            webhookParameters: [
                EventParameter("MessageSid", sid("SM", number)), EventParameter("SmsStatus", "received"),
                EventParameter("From", "+15550002222"), EventParameter("To", "+15557654321"),
                EventParameter("Body", body), EventParameter("MediaUrl0", "a"), EventParameter("MediaUrl0", "b"),
            ]
        )
    }
}

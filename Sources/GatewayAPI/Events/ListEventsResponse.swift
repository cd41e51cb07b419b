public import ProtoBridge

/// A page of stored events (`twilio.gateway.v1.ListEventsResponse`).
public struct ListEventsResponse: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.ListEventsResponse"

    /// The events, oldest first.
    public var events: [Event]

    /// Creates a response.
    public init(events: [Event] = []) {
        self.events = events
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        events = try message.messages("events").map(Event.init(protoMessage:))
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(typeName: Self.protoTypeName, ["events": .list(events.map { .message($0.protoMessage) })])
    }
}

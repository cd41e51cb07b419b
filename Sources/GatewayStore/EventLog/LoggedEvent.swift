/// An event as read back from the log: its offset and what was appended.
public struct LoggedEvent: Hashable, Sendable {
    /// The event's place in the log; see ``EventLog`` for what offsets promise.
    public var offset: Int64
    /// The event.
    public var event: GatewayEvent

    /// Creates a logged event.
    public init(offset: Int64, event: GatewayEvent) {
        self.offset = offset
        self.event = event
    }
}

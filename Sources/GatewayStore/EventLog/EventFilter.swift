/// Which events a reader wants: every condition that is set must hold.
///
/// The log applies it when reading (``EventLog/read(after:limit:filter:)``); a stream service
/// applies the same ``matches(_:)`` to live events so both paths agree.
public struct EventFilter: Hashable, Sendable {
    /// The types wanted; empty for every type.
    public var types: Set<EventType>
    /// A phone number (or channel address) that must be the event's `From` or `To`.
    public var phoneNumber: String?
    /// A sid that must be the event's `MessageSid` or `CallSid`.
    public var sid: String?

    /// Creates a filter; with no arguments it matches every event.
    ///
    /// - Parameters:
    ///   - types: The types wanted; empty for all.
    ///   - phoneNumber: A number that must be `From` or `To`.
    ///   - sid: A sid that must be `MessageSid` or `CallSid`.
    public init(types: Set<EventType> = [], phoneNumber: String? = nil, sid: String? = nil) {
        self.types = types
        self.phoneNumber = phoneNumber
        self.sid = sid
    }

    /// The filter that matches every event.
    public static let all = EventFilter()

    /// Whether `event` passes the filter.
    public func matches(_ event: GatewayEvent) -> Bool {
        if !types.isEmpty, !types.contains(event.type) {
            return false
        }
        if let phoneNumber, event.from != phoneNumber, event.to != phoneNumber {
            return false
        }
        if let sid, event.messageSID != sid, event.callSID != sid {
            return false
        }
        return true
    }
}

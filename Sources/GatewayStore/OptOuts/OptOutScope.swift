/// Whose messages an opt-out blocks: one sender number, or every sender of a Messaging
/// Service.
///
/// This follows Twilio's own scoping: a person who replies STOP to a number stops messages
/// from that number only, unless the number belongs to a Messaging Service, where the opt-out
/// covers the service's whole sender pool. Twilio's inbound webhook names the service
/// (`MessagingServiceSid`) when there is one; ``inbound(to:messagingServiceSID:)`` picks the
/// scope from it.
public struct OptOutScope: Hashable, Sendable, CustomStringConvertible {
    /// The stored form: `sender:` or `service:` and the number or sid.
    public let rawValue: String

    init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Messages from the sender number `number` (E.164, or a channel address such as
    /// `whatsapp:+1…`).
    public static func sender(_ number: String) -> OptOutScope {
        OptOutScope(rawValue: "sender:" + number)
    }

    /// Messages from any sender of the Messaging Service `sid` (`MG…`).
    public static func messagingService(_ sid: String) -> OptOutScope {
        OptOutScope(rawValue: "service:" + sid)
    }

    /// The scope of an inbound message (an opt-out or opt-in keyword): its Messaging Service
    /// when it has one, otherwise the number it was sent to.
    ///
    /// - Parameters:
    ///   - to: The inbound message's `To`: the account's number.
    ///   - messagingServiceSID: Its `MessagingServiceSid`, if any.
    public static func inbound(to: String, messagingServiceSID: String?) -> OptOutScope {
        if let messagingServiceSID, !messagingServiceSID.isEmpty {
            return .messagingService(messagingServiceSID)
        }
        return .sender(to)
    }

    /// The scopes a send must check: its `From` number and its Messaging Service, whichever it
    /// names. A send that names only a service is checked against the service's opt-outs; ones
    /// made by replies to a single pool number are found only when that number is `From`.
    public static func outbound(from: String?, messagingServiceSID: String?) -> [OptOutScope] {
        var scopes: [OptOutScope] = []
        if let from, !from.isEmpty {
            scopes.append(.sender(from))
        }
        if let messagingServiceSID, !messagingServiceSID.isEmpty {
            scopes.append(.messagingService(messagingServiceSID))
        }
        return scopes
    }

    /// The stored form.
    public var description: String {
        rawValue
    }
}

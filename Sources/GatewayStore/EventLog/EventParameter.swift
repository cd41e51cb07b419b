/// One raw parameter of a webhook, as Twilio sent it: a form field or a JSON member.
///
/// An event keeps its parameters in the order they arrived, and a name may repeat
/// (`StatusCallbackEvent=initiated&StatusCallbackEvent=ringing`).
public struct EventParameter: Hashable, Sendable {
    /// The parameter's name, such as `MessageSid`.
    public var name: String
    /// The parameter's value; empty when Twilio sent the name alone (`ToCity=`).
    public var value: String

    /// Creates a parameter.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

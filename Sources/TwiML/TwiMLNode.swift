/// Anything that becomes one element of a TwiML document.
public protocol TwiMLNode: Sendable {
    /// The element this node is written as.
    var element: TwiMLElement { get }
}

/// A verb of a voice `<Response>`: Say, Play, Gather, Dial, Record, Pause, Redirect, Hangup, Reject.
public protocol VoiceVerb: TwiMLNode {}

/// A verb that may be nested in `<Gather>`: Say, Play, Pause.
public protocol GatherVerb: TwiMLNode {}

/// A noun of `<Dial>`: Number.
public protocol DialNoun: TwiMLNode {}

/// A verb of a messaging `<Response>`: Message, Redirect.
public protocol MessagingVerb: TwiMLNode {}

/// A noun of `<Message>`: Body, Media.
public protocol MessageNoun: TwiMLNode {}

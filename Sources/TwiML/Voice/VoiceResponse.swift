/// A voice `<Response>`: the TwiML that tells Twilio what to do on a call.
///
/// ```swift
/// let twiml = try VoiceResponse {
///     Say("Hello & welcome", voice: .alice)
///     Hangup()
/// }.xml()
/// // <?xml version="1.0" encoding="UTF-8"?><Response><Say voice="alice">Hello &amp; welcome</Say><Hangup /></Response>
/// ```
///
/// ``xml(includingDeclaration:)`` writes the same bytes as twilio-python's
/// `str(VoiceResponse())` for the same verbs.
public struct VoiceResponse: Hashable, Sendable {
    /// The verbs' elements, in order.
    public var verbs: [TwiMLElement]

    /// Creates a response from the verbs in `content`.
    public init(@TwiMLBuilder<any VoiceVerb> _ content: () -> [any VoiceVerb] = { [] }) {
        verbs = content().map(\.element)
    }

    /// Adds a verb at the end.
    public mutating func append(_ verb: some VoiceVerb) {
        verbs.append(verb.element)
    }

    /// The `<Response>` element.
    public var element: TwiMLElement {
        TwiMLElement(name: "Response", children: verbs)
    }

    /// The document as XML text.
    ///
    /// - Parameter includingDeclaration: Whether to start with
    ///   `<?xml version="1.0" encoding="UTF-8"?>`, as twilio-python does.
    /// - Returns: The document.
    /// - Throws: ``TwiMLError`` when text or an attribute holds a character XML cannot carry,
    ///   or a name is not an XML name.
    public func xml(includingDeclaration: Bool = true) throws(TwiMLError) -> String {
        try TwiMLDocument.write(element, includingDeclaration: includingDeclaration)
    }
}

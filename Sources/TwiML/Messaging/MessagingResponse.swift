/// A messaging `<Response>`: the TwiML that answers an incoming message.
///
/// ```swift
/// let twiml = try MessagingResponse {
///     Message("Thanks, we got it.")
/// }.xml()
/// ```
///
/// ``xml(includingDeclaration:)`` writes the same bytes as twilio-python's
/// `str(MessagingResponse())` for the same verbs; an empty response means "no reply".
public struct MessagingResponse: Hashable, Sendable {
    /// The verbs' elements, in order.
    public var verbs: [TwiMLElement]

    /// Creates a response from the verbs in `content`.
    public init(@TwiMLBuilder<any MessagingVerb> _ content: () -> [any MessagingVerb] = { [] }) {
        verbs = content().map(\.element)
    }

    /// Adds a verb at the end.
    public mutating func append(_ verb: some MessagingVerb) {
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
    /// - Throws: ``TwiMLError`` when text or an attribute holds a character XML cannot carry.
    public func xml(includingDeclaration: Bool = true) throws(TwiMLError) -> String {
        try TwiMLDocument.write(element, includingDeclaration: includingDeclaration)
    }
}

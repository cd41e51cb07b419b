/// `<Message>`: sends a reply, given as plain text or as Body and Media nouns.
public struct Message: MessagingVerb, Hashable {
    /// The reply's text when given as plain text; empty with nouns.
    public var body: String
    /// The recipient; the sender of the incoming message by default (`to`).
    public var to: String?
    /// The sender; the number the incoming message was sent to by default (`from`).
    public var from: String?
    /// Where Twilio reports the reply's status (`action`).
    public var action: String?
    /// How to request ``action`` (`method`).
    public var method: TwiMLMethod?
    /// The older name for ``action`` (`statusCallback`).
    public var statusCallback: String?
    /// The nouns' elements, in order.
    public var nouns: [TwiMLElement]

    /// Creates a reply with plain text.
    ///
    /// - Parameters:
    ///   - body: The text; "" writes an empty `<Message />`.
    ///   - to: The recipient.
    ///   - from: The sender.
    ///   - action: Where to report the reply's status.
    ///   - method: How to request `action`.
    ///   - statusCallback: The older name for `action`.
    public init(
        _ body: String,
        to: String? = nil,
        from: String? = nil,
        action: String? = nil,
        method: TwiMLMethod? = nil,
        statusCallback: String? = nil
    ) {
        self.init(to: to, from: from, action: action, method: method, statusCallback: statusCallback)
        self.body = body
    }

    /// Creates a reply made of nouns.
    ///
    /// - Parameters:
    ///   - to: The recipient.
    ///   - from: The sender.
    ///   - action: Where to report the reply's status.
    ///   - method: How to request `action`.
    ///   - statusCallback: The older name for `action`.
    ///   - content: The reply's parts: Body and Media nouns.
    public init(
        to: String? = nil,
        from: String? = nil,
        action: String? = nil,
        method: TwiMLMethod? = nil,
        statusCallback: String? = nil,
        @TwiMLBuilder<any MessageNoun> _ content: () -> [any MessageNoun] = { [] }
    ) {
        self.body = ""
        self.to = to
        self.from = from
        self.action = action
        self.method = method
        self.statusCallback = statusCallback
        self.nouns = content().map(\.element)
    }

    public var element: TwiMLElement {
        var element = TwiMLElement(name: "Message", text: body, children: nouns)
        element.set("to", to)
        element.set("from", from)
        element.set("action", action)
        element.set("method", method)
        element.set("statusCallback", statusCallback)
        return element
    }
}

/// One XML element of a TwiML document: a name, attributes, text and child elements.
///
/// Every verb and noun builds one of these; it is public so that a verb this module does not
/// model yet can still be written, such as `TwiMLElement(name: "Leave")`.
public struct TwiMLElement: Hashable, Sendable {
    /// One `name="value"` attribute.
    public struct Attribute: Hashable, Sendable {
        /// The attribute's name, such as `numDigits`.
        public var name: String
        /// The attribute's value, unescaped.
        public var value: String

        /// Creates an attribute.
        ///
        /// - Parameters:
        ///   - name: The attribute's name.
        ///   - value: The attribute's value, unescaped.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The element's name, such as `Say`.
    public var name: String
    /// The attributes; they are written sorted by name, whatever their order here.
    public var attributes: [Attribute]
    /// The text before the first child, unescaped; empty text is written as no text at all.
    public var text: String
    /// The child elements, in order, after the text.
    public var children: [TwiMLElement]

    /// Creates an element.
    ///
    /// - Parameters:
    ///   - name: The element's name.
    ///   - attributes: The attributes.
    ///   - text: The text content.
    ///   - children: The child elements.
    public init(name: String, attributes: [Attribute] = [], text: String = "", children: [TwiMLElement] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// Adds the attribute `name` when `value` is not `nil`.
    public mutating func set(_ name: String, _ value: String?) {
        if let value {
            attributes.append(Attribute(name: name, value: value))
        }
    }

    /// Adds the attribute `name` in decimal when `value` is not `nil`.
    public mutating func set(_ name: String, _ value: Int?) {
        set(name, value.map { String($0) })
    }

    /// Adds the attribute `name` as `true` or `false` when `value` is not `nil`.
    public mutating func set(_ name: String, _ value: Bool?) {
        set(name, value.map { $0 ? "true" : "false" })
    }

    /// Adds the attribute `name` when `value` is not `nil`, spelled as its raw value.
    public mutating func set<Value: RawRepresentable>(_ name: String, _ value: Value?) where Value.RawValue == String {
        set(name, value?.rawValue)
    }
}

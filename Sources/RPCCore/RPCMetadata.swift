/// Key-value pairs sent with a call, such as an API key or an idempotency key.
///
/// Keys are lowercase ASCII; a key may repeat. Order is kept as sent.
public struct RPCMetadata: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// One key-value pair.
    public struct Entry: Hashable, Sendable {
        /// The lowercase key.
        public var key: String
        /// The value.
        public var value: String
    }

    private var entries: [Entry]

    /// Creates empty metadata.
    public init() {
        entries = []
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        entries = elements.map { Entry(key: $0.0.lowercased(), value: $0.1) }
    }

    /// The number of pairs.
    public var count: Int { entries.count }

    /// Adds a pair; the key is lowercased.
    public mutating func add(_ key: String, _ value: String) {
        entries.append(Entry(key: key.lowercased(), value: value))
    }

    /// The first value of `key`, or `nil`.
    public subscript(key: String) -> String? {
        let wanted = key.lowercased()
        return entries.first { $0.key == wanted }?.value
    }

    public func makeIterator() -> IndexingIterator<[Entry]> {
        entries.makeIterator()
    }
}

/// An object of ``GraphQLValue`` members that keeps keys in insertion order.
///
/// Setting an existing key replaces its value in place; setting `nil` removes the key.
public struct GraphQLObject: Sendable, Hashable {
    private var storage: [(key: String, value: GraphQLValue)] = []
    private var index: [String: Int] = [:]

    /// Creates an empty object.
    public init() {}

    /// Creates an object from pairs in order; a repeated key keeps its first position and last value.
    public init(_ pairs: some Sequence<(String, GraphQLValue)>) {
        for (key, value) in pairs {
            self[key] = value
        }
    }

    /// The keys in order.
    public var keys: [String] {
        storage.map(\.key)
    }

    /// The number of members.
    public var count: Int {
        storage.count
    }

    /// Whether the object has no members.
    public var isEmpty: Bool {
        storage.isEmpty
    }

    /// The value for `key`, or `nil` when absent. Assigning `nil` removes the key.
    public subscript(key: String) -> GraphQLValue? {
        get {
            index[key].map { storage[$0].value }
        }
        set {
            if let position = index[key] {
                if let newValue {
                    storage[position].value = newValue
                } else {
                    remove(at: position)
                }
            } else if let newValue {
                index[key] = storage.count
                storage.append((key, newValue))
            }
        }
    }

    private mutating func remove(at position: Int) {
        index[storage[position].key] = nil
        storage.remove(at: position)
        for later in position..<storage.count {
            index[storage[later].key] = later
        }
    }

    public static func == (lhs: GraphQLObject, rhs: GraphQLObject) -> Bool {
        lhs.storage.count == rhs.storage.count
            && zip(lhs.storage, rhs.storage).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.count)
        for member in storage {
            hasher.combine(member.key)
            hasher.combine(member.value)
        }
    }
}

extension GraphQLObject: Sequence {
    /// Iterates members in order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: GraphQLValue)]> {
        storage.makeIterator()
    }
}

extension GraphQLObject: ExpressibleByDictionaryLiteral {
    /// Creates an object; keys keep the literal's order.
    public init(dictionaryLiteral elements: (String, GraphQLValue)...) {
        self.init(elements)
    }
}

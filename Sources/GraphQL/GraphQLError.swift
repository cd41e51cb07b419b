/// An error as GraphQL reports it: a message, where in the document, where in the result, and extensions.
///
/// Resolvers throw it to control what clients see: `throw GraphQLError(message: "Not found",
/// extensions: ["code": "NOT_FOUND"])`. The executor fills in ``locations`` and ``path``.
public struct GraphQLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for the client.
    public var message: String
    /// Where in the document the error applies; empty when nowhere in particular.
    public var locations: [SourceLocation]
    /// The result path of the field that failed, or `nil` for errors outside execution.
    public var path: [GraphQLPathComponent]?
    /// Extra machine-readable data, such as an error `code`; `nil` when there is none.
    public var extensions: GraphQLObject?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - message: What went wrong.
    ///   - locations: Where in the document.
    ///   - path: The result path of the failed field.
    ///   - extensions: Extra machine-readable data.
    public init(
        message: String,
        locations: [SourceLocation] = [],
        path: [GraphQLPathComponent]? = nil,
        extensions: GraphQLObject? = nil
    ) {
        self.message = message
        self.locations = locations
        self.path = path
        self.extensions = extensions
    }

    /// Creates an error for a resolver to throw, with extensions such as `["code": "NOT_FOUND"]`.
    ///
    /// - Parameters:
    ///   - message: What went wrong.
    ///   - extensions: Extra machine-readable data.
    public init(message: String, extensions: GraphQLObject) {
        self.init(message: message, locations: [], path: nil, extensions: extensions)
    }

    public var description: String {
        let place = locations.first.map { " (\($0))" } ?? ""
        return message + place
    }

    /// The error as a response entry: `message`, then `locations`, `path` and `extensions` when present.
    public var graphQLValue: GraphQLValue {
        var object: GraphQLObject = ["message": .string(message)]
        if !locations.isEmpty {
            object["locations"] = .list(locations.map(\.graphQLValue))
        }
        if let path {
            object["path"] = .list(path.map(\.graphQLValue))
        }
        if let extensions, !extensions.isEmpty {
            object["extensions"] = .object(extensions)
        }
        return .object(object)
    }
}

/// An error type that knows how it should appear in a GraphQL response.
///
/// The executor converts any error a resolver throws: ``GraphQLError`` as it is, a conforming
/// error through ``graphQLError``, and any other error by its `String(describing:)`.
public protocol GraphQLErrorConvertible: Error {
    /// The error to report; the executor replaces its locations and path.
    var graphQLError: GraphQLError { get }
}

/// One step of a result path: an object key or a list index.
public enum GraphQLPathComponent: Sendable, Hashable, CustomStringConvertible {
    /// A response key (field name or alias).
    case key(String)
    /// A position in a list.
    case index(Int)

    public var description: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return String(index)
        }
    }

    /// The component as it appears in an error's `path`.
    public var graphQLValue: GraphQLValue {
        switch self {
        case .key(let key): return .string(key)
        case .index(let index): return .int(index)
        }
    }
}

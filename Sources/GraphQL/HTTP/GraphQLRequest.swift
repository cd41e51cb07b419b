/// A GraphQL request as "GraphQL over HTTP" defines it: `query`, `operationName`, `variables`, `extensions`.
public struct GraphQLRequest: Sendable, Hashable {
    /// The document text.
    public var query: String
    /// The operation to run, or `nil` for the document's only operation.
    public var operationName: String?
    /// The raw variable values.
    public var variables: GraphQLObject
    /// Request extensions, or `nil` for none.
    public var extensions: GraphQLObject?

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - query: The document text.
    ///   - operationName: The operation to run.
    ///   - variables: The raw variable values.
    ///   - extensions: Request extensions.
    public init(
        query: String,
        operationName: String? = nil,
        variables: GraphQLObject = [:],
        extensions: GraphQLObject? = nil
    ) {
        self.query = query
        self.operationName = operationName
        self.variables = variables
        self.extensions = extensions
    }

    /// Reads a POST body: a JSON object `{"query", "operationName", "variables", "extensions"}`.
    ///
    /// - Parameters:
    ///   - jsonBody: The body in UTF-8.
    ///   - limits: Size and depth limits for the JSON.
    /// - Throws: ``GraphQLRequestError`` when the body is not JSON or its members have the wrong types.
    public init(jsonBody: some Collection<UInt8>, limits: JSONLimits = JSONLimits()) throws(GraphQLRequestError) {
        let body: GraphQLValue
        do {
            body = try GraphQLValue(json: jsonBody, limits: limits)
        } catch {
            throw GraphQLRequestError(message: "The request body is not valid JSON. \(error.message)")
        }
        guard case .object(let object) = body else {
            throw GraphQLRequestError(message: "The request body must be a JSON object.")
        }
        guard case .string(let query) = object["query"] else {
            throw GraphQLRequestError(
                message: object["query"] == nil
                    ? "The request has no \"query\" member."
                    : "The \"query\" member must be a string."
            )
        }
        self.init(
            query: query,
            operationName: try Self.optionalString(object["operationName"], "operationName"),
            variables: try Self.optionalObject(object["variables"], "variables") ?? [:],
            extensions: try Self.optionalObject(object["extensions"], "extensions")
        )
    }

    /// Reads GET parameters, already percent-decoded: `query`, and optionally `operationName`, and
    /// `variables` and `extensions` as JSON text.
    ///
    /// - Parameters:
    ///   - queryParameters: The parameters in order; for a repeated name the first counts.
    ///   - limits: Size and depth limits for the JSON parameters.
    /// - Throws: ``GraphQLRequestError`` when `query` is missing or a JSON parameter is invalid.
    public init(
        queryParameters: [(name: String, value: String)],
        limits: JSONLimits = JSONLimits()
    ) throws(GraphQLRequestError) {
        func parameter(_ name: String) -> String? {
            queryParameters.first { $0.name == name }?.value
        }
        guard let query = parameter("query") else {
            throw GraphQLRequestError(message: "The request has no \"query\" parameter.")
        }
        self.init(
            query: query,
            operationName: parameter("operationName").flatMap { $0.isEmpty ? nil : $0 },
            variables: try Self.jsonParameter(parameter("variables"), "variables", limits) ?? [:],
            extensions: try Self.jsonParameter(parameter("extensions"), "extensions", limits)
        )
    }

    /// Reads a raw URL query string such as `query=%7Bme%7D&variables=%7B%7D`, decoding `%XX` and `+`.
    ///
    /// - Parameters:
    ///   - urlQuery: The part of the URL after `?`.
    ///   - limits: Size and depth limits for the JSON parameters.
    /// - Throws: ``GraphQLRequestError`` for bad percent-encoding or any problem of ``init(queryParameters:limits:)``.
    public init(urlQuery: String, limits: JSONLimits = JSONLimits()) throws(GraphQLRequestError) {
        var parameters: [(name: String, value: String)] = []
        for pair in urlQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.percentDecode(parts[0])
            let value = parts.count > 1 ? try Self.percentDecode(parts[1]) : ""
            parameters.append((name, value))
        }
        try self.init(queryParameters: parameters, limits: limits)
    }

    private static func optionalString(_ value: GraphQLValue?, _ name: String) throws(GraphQLRequestError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw GraphQLRequestError(message: "The \"\(name)\" member must be a string or null.")
        }
    }

    private static func optionalObject(_ value: GraphQLValue?, _ name: String) throws(GraphQLRequestError)
        -> GraphQLObject?
    {
        switch value {
        case nil, .null?: return nil
        case .object(let object)?: return object
        default: throw GraphQLRequestError(message: "The \"\(name)\" member must be an object or null.")
        }
    }

    private static func jsonParameter(_ text: String?, _ name: String, _ limits: JSONLimits)
        throws(GraphQLRequestError) -> GraphQLObject?
    {
        guard let text, !text.isEmpty else { return nil }
        let value: GraphQLValue
        do {
            value = try GraphQLValue(json: text, limits: limits)
        } catch {
            throw GraphQLRequestError(message: "The \"\(name)\" parameter is not valid JSON. \(error.message)")
        }
        return try optionalObject(value, name)
    }

    private static func percentDecode(_ text: Substring) throws(GraphQLRequestError) -> String {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw GraphQLRequestError(message: "The URL query has an invalid percent-encoding.")
                }
                bytes.append(UInt8(high << 4 | low))
            default:
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw GraphQLRequestError(message: "The URL query is not valid UTF-8 once decoded.")
        }
        return decoded
    }
}

/// An HTTP request that could not be read as a GraphQL request.
public struct GraphQLRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, for the client.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameter message: What is wrong.
    public init(message: String) {
        self.message = message
    }

    public var description: String {
        message
    }
}

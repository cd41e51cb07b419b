/// Sends each request to the handler registered for its method and path pattern.
///
/// Routes are tried in the order they were added; the first whose pattern and method match
/// wins, and the pattern's named segments land in ``HTTPRequest/pathParameters``. A path that
/// no pattern matches goes to the `notFound` handler (404). A path some pattern matches under
/// other methods goes to the `methodNotAllowed` handler, and the answer carries an `Allow`
/// header listing those methods (405). `HEAD` is served by the `GET` route when there is no
/// `HEAD` route of its own; the server then drops the body.
public struct HTTPRouter: Sendable {
    /// Answers a request whose path exists under other methods.
    ///
    /// The second argument lists the methods the path accepts; the router sets `Allow` itself.
    public typealias MethodNotAllowedHandler = @Sendable (HTTPRequest, [HTTPMethod]) async -> HTTPResponse

    private struct Route: Sendable {
        let method: HTTPMethod
        let pattern: HTTPRoutePattern
        let handler: HTTPHandler
    }

    private var routes: [Route] = []
    private let notFound: HTTPHandler
    private let methodNotAllowed: MethodNotAllowedHandler

    /// Creates a router with no routes.
    ///
    /// - Parameters:
    ///   - notFound: Answers paths that match no route; by default a plain-text 404.
    ///   - methodNotAllowed: Answers known paths with another method; by default a plain-text 405.
    public init(
        notFound: @escaping HTTPHandler = { _ in .text("Not Found\n", status: .notFound) },
        methodNotAllowed: @escaping MethodNotAllowedHandler = { _, _ in
            .text("Method Not Allowed\n", status: .methodNotAllowed)
        }
    ) {
        self.notFound = notFound
        self.methodNotAllowed = methodNotAllowed
    }

    /// Adds a route.
    ///
    /// - Parameters:
    ///   - method: The method the route answers.
    ///   - pattern: A path pattern such as `/Accounts/{AccountSid}/Messages/{Sid}.json`: segments
    ///     split on `/`, each literal or holding one `{Name}` between an optional literal prefix
    ///     and suffix. A malformed pattern is a programming error and stops the program.
    ///   - handler: Answers the matching requests.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
        guard let parsed = HTTPRoutePattern(pattern) else {
            preconditionFailure(
                "Malformed route pattern \(pattern): it must start with / and hold at most one {Name} per segment"
            )
        }
        routes.append(Route(method: method, pattern: parsed, handler: handler))
    }

    /// Answers `request` with the matching route's handler, or a 404 or 405.
    ///
    /// - Parameter request: The request.
    /// - Returns: The handler's response.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        var allowed: [HTTPMethod] = []
        var getMatch: (Route, [String: String])?
        for route in routes {
            guard let values = route.pattern.match(request.path) else {
                continue
            }
            if route.method == request.method {
                return await route.handler(with(values, request))
            }
            if route.method == .get, getMatch == nil {
                getMatch = (route, values)
            }
            if !allowed.contains(route.method) {
                allowed.append(route.method)
            }
        }

        if request.method == .head, let (route, values) = getMatch {
            return await route.handler(with(values, request))
        }
        guard !allowed.isEmpty else {
            return await notFound(request)
        }
        if allowed.contains(.get), !allowed.contains(.head) {
            allowed.append(.head)
        }
        var response = await methodNotAllowed(request, allowed)
        response.headers.replaceOrAdd(name: "Allow", value: allowed.map(\.rawValue).joined(separator: ", "))
        return response
    }

    /// This router as a handler for ``HTTPServer``.
    public var handler: HTTPHandler {
        { request in await respond(to: request) }
    }

    private func with(_ values: [String: String], _ request: HTTPRequest) -> HTTPRequest {
        var request = request
        request.pathParameters = values
        return request
    }
}

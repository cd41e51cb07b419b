/// Answers one request. Called on a Swift concurrency task, never on one of libmicrohttpd's
/// threads, so it may suspend (sleep, await other services) without holding up the server.
public typealias HTTPHandler = @Sendable (HTTPRequest) async -> HTTPResponse

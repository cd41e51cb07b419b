/// What a dispatcher reports to its observer when a call ends, for metrics.
///
/// Reported once for every call the dispatcher runs, whatever its end: a status from the
/// handler, a passed deadline, a cancellation, or a method the router does not serve.
public struct RPCCallEvent: Hashable, Sendable {
    /// The method called, or `nil` when the router serves no method at the call's path (so
    /// that a caller cannot make up new values for it).
    public var method: RPCMethod?
    /// The status the call ended with.
    public var code: RPCStatusCode
    /// From the call's arrival at the dispatcher to its status; the whole stream for a
    /// server-streaming call.
    public var duration: Duration

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - method: The method called, or `nil` for one the router does not serve.
    ///   - code: The final status code.
    ///   - duration: How long the call took.
    public init(method: RPCMethod?, code: RPCStatusCode, duration: Duration) {
        self.method = method
        self.code = code
        self.duration = duration
    }
}

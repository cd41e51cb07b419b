/// Decides who is calling and whether they may call a method; ``RPCDispatcher`` asks it before
/// every handler runs, whichever transport the call came by, and again while a server stream
/// runs.
///
/// Conforming types read the caller's credentials from the metadata (such as
/// `authorization: Bearer <key>`). They are called on the call's task and must be quick; a
/// lookup in a local database is fine.
public protocol RPCAccessControl: Sendable {
    /// Identifies the caller from the metadata of a call.
    ///
    /// - Parameter metadata: What the caller sent.
    /// - Returns: The caller and the methods they may call.
    /// - Throws: An ``RPCAccessRefusal`` with code ``RPCStatusCode/unauthenticated`` when the
    ///   caller sent no key, or one that is malformed, unknown or revoked.
    func caller(from metadata: RPCMetadata) throws(RPCAccessRefusal) -> RPCCaller

    /// Whether `method` may be called without any key, such as a health check for load balancers.
    func isOpen(_ method: RPCMethod) -> Bool
}

extension RPCAccessControl {
    /// Checks one call: open methods pass, others need a caller whose scopes include `method`.
    ///
    /// - Parameters:
    ///   - method: The method called.
    ///   - metadata: What the caller sent.
    /// - Returns: The caller, or ``RPCCaller/anonymous`` for an open method.
    /// - Throws: ``RPCAccessRefusal`` when the call may not run.
    public func check(_ method: RPCMethod, metadata: RPCMetadata) throws(RPCAccessRefusal) -> RPCCaller {
        if isOpen(method) {
            return .anonymous
        }
        let caller = try caller(from: metadata)
        guard caller.mayCall(method) else {
            throw RPCAccessRefusal.outOfScope(caller, method)
        }
        return caller
    }
}

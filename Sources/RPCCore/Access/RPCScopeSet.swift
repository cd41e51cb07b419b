/// The scopes of one API key: it may call a method when any of them grants it.
public struct RPCScopeSet: Hashable, Sendable {
    /// The scopes, in the order given.
    public var scopes: [RPCScope]

    /// Creates a set; an empty one grants nothing.
    public init(_ scopes: [RPCScope]) {
        self.scopes = scopes
    }

    /// Every method.
    public static let all = RPCScopeSet([.all])

    /// Whether any scope grants `method`.
    public func permits(_ method: RPCMethod) -> Bool {
        scopes.contains { $0.permits(method) }
    }
}

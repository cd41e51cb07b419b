/// Who made a call, as an ``RPCAccessControl`` established it, and what they may call.
public struct RPCCaller: Hashable, Sendable {
    /// The public ID of the API key the caller presented, or `nil` for a caller that needed none
    /// (an open gateway, or a method that is always open).
    public var keyID: String?
    /// The methods the caller may call.
    public var scopes: RPCScopeSet

    /// Creates a caller.
    ///
    /// - Parameters:
    ///   - keyID: The public ID of the caller's API key, or `nil`.
    ///   - scopes: What the caller may call.
    public init(keyID: String?, scopes: RPCScopeSet) {
        self.keyID = keyID
        self.scopes = scopes
    }

    /// A caller without a key who may call every method: what an open gateway sees.
    public static let anonymous = RPCCaller(keyID: nil, scopes: .all)

    /// Whether the caller may call `method`.
    public func mayCall(_ method: RPCMethod) -> Bool {
        scopes.permits(method)
    }
}

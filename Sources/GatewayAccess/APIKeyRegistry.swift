public import GatewayStore
public import RPCCore

/// What `twilio-gateway keys` does: creates keys with checked scopes, lists and revokes them.
public struct APIKeyRegistry: Sendable {
    private let keys: APIKeys
    private let methods: [RPCMethod]
    private let clock: @Sendable () -> Double

    /// Creates a registry.
    ///
    /// - Parameters:
    ///   - keys: Where the keys are kept.
    ///   - methods: The methods a scope may name, such as every method of the gateway.
    ///   - clock: The wall clock in seconds since 1970, for creation times.
    public init(keys: APIKeys, methods: [RPCMethod], clock: @escaping @Sendable () -> Double) {
        self.keys = keys
        self.methods = methods
        self.clock = clock
    }

    /// Creates and stores a key; its secret is in the returned token only, never stored.
    ///
    /// - Parameters:
    ///   - name: What the operator calls the key; not empty.
    ///   - scopes: What it may call, as typed (see ``RPCCore/RPCScope/init(parsing:among:)``);
    ///     none means every method.
    /// - Returns: The stored record and the key to hand to the caller.
    /// - Throws: ``APIKeyRegistryError`` for an empty name or an unknown scope,
    ///   ``GatewayStore/GatewayStoreError`` when the store fails.
    public func create(name: String, scopes: [String]) throws -> (record: APIKeyRecord, token: APIKeyToken) {
        guard !name.isEmpty, !name.contains(where: \.isNewline) else {
            throw APIKeyRegistryError(
                description: "give the key a --name on one line, such as the service that uses it"
            )
        }
        var parsed: [RPCScope] = []
        for text in scopes {
            parsed.append(try RPCScope(parsing: text, among: methods))
        }
        let token = APIKeyToken.generate()
        let record = APIKeyRecord(
            id: token.id,
            name: name,
            scopes: (parsed.isEmpty ? [.all] : parsed).map(\.rawValue),
            secretHash: token.secretHash,
            createdAt: clock()
        )
        try keys.insert(record)
        return (record, token)
    }

    /// Every key, revoked ones too, oldest first.
    ///
    /// - Throws: ``GatewayStore/GatewayStoreError`` when the store fails.
    public func list() throws -> [APIKeyRecord] {
        try keys.all()
    }

    /// Revokes the key with ID `id`.
    ///
    /// - Throws: ``APIKeyRegistryError`` when there is no such key or it was revoked already,
    ///   ``GatewayStore/GatewayStoreError`` when the store fails.
    public func revoke(id: String) throws {
        guard try keys.revoke(id: id) else {
            let known = try keys.record(id: id)
            throw APIKeyRegistryError(
                description: known == nil
                    ? "there is no API key with ID '\(id)'; `twilio-gateway keys list` shows them"
                    : "the API key \(id) was revoked already"
            )
        }
    }
}

/// A `keys` request that cannot be carried out, and what to do instead.
public struct APIKeyRegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String

    /// Creates an error.
    public init(description: String) {
        self.description = description
    }
}

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
    ///   - name: What the operator calls the key: 1 to ``longestName`` characters, none of them a
    ///     control, format or unassigned character, so that `keys list` prints it safely, and no
    ///     space at either end.
    ///   - scopes: What it may call, as typed (see ``RPCCore/RPCScope/init(parsing:among:)``);
    ///     none means every method.
    /// - Returns: The stored record and the key to hand to the caller.
    /// - Throws: ``APIKeyRegistryError`` for a name that is empty, too long, not printable or with
    ///   surrounding spaces, or an
    ///   unknown scope,
    ///   ``GatewayStore/GatewayStoreError`` when the store fails.
    public func create(name: String, scopes: [String]) throws -> (record: APIKeyRecord, token: APIKeyToken) {
        guard Self.isPrintableName(name) else {
            throw APIKeyRegistryError(
                description: "give the key a --name of 1 to \(Self.longestName) printable characters that starts "
                    + "and ends with a visible one (no surrounding spaces, tabs, line breaks or other control "
                    + "characters), such as the service that uses it"
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

    /// The most characters a key's name may have.
    public static let longestName = 64

    /// Whether `name` is 1 to ``longestName`` characters with no control character (such as a tab
    /// or a terminal escape), format character, line or paragraph separator, or unassigned one,
    /// and neither starts nor ends with a space of any kind (so a blank name is refused too).
    public static func isPrintableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
            name.count <= longestName, !first.properties.isWhitespace, !last.properties.isWhitespace
        else {
            return false
        }
        return name.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: false
            default: true
            }
        }
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

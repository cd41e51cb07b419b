public import GatewayStore
public import RPCCore
public import ServiceSupport

/// Lets in the callers whose `authorization: Bearer <key>` metadata names a valid key in the
/// store, for the methods its scopes grant. A caller sending the entry more than once is
/// refused. The value is read by ``RPCCore/BearerCredential``: spaces and tabs around it do not
/// count, and `Bearer` with no key or with the scheme twice gets a refusal that says so.
///
/// Each call reads its key from the store by ID (one indexed query), so a key revoked by
/// `twilio-gateway keys revoke` in another process is refused from the next call on.
public struct APIKeyAccessControl: RPCAccessControl {
    private let keys: APIKeys
    private let enforcement: APIKeyEnforcement
    private let openMethods: Set<RPCMethod>
    private let logger: Logger

    /// Creates an access control.
    ///
    /// - Parameters:
    ///   - keys: Where the keys are.
    ///   - enforcement: When a key is needed.
    ///   - openMethods: Methods anyone may call, such as the health check.
    ///   - logger: Receives `auth.store_failed` when the store cannot be read; never a secret.
    public init(keys: APIKeys, enforcement: APIKeyEnforcement, openMethods: Set<RPCMethod>, logger: Logger) {
        self.keys = keys
        self.enforcement = enforcement
        self.openMethods = openMethods
        self.logger = logger
    }

    public func isOpen(_ method: RPCMethod) -> Bool {
        openMethods.contains(method)
    }

    public func caller(from metadata: RPCMetadata) throws(RPCAccessRefusal) -> RPCCaller {
        do {
            if enforcement == .onceAKeyExists, try keys.isEmpty() {
                return .anonymous
            }
            let headers = metadata.filter { $0.key == "authorization" }.map(\.value)
            guard headers.count < 2 else {
                throw RPCAccessRefusal.duplicateKey
            }
            guard let header = headers.first else {
                throw RPCAccessRefusal.missingKey
            }
            guard let token = APIKeyToken(String(try BearerCredential.key(in: header))) else {
                throw RPCAccessRefusal.unknownKey(nil)
            }
            guard let record = try keys.record(id: token.id), !record.isRevoked, token.matches(record.secretHash) else {
                throw RPCAccessRefusal.unknownKey(token.id)
            }
            try keys.markUsed(record)
            return RPCCaller(keyID: record.id, scopes: RPCScopeSet(record.scopes.compactMap(RPCScope.init(rawValue:))))
        } catch let refusal as RPCAccessRefusal {
            throw refusal
        } catch {
            logger.error("auth.store_failed", ["error": String(describing: error)])
            throw RPCAccessRefusal(
                code: .unavailable,
                keyID: nil,
                message: "the gateway cannot read its API keys now; try again later"
            )
        }
    }
}

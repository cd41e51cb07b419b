internal import GatewayCrypto
internal import ServiceSupport
internal import TwilioREST

/// Twilio credentials from the data directory's vault, read once at start and kept sealed in
/// memory: the Auth Token (or the API key secret) is decrypted for each request to Twilio and its
/// bytes wiped afterwards.
///
/// Each call to ``credentials()`` copies the decrypted bytes straight from the vault's buffer
/// (itself wiped when ``GatewayCrypto/CredentialVault/open(_:key:_:)`` returns) into a
/// ``ServiceSupport/SecretBytes``, never through a `String`; the request that asked holds the
/// only reference, so the copy is wiped when that request ends. libcurl's own copy of the
/// password is the remaining limit (see `CurlEasy`).
///
/// With an API key in the vault, requests authenticate as the key; the Auth Token, when stored
/// too, still checks webhook signatures (API keys cannot sign them).
struct VaultCredentialSource: TwilioCredentialSource {
    private let vault: CredentialVault
    private let key: AESGCMKey
    /// The Account SID, which is not secret and is needed at start (webhook URLs, logs).
    let accountSID: String
    /// The API key SID, `SK…`, when the vault holds an API key.
    let apiKeySID: String?
    /// The default Messaging Service, `MG…`, for sends that name no sender.
    let messagingServiceSID: String?
    /// The default Verify Service, `VA…`, for Verify requests that name none.
    let verifyServiceSID: String?

    /// Loads the vault at `path` and checks that every record opens under `key` and that none
    /// was deleted or added (``GatewayCrypto/CredentialVault/verify(key:)``); a version 1 vault,
    /// which has no manifest, is accepted as it is.
    ///
    /// - Returns: `nil` when there is no vault file.
    /// - Throws: ``CredentialVaultError`` for a tampered file, a deleted or added record or a wrong
    ///   key, naming the record; for an Auth Token or API key secret that is not printable ASCII
    ///   (``SecretRule/unprintable(_:)``), which libcurl would send cut or changed, naming the
    ///   record; for an Account, API key, Messaging Service or Verify Service SID that is not its
    ///   prefix (`AC`, `SK`, `MG`, `VA`) and 32 hex digits, naming the record but not its bytes;
    ///   or for a vault with no Account SID, or with neither an Auth Token nor a whole API key.
    static func load(path: String, key: AESGCMKey) throws -> VaultCredentialSource? {
        guard let vault = try CredentialVault.load(path: path) else {
            return nil
        }
        try vault.verify(key: key)
        for name in [CredentialVault.authToken, CredentialVault.apiKeySecret] {
            if let problem = try vault.open(name, key: key, { SecretRule.unprintable($0) }) ?? nil {
                throw CredentialVaultError(
                    "vault record \(name) in \(path) \(problem), so it cannot be sent to Twilio as it is (it was "
                        + "stored by hand or by an older version); \(SecretRule.rule): store it again with "
                        + "'credentials set'"
                )
            }
        }
        let text: (String) throws -> String? = { name in
            guard let sid = try vault.open(name, key: key, { String(decoding: $0, as: UTF8.self) }) else {
                return nil
            }
            try checkShape(sid, name: name, path: path)
            return sid
        }
        let apiKeySID = try text(CredentialVault.apiKeySID)
        let hasAPIKey = apiKeySID != nil && vault.records[CredentialVault.apiKeySecret] != nil
        guard let accountSID = try text(CredentialVault.accountSID),
            vault.records[CredentialVault.authToken] != nil || hasAPIKey
        else {
            throw CredentialVaultError(
                "the vault \(path) has no Account SID, or neither an Auth Token nor an API key with its secret; "
                    + "store them with 'credentials set'"
            )
        }
        return VaultCredentialSource(
            vault: vault,
            key: key,
            accountSID: accountSID,
            apiKeySID: hasAPIKey ? apiKeySID : nil,
            messagingServiceSID: try text(CredentialVault.messagingServiceSID),
            verifyServiceSID: try text(CredentialVault.verifyServiceSID)
        )
    }

    /// The prefix of each SID record: what `credentials set` takes for that record's option.
    static let sidPrefixes: [String: String] = [
        CredentialVault.accountSID: "AC",
        CredentialVault.apiKeySID: "SK",
        CredentialVault.messagingServiceSID: "MG",
        CredentialVault.verifyServiceSID: "VA",
    ]

    /// Checks that the SID record `name` is its prefix and 32 hex digits, as `credentials set`
    /// requires, so that a record stored by hand or by an older version never reaches a URL
    /// path or the Basic user libcurl sends.
    ///
    /// - Throws: ``CredentialVaultError`` naming the record and the shape, never its bytes.
    private static func checkShape(_ sid: String, name: String, path: String) throws {
        guard let prefix = sidPrefixes[name], !CredentialsCommand.isSID(sid, prefix: prefix) else {
            return
        }
        throw CredentialVaultError(
            "vault record \(name) in \(path) is not \(prefix) followed by 32 hex digits (it was stored by hand "
                + "or by an older version), so it cannot be sent to Twilio; store it again with 'credentials set'"
        )
    }

    func credentials() async throws -> TwilioCredentials {
        let token = try secret(CredentialVault.authToken) ?? SecretBytes("")
        guard let apiKeySID else {
            return TwilioCredentials(accountSID: accountSID, authToken: token)
        }
        return TwilioCredentials(
            accountSID: accountSID,
            apiKeySID: apiKeySID,
            apiKeySecret: try secret(CredentialVault.apiKeySecret) ?? SecretBytes(""),
            authToken: token
        )
    }

    /// The record `name` decrypted into wipeable memory, or `nil` when the vault has none.
    private func secret(_ name: String) throws -> SecretBytes? {
        try vault.open(name, key: key) { plaintext in
            plaintext.withUnsafeBytes { SecretBytes(copying: $0) }
        }
    }
}

internal import GatewayCrypto
internal import TwilioREST

/// Twilio credentials from the data directory's vault, read once at start and kept sealed in
/// memory: the Auth Token is decrypted for each request to Twilio and its bytes wiped afterwards.
///
/// Shortcoming: ``TwilioCredentials`` carries the token as a `String`, which cannot be wiped, so
/// the decrypted copy handed to the client lives until the request's memory is reused.
struct VaultCredentialSource: TwilioCredentialSource {
    private let vault: CredentialVault
    private let key: AESGCMKey
    /// The Account SID, which is not secret and is needed at start (webhook URLs, logs).
    let accountSID: String

    /// Loads the vault at `path` and checks that every record opens under `key`.
    ///
    /// - Returns: `nil` when there is no vault file.
    /// - Throws: ``CredentialVaultError`` for a tampered file or a wrong key, naming the record.
    static func load(path: String, key: AESGCMKey) throws -> VaultCredentialSource? {
        guard let vault = try CredentialVault.load(path: path) else {
            return nil
        }
        for name in vault.records.keys.sorted() {
            _ = try vault.open(name, key: key) { _ in true }
        }
        let accountSID = try vault.open(CredentialVault.accountSID, key: key) { String(decoding: $0, as: UTF8.self) }
        guard let accountSID, vault.records[CredentialVault.authToken] != nil else {
            throw CredentialVaultError(
                "the vault \(path) has no Account SID or no Auth Token; store both with 'credentials set'"
            )
        }
        return VaultCredentialSource(vault: vault, key: key, accountSID: accountSID)
    }

    func credentials() async throws -> TwilioCredentials {
        let token = try vault.open(CredentialVault.authToken, key: key) { String(decoding: $0, as: UTF8.self) }
        return TwilioCredentials(accountSID: accountSID, authToken: token ?? "")
    }
}

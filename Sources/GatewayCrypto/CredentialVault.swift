/// Named secrets, each sealed with AES-256-GCM under the master key with its name as associated
/// data, so a record moved to another name or changed in any byte fails to open.
public struct CredentialVault: Sendable, Equatable {
    /// The vault's file name inside the data directory.
    public static let fileName = "vault.json"

    /// The Twilio Account SID record.
    public static let accountSID = "twilio.account_sid"
    /// The Twilio Auth Token record.
    public static let authToken = "twilio.auth_token"
    /// The optional default Messaging Service SID record.
    public static let messagingServiceSID = "twilio.messaging_service_sid"
    /// The optional default Verify Service SID record.
    public static let verifyServiceSID = "twilio.verify_service_sid"
    /// The optional API key SID record (`SK…`), which authenticates requests instead of the token.
    public static let apiKeySID = "twilio.api_key_sid"
    /// The API key secret record, kept with ``apiKeySID``.
    public static let apiKeySecret = "twilio.api_key_secret"

    /// The sealed records by name.
    public private(set) var records: [String: AESGCMSealedBox]

    /// An empty vault, or one with the given sealed records.
    public init(records: [String: AESGCMSealedBox] = [:]) {
        self.records = records
    }

    /// Seals `value` under `key` as the record `name`, replacing any record of that name.
    ///
    /// - Throws: ``CredentialVaultError`` when OpenSSL fails.
    public mutating func seal(_ value: [UInt8], name: String, key: AESGCMKey) throws(CredentialVaultError) {
        do {
            records[name] = try AESGCM.seal(value, key: key, associatedData: Array(name.utf8))
        } catch {
            throw CredentialVaultError("could not seal vault record \(name): \(error.message)")
        }
    }

    /// Opens the record `name`, hands its plaintext to `body` and wipes the plaintext afterwards.
    ///
    /// - Returns: What `body` returns, or `nil` when the vault has no such record.
    /// - Throws: ``CredentialVaultError`` naming the record when its tag does not match (the file
    ///   was changed, or `key` is not the key it was sealed under); what `body` throws.
    public func open<Result>(
        _ name: String,
        key: AESGCMKey,
        _ body: ([UInt8]) throws -> Result
    ) throws -> Result? {
        guard let box = records[name] else {
            return nil
        }
        var plaintext: [UInt8]
        do {
            plaintext = try AESGCM.open(box, key: key, associatedData: Array(name.utf8))
        } catch {
            throw CredentialVaultError(
                "vault record \(name) failed its integrity check: the vault file was changed or the master key "
                    + "is not the one it was sealed under (\(error.message))"
            )
        }
        defer { SecureWipe.wipe(&plaintext) }
        return try body(plaintext)
    }

    /// The same records sealed under `newKey` instead of `oldKey`, each with a fresh nonce.
    ///
    /// - Throws: ``CredentialVaultError`` naming the first record that does not open under `oldKey`.
    public func resealed(from oldKey: AESGCMKey, to newKey: AESGCMKey) throws -> CredentialVault {
        var result = CredentialVault()
        for name in records.keys.sorted() {
            try open(name, key: oldKey) { plaintext in
                try result.seal(plaintext, name: name, key: newKey)
            }
        }
        return result
    }
}

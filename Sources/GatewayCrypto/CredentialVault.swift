/// Named secrets, each sealed with AES-256-GCM under the master key with its name as associated
/// data, so a record moved to another name or changed in any byte fails to open; a sealed
/// manifest lists the names, so a record deleted from the file or added to it is noticed too.
///
/// Format versions: a version 2 vault (what this build writes) seals each record with
/// `2/` + its name as associated data and keeps the manifest record ``manifestName``. A
/// version 1 vault, written before the manifest existed, sealed with the bare name and has no
/// manifest; it is still read, cannot notice a deleted record, and becomes version 2 when
/// ``resealed(from:to:)`` rewrites it (`credentials set` and `rotate-key` both do). Turning a
/// version 2 file back into version 1 by hand makes every record fail to open.
public struct CredentialVault: Sendable, Equatable {
    /// The vault's file name inside the data directory.
    public static let fileName = "vault.json"
    /// The format version this build writes.
    public static let currentVersion = 2
    /// The name of the manifest record: the names of all other records, one a line, sorted.
    public static let manifestName = "vault.manifest"

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

    /// The sealed records by name, without the manifest.
    public private(set) var records: [String: AESGCMSealedBox]
    /// The sealed manifest; `nil` in a version 1 vault.
    public private(set) var manifest: AESGCMSealedBox?
    /// The format version: 1 or ``currentVersion``.
    public let version: Int

    /// An empty vault of the current version, or one with the given sealed records.
    ///
    /// - Parameters:
    ///   - records: The sealed records by name.
    ///   - manifest: The sealed manifest, which a version 2 vault must have to pass ``verify(key:)``.
    ///   - version: 1 for a vault read from an old file, else ``currentVersion``.
    public init(
        records: [String: AESGCMSealedBox] = [:],
        manifest: AESGCMSealedBox? = nil,
        version: Int = currentVersion
    ) {
        self.records = records
        self.manifest = manifest
        self.version = version
    }

    /// Seals `value` under `key` as the record `name`, replacing any record of that name, and
    /// reseals the manifest with the new list of names.
    ///
    /// - Throws: ``CredentialVaultError`` when OpenSSL fails, `name` is the manifest's, or the
    ///   vault is version 1 (reseal it with ``resealed(from:to:)`` first).
    public mutating func seal(_ value: [UInt8], name: String, key: AESGCMKey) throws(CredentialVaultError) {
        guard version == Self.currentVersion else {
            throw CredentialVaultError("a version \(version) vault cannot take new records; reseal it first")
        }
        guard name != Self.manifestName else {
            throw CredentialVaultError("\(name) is the vault's own manifest and cannot be stored as a credential")
        }
        do {
            let record = try AESGCM.seal(value, key: key, associatedData: associatedData(name))
            manifest = try sealedManifest(names: Set(records.keys).union([name]), key: key)
            records[name] = record
        } catch {
            throw CredentialVaultError("could not seal vault record \(name): \(error.message)")
        }
    }

    /// Opens the record `name`, hands its plaintext to `body` and wipes the plaintext afterwards.
    ///
    /// This checks the one record only; ``verify(key:)`` checks the whole vault.
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
        var plaintext = try Self.open(box, name: name, key: key, associatedData: associatedData(name))
        defer { SecureWipe.wipe(&plaintext) }
        return try body(plaintext)
    }

    /// Checks that every record opens under `key` and, in a version 2 vault, that the manifest
    /// names exactly the records in the vault (a new vault, with no records, has no manifest yet).
    ///
    /// - Throws: ``CredentialVaultError`` naming the first record (in name order) that does not
    ///   open, or a record the manifest lists that the vault lacks, or one it has that the
    ///   manifest does not list.
    public func verify(key: AESGCMKey) throws(CredentialVaultError) {
        for (name, box) in records.sorted(by: { $0.key < $1.key }) {
            var plaintext = try Self.open(box, name: name, key: key, associatedData: associatedData(name))
            SecureWipe.wipe(&plaintext)
        }
        guard version == Self.currentVersion else {
            return
        }
        guard let manifest else {
            guard records.isEmpty else {
                throw CredentialVaultError(
                    "the vault has no manifest record \(Self.manifestName): it was deleted from the file; "
                        + Self.restoreAdvice
                )
            }
            return
        }
        let listed = try Self.open(
            manifest,
            name: Self.manifestName,
            key: key,
            associatedData: associatedData(Self.manifestName)
        )
        let names = Set(String(decoding: listed, as: UTF8.self).split(separator: "\n").map(String.init))
        if let missing = names.subtracting(records.keys).sorted().first {
            throw CredentialVaultError(
                "vault record \(missing) is listed in the vault's manifest but missing from the file: it was "
                    + "deleted; " + Self.restoreAdvice
            )
        }
        if let extra = Set(records.keys).subtracting(names).sorted().first {
            throw CredentialVaultError(
                "vault record \(extra) is in the file but not in the vault's manifest: it was added by hand; "
                    + "remove it from the file or restore the file from a backup"
            )
        }
    }

    /// The same records sealed under `newKey` instead of `oldKey`, each with a fresh nonce, as
    /// a vault of the current version.
    ///
    /// - Throws: ``CredentialVaultError`` from ``verify(key:)`` with `oldKey`.
    public func resealed(from oldKey: AESGCMKey, to newKey: AESGCMKey) throws -> CredentialVault {
        try verify(key: oldKey)
        var result = CredentialVault()
        for name in records.keys.sorted() {
            try open(name, key: oldKey) { plaintext in
                try result.seal(plaintext, name: name, key: newKey)
            }
        }
        return result
    }

    private func sealedManifest(names: Set<String>, key: AESGCMKey) throws(AESGCMError) -> AESGCMSealedBox {
        let text = Array(names.sorted().joined(separator: "\n").utf8)
        return try AESGCM.seal(text, key: key, associatedData: associatedData(Self.manifestName))
    }

    /// What to do about a vault whose records were deleted: `credentials set` refuses a vault that
    /// fails verification, so storing the credentials again needs the file moved away first.
    static let restoreAdvice =
        "restore \(fileName) from a backup, or move it away and store the credentials again with 'credentials set'"

    private func associatedData(_ name: String) -> [UInt8] {
        version == 1 ? Array(name.utf8) : Array("\(version)/\(name)".utf8)
    }

    private static func open(
        _ box: AESGCMSealedBox,
        name: String,
        key: AESGCMKey,
        associatedData: [UInt8]
    ) throws(CredentialVaultError) -> [UInt8] {
        do {
            return try AESGCM.open(box, key: key, associatedData: associatedData)
        } catch {
            throw CredentialVaultError(
                "vault record \(name) failed its integrity check: the vault file was changed or the master key "
                    + "is not the one it was sealed under (\(error.message))"
            )
        }
    }
}

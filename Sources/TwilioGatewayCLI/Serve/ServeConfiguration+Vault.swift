internal import Foundation
internal import GatewayCrypto

extension ServeConfiguration {
    /// The vault in `dataDirectory` opened with the master key, or `nil` when there is no vault.
    ///
    /// - Throws: ``CredentialVaultError`` when a vault exists but the key is missing, weak, in an
    ///   exposed file or wrong, or a record was tampered with; the gateway then refuses to start.
    static func loadVault(dataDirectory: String) throws -> VaultCredentialSource? {
        let path = dataDirectory + "/" + CredentialVault.fileName
        guard FileManager.default.fileExists(atPath: path) else {
            return nil
        }
        guard let key = try VaultMasterKey.load(environment: ProcessInfo.processInfo.environment) else {
            throw CredentialVaultError(
                "\(path) holds encrypted credentials: set \(VaultMasterKey.keyVariable) or "
                    + "\(VaultMasterKey.fileVariable) to its master key"
            )
        }
        return try VaultCredentialSource.load(path: path, key: key)
    }
}

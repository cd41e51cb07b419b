internal import Foundation
internal import ServiceSupport

extension CredentialVault {
    private struct FileRecord: Codable {
        let nonce: String
        let ciphertext: String
        let tag: String
    }

    private struct FileContents: Codable {
        let version: Int
        let records: [String: FileRecord]
    }

    /// Reads the vault file at `path`.
    ///
    /// - Returns: The sealed records, or `nil` when there is no file at `path`.
    /// - Throws: ``CredentialVaultError`` when the file cannot be read or is not a vault, naming the
    ///   record whose fields are malformed.
    public static func load(path: String) throws(CredentialVaultError) -> CredentialVault? {
        guard FileManager.default.fileExists(atPath: path) else {
            return nil
        }
        let contents: FileContents
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            contents = try JSONDecoder().decode(FileContents.self, from: data)
        } catch {
            throw CredentialVaultError("the vault file \(path) is not readable vault JSON: \(error)")
        }
        guard contents.version == 1 else {
            throw CredentialVaultError("the vault file \(path) has version \(contents.version); this build reads 1")
        }
        var records: [String: AESGCMSealedBox] = [:]
        for (name, record) in contents.records {
            guard let nonce = Base64.decode(record.nonce), let ciphertext = Base64.decode(record.ciphertext),
                let tag = Base64.decode(record.tag)
            else {
                throw CredentialVaultError("vault record \(name) in \(path) has a field that is not Base64")
            }
            do throws(AESGCMError) {
                records[name] = try AESGCMSealedBox(nonce: nonce, ciphertext: ciphertext, tag: tag)
            } catch {
                throw CredentialVaultError("vault record \(name) in \(path) is malformed: \(error.message)")
            }
        }
        return CredentialVault(records: records)
    }

    /// Writes the vault to `path` with mode 0600, through a temporary file in the same directory
    /// renamed over the old one, so a reader sees either the old vault or the new one, never half.
    ///
    /// - Throws: ``CredentialVaultError`` when the file cannot be written.
    public func save(path: String) throws(CredentialVaultError) {
        let contents = FileContents(
            version: 1,
            records: records.mapValues {
                FileRecord(
                    nonce: Base64.encode($0.nonce),
                    ciphertext: Base64.encode($0.ciphertext),
                    tag: Base64.encode($0.tag)
                )
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            let data = try encoder.encode(contents)
            let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard descriptor >= 0 else {
                throw CredentialVaultError("cannot create \(temporary): \(String(cString: strerror(errno)))")
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, path) == 0 else {
                throw CredentialVaultError("cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))")
            }
        } catch let error as CredentialVaultError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw CredentialVaultError("cannot write the vault file \(path): \(error)")
        }
    }
}

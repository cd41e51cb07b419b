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
    /// - Throws: ``CredentialVaultError`` when the path is a directory or not a regular file, the
    ///   file can be read or written by group or others, cannot be read, is not a vault (empty,
    ///   not JSON, or missing a field, which the message names), is a version 2 vault without its
    ///   manifest, or has a record whose fields are malformed (naming it).
    public static func load(path: String) throws(CredentialVaultError) -> CredentialVault? {
        guard FileManager.default.fileExists(atPath: path) else {
            return nil
        }
        try requirePrivate(path)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CredentialVaultError("cannot read the vault file \(path): \(error.localizedDescription)")
        }
        let contents: FileContents
        do {
            contents = try JSONDecoder().decode(FileContents.self, from: data)
        } catch {
            throw CredentialVaultError(
                "\(path) is not a vault file: \(notAVault(data, error)); " + restoreAdvice
            )
        }
        guard contents.version == 1 || contents.version == currentVersion else {
            throw CredentialVaultError(
                "the vault file \(path) has version \(contents.version); this build reads 1 and \(currentVersion)"
            )
        }
        var records: [String: AESGCMSealedBox] = [:]
        for (name, record) in contents.records {
            records[name] = try box(record, name: name, path: path)
        }
        guard contents.version == currentVersion else {
            return CredentialVault(records: records, version: contents.version)
        }
        guard let manifest = records.removeValue(forKey: manifestName) else {
            throw CredentialVaultError(
                "the vault file \(path) has no manifest record \(manifestName): it was deleted from the file; "
                    + restoreAdvice
            )
        }
        return CredentialVault(records: records, manifest: manifest, version: contents.version)
    }

    /// Why `data` did not decode as a vault file, in words that name the field at fault rather
    /// than the decoder's types.
    private static func notAVault(_ data: Data, _ error: any Error) -> String {
        guard !data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            return "it is empty"
        }
        guard let error = error as? DecodingError else {
            return "it is not JSON"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(field(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            guard !context.codingPath.isEmpty else {
                return "it is JSON but not an object with version and records"
            }
            return "\(field(context.codingPath)) has the wrong type (\(expectedType(context.codingPath)))"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "it is not JSON"
        case .dataCorrupted(let context):
            return "\(field(context.codingPath)) is malformed"
        @unknown default:
            return "it is not JSON in the vault's format"
        }
    }

    /// A field of the vault file by its place, such as `the field "nonce" of record
    /// twilio.auth_token` (record names hold dots, so a dotted path would be ambiguous).
    private static func field(_ path: [any CodingKey]) -> String {
        let names = path.map(\.stringValue)
        switch names.count {
        case 1:
            return "the field \"\(names[0])\""
        case 2:
            return "vault record \(names[1])"
        default:
            return "the field \"\(names[2...].joined(separator: "."))\" of vault record \(names[1])"
        }
    }

    /// What the field at `path` must hold.
    private static func expectedType(_ path: [any CodingKey]) -> String {
        switch path.count {
        case 1:
            return path[0].stringValue == "version" ? "it must be a number" : "it must be an object of records"
        case 2:
            return "it must be an object with nonce, ciphertext and tag"
        default:
            return "it must be a Base64 string"
        }
    }

    private static func requirePrivate(_ path: String) throws(CredentialVaultError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw CredentialVaultError("cannot read the vault file \(path): \(String(cString: strerror(errno)))")
        }
        guard FileKind.isRegular(status.st_mode) else {
            let kind = FileKind.isDirectory(status.st_mode) ? "a directory" : "not a regular file"
            throw CredentialVaultError(
                "the vault file \(path) is \(kind); the vault must be a file: move \(path) away, then store the "
                    + "credentials with 'credentials set', which writes a new vault there"
            )
        }
        guard status.st_mode & 0o077 == 0 else {
            throw CredentialVaultError(
                "the vault file \(path) can be read or written by group or others (mode "
                    + "\(String(status.st_mode & 0o777, radix: 8))); run `chmod 600 \(path)`"
            )
        }
    }

    private static func box(_ record: FileRecord, name: String, path: String) throws(CredentialVaultError)
        -> AESGCMSealedBox
    {
        guard let nonce = Base64.decode(record.nonce), let ciphertext = Base64.decode(record.ciphertext),
            let tag = Base64.decode(record.tag)
        else {
            throw CredentialVaultError("vault record \(name) in \(path) has a field that is not Base64")
        }
        do throws(AESGCMError) {
            return try AESGCMSealedBox(nonce: nonce, ciphertext: ciphertext, tag: tag)
        } catch {
            throw CredentialVaultError("vault record \(name) in \(path) is malformed: \(error.message)")
        }
    }

    /// Writes the vault and its manifest to `path` with mode 0600, through a temporary file in
    /// the same directory renamed over the old one, so a reader sees either the old vault or the
    /// new one, never half. A new vault with no records has no manifest yet, and its file would
    /// not load: seal a record first.
    ///
    /// - Throws: ``CredentialVaultError`` when the file cannot be written.
    public func save(path: String) throws(CredentialVaultError) {
        var sealed = records
        sealed[Self.manifestName] = manifest
        let contents = FileContents(
            version: version,
            records: sealed.mapValues {
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

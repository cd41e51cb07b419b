internal import Foundation
internal import ServiceSupport

/// Where the vault's master key comes from: Base64 text in an environment variable, or a file that
/// only its owner can read.
public enum VaultMasterKey {
    /// The variable holding the Base64 of the 32-byte master key.
    public static let keyVariable = "GATEWAY_MASTER_KEY"
    /// The variable naming a file that holds the Base64 of the master key.
    public static let fileVariable = "GATEWAY_MASTER_KEY_FILE"

    /// Reads the master key from `environment`.
    ///
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - keyVariable: The variable with the key's Base64 (``keyVariable``, or the new key's on
    ///     rotation); surrounding spaces and line breaks are ignored, as in the key file.
    ///   - fileVariable: The variable with the key file's path.
    /// - Returns: The key, or `nil` when neither variable is set.
    /// - Throws: ``CredentialVaultError`` when both are set, the text is hex digits (saying to use
    ///   `openssl rand -base64 32`) or not Base64 of exactly 32 bytes, the key is visibly not random
    ///   (too few distinct bytes, or all printable ASCII like a passphrase), or the file is a
    ///   directory or can be read by group or others.
    public static func load(
        environment: [String: String],
        keyVariable: String = keyVariable,
        fileVariable: String = fileVariable
    ) throws(CredentialVaultError) -> AESGCMKey? {
        let inline = environment[keyVariable]
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .flatMap { $0.isEmpty ? nil : $0 }
        let file = environment[fileVariable].flatMap { $0.isEmpty ? nil : $0 }
        switch (inline, file) {
        case (nil, nil):
            return nil
        case (.some, .some):
            throw CredentialVaultError("set only one of \(keyVariable) and \(fileVariable), not both")
        case (let text?, nil):
            return try key(fromBase64: text, source: keyVariable)
        case (nil, let path?):
            return try key(fromBase64: readKeyFile(path, variable: fileVariable), source: path)
        }
    }

    private static func readKeyFile(_ path: String, variable: String) throws(CredentialVaultError) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw CredentialVaultError(
                "cannot read the key file \(path) named by \(variable): \(String(cString: strerror(errno)))"
            )
        }
        guard !FileKind.isDirectory(status.st_mode) else {
            throw CredentialVaultError(
                "the key file \(path) named by \(variable) is a directory; \(variable) must name the file that "
                    + "holds the master key"
            )
        }
        guard status.st_mode & 0o077 == 0 else {
            throw CredentialVaultError(
                "the key file \(path) named by \(variable) can be read or written by group or others (mode "
                    + "\(String(status.st_mode & 0o777, radix: 8))); run `chmod 600 \(path)`"
            )
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CredentialVaultError("cannot read the key file \(path) named by \(variable) as UTF-8 text")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func key(fromBase64 text: String, source: String) throws(CredentialVaultError) -> AESGCMKey {
        // Hex digits are Base64 characters too, so `openssl rand -hex 32` would decode to 48
        // bytes and be refused for its length, which does not say what went wrong. The message
        // names no `-hex N` command: the count of digits tells nothing about which one made them.
        if looksLikeHex(text) {
            throw CredentialVaultError(
                "the master key from \(source) looks like hex (\(text.utf8.count) hex digits), not Base64; "
                    + "the key must be the Base64 of 32 random bytes: make one with `openssl rand -base64 32`"
            )
        }
        guard var bytes = Base64.decode(text) else {
            throw CredentialVaultError(
                "the master key from \(source) is not Base64; create one with `openssl rand -base64 32`"
            )
        }
        defer { SecureWipe.wipe(&bytes) }
        guard bytes.count == AESGCMKey.byteCount else {
            throw CredentialVaultError(
                "the master key from \(source) is \(bytes.count) bytes; it must be exactly \(AESGCMKey.byteCount) "
                    + "(`openssl rand -base64 32`)"
            )
        }
        // 32 random bytes almost never repeat enough to have fewer than 16 distinct values
        // (the chance is far below 2^-100); a key that does was typed or derived, not generated.
        guard Set(bytes).count >= 16 else {
            throw CredentialVaultError(
                "the master key from \(source) is too regular to be random (repeated bytes); generate one with "
                    + "`openssl rand -base64 32`"
            )
        }
        // Each random byte is printable ASCII (0x20-0x7E) with probability 95/256, so all 32 are
        // with probability about 2^-46; a key that is was typed: a passphrase, not a generated key.
        guard !bytes.allSatisfy({ (0x20...0x7E).contains($0) }) else {
            throw CredentialVaultError(
                "the master key from \(source) is all printable text, so it looks like a passphrase; make a "
                    + "random one with `openssl rand -base64 32`"
            )
        }
        // The length was checked just above, so the key cannot be refused.
        return try! AESGCMKey(bytes: bytes)
    }

    /// Whether `text` is hex digits only, at least 32 of them: what `openssl rand -hex N` makes. The
    /// Base64 of 32 random bytes is 44 characters with padding, never all hex digits.
    private static func looksLikeHex(_ text: String) -> Bool {
        text.utf8.count >= 32
            && text.utf8.allSatisfy {
                (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0)
            }
    }
}

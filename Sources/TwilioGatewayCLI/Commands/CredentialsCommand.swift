internal import Foundation
internal import GatewayCrypto

/// `twilio-gateway credentials set|show|rotate-key`: the Twilio credentials kept encrypted in the
/// data directory's vault.
enum CredentialsCommand {
    static let help = """
        Usage: twilio-gateway credentials set --account-sid AC... [--api-key SK...]
                                              [--messaging-service-sid MG...]
                                              [--verify-service-sid VA...] [--data-dir PATH] < secret
               twilio-gateway credentials show [--data-dir PATH]
               twilio-gateway credentials rotate-key [--data-dir PATH]

        The Twilio credentials in vault.json in the data directory, each record sealed with
        AES-256-GCM under the master key:
          set         Stores the Account SID and the Auth Token, which is read from standard input
                      (exactly one line of printable ASCII, no spaces or control characters, at
                      most 256 bytes; never give it as an option, where other users could see
                      it); with --api-key, standard input holds that key's secret instead,
                      requests then authenticate with the key, and a stored Auth Token is kept
                      for webhooks. An existing vault must open with the master
                      key, or nothing is changed. Creates the data directory with mode 0700
          show        Prints the Account SID, the API key and service SIDs, and the secrets masked
                      (eight asterisks and the last 4 characters; none of a secret that holds
                      control characters)
          rotate-key  Reseals every record under the new master key and replaces the file in one
                      rename, so a running gateway reads either the old file or the new one

        The master key is the Base64 of 32 random bytes (`openssl rand -base64 32`, not -hex), from
        GATEWAY_MASTER_KEY or from the file named by GATEWAY_MASTER_KEY_FILE, which only its owner
        may read. rotate-key takes the new key, which must differ from the current one, from
        GATEWAY_NEW_MASTER_KEY or GATEWAY_NEW_MASTER_KEY_FILE; give the gateway the new key before it
        next starts. Spaces and line breaks around a key are ignored.

        Options:
          --account-sid SID              set only: the Account SID, AC... (required)
          --api-key SID                  set only: an API key, SK...; its secret comes on standard input
          --messaging-service-sid SID    set only: the default Messaging Service, MG...
          --verify-service-sid SID       set only: the default Verify Service, VA...
          --data-dir PATH                The data directory [GATEWAY_DATA_DIR] (default ./data)
        """

    static let command = Command(help: help) { words in
        var arguments = try CommandArguments(
            words,
            options: ["account-sid", "api-key", "messaging-service-sid", "verify-service-sid", "data-dir"],
            flags: [],
            acceptsPositional: true
        )
        let environment = Environment()
        let directory = arguments.value("data-dir") ?? environment["GATEWAY_DATA_DIR"] ?? "./data"
        let path = directory + "/" + CredentialVault.fileName
        try DataDirectoryMode.refuseWritable(directory)
        guard let step = arguments.positional.flatMap(Step.init(rawValue:)) else {
            throw CommandArguments.ParseError(description: "give 'set', 'show' or 'rotate-key' after credentials")
        }
        let key = try masterKey(
            ProcessInfo.processInfo.environment,
            VaultMasterKey.keyVariable,
            VaultMasterKey.fileVariable
        )
        switch step {
        case .set:
            try set(&arguments, key: key, directory: directory, path: path)
        case .show:
            try arguments.rejectUnknown()
            try show(key: key, path: path)
        case .rotateKey:
            try arguments.rejectUnknown()
            let newKey = try masterKey(
                ProcessInfo.processInfo.environment,
                "GATEWAY_NEW_MASTER_KEY",
                "GATEWAY_NEW_MASTER_KEY_FILE"
            )
            guard newKey != key else {
                throw CredentialVaultError(
                    "the new master key is the current one; give GATEWAY_NEW_MASTER_KEY a new key from "
                        + "`openssl rand -base64 32`"
                )
            }
            let vault = try existingVault(path)
            try vault.resealed(from: key, to: newKey).save(path: path)
            print("resealed \(vault.records.count) records of \(path) under the new master key")
        }
        return 0
    }

    /// The word after `credentials`.
    private enum Step: String {
        case set
        case show
        case rotateKey = "rotate-key"
    }

    private static func masterKey(
        _ environment: [String: String],
        _ keyVariable: String,
        _ fileVariable: String
    ) throws -> AESGCMKey {
        guard
            let key = try VaultMasterKey.load(
                environment: environment,
                keyVariable: keyVariable,
                fileVariable: fileVariable
            )
        else {
            throw CredentialVaultError(
                "set \(keyVariable) to the Base64 of 32 random bytes (`openssl rand -base64 32`), or "
                    + "\(fileVariable) to a file holding it"
            )
        }
        return key
    }

    private static func existingVault(_ path: String) throws -> CredentialVault {
        guard let vault = try CredentialVault.load(path: path) else {
            throw CredentialVaultError("there is no vault at \(path); store credentials with 'credentials set' first")
        }
        return vault
    }

    private static func set(
        _ arguments: inout CommandArguments,
        key: AESGCMKey,
        directory: String,
        path: String
    ) throws {
        let accountSID = try sid(arguments.required("account-sid"), option: "account-sid", prefix: "AC")
        let apiKeySID = try arguments.value("api-key").map { try sid($0, option: "api-key", prefix: "SK") }
        let messagingServiceSID = try arguments.value("messaging-service-sid").map {
            try sid($0, option: "messaging-service-sid", prefix: "MG")
        }
        let verifyServiceSID = try arguments.value("verify-service-sid").map {
            try sid($0, option: "verify-service-sid", prefix: "VA")
        }
        try arguments.rejectUnknown()
        let what = apiKeySID == nil ? "the Auth Token" : "the API key's secret"
        var secret = try SecretLine.read(what: what)
        defer { SecureWipe.wipe(&secret) }
        try SecretLine.strip(&secret, what: what)
        var vault =
            try CredentialVault.load(path: path).map { try resealable($0, key: key, path: path) }
            ?? CredentialVault()
        try vault.seal(Array(accountSID.utf8), name: CredentialVault.accountSID, key: key)
        if let apiKeySID {
            try vault.seal(Array(apiKeySID.utf8), name: CredentialVault.apiKeySID, key: key)
            try vault.seal(secret, name: CredentialVault.apiKeySecret, key: key)
        } else {
            try vault.seal(secret, name: CredentialVault.authToken, key: key)
        }
        if let messagingServiceSID {
            try vault.seal(Array(messagingServiceSID.utf8), name: CredentialVault.messagingServiceSID, key: key)
        }
        if let verifyServiceSID {
            try vault.seal(Array(verifyServiceSID.utf8), name: CredentialVault.verifyServiceSID, key: key)
        }
        try FileManager.default.createDirectory(
            atPath: directory,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        try vault.save(path: path)
        print("stored the credentials of \(accountSID) in \(path)")
    }

    /// `vault` resealed under `key` as the current version, after checking that every record
    /// opens with `key`, so that `set` never mixes records sealed under two keys.
    ///
    /// - Throws: ``GatewayCrypto/CredentialVaultError`` naming the record that does not open, or
    ///   the one the manifest and the file disagree on, saying that nothing was changed.
    private static func resealable(_ vault: CredentialVault, key: AESGCMKey, path: String) throws
        -> CredentialVault
    {
        for name in vault.records.keys.sorted() {
            do {
                _ = try vault.open(name, key: key) { _ in true }
            } catch {
                throw CredentialVaultError(
                    "nothing was changed: vault record \(name) in \(path) does not open with this master key, so "
                        + "the key is not this vault's (or the file was changed); give the master key the vault "
                        + "was sealed under, or move \(path) away to start a new vault"
                )
            }
        }
        do {
            return try vault.resealed(from: key, to: key)
        } catch {
            throw CredentialVaultError("nothing was changed: \(error)")
        }
    }

    private static func show(key: AESGCMKey, path: String) throws {
        let vault = try existingVault(path)
        try vault.verify(key: key)
        if vault.version < CredentialVault.currentVersion {
            printError(
                "note: \(path) is a version \(vault.version) vault, without a manifest to notice deleted records; "
                    + "the next 'credentials set' or 'rotate-key' rewrites it as version \(CredentialVault.currentVersion)"
            )
        }
        let text: (String) throws -> String = { name in
            try vault.open(name, key: key) { escaped($0) } ?? "(not set)"
        }
        // The mask has one width whatever the secret's length, so it does not tell the length;
        // a secret under 16 bytes shows a quarter of itself at most, not 4 characters. A secret
        // that is not printable ASCII (stored by an older version) shows none of itself, so its
        // bytes never reach the terminal, and a note says serve refuses it.
        var notes: [String] = []
        let masked: (String) throws -> String = { name in
            try vault.open(name, key: key) { secret in
                if let problem = SecretRule.unprintable(secret) {
                    notes.append(
                        "note: vault record \(name) \(problem), so serve refuses it; store it again with "
                            + "'credentials set'"
                    )
                }
                guard SecretRule.isPrintable(secret) else {
                    return "********"
                }
                return "********" + String(decoding: secret.suffix(min(4, secret.count / 4)), as: UTF8.self)
            } ?? "(not set)"
        }
        print("account sid:           \(try text(CredentialVault.accountSID))")
        print("auth token:            \(try masked(CredentialVault.authToken))")
        print("api key sid:           \(try text(CredentialVault.apiKeySID))")
        print("api key secret:        \(try masked(CredentialVault.apiKeySecret))")
        print("messaging service sid: \(try text(CredentialVault.messagingServiceSID))")
        print("verify service sid:    \(try text(CredentialVault.verifyServiceSID))")
        for note in notes {
            printError(note)
        }
    }

    /// `bytes` as text with every byte outside printable ASCII written as `\xNN`, so that a
    /// record stored by hand or by an older version cannot drive the terminal.
    private static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            if (0x20...0x7E).contains(byte) {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                text += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return text
    }

    /// `value` when it is `prefix` and 32 hex digits.
    ///
    /// - Throws: ``CommandArguments/ParseError`` naming the option and the shape.
    static func sid(_ value: String, option: String, prefix: String) throws -> String {
        guard isSID(value, prefix: prefix) else {
            throw CommandArguments.ParseError(description: "--\(option) must be \(prefix) followed by 32 hex digits")
        }
        return value
    }

    /// Whether `value` is `prefix` and 32 hex digits (either case): the shape of every SID the
    /// vault holds, checked by `set` and again by `serve` when it loads the vault.
    static func isSID(_ value: String, prefix: String) -> Bool {
        let digits = value.utf8.dropFirst(prefix.utf8.count)
        let isHex = digits.allSatisfy {
            (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0)
        }
        return value.hasPrefix(prefix) && digits.count == 32 && isHex
    }
}

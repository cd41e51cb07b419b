internal import Foundation
internal import GatewayAPI
internal import GatewayAccess
internal import GatewayStore
internal import RPCCore
internal import ServiceSupport

/// `twilio-gateway keys create|list|revoke`: the API keys RPC and GraphQL callers present, kept
/// as hashes in the data directory's gateway.sqlite3.
enum KeysCommand {
    static let help = """
        Usage: twilio-gateway keys create --name NAME [--scope SCOPE]... [--data-dir PATH]
               twilio-gateway keys list [--data-dir PATH]
               twilio-gateway keys revoke ID [--data-dir PATH]

        The API keys callers send as `authorization: Bearer <key>` (RPC metadata) or
        `Authorization: Bearer <key>` (GraphQL). Only a SHA-256 hash of each key's secret is stored.
        The commands work while a gateway runs on the same data directory: a new or revoked key
        counts from the gateway's next call.
          create  Makes a key and prints it once; it cannot be shown again
          list    Prints every key's ID, name, scopes, and when it was created, last used (to the
                  minute) and revoked; never a secret
          revoke  Refuses the key with this ID from the next call on, and ends its open streams

        A scope names what a key may call: * (everything, the default), a service (Verify.*), or
        one method (Verify.StartVerification, or twilio.gateway.v1.Verify/StartVerification).
        Give --scope once per scope. Health.Check needs no key.

        Options:
          --name NAME        create only: what the key is for, such as the service that uses it
                             (1 to 64 printable characters, no space at either end)
          --scope SCOPE      create only: what the key may call; repeatable
          --data-dir PATH    The data directory [GATEWAY_DATA_DIR] (default ./data)
        """

    static let command = Command(help: help) { words in
        guard let step = words.first.flatMap(Step.init(rawValue:)) else {
            throw CommandArguments.ParseError(description: "give 'create', 'list' or 'revoke' after keys")
        }
        var arguments = try CommandArguments(
            Array(words.dropFirst()),
            options: ["name", "scope", "data-dir"],
            flags: [],
            acceptsPositional: step == .revoke
        )
        let directory = arguments.value("data-dir") ?? Environment()["GATEWAY_DATA_DIR"] ?? "./data"
        try DataDirectoryMode.refuseWritable(directory)
        switch step {
        case .create:
            let name = try arguments.required("name")
            let scopes = arguments.values("scope")
            try arguments.rejectUnknown()
            try create(name: name, scopes: scopes, registry: registry(directory, creating: true))
        case .list:
            try arguments.rejectUnknown()
            try requireDirectory(directory)
            guard FileManager.default.fileExists(atPath: directory + "/" + GatewayStore.fileName) else {
                print(noKeys)
                return 0
            }
            try list(registry(directory, creating: false))
        case .revoke:
            guard let id = arguments.positional else {
                throw CommandArguments.ParseError(description: "give the ID of the key to revoke: keys revoke ID")
            }
            try arguments.rejectUnknown()
            try requireDirectory(directory)
            try registry(directory, creating: false).revoke(id: id)
            print("revoked API key \(id)")
        }
        return 0
    }

    private static let noKeys = "no API keys; create one with 'twilio-gateway keys create --name NAME'"

    /// The word after `keys`.
    private enum Step: String {
        case create
        case list
        case revoke
    }

    /// Throws when `directory` is not an existing directory, so a mistyped `--data-dir` is not
    /// taken for a data directory without keys.
    private static func requireDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw APIKeyRegistryError(
                description: "the data directory '\(directory)' does not exist; give the gateway's --data-dir "
                    + "(or GATEWAY_DATA_DIR)"
            )
        }
    }

    private static func registry(_ directory: String, creating: Bool) throws -> APIKeyRegistry {
        if creating {
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } else if !FileManager.default.fileExists(atPath: directory + "/" + GatewayStore.fileName) {
            throw APIKeyRegistryError(
                description:
                    "there is no \(GatewayStore.fileName) in \(directory); create a key with 'keys create' first"
            )
        }
        let store = try GatewayStore(directory: directory)
        return APIKeyRegistry(keys: store.apiKeys, methods: RPCMethod.gatewayMethods, clock: { Timestamp.now() })
    }

    private static func create(name: String, scopes: [String], registry: APIKeyRegistry) throws {
        let (record, token) = try registry.create(name: name, scopes: scopes)
        print("id:     \(record.id)")
        print("name:   \(record.name)")
        print("scopes: \(record.scopes.joined(separator: " "))")
        print("key:    \(token.revealed)")
        printError(
            "The key is shown only this once: store it now, then give it to the caller "
                + "(GATEWAY_API_KEY, or a file for --api-key-file)."
        )
    }

    private static func list(_ registry: APIKeyRegistry) throws {
        let records = try registry.list()
        guard !records.isEmpty else {
            print(noKeys)
            return
        }
        let time: (Double?) -> String = { $0.map(Timestamp.rfc3339WholeSeconds) ?? "-" }
        let rows =
            [["ID", "NAME", "SCOPES", "CREATED", "LAST USED", "REVOKED"]]
            + records.map { record in
                [
                    record.id, printable(record.name), record.scopes.joined(separator: ","), time(record.createdAt),
                    time(record.lastUsedAt), time(record.revokedAt),
                ]
            }
        let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = zip(row, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0)
            }
            print(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
    }

    /// `name` with every character a terminal could act on (control, format, separator or
    /// unassigned) written as `\u{…}`, for names stored before `keys create` refused them.
    private static func printable(_ name: String) -> String {
        var text = ""
        for scalar in name.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                text += "\\u{" + String(scalar.value, radix: 16) + "}"
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}

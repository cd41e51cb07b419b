/// Why a caller may not make a call: no usable key (``RPCStatusCode/unauthenticated``) or a key
/// whose scopes leave the method out (``RPCStatusCode/permissionDenied``).
///
/// The message is safe to show the caller and to log: it never holds the key's secret.
public struct RPCAccessRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// ``RPCStatusCode/unauthenticated`` or ``RPCStatusCode/permissionDenied``.
    public var code: RPCStatusCode
    /// The public ID of the key presented, when the caller presented one that could be read.
    public var keyID: String?
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates a refusal.
    ///
    /// - Parameters:
    ///   - code: ``RPCStatusCode/unauthenticated`` or ``RPCStatusCode/permissionDenied``.
    ///   - keyID: The public ID of the key presented, if known.
    ///   - message: What is wrong; never the key's secret.
    public init(code: RPCStatusCode, keyID: String?, message: String) {
        self.code = code
        self.keyID = keyID
        self.message = message
    }

    /// A caller who sent no key at all.
    public static let missingKey = RPCAccessRefusal(
        code: .unauthenticated,
        keyID: nil,
        message: "missing API key: send metadata authorization: Bearer <key>"
    )

    /// A caller who sent more than one key, which is refused rather than guessing which counts.
    public static let duplicateKey = RPCAccessRefusal(
        code: .unauthenticated,
        keyID: nil,
        message: "several API keys: send one metadata entry authorization: Bearer <key>"
    )

    /// A caller who sent an authorization value in another scheme than Bearer, such as Basic.
    public static let wrongScheme = RPCAccessRefusal(
        code: .unauthenticated,
        keyID: nil,
        message: "use the Bearer scheme: send metadata authorization: Bearer <key>"
    )

    /// A caller who sent the Bearer scheme with no key after it.
    public static let emptyKey = RPCAccessRefusal(
        code: .unauthenticated,
        keyID: nil,
        message: "missing API key after Bearer: send metadata authorization: Bearer <key>"
    )

    /// A caller who sent the scheme twice, `Bearer Bearer <key>`: most often a key kept with the
    /// scheme in front of it (in an environment variable or a file) by a client that adds the
    /// scheme itself.
    public static let schemeTwice = RPCAccessRefusal(
        code: .unauthenticated,
        keyID: nil,
        message: "Bearer appears twice: send metadata authorization: Bearer <key> with the key alone (tgw_…), "
            + "and remove 'Bearer ' from where the key is kept"
    )

    /// A key that is not well formed, unknown, revoked, or whose secret does not match.
    ///
    /// - Parameter keyID: The key ID the caller's key names, when it could be read.
    public static func unknownKey(_ keyID: String?) -> RPCAccessRefusal {
        RPCAccessRefusal(code: .unauthenticated, keyID: keyID, message: "unknown or revoked API key")
    }

    /// A known key whose scopes do not include `method`.
    public static func outOfScope(_ caller: RPCCaller, _ method: RPCMethod) -> RPCAccessRefusal {
        RPCAccessRefusal(
            code: .permissionDenied,
            keyID: caller.keyID,
            message: "key \(caller.keyID ?? "(none)") may not call \(method.service)/\(method.name)"
        )
    }

    /// The refusal as the error a call ends with.
    public var rpcError: RPCError {
        RPCError(code: code, message: message)
    }

    public var description: String {
        "\(code): \(message)"
    }
}

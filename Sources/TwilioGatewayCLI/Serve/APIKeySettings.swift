internal import GatewayAPI
internal import GatewayAccess
internal import GatewayStore
internal import RPCCore
internal import ServiceSupport

/// When `serve` asks callers for API keys, and the access control that asks them.
///
/// A gateway that talks to real Twilio always needs keys. Started before any key exists, it
/// still starts, so that Twilio's webhooks and the health and readiness probes keep being
/// answered, but refuses every RPC and GraphQL call (Health.Check aside) until `keys create`
/// has made one, and says so in an error line. A sandbox gateway lets everyone in while the
/// store holds no key, says so at start, and needs keys from the call after the first
/// `keys create`; `--require-api-keys` makes it behave like a live one.
struct APIKeySettings {
    /// The flag of `serve` that turns keys on in sandbox mode.
    static let flagName = "require-api-keys"

    /// Whether keys are needed even in sandbox mode.
    var isRequired = false

    /// Reads `--require-api-keys` (or `GATEWAY_REQUIRE_API_KEYS=1`).
    init(arguments: inout CommandArguments, environment: Environment) throws {
        let variable = environment["GATEWAY_REQUIRE_API_KEYS"]
        guard variable == nil || variable == "0" || variable == "1" else {
            throw CommandArguments.ParseError(description: "GATEWAY_REQUIRE_API_KEYS must be 0 or 1")
        }
        isRequired = arguments.flag(Self.flagName) || variable == "1"
    }

    init() {}

    /// The methods every caller may call without a key: the health check, for load balancers.
    static let openMethods: Set<RPCMethod> = [.healthCheck]

    /// The access control of a gateway over `store`, after logging whether callers are
    /// authenticated.
    ///
    /// - Parameters:
    ///   - store: Where the keys are.
    ///   - isSandbox: Whether the gateway serves the built-in sandbox rather than real Twilio.
    ///   - dataDirectory: The data directory, for the message that says how to create a key.
    ///   - logger: Receives `gateway.auth.open` or `gateway.auth.enforced`, and the refusals.
    /// - Throws: ``StartupFailure`` when the store cannot be read.
    func makeAccessControl(store: GatewayStore, isSandbox: Bool, dataDirectory: String, logger: Logger) throws
        -> APIKeyAccessControl
    {
        let enforcement: APIKeyEnforcement = isSandbox && !isRequired ? .onceAKeyExists : .always
        let hasNoKeys: Bool
        do {
            hasNoKeys = try store.apiKeys.isEmpty()
        } catch {
            throw StartupFailure.cannot("read the API keys", error)
        }
        switch (enforcement, hasNoKeys) {
        case (.always, true):
            logger.error(
                "gateway.auth.no_keys",
                [
                    "note": "callers need an API key and none exists, so every RPC and GraphQL call is refused; "
                        + "create one with 'twilio-gateway keys create --name NAME --data-dir \(dataDirectory)'"
                ]
            )
        case (.onceAKeyExists, true):
            logger.warning(
                "gateway.auth.open",
                [
                    "note": "callers are not authenticated (sandbox mode, no API keys); "
                        + "'twilio-gateway keys create' turns keys on from the next call"
                ]
            )
        default:
            logger.notice("gateway.auth.enforced", ["note": "RPC and GraphQL callers need an API key"])
        }
        return APIKeyAccessControl(
            keys: store.apiKeys,
            enforcement: enforcement,
            openMethods: Self.openMethods,
            logger: logger.labeled("gateway.auth")
        )
    }
}

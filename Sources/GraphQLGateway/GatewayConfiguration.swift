/// What the gateway's schema exposes and how its resolvers call the services.
public struct GatewayConfiguration: Sendable {
    /// The services left out of the GraphQL schema by default: `twilio.gateway.v1.Health`,
    /// which HTTP probes and the RPC itself serve.
    ///
    /// This is the one list of excluded services; pass another to ``excludedServices`` to
    /// change it.
    public static let defaultExcludedServices: Set<String> = ["twilio.gateway.v1.Health"]

    /// The gateway's version, reported by the `twilio_gateway` query field.
    public var version: String
    /// Full names of the services to leave out of the schema.
    public var excludedServices: Set<String>
    /// How long an RPC may take when the request's context sets no timeout; 10 seconds unless set.
    public var defaultTimeout: Duration

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - version: The gateway's version, such as `1.4.0`.
    ///   - excludedServices: Full names of the services to leave out.
    ///   - defaultTimeout: How long an RPC may take when the request sets no timeout.
    public init(
        version: String,
        excludedServices: Set<String> = GatewayConfiguration.defaultExcludedServices,
        defaultTimeout: Duration = .seconds(10)
    ) {
        self.version = version
        self.excludedServices = excludedServices
        self.defaultTimeout = defaultTimeout
    }
}

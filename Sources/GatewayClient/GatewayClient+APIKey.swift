internal import RPCCore

extension GatewayClient {
    /// A copy of this client whose calls without options of their own send `key` as the
    /// `authorization: Bearer <key>` metadata a gateway that requires API keys checks.
    ///
    /// Options passed to a single call replace the default ones, key included; add the entry
    /// to those options with ``RPCCore/RPCMetadata/add(_:_:)`` when a call needs both.
    ///
    /// - Parameter key: The API key, as `twilio-gateway keys create` printed it.
    /// - Returns: The client with the key in its default metadata.
    public func withAPIKey(_ key: String) -> GatewayClient {
        var options = defaultOptions
        options.metadata.add("authorization", "Bearer " + key)
        return GatewayClient(transport: transport, defaultOptions: options)
    }
}

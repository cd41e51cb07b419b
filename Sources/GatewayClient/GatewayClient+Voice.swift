public import GatewayAPI
public import RPCCore

extension GatewayClient {
    /// Fetches a call as Twilio knows it now.
    public func getCall(_ request: GetCallRequest, options: RPCCallOptions? = nil) async throws -> Call {
        try await unary(.getCall, request, options)
    }

    /// Cancels, hangs up or redirects a call.
    public func updateCall(_ request: UpdateCallRequest, options: RPCCallOptions? = nil) async throws -> Call {
        try await unary(.updateCall, request, options)
    }
}

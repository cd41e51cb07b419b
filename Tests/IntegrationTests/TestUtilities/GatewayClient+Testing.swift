internal import GatewayClient
internal import RPCCore
internal import WireFraming

/// Runs `body` with a TCP client of the gateway at `127.0.0.1:port`, sending `apiKey` (by
/// default the key ``GatewayAPIKeys`` holds for the port, if any), and closes its connection
/// afterwards.
func withGatewayClient<Result>(
    port: Int,
    timeout: Duration = .seconds(10),
    apiKey: String? = nil,
    _ body: (GatewayClient) async throws -> Result
) async throws -> Result {
    let plain = GatewayClient.connecting(
        toHost: "127.0.0.1",
        port: port,
        defaultOptions: RPCCallOptions(timeout: timeout)
    )
    let client = (apiKey ?? GatewayAPIKeys.key(forPort: port)).map { plain.withAPIKey($0) } ?? plain
    defer { (client.transport as? RPCClientConnection)?.close() }
    return try await body(client)
}

/// Runs `body`, which must throw an ``RPCError``, and returns that error and how long it took.
///
/// - Throws: When `body` succeeds or throws another error.
func expectRPCError(_ body: () async throws -> some Any) async throws -> (error: RPCError, elapsed: Duration) {
    let started = ContinuousClock.now
    do {
        let value = try await body()
        throw GatewayProcess.Failure(description: "the call succeeded with \(value); an RPCError was expected")
    } catch let error as RPCError {
        return (error, ContinuousClock.now - started)
    }
}

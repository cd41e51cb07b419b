public import GatewayAPI
internal import ProtoBridge
public import RPCCore

/// A typed client for the gateway's RPCs, over any transport: TCP to a running gateway, or
/// in-process to a dispatcher.
///
/// Every method throws ``RPCCore/RPCError``; Twilio's code and whether a retry may help are in
/// its ``RPCCore/RPCError/errorDetails``.
public struct GatewayClient: Sendable {
    /// The transport calls go through.
    public let transport: any RPCClientTransport
    /// Options used by calls that pass none of their own.
    public var defaultOptions: RPCCallOptions

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - transport: Where calls go.
    ///   - defaultOptions: The deadline and metadata of calls that pass no options.
    public init(transport: any RPCClientTransport, defaultOptions: RPCCallOptions = RPCCallOptions()) {
        self.transport = transport
        self.defaultOptions = defaultOptions
    }

    /// Sends one SMS or MMS message.
    public func sendSms(_ request: SendSmsRequest, options: RPCCallOptions? = nil) async throws -> Message {
        try await unary(.sendSms, request, options)
    }

    /// Places an outbound call.
    public func makeCall(_ request: MakeCallRequest, options: RPCCallOptions? = nil) async throws -> Call {
        try await unary(.makeCall, request, options)
    }

    /// Sends a verification code.
    public func startVerification(
        _ request: StartVerificationRequest,
        options: RPCCallOptions? = nil
    ) async throws -> Verification {
        try await unary(.startVerification, request, options)
    }

    /// Checks a verification code.
    public func checkVerification(
        _ request: CheckVerificationRequest,
        options: RPCCallOptions? = nil
    ) async throws -> VerificationCheck {
        try await unary(.checkVerification, request, options)
    }

    /// Asks whether a service (or, for `""`, the gateway) is serving.
    public func checkHealth(service: String = "", options: RPCCallOptions? = nil) async throws -> HealthCheckResponse {
        try await unary(.healthCheck, HealthCheckRequest(service: service), options)
    }

    /// Streams a service's serving status: now, then at each change.
    public func watchHealth(
        service: String = "",
        options: RPCCallOptions? = nil
    ) -> AsyncThrowingStream<HealthCheckResponse, any Error> {
        serverStreaming(.healthWatch, HealthCheckRequest(service: service), options)
    }

    /// Streams the stored webhook events that pass the request's filters, from its start
    /// position (or right after its consumer's acknowledged offset), then new ones as they are
    /// stored. Ending the iteration cancels the call.
    public func subscribeEvents(
        _ request: SubscribeEventsRequest,
        options: RPCCallOptions? = nil
    ) -> AsyncThrowingStream<Event, any Error> {
        serverStreaming(.subscribeEvents, request, options)
    }

    /// Calls a unary method with typed messages; the other files of this module build on it.
    func unary<Request: ProtoMessageConvertible, Response: ProtoMessageConvertible>(
        _ method: RPCMethod,
        _ request: Request,
        _ options: RPCCallOptions?
    ) async throws -> Response {
        let bytes = try await transport.unary(method, request: try encode(request), options: options ?? defaultOptions)
        return try decode(Response.self, bytes, method)
    }

    func serverStreaming<Request: ProtoMessageConvertible, Response: ProtoMessageConvertible>(
        _ method: RPCMethod,
        _ request: Request,
        _ options: RPCCallOptions?
    ) -> AsyncThrowingStream<Response, any Error> {
        let encoded: [UInt8]
        do {
            encoded = try encode(request)
        } catch {
            return AsyncThrowingStream { $0.finish(throwing: error) }
        }
        let messages = transport.serverStreaming(method, request: encoded, options: options ?? defaultOptions)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await bytes in messages {
                        continuation.yield(try decode(Response.self, bytes, method))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func encode<Request: ProtoMessageConvertible>(_ request: Request) throws -> [UInt8] {
        do {
            return try request.serializedBytes()
        } catch let error as ProtoError {
            throw RPCError(code: .invalidArgument, message: "the request cannot be encoded: \(error.message)")
        }
    }

    private func decode<Response: ProtoMessageConvertible>(
        _ type: Response.Type,
        _ bytes: [UInt8],
        _ method: RPCMethod
    ) throws -> Response {
        do {
            return try Response(serializedBytes: bytes)
        } catch let error as ProtoError {
            // ProtoBridge's message names the type when the bytes do not parse; say it once.
            let message =
                error.message.contains(Response.protoTypeName)
                ? "the response of \(method) cannot be decoded: \(error.message)"
                : "the response of \(method) is not a valid \(Response.protoTypeName): \(error.message)"
            throw RPCError(code: .internalError, message: message)
        }
    }
}

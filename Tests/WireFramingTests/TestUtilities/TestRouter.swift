internal import RPCCore
internal import Synchronization

/// The methods of the test service, each exercising one behaviour of the transport.
enum TestMethods {
    /// Returns the request unchanged.
    static let echo = RPCMethod(service: "test.Echo", name: "Echo")
    /// Records that it started, sleeps for the number of milliseconds written in the request
    /// (UTF-8), then echoes it.
    static let slow = RPCMethod(service: "test.Echo", name: "Slow")
    /// Streams as many responses as the request says (UTF-8), each the index as UTF-8.
    static let stream = RPCMethod(service: "test.Echo", name: "Stream")
    /// Never finishes; records that it started and that it was cancelled.
    static let hang = RPCMethod(service: "test.Echo", name: "Hang")
    /// Fails with FAILED_PRECONDITION, a fixed message, and the request as the details.
    static let fail = RPCMethod(service: "test.Echo", name: "Fail")
    /// Gives up on its own by throwing CancellationError.
    static let abandon = RPCMethod(service: "test.Echo", name: "Abandon")
    /// Streams as many responses as the request says (UTF-8), counting them in the probe, then
    /// fails with ABORTED.
    static let streamThenFail = RPCMethod(service: "test.Echo", name: "StreamThenFail")
    /// Streams as many 2 KiB responses as the request says (UTF-8), counting them in the probe.
    static let streamBig = RPCMethod(service: "test.Echo", name: "StreamBig")
    /// Returns a response of as many bytes as the request says (UTF-8).
    static let big = RPCMethod(service: "test.Echo", name: "Big")

    /// The gateway's health check, answering `SERVING` (`08 01`) whatever the request.
    static let healthCheck = RPCMethod(service: "twilio.gateway.v1.Health", name: "Check")
    /// The gateway's SendSms, always failing as Twilio does for a bad `to`, with details.
    static let sendSms = RPCMethod(service: "twilio.gateway.v1.Messaging", name: "SendSms")
    /// `ErrorDetails { twilio_code: 21211, http_status: 400, field_violations: [{ "to", "not E.164" }] }`,
    /// the details of the example in `docs/protocol.md`.
    static let sendSmsDetails: [UInt8] = [
        0x08, 0xDB, 0xA5, 0x01, 0x20, 0x90, 0x03, 0x3A, 0x0F, 0x0A, 0x02, 0x74, 0x6F, 0x12, 0x09, 0x6E, 0x6F, 0x74,
        0x20, 0x45, 0x2E, 0x31, 0x36, 0x34,
    ]

    /// A number written at the start of a request (spaces may follow), or 0.
    static func number(_ request: [UInt8]) -> Int {
        Int(String(decoding: request, as: UTF8.self).prefix { $0 != " " }) ?? 0
    }

    /// A number as a request.
    static func request(_ number: Int) -> [UInt8] {
        Array(String(number).utf8)
    }
}

/// Counts what the handlers saw, so tests can check that the server side reacted.
final class HandlerProbe: Sendable {
    private let counts = Mutex((started: 0, cancelled: 0, written: 0))

    var started: Int { counts.withLock { $0.started } }
    var cancelled: Int { counts.withLock { $0.cancelled } }
    var written: Int { counts.withLock { $0.written } }

    func recordStart() { counts.withLock { $0.started += 1 } }
    func recordCancel() { counts.withLock { $0.cancelled += 1 } }
    func recordWrite() { counts.withLock { $0.written += 1 } }
}

/// The router of the test service.
func makeTestRouter(probe: HandlerProbe) -> RPCRouter {
    var router = RPCRouter()
    router.register(TestMethods.echo, .unary { request, _ in request })
    router.register(
        TestMethods.slow,
        .unary { request, _ in
            probe.recordStart()
            try await Task.sleep(for: .milliseconds(TestMethods.number(request)))
            return request
        }
    )
    router.register(
        TestMethods.stream,
        .serverStreaming { request, _, writer in
            for index in 0..<TestMethods.number(request) {
                try await writer.write(Array(String(index).utf8))
            }
        }
    )
    router.register(
        TestMethods.streamThenFail,
        .serverStreaming { request, _, writer in
            for index in 0..<TestMethods.number(request) {
                try await writer.write(Array(String(index).utf8))
                probe.recordWrite()
            }
            throw RPCError(code: .aborted, message: "the stream was stopped after its last response")
        }
    )
    router.register(
        TestMethods.streamBig,
        .serverStreaming { request, _, writer in
            let message = [UInt8](repeating: 0x62, count: 2048)
            for _ in 0..<TestMethods.number(request) {
                try await writer.write(message)
                probe.recordWrite()
            }
        }
    )
    router.register(
        TestMethods.hang,
        .unary { _, _ in
            probe.recordStart()
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                probe.recordCancel()
                throw error
            }
            return []
        }
    )
    router.register(
        TestMethods.fail,
        .unary { request, _ in
            throw RPCError(code: .failedPrecondition, message: "the test method always fails", details: request)
        }
    )
    router.register(TestMethods.abandon, .unary { _, _ in throw CancellationError() })
    router.register(TestMethods.healthCheck, .unary { _, _ in [0x08, 0x01] })
    router.register(
        TestMethods.sendSms,
        .unary { _, context in
            let message = "to must be in E.164 format (request \(context.metadata["x-request-id"] ?? "none"))"
            throw RPCError(code: .invalidArgument, message: message, details: TestMethods.sendSmsDetails)
        }
    )
    router.register(
        TestMethods.big,
        .unary { request, _ in [UInt8](repeating: 0x61, count: TestMethods.number(request)) }
    )
    return router
}

/// Waits until `condition` holds, checking every 10 ms for at most `limit`.
///
/// - Returns: Whether the condition held in time.
func eventually(within limit: Duration = .seconds(5), _ condition: () -> Bool) async -> Bool {
    let end = ContinuousClock.now + limit
    while ContinuousClock.now < end {
        if condition() {
            return true
        }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

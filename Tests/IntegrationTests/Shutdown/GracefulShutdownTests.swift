internal import GatewayAPI
internal import GatewayClient
internal import RPCCore
internal import Testing

#if canImport(Glibc)
    internal import Glibc
#endif

/// What SIGTERM does to calls in progress, and what a second signal does.
@Suite("Shutting the gateway down")
struct GracefulShutdownTests {
    static let recipients = (0..<40).map { BulkRecipient(to: "+1415555\(String(4000 + $0))") }

    @Test("SIGTERM stops a bulk send at once: ABORTED, not retryable, the count agreeing with the log")
    func bulkSendStops() async throws {
        try await withGateway(arguments: ["--readiness-interval", "3600"]) { gateway in
            let sender = try #require(gateway.sandbox?.numbers.first)
            let request = BulkSendSmsRequest(
                fromNumbers: [sender],
                bodyTemplate: "Hello",
                recipients: Self.recipients,
                messagesPerSecond: 5
            )
            var updates: [BulkSendSmsUpdate] = []
            var signalled: ContinuousClock.Instant?
            let (error, _) = try await withGatewayClient(port: try gateway.requireRPCPort(), timeout: .seconds(60)) {
                client in
                try await expectRPCError {
                    for try await update in client.bulkSendSms(request) {
                        updates.append(update)
                        if updates.count == 3 {
                            gateway.send(SIGTERM)
                            signalled = .now
                        }
                    }
                }
            }
            let ended = ContinuousClock.now
            let sent = updates.filter { $0.result.outcome == .sent }.count

            #expect(error.code == .aborted, "\(error)")
            #expect(!error.isRetryable)
            #expect(error.message.hasPrefix("the gateway is shutting down: \(sent) of 40 recipients were sent"))
            #expect(sent >= 3 && sent < 40)
            // The grace period is 30 s; a bulk send must not use it.
            #expect(ended - (try #require(signalled)) < .seconds(10))

            let stop = await gateway.stop()
            #expect(stop.termination == ChildProcess.Termination(status: 0, signalled: false))
            let finished = gateway.logs.filter {
                $0["msg"] == "rpc.call.finished" && $0["rpc.method"]?.hasSuffix("/BulkSendSms") == true
            }
            #expect(finished.map { $0["rpc.code"] } == ["ABORTED"])
            let stopped = try #require(gateway.logs.first { $0["msg"] == "messaging.bulk.stopped" })
            #expect(stopped["bulk.sent"] == String(sent))
            #expect(stopped["bulk.remaining"] == String(40 - updates.count))
        }
    }

    @Test("a later second SIGTERM or SIGINT ends a gateway still waiting for its calls, with 128 + the signal")
    func secondSignalForcesExit() async throws {
        for second in [SIGTERM, SIGINT] {
            try await withGateway(arguments: ["--readiness-interval", "3600"]) { gateway in
                try await withGatewayClient(port: try gateway.requireRPCPort(), timeout: .seconds(60)) { client in
                    // A Watch stream runs until the grace period ends, holding the shutdown up.
                    var watch = client.watchHealth(service: "").makeAsyncIterator()
                    _ = try await watch.next()

                    gateway.send(SIGTERM)
                    _ = try await gateway.waitForLog("gateway.stopping")
                    // The same signal again at once, as `timeout` sends it, is the same request.
                    gateway.send(SIGTERM)
                    #expect(await gateway.waitForExit(within: .milliseconds(1500)) == nil)

                    gateway.send(second)
                    let termination = await gateway.waitForExit(within: .seconds(10))
                    #expect(termination == ChildProcess.Termination(status: 128 + second, signalled: false))
                }
                let forced = try await gateway.waitForLog("gateway.stop_forced")
                #expect(forced["signal"] == String(second))
            }
        }
    }
}

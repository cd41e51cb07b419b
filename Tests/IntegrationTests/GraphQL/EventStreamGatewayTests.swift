internal import Foundation
internal import GatewayAPI
internal import ProtoBridge
internal import RPCCore
internal import ServiceSupport
internal import Synchronization
internal import Testing
internal import WireFraming

/// `subscription { twilio_events }` through the real executable: a GraphQL-only gateway
/// (`--upstream`) forwards the stream over TCP to an RPC server in this process, whose
/// SubscribeEvents handler emits events and then waits for the client to leave.
@Suite("GraphQL subscriptions through the gateway")
struct EventStreamGatewayTests {
    /// A SubscribeEvents handler that sends two events, then holds the call until it is cancelled.
    final class FakeEvents: Sendable {
        private let state = Mutex((requests: [SubscribeEventsRequest](), cancellations: 0))

        var requests: [SubscribeEventsRequest] {
            state.withLock { $0.requests }
        }

        var cancellations: Int {
            state.withLock { $0.cancellations }
        }

        func makeDispatcher() -> RPCDispatcher {
            var router = RPCRouter()
            router.register(
                .subscribeEvents,
                .serverStreaming { [self] request, _, writer in
                    let decoded = try SubscribeEventsRequest(serializedBytes: request)
                    state.withLock { $0.requests.append(decoded) }
                    for offset in Int64(41)...42 {
                        let event = Event(offset: offset, type: "sms.inbound", from: "+15551230000", to: "+15557654321")
                        try await writer.write(try event.serializedBytes())
                    }
                    do {
                        try await Task.sleep(for: .seconds(3600))
                    } catch {
                        state.withLock { $0.cancellations += 1 }
                        throw error
                    }
                }
            )
            return RPCDispatcher(router: router, logger: .disabled)
        }
    }

    /// Reads two `next` events with plain `http.client`, then hangs up; prints them as JSON.
    static let client = #"""
        import http.client, json, sys
        conn = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=20)
        body = json.dumps({"query": "subscription { twilio_events(types: [\"sms.inbound\"]) { offset type from } }"})
        conn.request("POST", "/graphql", body=body.encode(), headers={
            "Content-Type": "application/json", "Accept": "text/event-stream"})
        resp = conn.getresponse()
        events, name, data = [], "", []
        while len(events) < 2:
            line = resp.readline().decode().rstrip("\r\n")
            if line == "":
                if data:
                    events.append({"event": name, "data": json.loads("\n".join(data))})
                name, data = "", []
            elif line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip(" "))
        conn.sock.close()
        print(json.dumps({"status": resp.status, "type": resp.getheader("Content-Type"), "events": events}))
        """#

    struct ClientResult: Decodable {
        struct Event: Decodable {
            var event: String
            var data: [String: [String: [String: String]]]
        }

        var status: Int
        var type: String
        var events: [Event]
    }

    @Test("a Python client reads the events as they come; hanging up cancels the RPC over TCP")
    func subscriptionThroughTheGateway() async throws {
        let events = FakeEvents()
        let server = RPCServer(dispatcher: events.makeDispatcher(), logger: .disabled)
        let rpcPort = try server.start(host: "127.0.0.1", port: 0)
        do {
            try await readThroughGateway(rpcPort: rpcPort, events: events)
        } catch {
            server.beginGracefulShutdown()
            await server.waitUntilStopped()
            throw error
        }
        server.beginGracefulShutdown()
        await server.waitUntilStopped()
    }

    @Test(
        "serve refuses event stream settings out of range, naming the setting",
        arguments: [
            (["--graphql-max-streams", "0"], [:], "--graphql-max-streams needs a number from 1 to 1000"),
            ([], ["GATEWAY_GRAPHQL_MAX_STREAMS": "5000"], "GATEWAY_GRAPHQL_MAX_STREAMS needs a number from 1 to 1000"),
            (["--graphql-keepalive", "0"], [:], "--graphql-keepalive needs a number of seconds above 0"),
            ([], ["GATEWAY_GRAPHQL_KEEPALIVE": "soon"], "GATEWAY_GRAPHQL_KEEPALIVE needs a number of seconds above 0"),
        ]
    )
    func badSettings(_ arguments: [String], environment: [String: String], message: String) async throws {
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            ["serve"] + arguments,
            environment: environment,
            timeLimit: .seconds(10)
        )

        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.errorOutput.contains(message), "\(outcome)")
    }

    private func readThroughGateway(rpcPort: Int, events: FakeEvents) async throws {
        try await withGateway(arguments: ["--upstream", "127.0.0.1:\(rpcPort)", "--graphql-keepalive", "1"]) { front in
            let outcome = try await PythonTools.run(["-c", Self.client, String(front.httpPort)])
            try #require(outcome.status == 0, "\(outcome)")
            let result = try JSONDecoder().decode(ClientResult.self, from: Data(outcome.output.utf8))

            #expect(result.status == 200)
            #expect(result.type == "text/event-stream; charset=utf-8")
            #expect(result.events.map(\.event) == ["next", "next"])
            #expect(result.events.map { $0.data["data"]?["twilio_events"]?["offset"] } == ["41", "42"])
            #expect(result.events.first?.data["data"]?["twilio_events"]?["from"] == "+15551230000")
            #expect(events.requests.map(\.types) == [["sms.inbound"]])
            let deadline = ContinuousClock.now + .seconds(10)
            while events.cancellations == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(events.cancellations == 1, "the RPC was not cancelled when the client hung up")
        }
    }
}

import Foundation
import GatewayStore
import Testing

@Suite("The twilio-gateway events command against a running gateway")
struct EventsCommandTests {
    /// Six events as the webhooks would store them: three message statuses, two inbound calls
    /// and one inbound SMS.
    static let seeded: [GatewayEvent] = [
        message(1, "queued"), message(1, "sent"), call(2), message(3, "delivered"), call(4),
        GatewayEvent(
            type: .smsInbound,
            receivedAt: 1_800_000_005,
            dedupeKey: nil,
            webhookParameters: [
                EventParameter("MessageSid", sid("SM", 5)), EventParameter("From", "+15550001111"),
                EventParameter("To", "+15005550006"), EventParameter("Body", "Hi there"),
            ]
        ),
    ]

    static func sid(_ prefix: String, _ number: Int) -> String {
        prefix + String(repeating: "0", count: 31) + String(number)
    }

    static func message(_ number: Int, _ status: String) -> GatewayEvent {
        GatewayEvent(
            type: .messageStatus,
            receivedAt: 1_800_000_000 + Double(number),
            dedupeKey: nil,
            webhookParameters: [
                EventParameter("MessageSid", sid("SM", number)), EventParameter("MessageStatus", status),
                EventParameter("From", "+15005550006"), EventParameter("To", "+14155550100"),
            ]
        )
    }

    static func call(_ number: Int) -> GatewayEvent {
        GatewayEvent(
            type: .callInbound,
            receivedAt: 1_800_000_000 + Double(number),
            dedupeKey: nil,
            webhookParameters: [
                EventParameter("CallSid", sid("CA", number)), EventParameter("CallStatus", "ringing"),
                EventParameter("From", "+15550001111"), EventParameter("To", "+15005550006"),
            ]
        )
    }

    /// Runs `body` with a sandbox gateway whose data directory already holds `events`, and
    /// whose reconciler publishes a sent message's status after 0.2 seconds.
    static func withSeededGateway(
        _ events: [GatewayEvent] = seeded,
        _ body: (GatewayProcess) async throws -> Void
    ) async throws {
        let data = try TemporaryDirectory(prefix: "events-data")
        defer { data.remove() }
        let log = try SQLiteEventLog(directory: data.url.path)
        for event in events {
            _ = try await log.append(event)
        }
        await log.close()
        try await withGateway(arguments: ["--data-dir", data.url.path, "--status-reconcile-after", "0.2"], body)
    }

    /// Runs `twilio-gateway events <arguments>` against `gateway` to its end.
    static func run(_ gateway: GatewayProcess, _ arguments: [String]) async throws -> Program.Outcome {
        try await Program.run(
            GatewayProcess.executablePath,
            ["events", "--rpc-addr", "127.0.0.1:\(try gateway.requireRPCPort())"] + arguments
        )
    }

    /// The JSON objects of `output`, one a line.
    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    static func offsets(_ output: String) throws -> [Int] {
        try objects(output).map { try #require($0["offset"] as? Int) }
    }

    @Test("without --follow it prints the newest stored events as JSON lines, oldest first, filtered and limited")
    func history() async throws {
        try await Self.withSeededGateway { gateway in
            let all = try await Self.run(gateway, ["--json"])
            #expect(all.status == 0, "\(all)")
            let objects = try Self.objects(all.output)
            #expect(objects.compactMap { $0["offset"] as? Int } == [1, 2, 3, 4, 5, 6])
            #expect(objects[0]["type"] as? String == "message.status")
            #expect(objects[0]["status"] as? String == "queued")
            #expect(objects[0]["receivedAt"] as? String == "2027-01-15T08:00:01.000Z")
            #expect((objects[5]["parameters"] as? [String: String])?["Body"] == "Hi there")
            #expect(objects[2]["callSid"] as? String == Self.sid("CA", 2))

            let cases: [([String], [Int])] = [
                (["--type", "call.inbound"], [3, 5]),
                (["--type", "call.inbound", "--type", "sms.inbound"], [3, 5, 6]),
                (["--phone", "+15550001111"], [3, 5, 6]),
                (["--sid", Self.sid("SM", 1)], [1, 2]),
                (["--limit", "2"], [5, 6]),
            ]
            for (arguments, expected) in cases {
                let outcome = try await Self.run(gateway, arguments)
                #expect(outcome.status == 0, "\(outcome)")
                #expect(try Self.offsets(outcome.output) == expected, "\(arguments)")
            }
        }
    }

    @Test(
        "on a terminal it prints readable lines (and --json still gives JSON)",
        .enabled(
            if: Program.find("script") != nil,
            "util-linux script(1), which gives the command a terminal, is missing"
        )
    )
    func terminal() async throws {
        let script = try #require(Program.find("script"))
        try await Self.withSeededGateway { gateway in
            let command =
                "'\(GatewayProcess.executablePath)' events --rpc-addr 127.0.0.1:\(try gateway.requireRPCPort())"
            let readable = try await Program.run(script, ["-q", "-e", "-c", command + " --limit 2", "/dev/null"])
            let json = try await Program.run(script, ["-q", "-e", "-c", command + " --limit 1 --json", "/dev/null"])

            #expect(readable.status == 0, "\(readable)")
            let lines = readable.output.split(whereSeparator: \.isNewline).map(String.init)
            #expect(
                lines == [
                    "5 2027-01-15T08:00:04.000Z call.inbound \(Self.sid("CA", 4)) ringing from +15550001111 to +15005550006",
                    "6 2027-01-15T08:00:05.000Z sms.inbound \(Self.sid("SM", 5)) from +15550001111 to +15005550006: Hi there",
                ],
                "\(readable)"
            )
            #expect(json.output.hasPrefix("{\"offset\":6,"), "\(json)")
        }
    }

    @Test(
        "wrong options are refused before anything is called, naming the option",
        arguments: [
            (["--consumer", "c"], "add --follow"),
            (["--since", "2026-01-01T00:00:00Z"], "add --follow"),
            (["--follow", "--from-offset", "1", "--since", "2026-01-01T00:00:00Z"], "only one of"),
            (["--follow", "--since", "yesterday"], "RFC 3339"),
            (["--limit", "0"], "--limit"),
            (["--follow", "--from-offset", "-1"], "--from-offset"),
        ]
    )
    func usageErrors(arguments: [String], message: String) async throws {
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            ["events", "--rpc-addr", "127.0.0.1:9"] + arguments
        )
        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.errorOutput.contains(message), "\(outcome)")
    }

    @Test("an unknown type is the gateway's INVALID_ARGUMENT, reported as a JSON error line")
    func unknownType() async throws {
        try await Self.withSeededGateway { gateway in
            let outcome = try await Self.run(gateway, ["--type", "sms.inbund"])
            #expect(outcome.status == 1, "\(outcome)")
            let error = try #require(try Self.objects(outcome.output).first?["error"] as? [String: Any], "\(outcome)")
            #expect(error["code"] as? String == "INVALID_ARGUMENT")
            #expect((error["message"] as? String)?.contains("sms.inbund") == true, "\(outcome)")
        }
    }

    @Test("--follow streams from an offset or a time, and a consumer resumes after what it printed")
    func followAndResume() async throws {
        try await Self.withSeededGateway { gateway in
            let fromOffset = try await Self.run(gateway, ["--follow", "--from-offset", "2", "--limit", "2"])
            #expect(fromOffset.status == 0, "\(fromOffset)")
            #expect(try Self.offsets(fromOffset.output) == [2, 3])

            let since = try await Self.run(gateway, ["--follow", "--since", "2027-01-15T08:00:04Z", "--limit", "2"])
            #expect(try Self.offsets(since.output) == [5, 6], "\(since)")

            let first = try await Self.run(
                gateway,
                ["--follow", "--consumer", "cli-1", "--from-offset", "1", "--limit", "3", "--type", "message.status"]
            )
            #expect(try Self.offsets(first.output) == [1, 2, 4], "\(first)")
            let resumed = try await Self.run(
                gateway,
                ["--follow", "--consumer", "cli-1", "--from-offset", "1", "--limit", "2"]
            )
            #expect(try Self.offsets(resumed.output) == [5, 6], "\(resumed)")
        }
    }

    @Test("--follow prints live events as they are stored; Ctrl-C ends it cleanly and its acks reach the gateway")
    func liveAndInterrupt() async throws {
        try await Self.withSeededGateway { gateway in
            let rpcPort = try gateway.requireRPCPort()
            let sender = try #require(gateway.sandbox?.numbers.first)
            let sms = ["--to", "+14155550100", "--from", sender, "--body", "hi"]
            let follower = try FollowingProcess(rpcPort: rpcPort, ["--consumer", "live-1", "--from-offset", "7"])
            let (_, sent) = try await SendSmsCommand.runJSON(rpcPort: rpcPort, sms)
            let sid = try #require(sent.sid)

            var reconciled: [String: Any]?
            for count in 1...20 where reconciled == nil {
                let lines = try await follower.waitForLines(count)
                let event = try Self.objects(lines[count - 1])[0]
                if event["messageSid"] as? String == sid,
                    (event["parameters"] as? [String: String])?["GatewaySource"] == "reconciler"
                {
                    reconciled = event
                }
            }
            #expect(reconciled?["type"] as? String == "message.status")
            let termination = await follower.interrupt()
            #expect(termination == ChildProcess.Termination(status: 0, signalled: false), "\(follower.errorOutput)")
            let printed = try Self.offsets(follower.lines.joined(separator: "\n"))
            let last = try #require(printed.last)
            #expect(printed.first == 7)

            let resumed = Task {
                try await Self.run(gateway, ["--follow", "--consumer", "live-1", "--from-offset", "1", "--limit", "1"])
            }
            _ = try await SendSmsCommand.runJSON(rpcPort: rpcPort, sms)
            let outcome = try await resumed.value
            #expect(outcome.status == 0, "\(outcome)")
            #expect(try Self.offsets(outcome.output).allSatisfy { $0 > last }, "\(outcome) after \(last)")
        }
    }

    @Test("GraphQL's twilio_events query, derived from ListEvents, lists the history")
    func graphQLHistory() async throws {
        try await Self.withSeededGateway { gateway in
            let response = try await HTTPClient.postGraphQL(
                #"{ twilio_events(types: ["call.inbound"], limit: 5) { events { offset type callSid from } } }"#,
                port: gateway.httpPort
            )
            #expect(response.status == 200, "\(response.body)")
            let json = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
            let history = (json?["data"] as? [String: Any])?["twilio_events"] as? [String: Any]
            let events = try #require(history?["events"] as? [[String: Any]], "\(response.body)")
            #expect(events.map { "\($0["offset"] ?? "")" } == ["3", "5"])
            #expect(events.map { $0["callSid"] as? String } == [Self.sid("CA", 2), Self.sid("CA", 4)])
            #expect(
                events.allSatisfy { $0["type"] as? String == "call.inbound" && $0["from"] as? String == "+15550001111" }
            )
        }
    }

    @Test("stopping the gateway ends a follower with UNAVAILABLE, and the gateway does not wait for it")
    func gatewayStops() async throws {
        let gateway = try await GatewayProcess.start()
        let follower = try FollowingProcess(rpcPort: try gateway.requireRPCPort(), [])
        for _ in 0..<1500 where !gateway.logs.contains(where: { $0["msg"] == "events.subscription.started" }) {
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(gateway.logs.contains { $0["msg"] == "events.subscription.started" })

        let stop = await gateway.stop()
        #expect(!stop.killed)
        #expect(stop.termination == ChildProcess.Termination(status: 0, signalled: false))
        let termination = await follower.child.waitForExit(within: .seconds(10))
        #expect(termination == ChildProcess.Termination(status: 1, signalled: false))
        let error = try #require(
            try Self.objects(follower.lines.joined(separator: "\n")).last?["error"] as? [String: Any]
        )
        #expect(error["code"] as? String == "UNAVAILABLE")
        #expect((error["message"] as? String)?.contains("shutting down") == true, "\(error)")
        #expect(error["retryable"] as? Bool == true)
    }
}

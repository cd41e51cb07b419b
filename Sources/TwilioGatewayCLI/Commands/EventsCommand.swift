internal import GatewayAPI
internal import GatewayClient
internal import RPCCore
internal import ServiceSupport

#if canImport(Glibc)
    internal import Glibc
#endif

/// `twilio-gateway events`: the recent history of the event stream, or with `--follow` the
/// stream itself, through a running gateway's RPC port.
enum EventsCommand {
    static let help = """
        Usage: twilio-gateway events [--follow] [options]

        Without --follow, prints the newest stored events (oldest first). With --follow, prints
        events as they are stored until Ctrl-C: only new ones, unless --from-offset, --since or a
        consumer that acknowledged before says where to start. Prints JSON lines when standard
        output is not a terminal or with --json, readable lines otherwise.

        Options:
          --follow                       Stream events instead of listing the history
          --type TYPE                    sms.inbound, message.status, call.inbound, call.status,
                                         verify.status, optout or optin; repeat for several
          --phone NUMBER                 Only events from or to this number (E.164)
          --sid SID                      Only events about this message or call SID
          --limit N                      How many events to list, 1 to 1000 (default 50); with
                                         --follow, stop after N events
          --consumer NAME                With --follow: a durable consumer; it resumes after the
                                         last event it acknowledged, and acknowledges what it prints
          --from-offset N                With --follow: start at offset N
          --since TIME                   With --follow: start at the first event received at or
                                         after TIME (RFC 3339, such as 2026-01-01T12:30:00Z)
          --rpc-addr HOST:PORT           The gateway [GATEWAY_RPC_ADDR] (default 127.0.0.1:7701)
          --api-key-file FILE            A file holding the API key to send [or the key in GATEWAY_API_KEY]
          --timeout SECONDS              Deadline of the call (default 10); with --follow, how
                                         long to follow (default: until Ctrl-C)
        \(RPCCommandOptions.tlsHelp)
          --json                         Print JSON lines even on a terminal
        """

    static let command = Command(help: help) { words in
        var arguments = try CommandArguments(
            words,
            options: RPCCommandOptions.optionNames.union([
                "type", "phone", "sid", "limit", "consumer", "from-offset", "since",
            ]),
            flags: RPCCommandOptions.flagNames.union(["json", "follow"])
        )
        let json = arguments.flag("json") || isatty(1) != 1
        let follow = arguments.flag("follow")
        let followsForever = arguments.value("timeout") == nil
        let client = try RPCCommandOptions(arguments: &arguments, environment: Environment()).makeClient()
        let types = arguments.values("type")
        let phone = arguments.value("phone") ?? ""
        let sid = arguments.value("sid") ?? ""
        let limit = try arguments.value("limit").map(parseLimit)
        let consumer = arguments.value("consumer") ?? ""
        let start = try parseStart(from: arguments.value("from-offset"), since: arguments.value("since"))
        try arguments.rejectUnknown()

        guard follow else {
            guard consumer.isEmpty, start == nil else {
                throw CommandArguments.ParseError(
                    description: "--consumer, --from-offset and --since start a stream; add --follow"
                )
            }
            let request = ListEventsRequest(types: types, phoneNumber: phone, sid: sid, limit: Int32(limit ?? 0))
            return await history(request, client: client, json: json)
        }
        let request = SubscribeEventsRequest(
            types: types,
            phoneNumber: phone,
            sid: sid,
            start: start,
            consumer: consumer
        )
        var options = client.defaultOptions
        if followsForever {
            options.timeout = nil
        }
        return await EventFollower(client: client, json: json).follow(request, limit: limit, options: options)
    }

    /// Lists the history and prints it.
    private static func history(_ request: ListEventsRequest, client: GatewayClient, json: Bool) async -> Int32 {
        do {
            let response = try await client.listEvents(request)
            for event in response.events {
                printLine(event, json: json)
            }
            return 0
        } catch {
            CommandOutput.report(RPCError(wrapping: error), json: json)
            return 1
        }
    }

    /// Prints one event as a JSON line or a readable line, at once (standard output is flushed
    /// so that a reader of a pipe sees each event as it comes).
    static func printLine(_ event: Event, json: Bool) {
        print(json ? CommandOutput.json(event) : CommandOutput.line(event))
        fflush(nil)
    }

    private static func parseLimit(_ text: String) throws -> Int {
        guard let limit = Int(text), limit > 0 else {
            throw CommandArguments.ParseError(description: "--limit needs a whole number of 1 or more")
        }
        return limit
    }

    private static func parseStart(from offset: String?, since: String?) throws -> SubscribeEventsRequest.Start? {
        switch (offset, since) {
        case (nil, nil):
            return nil
        case (let text?, nil):
            guard let offset = Int64(text), offset >= 0 else {
                throw CommandArguments.ParseError(description: "--from-offset needs an offset of 0 or more")
            }
            return .offset(offset)
        case (nil, let time?):
            guard Timestamp.seconds(fromRFC3339: time) != nil else {
                throw CommandArguments.ParseError(
                    description: "--since needs an RFC 3339 time such as 2026-01-01T12:30:00Z"
                )
            }
            return .time(time)
        case (_?, _?):
            throw CommandArguments.ParseError(description: "give only one of --from-offset and --since")
        }
    }
}

extension RPCError {
    /// `error` itself when it is an ``RPCError``; otherwise an UNKNOWN error describing it.
    init(wrapping error: any Error) {
        if let error = error as? RPCError {
            self = error
        } else {
            self.init(code: .unknown, message: "\(error)")
        }
    }
}

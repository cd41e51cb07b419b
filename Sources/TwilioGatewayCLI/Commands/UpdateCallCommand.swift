internal import GatewayAPI
internal import GatewayClient

/// `twilio-gateway update-call SID`: ends a call or gives it new TwiML through a running
/// gateway's RPC port.
enum UpdateCallCommand {
    static let help = """
        Usage: twilio-gateway update-call SID (--status canceled|completed | --twiml XML | --twiml-url URL) [options]

        Changes the call SID (CA...): ends it with --status, or redirects it to new TwiML.

        Options:
          --status STATUS                canceled (a call not yet answered) or completed (hang up)
          --twiml XML                    TwiML that replaces what the call is doing
          --twiml-url URL                Where Twilio fetches the replacing TwiML
          --method GET|POST              How Twilio requests --twiml-url (default POST)
          --rpc-addr HOST:PORT           The gateway [GATEWAY_RPC_ADDR] (default 127.0.0.1:7701)
          --api-key-file FILE            A file holding the API key to send [or the key in GATEWAY_API_KEY]
          --timeout SECONDS              Deadline of the RPC call (default 10)
        \(RPCCommandOptions.tlsHelp)
          --json                         Print the call (or the error) as one JSON object
        """

    static let command = Command(help: help) { words in
        var arguments = try CommandArguments(
            words,
            options: RPCCommandOptions.optionNames.union(["status", "twiml", "twiml-url", "method"]),
            flags: RPCCommandOptions.flagNames.union(["json"]),
            acceptsPositional: true
        )
        let json = arguments.flag("json")
        let client = try RPCCommandOptions(arguments: &arguments, environment: Environment()).makeClient()
        guard let sid = arguments.positional else {
            throw CommandArguments.ParseError(description: "give the call SID, such as CA0123...")
        }
        var request = UpdateCallRequest(sid: sid)
        let actions: [UpdateCallRequest.Action] = [
            arguments.value("status").map { .status($0) },
            arguments.value("twiml").map { .twiml($0) },
            arguments.value("twiml-url").map { .twimlURL($0) },
        ].compactMap { $0 }
        guard actions.count == 1 else {
            throw CommandArguments.ParseError(description: "give exactly one of --status, --twiml and --twiml-url")
        }
        request.action = actions[0]
        if let method = arguments.value("method") {
            guard case .twimlURL = request.action, ["GET", "POST"].contains(method) else {
                throw CommandArguments.ParseError(description: "--method is GET or POST and goes with --twiml-url")
            }
            request.method = method
        }
        try arguments.rejectUnknown()

        return try await CommandOutput.run(
            json: json,
            { try await client.updateCall(request) },
            asJSON: CommandOutput.json,
            line: CallCommand.line
        )
    }
}

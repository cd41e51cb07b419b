internal import GatewayAPI
internal import GatewayClient

/// `twilio-gateway call`: places an outbound call, or with only a SID shows one call, through a
/// running gateway's RPC port.
enum CallCommand {
    static let help = """
        Usage: twilio-gateway call --to NUMBER --from NUMBER (--twiml-url URL | --twiml XML) [options]
               twilio-gateway call SID [options]

        Places an outbound call, or shows the call SID (CA...) when that is the only word.

        Options:
          --to NUMBER                    Who is called, in E.164 format such as +15551234567
          --from NUMBER                  The caller: a Twilio number of the account
          --twiml-url URL                Where Twilio fetches the call's TwiML
          --twiml XML                    The call's TwiML itself, instead of --twiml-url
          --status-callback URL          Where Twilio reports the call's progress
          --status-callback-event EVENT  initiated, ringing, answered or completed; repeat for several
          --timeout-seconds N            How long the call may ring, 1 to 600 (default 60)
          --rpc-addr HOST:PORT           The gateway [GATEWAY_RPC_ADDR] (default 127.0.0.1:7701)
          --api-key-file FILE            A file holding the API key to send [or the key in GATEWAY_API_KEY]
          --timeout SECONDS              Deadline of the RPC call (default 10)
        \(RPCCommandOptions.tlsHelp)
          --json                         Print the call (or the error) as one JSON object
        """

    static let command = Command(help: help) { words in
        var arguments = try CommandArguments(
            words,
            options: RPCCommandOptions.optionNames.union([
                "to", "from", "twiml-url", "twiml", "status-callback", "status-callback-event", "timeout-seconds",
            ]),
            flags: RPCCommandOptions.flagNames.union(["json"]),
            acceptsPositional: true
        )
        let json = arguments.flag("json")
        let client = try RPCCommandOptions(arguments: &arguments, environment: Environment()).makeClient()
        if let sid = arguments.positional {
            try arguments.rejectUnknown()
            return try await CommandOutput.run(
                json: json,
                { try await client.getCall(GetCallRequest(sid: sid)) },
                asJSON: CommandOutput.json,
                line: line
            )
        }

        var request = MakeCallRequest(to: try arguments.required("to"), from: try arguments.required("from"))
        switch (arguments.value("twiml-url"), arguments.value("twiml")) {
        case (let url?, nil): request.instructions = .twimlURL(url)
        case (nil, let twiml?): request.instructions = .twiml(twiml)
        case (nil, nil): throw CommandArguments.ParseError(description: "give --twiml-url or --twiml")
        case (_?, _?): throw CommandArguments.ParseError(description: "give only one of --twiml-url and --twiml")
        }
        request.statusCallback = arguments.value("status-callback") ?? ""
        request.statusCallbackEvents = arguments.values("status-callback-event")
        if let text = arguments.value("timeout-seconds") {
            guard let seconds = Int32(text), (1...600).contains(seconds) else {
                throw CommandArguments.ParseError(description: "--timeout-seconds needs a whole number from 1 to 600")
            }
            request.timeout = seconds
        }
        try arguments.rejectUnknown()

        return try await CommandOutput.run(
            json: json,
            { try await client.makeCall(request) },
            asJSON: CommandOutput.json,
            line: line
        )
    }

    /// The readable line of a call.
    static func line(_ call: Call) -> String {
        "\(call.sid) \(call.status) from \(call.from) to \(call.to)"
    }
}

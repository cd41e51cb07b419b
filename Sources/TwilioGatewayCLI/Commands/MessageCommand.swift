internal import GatewayAPI
internal import GatewayClient

/// `twilio-gateway message SID [--cancel]`: shows (or cancels) one message through a running
/// gateway's RPC port.
enum MessageCommand {
    static let help = """
        Usage: twilio-gateway message SID [--cancel] [options]

        Shows one message (SM... or MM...), or with --cancel cancels it while it is still scheduled.

        Options:
          --cancel                       Cancel the message instead of showing it
          --rpc-addr HOST:PORT           The gateway [GATEWAY_RPC_ADDR] (default 127.0.0.1:7701)
          --api-key-file FILE            A file holding the API key to send [or the key in GATEWAY_API_KEY]
          --timeout SECONDS              Deadline of the call (default 10)
        \(RPCCommandOptions.tlsHelp)
          --json                         Print the message (or the error) as one JSON object
        """

    static let command = Command(help: help) { words in
        var arguments = try CommandArguments(
            words,
            options: RPCCommandOptions.optionNames,
            flags: RPCCommandOptions.flagNames.union(["json", "cancel"]),
            acceptsPositional: true
        )
        let json = arguments.flag("json")
        let cancel = arguments.flag("cancel")
        let client = try RPCCommandOptions(arguments: &arguments, environment: Environment()).makeClient()
        guard let sid = arguments.positional else {
            throw CommandArguments.ParseError(description: "give the message SID, such as SM0123...")
        }
        try arguments.rejectUnknown()

        return try await CommandOutput.run(
            json: json,
            { cancel ? try await client.cancelMessage(sid: sid) : try await client.getMessage(sid: sid) },
            asJSON: CommandOutput.json,
            line: { message in
                "\(message.sid) \(message.status) to \(message.to)" + (message.body.isEmpty ? "" : ": \(message.body)")
            }
        )
    }
}

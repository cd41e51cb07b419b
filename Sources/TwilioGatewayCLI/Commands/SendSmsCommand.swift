internal import GatewayAPI
internal import GatewayClient
internal import RPCCore

/// `twilio-gateway send-sms`: sends one message through a running gateway's RPC port.
enum SendSmsCommand {
    static let help = """
        Usage: twilio-gateway send-sms --to NUMBER (--from NUMBER | --messaging-service-sid MG...) [options]

        Sends one SMS (or MMS with --media-url) through a running gateway's RPC port.

        Options:
          --to NUMBER                    Recipient in E.164 format, such as +15551234567 (required)
          --from NUMBER                  Sender: a Twilio number of the account
          --messaging-service-sid SID    Sender: a Messaging Service (MG...), instead of --from
          --body TEXT                    The message text
          --media-url URL                Media to attach; repeat for several, at most 10
          --status-callback URL          Where Twilio reports status changes
          --rpc-addr HOST:PORT           The gateway [GATEWAY_RPC_ADDR] (default 127.0.0.1:7701)
          --api-key-file FILE            A file holding the API key to send [or the key in GATEWAY_API_KEY]
          --timeout SECONDS              Deadline of the call (default 10)
        \(RPCCommandOptions.tlsHelp)
          --json                         Print the result (or the error) as one JSON object
        """

    static let command = Command(help: help) { words in
        var arguments = try CommandArguments(
            words,
            options: RPCCommandOptions.optionNames.union([
                "to", "from", "messaging-service-sid", "body", "media-url", "status-callback",
            ]),
            flags: RPCCommandOptions.flagNames.union(["json"])
        )
        let json = arguments.flag("json")
        let client = try RPCCommandOptions(arguments: &arguments, environment: Environment()).makeClient()

        var request = SendSmsRequest(to: try arguments.required("to"), body: arguments.value("body") ?? "")
        switch (arguments.value("from"), arguments.value("messaging-service-sid")) {
        case (let from?, nil): request.sender = .from(from)
        case (nil, let sid?): request.sender = .messagingServiceSID(sid)
        case (nil, nil):
            throw CommandArguments.ParseError(description: "give --from or --messaging-service-sid")
        case (_?, _?):
            throw CommandArguments.ParseError(description: "give only one of --from and --messaging-service-sid")
        }
        request.mediaURLs = arguments.values("media-url")
        request.statusCallback = arguments.value("status-callback") ?? ""
        try arguments.rejectUnknown()

        do {
            let message = try await client.sendSms(request)
            print(json ? CommandOutput.json(message) : "sent \(message.sid) (\(message.status))")
            return 0
        } catch let error as RPCError {
            CommandOutput.report(error, json: json)
            return 1
        }
    }
}

internal import GatewayAPI
internal import GatewayClient

/// `twilio-gateway verify start|check`: sends a verification code, or checks one, through a
/// running gateway's RPC port.
enum VerifyCommand {
    static let help = """
        Usage: twilio-gateway verify start --service-sid VA... --to NUMBER --channel CHANNEL [options]
               twilio-gateway verify check --service-sid VA... (--to NUMBER | --verification-sid VE...) --code CODE [options]

        start sends a verification code; check tells whether a code is right (valid true or false).

        Exit status: 0 when the call succeeded (for check: the code was accepted), 3 when check's
        code was not accepted (valid false; the output is the same), 1 when the call failed, 64
        for wrong options.

        Options:
          --service-sid SID              The Verify Service, VA... (required)
          --to NUMBER                    The phone number (E.164) or email address being verified
          --channel CHANNEL              start only: sms, call, email or whatsapp
          --locale LOCALE                start only: the language of the message, such as en or pt-BR
          --verification-sid SID         check only: the verification (VE...), instead of --to
          --code CODE                    check only: the code the user received
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
                "service-sid", "to", "channel", "locale", "verification-sid", "code",
            ]),
            flags: RPCCommandOptions.flagNames.union(["json"]),
            acceptsPositional: true
        )
        let json = arguments.flag("json")
        let client = try RPCCommandOptions(arguments: &arguments, environment: Environment()).makeClient()
        switch arguments.positional {
        case "start": return try await start(&arguments, client: client, json: json)
        case "check": return try await check(&arguments, client: client, json: json)
        default: throw CommandArguments.ParseError(description: "give 'start' or 'check' after verify")
        }
    }

    private static func start(_ arguments: inout CommandArguments, client: GatewayClient, json: Bool) async throws
        -> Int32
    {
        let request = StartVerificationRequest(
            serviceSID: try arguments.required("service-sid"),
            to: try arguments.required("to"),
            channel: try arguments.required("channel"),
            locale: arguments.value("locale") ?? ""
        )
        try arguments.rejectUnknown()
        return try await CommandOutput.run(
            json: json,
            { try await client.startVerification(request) },
            asJSON: CommandOutput.json,
            line: { "\($0.sid) \($0.status): code sent to \($0.to) by \($0.channel)" }
        )
    }

    private static func check(_ arguments: inout CommandArguments, client: GatewayClient, json: Bool) async throws
        -> Int32
    {
        var request = CheckVerificationRequest(
            serviceSID: try arguments.required("service-sid"),
            code: try arguments.required("code")
        )
        switch (arguments.value("to"), arguments.value("verification-sid")) {
        case (let to?, nil): request.target = .to(to)
        case (nil, let sid?): request.target = .verificationSID(sid)
        case (nil, nil): throw CommandArguments.ParseError(description: "give --to or --verification-sid")
        case (_?, _?): throw CommandArguments.ParseError(description: "give only one of --to and --verification-sid")
        }
        try arguments.rejectUnknown()
        return try await CommandOutput.run(
            json: json,
            { try await client.checkVerification(request) },
            asJSON: CommandOutput.json,
            line: { "\($0.sid) \($0.status): valid \($0.valid)" },
            status: { $0.valid ? 0 : CommandOutput.codeNotAccepted }
        )
    }
}

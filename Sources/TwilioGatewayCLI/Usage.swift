/// A subcommand: its help text and what runs it.
struct Command: Sendable {
    var help: String
    var run: @Sendable ([String]) async throws -> Int32
}

/// The subcommands and the top-level help.
enum Usage {
    static let commands: [String: Command] = [
        "serve": ServeCommand.command,
        "send-sms": SendSmsCommand.command,
        "bulk-send": BulkSendCommand.command,
        "message": MessageCommand.command,
        "call": CallCommand.command,
        "update-call": UpdateCallCommand.command,
        "verify": VerifyCommand.command,
        "totp": TotpCommand.command,
        "sandbox": SandboxCommand.command,
        "events": EventsCommand.command,
        "credentials": CredentialsCommand.command,
        "keys": KeysCommand.command,
    ]

    static let overview = """
        twilio-gateway: Twilio's messaging, voice and Verify APIs behind one internal endpoint.

        Usage: twilio-gateway <command> [options]

        Commands:
          serve        Run the RPC server, the GraphQL gateway and (without credentials) the sandbox
          send-sms     Send one SMS through a running gateway's RPC port
          bulk-send    Send one SMS to each recipient of a CSV file, with a progress bar on a terminal
          message      Show one message, or cancel it with --cancel
          call         Place an outbound call, or show one call by its SID
          update-call  End a call or redirect it to new TwiML
          verify       Start a verification (verify start) or check a code (verify check)
          totp         TOTP factors for authenticator apps: create, verify, challenge, check
          sandbox      Play a person texting (sandbox sms) or calling (sandbox call) a sandbox number
          events       List recent events, or follow the event stream with --follow
          credentials  Store, show or re-key the Twilio credentials in the encrypted vault
          keys         Create, list or revoke the API keys RPC and GraphQL callers present

        Run 'twilio-gateway <command> --help' for a command's options.
        """
}

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
    ]

    static let overview = """
        twilio-gateway: Twilio's messaging, voice and Verify APIs behind one internal endpoint.

        Usage: twilio-gateway <command> [options]

        Commands:
          serve       Run the RPC server, the GraphQL gateway and (without credentials) the sandbox
          send-sms    Send one SMS through a running gateway's RPC port

        Run 'twilio-gateway <command> --help' for a command's options.
        """
}

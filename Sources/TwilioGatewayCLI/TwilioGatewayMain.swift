#if canImport(Glibc)
    internal import Glibc
#endif

/// The `twilio-gateway` executable: picks a subcommand and runs it.
@main
enum TwilioGatewayMain {
    /// The commands that write into the data directory, which run with umask 077 so that every
    /// file and directory they create there (vault, SQLite files and their -wal/-shm companions)
    /// is for the owner only.
    static let privateFileCommands: Set<String> = ["serve", "credentials", "keys"]

    static func main() async {
        let words = Array(CommandLine.arguments.dropFirst())
        guard let name = words.first, name != "--help", name != "-h", name != "help" else {
            if words.isEmpty {
                printError(Usage.overview)
                exit(64)
            }
            print(Usage.overview)
            exit(0)
        }
        if name == "--version" || name == "version" {
            print("twilio-gateway \(GatewayVersion.current)")
            exit(0)
        }
        guard let command = Usage.commands[name] else {
            printError("twilio-gateway: unknown command '\(name)'; run 'twilio-gateway --help' for the commands")
            exit(64)
        }
        let rest = Array(words.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            print(command.help)
            exit(0)
        }
        if privateFileCommands.contains(name) {
            umask(0o077)
        }
        do {
            let status = try await command.run(rest)
            exit(status)
        } catch let error as CommandArguments.ParseError {
            printError("\(name): \(error)\nRun 'twilio-gateway \(name) --help' for its options.")
            exit(64)
        } catch {
            printError("\(name): \(error)")
            exit(1)
        }
    }
}

/// Writes `message` and a newline to standard error.
func printError(_ message: String) {
    let bytes = Array((message + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

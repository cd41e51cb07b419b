internal import GatewayAPI
internal import GatewayClient
internal import GatewayServices
internal import RPCCore

/// `twilio-gateway bulk-send`: sends one SMS to every recipient of a CSV file through a running
/// gateway's RPC port, with a progress bar on a terminal and JSON lines otherwise.
enum BulkSendCommand {
    static let help = """
        Usage: twilio-gateway bulk-send --file FILE (--from NUMBER | --messaging-service-sid MG...) --body TEMPLATE [options]

        Sends one SMS to each recipient of a CSV file through a running gateway's RPC port.

        The file (RFC 4180 CSV in UTF-8; - reads standard input) starts with a header row. The
        column named to (or phone or phone_number, in any case) holds each recipient's number in
        E.164 format; every other column is a variable that {{column}} in the body takes from the
        recipient's row, as in --body "Hi {{name}}". A placeholder names its column exactly, case
        included. A file that is not valid CSV, or lacks a column the body uses, is refused with
        its line and column before anything is sent. A number that appears again is sent once.

        On a terminal a progress bar shows what is sent, failed and remaining, the rate and the
        time left, and the recipients not sent are listed at the end. Otherwise, or with --json,
        each recipient's result is one JSON object on its own line as it completes, and a
        {"summary":...} object ends the output. Ctrl-C stops sending and says what was done.

        Options:
          --file FILE                    The recipients: a CSV file, or - for standard input (required)
          --from NUMBER                  Sender: a Twilio number of the account; repeat to take turns
          --messaging-service-sid SID    Sender: a Messaging Service (MG...), instead of --from
          --body TEMPLATE                The message text, with {{column}} placeholders
          --media-url URL                Media to attach to every message; repeat for several
          --status-callback URL          Where Twilio reports status changes of every message
          --rate PER_SECOND              SMS segments per second per sender, 0.001 to 1000, or 0 for no
                                         pacing (default: 100 for a short code, 3 for a toll-free
                                         number, 1 otherwise)
          --concurrency N                Sends in flight at once, 1 to 64 (default 16)
          --max-attempts N               Tries per recipient on 429 answers, 1 to 10 (default 5)
          --batch-size N                 Recipients per BulkSendSms call, 1 to 100000 (default 10000)
          --rpc-addr HOST:PORT           The gateway [GATEWAY_RPC_ADDR] (default 127.0.0.1:7701)
          --api-key-file FILE            A file holding the API key to send [or the key in GATEWAY_API_KEY]
          --timeout SECONDS              Deadline of each BulkSendSms call (default none)
        \(RPCCommandOptions.tlsHelp)
          --json                         JSON lines also on a terminal

        Exit status: 0 when every recipient was sent, 2 when some were not, 1 when a call failed,
        64 for wrong options (a malformed --body template too), 65 for a file that is not valid
        CSV or lacks a column the body uses, 66 for one that cannot be read, 130 after Ctrl-C.
        NO_COLOR turns the bar's colours off; TERM=dumb also its escape codes.
        """

    static let command = Command(help: help) { words in
        var arguments = try CommandArguments(
            words,
            options: RPCCommandOptions.optionNames.union([
                "file", "from", "messaging-service-sid", "body", "media-url", "status-callback", "rate",
                "concurrency", "max-attempts", "batch-size",
            ]),
            flags: RPCCommandOptions.flagNames.union(["json"])
        )
        let json = arguments.flag("json")
        let environment = Environment()
        let options = try RPCCommandOptions(arguments: &arguments, environment: environment, defaultTimeout: nil)
        let path = try arguments.required("file")
        let request = try makeRequest(&arguments)
        let placeholders = try placeholderNames(request.bodyTemplate)
        let batchSize =
            try arguments.integer("batch-size", in: 1...Int32(BulkSendSchedule.maximumBatchSize)).map(Int.init)
            ?? BulkSendSchedule.defaultBatchSize
        try arguments.rejectUnknown()

        let file: RecipientFile
        do {
            file = try RecipientFile.read(path)
            try file.checkPlaceholders(placeholders)
        } catch {
            return refuse(path, error)
        }
        return await send(
            file,
            request: request,
            batchSize: batchSize,
            client: options.makeClient(),
            json: json,
            environment: environment
        )
    }

    /// The placeholders of `--body`, checked as the gateway will check them.
    ///
    /// - Throws: `CommandArguments.ParseError` for a template the gateway would refuse.
    private static func placeholderNames(_ template: String) throws -> [String] {
        do {
            return try BodyTemplate(template).names
        } catch {
            throw CommandArguments.ParseError(description: "--body is not a valid template: \(error.message)")
        }
    }

    /// Prints why the file at `path` cannot be sent and returns the exit status: 65 when it is
    /// not valid CSV, its recipients are wrong or it lacks a column the body uses, 66 when it
    /// cannot be read.
    private static func refuse(_ path: String, _ error: any Error) -> Int32 {
        guard let error = error as? CSVTable.ParseError else {
            printError("bulk-send: \(error)")
            return 66
        }
        printError("bulk-send: \(path == "-" ? "standard input" : path), \(error); nothing was sent")
        return 65
    }

    /// Sends to the recipients of `file`, shows the results, and returns the exit status.
    private static func send(
        _ file: RecipientFile,
        request: BulkSendSmsRequest,
        batchSize: Int,
        client: GatewayClient,
        json: Bool,
        environment: Environment
    ) async -> Int32 {
        let total = file.entries.count
        let runner = BulkSendRunner(
            client: client,
            request: request,
            schedule: BulkSendSchedule(file.entries, batchSize: batchSize),
            lines: file.entries.map(\.line),
            segmentInterval: segmentInterval(request.messagesPerSecond)
        )
        let started = ContinuousClock.now
        let display: any BulkSendDisplay =
            json || !StandardOutput.isTerminal
            ? JSONLinesDisplay()
            : ProgressBarDisplay(total: total, style: TerminalStyle(environment: environment), started: started)

        do {
            let (ending, tally) = try await InterruptSignal.cancelling {
                try display.start()
                var tally = BulkTally(total: total)
                let ending = try await runner.run { result in
                    tally.record(result.result)
                    try display.show(result, tally: tally)
                }
                return (ending, tally)
            }
            try await display.finish(tally, ending: ending, elapsed: ContinuousClock.now - started)
            return exitStatus(ending, tally: tally, json: json)
        } catch {
            printError("bulk-send: \(error); stopped sending")
            return 1
        }
    }

    /// 0 when every recipient was sent, 2 when some were not, 130 after Ctrl-C, and 1 when a
    /// call failed, whose error also goes to standard error unless `--json` was given.
    private static func exitStatus(_ ending: BulkSendRunner.Ending, tally: BulkTally, json: Bool) -> Int32 {
        switch ending {
        case .completed:
            return tally.failed == 0 ? 0 : 2
        case .interrupted:
            return 130
        case .failed(let error):
            if !json {
                CommandOutput.report(error, json: false)
            }
            return 1
        }
    }

    /// Everything of the calls but their recipients, from the options.
    private static func makeRequest(_ arguments: inout CommandArguments) throws -> BulkSendSmsRequest {
        var request = BulkSendSmsRequest(bodyTemplate: arguments.value("body") ?? "")
        let numbers = arguments.values("from")
        switch (numbers.isEmpty, arguments.value("messaging-service-sid")) {
        case (false, nil): request.fromNumbers = numbers
        case (true, let sid?): request.messagingServiceSID = sid
        case (true, nil):
            throw CommandArguments.ParseError(description: "give --from (once or more) or --messaging-service-sid")
        case (false, _?):
            throw CommandArguments.ParseError(description: "give only one of --from and --messaging-service-sid")
        }
        request.mediaURLs = arguments.values("media-url")
        guard !request.bodyTemplate.isEmpty || !request.mediaURLs.isEmpty else {
            throw CommandArguments.ParseError(description: "give --body (or --media-url to send media alone)")
        }
        request.statusCallback = arguments.value("status-callback") ?? ""
        if let text = arguments.value("rate") {
            guard let rate = Double(text), rate == 0 || (0.001...1000).contains(rate) else {
                throw CommandArguments.ParseError(
                    description: "--rate needs a number of segments per second from 0.001 to 1000, or 0 for no pacing"
                )
            }
            request.messagesPerSecond = rate
        }
        request.maxConcurrency = try arguments.integer("concurrency", in: 1...64) ?? 0
        request.maxAttempts = try arguments.integer("max-attempts", in: 1...10) ?? 0
        return request
    }

    /// How long one segment holds a sender at `rate`: none without pacing, and a second (the
    /// slowest pace the gateway picks itself) when the gateway picks the pace. `--rate` is at
    /// least 0.001, so this is at most 1000 seconds.
    private static func segmentInterval(_ rate: Double?) -> Duration {
        guard let rate else {
            return .seconds(1)
        }
        return rate == 0 ? .zero : .seconds(1 / rate)
    }
}

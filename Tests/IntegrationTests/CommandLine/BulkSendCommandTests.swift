internal import Foundation
internal import GatewayTestSupport
internal import Testing

#if canImport(Glibc)
    internal import Glibc
#endif

/// `twilio-gateway bulk-send` run as a separate process against one shared sandbox gateway:
/// JSON lines into a file, and the progress bar on a pseudo-terminal.
@Suite("The bulk-send command", .sharedSandboxGateway)
struct BulkSendCommandTests {
    /// A sandbox number (+1555...) for recipient `n`; the sandbox accepts any of them.
    static func number(_ n: Int) -> String {
        "+1555" + String(2_000_000 + n)
    }

    /// A CSV file of recipients `numbers`, with a `name` column, in a fresh directory.
    static func writeFile(_ numbers: [String], extra: String = "") throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory(prefix: "bulk-send")
        let rows = numbers.enumerated().map { "\($1),Person \($0)\(extra.isEmpty ? "" : "," + extra)" }
        let text = (["to,name" + (extra.isEmpty ? "" : ",extra")] + rows).joined(separator: "\r\n") + "\r\n"
        let url = directory.file("recipients.csv")
        try Data(text.utf8).write(to: url)
        return (directory, url.path)
    }

    /// The options every run shares: the gateway, the first sandbox number, the body, and a
    /// pace of `rate` (none by default).
    static func options(_ file: String, rate: String = "0") throws -> [String] {
        let gateway = try SharedSandboxGateway.require()
        let from = try #require(gateway.sandbox?.numbers.first)
        return [
            "bulk-send", "--rpc-addr", "127.0.0.1:\(try gateway.requireRPCPort())", "--file", file, "--from", from,
            "--body", "Hi {{name}}", "--rate", rate, "--concurrency", "32",
        ]
    }

    /// The JSON objects of each output line.
    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object, "not a JSON object: \(line)")
        }
    }

    /// Splits JSON lines into the recipients' results and the final summary.
    static func results(_ output: String) throws -> (results: [[String: Any]], summary: [String: Any]) {
        let objects = try objects(output)
        let summary = try #require(objects.last?["summary"] as? [String: Any], "no summary last: \(output)")
        let results = objects.dropLast()
        #expect(results.allSatisfy { $0["summary"] == nil && $0["to"] is String }, "\(output)")
        return (Array(results), summary)
    }

    @Test("to a pipe, 1,000 recipients give 1,000 JSON lines, each To once, then the summary")
    func thousandAsJSONLines() async throws {
        let numbers = (0..<1000).map(Self.number)
        let (directory, file) = try Self.writeFile(numbers)
        defer { directory.remove() }

        let outcome = try await Program.run(GatewayProcess.executablePath, try Self.options(file))

        #expect(outcome.status == 0, "\(outcome)")
        let (results, summary) = try Self.results(outcome.output)
        #expect(results.count == 1000)
        #expect(Set(results.compactMap { $0["to"] as? String }) == Set(numbers))
        #expect(
            results.allSatisfy { $0["outcome"] as? String == "sent" && ($0["sid"] as? String)?.hasPrefix("SM") == true }
        )
        #expect(Set(results.compactMap { $0["index"] as? Int }) == Set(0..<1000))
        let byIndex = Dictionary(uniqueKeysWithValues: results.map { ($0["index"] as? Int ?? -1, $0) })
        #expect(byIndex[7]?["line"] as? Int == 9)
        #expect(byIndex[7]?["to"] as? String == Self.number(7))
        #expect(summary["total"] as? Int == 1000)
        #expect(summary["sent"] as? Int == 1000)
        #expect(summary["failed"] as? Int == 0)
        #expect(summary["interrupted"] as? Bool == false)
    }

    @Test("on a terminal, 1,000 recipients draw a progress bar redrawn with \\r and a summary, and no JSON")
    func thousandOnTerminal() async throws {
        let (directory, file) = try Self.writeFile((0..<1000).map { Self.number(1000 + $0) })
        defer { directory.remove() }

        let outcome = try await PseudoTerminal.run(GatewayProcess.executablePath, try Self.options(file), columns: 90)

        #expect(outcome.status == 0, "\(outcome)")
        let frames = outcome.frames
        #expect(frames.count >= 2, "\(outcome)")
        #expect(frames.allSatisfy { $0.count <= 89 }, "\(outcome)")
        let figures =
            /^\[[#-]+\] +\d+%  sent (\d+)  failed (\d+)  remaining (\d+)  ([\d.]+|--) msg\/s  ETA ([\d:]+|--:--)$/
        let parsed = frames.compactMap { $0.wholeMatch(of: figures) }
        #expect(parsed.count == frames.count, "\(frames)")
        let first = try #require(parsed.first)
        #expect((first.1, first.2, first.3) == ("0", "0", "1000"), "\(frames)")
        let last = try #require(parsed.last)
        #expect((last.1, last.2, last.3) == ("1000", "0", "0"), "\(frames)")
        #expect(last.4 != "--" && last.5 == "0:00", "\(frames)")
        #expect(outcome.output.contains("\u{1B}[K"), "\(outcome)")
        #expect(outcome.output.contains("Done: 1000 sent, 0 failed of 1000 recipients"), "\(outcome)")
        #expect(!outcome.output.contains("{"), "\(outcome)")
    }

    /// Five rows: a good one, an invalid number (21211), an opted-out one (21610), the first
    /// number again, and another good one.
    static let troubled = ["+15552100001", "+15005550001", "+15005550004", "+15552100001", "+15552100002"]

    @Test("recipients that fail show in the JSON lines with Twilio's code, and the exit status is 2")
    func failuresAsJSONLines() async throws {
        let (directory, file) = try Self.writeFile(Self.troubled)
        defer { directory.remove() }

        let outcome = try await Program.run(GatewayProcess.executablePath, try Self.options(file))

        #expect(outcome.status == 2, "\(outcome)")
        let (results, summary) = try Self.results(outcome.output)
        let byLine = Dictionary(uniqueKeysWithValues: results.map { ($0["line"] as? Int ?? -1, $0) })
        #expect(byLine.keys.sorted() == [2, 3, 4, 5, 6])
        #expect(byLine[3]?["outcome"] as? String == "failed")
        #expect(byLine[3]?["twilioCode"] as? Int == 21211)
        #expect(byLine[3]?["errorCode"] as? String == "INVALID_ARGUMENT")
        #expect(byLine[4]?["outcome"] as? String == "opted_out")
        #expect(byLine[4]?["twilioCode"] as? Int == 21610)
        #expect(byLine[5]?["outcome"] as? String == "duplicate")
        #expect((byLine[5]?["errorMessage"] as? String)?.contains("line 2") == true)
        #expect(summary["sent"] as? Int == 2)
        #expect(summary["failed"] as? Int == 3)
    }

    @Test("recipients that fail are listed under the bar with line, number, Twilio code and message")
    func failuresOnTerminal() async throws {
        let (directory, file) = try Self.writeFile(Self.troubled)
        defer { directory.remove() }

        let outcome = try await PseudoTerminal.run(GatewayProcess.executablePath, try Self.options(file))

        #expect(outcome.status == 2, "\(outcome)")
        let lines = outcome.output.replacing("\r\n", with: "\n").split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Done: 2 sent, 3 failed of 5 recipients") }, "\(outcome)")
        let listed = lines.drop { $0 != "Not sent:" }.dropFirst()
        #expect(listed.count == 3, "\(outcome)")
        let rows = listed.map {
            $0.split(separator: " ", omittingEmptySubsequences: true).prefix(4).joined(separator: " ")
        }
        #expect(
            rows == [
                "line 3 +15005550001 21211", "line 4 +15005550004 21610", "line 5 +15552100001 duplicate",
            ],
            "\(outcome)"
        )
        #expect(listed.first?.contains("is not a valid phone number") == true, "\(outcome)")
    }

    @Test("small batches go out as several calls, the senders taking turns across them, each number once")
    func batches() async throws {
        let gateway = try SharedSandboxGateway.require()
        let senders = try #require(gateway.sandbox?.numbers)
        try #require(senders.count >= 2)
        let numbers = (0..<20).map { Self.number(3000 + $0) } + [Self.number(3004)]
        let (directory, file) = try Self.writeFile(numbers)
        defer { directory.remove() }

        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            try Self.options(file) + ["--from", senders[1], "--batch-size", "3"]
        )

        #expect(outcome.status == 2, "\(outcome)")
        let (results, summary) = try Self.results(outcome.output)
        #expect(results.count == 21)
        for result in results where result["outcome"] as? String == "sent" {
            let index = try #require(result["index"] as? Int)
            #expect(result["from"] as? String == senders[index % 2], "\(result)")
            #expect(result["to"] as? String == numbers[index])
        }
        let repeated = results.filter { $0["outcome"] as? String == "duplicate" }
        #expect(repeated.map { $0["index"] as? Int } == [20])
        #expect(summary["sent"] as? Int == 20)
    }

    @Test("recipients larger than one request frame go out in calls that fit")
    func largeRows() async throws {
        let numbers = (0..<1500).map { Self.number(4000 + $0) }
        let (directory, file) = try Self.writeFile(numbers, extra: String(repeating: "x", count: 3000))
        defer { directory.remove() }

        let outcome = try await Program.run(GatewayProcess.executablePath, try Self.options(file))

        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let (results, summary) = try Self.results(outcome.output)
        #expect(results.count == 1500)
        #expect(summary["sent"] as? Int == 1500)
    }

    @Test("standard input is read for --file -")
    func standardInput() async throws {
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            try Self.options("-"),
            input: "to,name\n\(Self.number(5000)),Ana\n"
        )

        #expect(outcome.status == 0, "\(outcome)")
        let (results, _) = try Self.results(outcome.output)
        #expect(results.first?["to"] as? String == Self.number(5000))
    }

    @Test("Ctrl-C on a terminal stops sending and prints what was done, with exit status 130")
    func interruptOnTerminal() async throws {
        let (directory, file) = try Self.writeFile((0..<1000).map { Self.number(6000 + $0) })
        defer { directory.remove() }
        let outcome = try await PseudoTerminal.run(
            GatewayProcess.executablePath,
            try Self.options(file, rate: "20"),
            interruptWhen: "sent [1-9]"
        )

        #expect(outcome.status == 130, "\(outcome)")
        let summary = try #require(
            outcome.output.firstMatch(of: /Interrupted: (\d+) sent, (\d+) failed, (\d+) not sent of 1000/)
        )
        let sent = try #require(Int(summary.1))
        #expect(sent >= 1 && sent < 1000, "\(outcome)")
        #expect(Int(summary.3) == 1000 - sent, "\(outcome)")
    }

    @Test("SIGINT with JSON lines cancels the call and ends them with a summary that says interrupted (status 130)")
    func interruptWithJSONLines() async throws {
        let (directory, file) = try Self.writeFile((0..<1000).map { Self.number(7000 + $0) })
        defer { directory.remove() }
        let output = directory.file("stdout")
        try Data().write(to: output)
        let child = try ChildProcess(
            GatewayProcess.executablePath,
            try Self.options(file, rate: "20"),
            environment: Program.cleanEnvironment,
            input: FileHandle.nullDevice,
            output: try FileHandle(forWritingTo: output),
            error: FileHandle.nullDevice
        )
        let firstLine = await eventually { (try? String(contentsOf: output, encoding: .utf8))?.firstIndex(of: "\n") }
        #expect(firstLine != nil, "no result line within 10 seconds")

        child.send(SIGINT)
        let termination = await child.waitForExit(within: .seconds(10))

        #expect(termination == ChildProcess.Termination(status: 130, signalled: false))
        let (results, summary) = try Self.results(try String(contentsOf: output, encoding: .utf8))
        #expect(summary["interrupted"] as? Bool == true)
        #expect(results.count == (summary["sent"] as? Int ?? 0) + (summary["failed"] as? Int ?? 0))
        #expect((summary["remaining"] as? Int ?? 0) > 0)
        let gateway = try SharedSandboxGateway.require()
        let cancelled = await eventually {
            gateway.logs.first {
                $0["msg"] == "rpc.call.finished" && $0["rpc.method"]?.hasSuffix("/BulkSendSms") == true
                    && $0["rpc.code"] == "CANCELLED"
            }
        }
        #expect(cancelled != nil, "the gateway logged no cancelled BulkSendSms call")
    }

    @Test(
        "a file that is not valid CSV exits 65 naming the line, and nothing is sent",
        arguments: [
            ("to,name\n+15552100001,Ana\n+15552100002\n", "line 3:"),
            ("name\nAna\n", "line 1: no column holds the recipients' numbers"),
            ("to,name\n+15552100001,\"Ana\n", "line 2, column 2: the quoted field"),
            ("", "line 1: the file is empty"),
            ("to,name\n+15552100001,A\u{0}na\n", "line 2, column 2: the field holds a NUL byte"),
            (
                "to,Name\n+15552100001,Ana\n",
                "line 1: the body uses {{name}}, but no column of the header has that name; names match exactly, "
                    + "case included: the column is Name; the variable columns are Name"
            ),
            ("to,first\n+15552100001,Ana\n", "line 1: the body uses {{name}}, but no column"),
            (
                "to\n+15552100001\n",
                "line 1: the body uses {{name}}, but no column of the header has that name; the file"
            ),
        ]
    )
    func invalidFile(_ text: String, message: String) async throws {
        let outcome = try await Program.run(GatewayProcess.executablePath, try Self.options("-"), input: text)

        #expect(outcome.status == 65, "\(outcome)")
        #expect(outcome.errorOutput.contains("standard input, \(message)"), "\(outcome)")
        #expect(outcome.errorOutput.contains("nothing was sent"), "\(outcome)")
        #expect(outcome.output.isEmpty, "\(outcome)")
    }

    @Test("an error quoting the header shortens a 100 KB column name and lists at most ten names")
    func hugeHeader() async throws {
        let huge = String(repeating: "x", count: 100_000)
        let many = (0..<50).map { "column\($0)" }.joined(separator: ",")
        for header in [huge, many] {
            let outcome = try await Program.run(
                GatewayProcess.executablePath,
                try Self.options("-"),
                input: header + "\n"
            )

            #expect(outcome.status == 65, "\(outcome.errorOutput.prefix(300))")
            #expect(outcome.errorOutput.contains("no column holds the recipients' numbers"))
            #expect(outcome.errorOutput.utf8.count < 600, "\(outcome.errorOutput.prefix(300))")
        }
    }

    @Test("a file that cannot be read exits 66 with the system's reason")
    func unreadableFile() async throws {
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            try Self.options("/nonexistent/recipients.csv")
        )

        #expect(outcome.status == 66, "\(outcome)")
        #expect(outcome.errorOutput.contains("cannot open /nonexistent/recipients.csv: No such file"), "\(outcome)")
    }

    @Test(
        "options bulk-send cannot use exit 64",
        arguments: [
            ["bulk-send", "--from", "+15005550006", "--body", "hi"],
            ["bulk-send", "--file", "x.csv", "--body", "hi"],
            [
                "bulk-send", "--file", "x.csv", "--from", "+15005550006", "--messaging-service-sid", "MG1", "--body",
                "hi",
            ],
            ["bulk-send", "--file", "x.csv", "--from", "+15005550006"],
            ["bulk-send", "--file", "x.csv", "--from", "+15005550006", "--body", "hi", "--rate", "-1"],
            ["bulk-send", "--file", "x.csv", "--from", "+15005550006", "--body", "Hi {{name"],
            ["bulk-send", "--file", "x.csv", "--from", "+15005550006", "--body", "Hi {{first name}}"],
            ["bulk-send", "--file", "x.csv", "--from", "+15005550006", "--body", "hi", "--rate", "1e-300"],
            ["bulk-send", "--file", "x.csv", "--from", "+15005550006", "--body", "hi", "--rate", "1001"],
            ["bulk-send", "--file", "x.csv", "--from", "+15005550006", "--body", "hi", "--concurrency", "65"],
            ["bulk-send", "--file", "x.csv", "--from", "+15005550006", "--body", "hi", "--batch-size", "0"],
            ["bulk-send", "--file", "x.csv", "--from", "+15005550006", "--body", "hi", "--timeout", "inf"],
        ]
    )
    func misuse(_ arguments: [String]) async throws {
        let outcome = try await Program.run(GatewayProcess.executablePath, arguments, timeLimit: .seconds(10))

        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.output.isEmpty, "\(outcome)")
    }

    @Test("TERM=dumb gets no escape codes, the line padded over instead; NO_COLOR keeps erase-line")
    func plainTerminals() async throws {
        let (directory, file) = try Self.writeFile(Self.troubled)
        defer { directory.remove() }

        let dumb = try await PseudoTerminal.run(
            GatewayProcess.executablePath,
            try Self.options(file),
            environment: ["TERM": "dumb"]
        )
        let noColor = try await PseudoTerminal.run(
            GatewayProcess.executablePath,
            try Self.options(file),
            environment: ["TERM": "xterm", "NO_COLOR": "1"]
        )

        #expect(dumb.status == 2, "\(dumb)")
        #expect(!dumb.output.contains("\u{1B}"), "\(dumb)")
        #expect(dumb.output.contains("\r["), "\(dumb)")
        #expect(noColor.output.contains("\u{1B}[K"), "\(noColor)")
        #expect(!noColor.output.contains("\u{1B}[3"), "\(noColor)")
    }

    @Test("--help lists every option and the exit statuses")
    func help() async throws {
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            ["bulk-send", "--help"],
            timeLimit: .seconds(10)
        )

        #expect(outcome.status == 0, "\(outcome)")
        for option in [
            "--file", "--from", "--messaging-service-sid", "--body", "--media-url", "--status-callback", "--rate",
            "--concurrency", "--max-attempts", "--batch-size", "--rpc-addr", "--timeout", "--json", "Exit status",
        ] {
            #expect(outcome.output.contains(option), "bulk-send --help lacks \(option)")
        }
    }
}

internal import Foundation
internal import GatewayAPI
internal import GatewayClient
internal import RPCCore
internal import ServiceSupport

/// `gateway-bench --bulk N`: one BulkSendSms of `N` recipients with pacing off, over the RPC
/// connection to the in-process sandbox; then, when a script is given, the same batch sent by
/// the `twilio` Python library against the same sandbox, and the ratio of the two rates.
enum BulkBench {
    /// What one sender measured.
    struct Figure {
        var name: String
        var messages: Int
        var failures: Int
        var seconds: Double

        var messagesPerSecond: Double {
            seconds > 0 ? Double(messages) / seconds : 0
        }

        var row: String {
            let rate = Int(messagesPerSecond.rounded())
            return "\(name): \(messages) messages in \(String(format: "%.2f", seconds)) s = \(rate) messages/s"
                + " (\(failures) failed)"
        }
    }

    static let concurrency = 32

    static func run(count: Int, pythonScript: String?, stack: BenchStack) async throws {
        print("gateway-bench --bulk \(count): pacing off, \(concurrency) sends in flight, in-process sandbox")
        let gateway = try await sendThroughGateway(count: count, stack: stack)
        print(gateway.row)
        guard let pythonScript else {
            return
        }
        let python = try await sendWithPython(count: count, script: pythonScript, stack: stack)
        print(python.row)
        let ratio = python.messagesPerSecond > 0 ? gateway.messagesPerSecond / python.messagesPerSecond : 0
        print("ratio: gateway BulkSendSms / twilio-python = \(String(format: "%.2f", ratio))x")
    }

    private static func sendThroughGateway(count: Int, stack: BenchStack) async throws -> Figure {
        let recipients = (0..<count).map { BulkRecipient(to: number(10_000_000 + $0), variables: ["n": String($0)]) }
        let request = BulkSendSmsRequest(
            fromNumbers: [BenchStack.sender],
            bodyTemplate: "Bulk message {{n}}",
            recipients: recipients,
            messagesPerSecond: 0,
            maxConcurrency: Int32(concurrency)
        )
        let started = ContinuousClock.now
        var last = BulkProgress()
        for try await update in stack.client.bulkSendSms(request) {
            last = update.progress
        }
        let seconds = (ContinuousClock.now - started).milliseconds / 1000
        return Figure(
            name: "gateway BulkSendSms",
            messages: Int(last.sent),
            failures: Int(last.failed),
            seconds: seconds
        )
    }

    private static func sendWithPython(count: Int, script: String, stack: BenchStack) async throws -> Figure {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = [
            "--base-url", stack.sandboxURL, "--account-sid", stack.accountSID, "--from", BenchStack.sender,
            "--count", String(count), "--threads", String(concurrency), "--first-number", String(20_000_000),
        ]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.lowercased().hasSuffix("_proxy") }
        environment["TWILIO_AUTH_TOKEN"] = stack.authToken
        environment["NO_PROXY"] = "*"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output

        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard status == 0, let line = text.split(separator: "\n").last,
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let messages = object["messages"] as? Int, let failures = object["failures"] as? Int,
            let seconds = object["seconds"] as? Double
        else {
            throw BenchError(message: "\(script) exited with \(status) and printed: \(text)")
        }
        return Figure(
            name: "twilio-python (\(concurrency) threads)",
            messages: messages,
            failures: failures,
            seconds: seconds
        )
    }

    /// A distinct US test number for recipient `n`.
    private static func number(_ n: Int) -> String {
        "+1555" + String(n).suffix(7)
    }
}

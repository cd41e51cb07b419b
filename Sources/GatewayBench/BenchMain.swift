internal import Foundation
internal import GatewayAPI
internal import GatewayClient
internal import GatewayServices
internal import RPCCore
internal import ServiceSupport
internal import TwilioREST
internal import TwilioSandbox
internal import WireFraming

/// `gateway-bench`: unary RPC throughput and latency over a real loopback socket, for SendSms
/// (through the Twilio client to the in-process sandbox) and Health.Check (the framing layer's
/// own cost), at several numbers of calls in flight on one connection; or, with `--bulk N`, the
/// rate of one BulkSendSms (see ``BulkBench``); or, with `--event-log`, durable appends to the
/// event log with and without group commit (see ``EventLogBench``). With `--tls`, each workload
/// also runs against a TLS server, and the TLS rate is given as a share of the plain one.
@main
enum BenchMain {
    static func main() async throws {
        let options = try BenchOptions(CommandLine.arguments.dropFirst())
        if options.eventLog {
            try await EventLogBench.run(options: options)
            return
        }
        let logger = Logger(label: "bench", handler: JSONLinesLogHandler(), minimumLevel: .error)
        let stack = try BenchStack(logger: logger, tls: options.tls ? try BenchCertificate() : nil)
        defer { stack.stop() }
        if let count = options.bulkCount {
            try await BulkBench.run(count: count, pythonScript: options.pythonScript, stack: stack)
            return
        }

        print(
            "gateway-bench: \(options.seconds) s per run after \(options.warmupSeconds) s warm-up, one TCP connection"
        )
        print(BenchResult.header)
        var ratios: [String] = []
        for inFlight in options.inFlightLevels {
            var plain: [String: Double] = [:]
            for workload in stack.workloads {
                let result = await BenchRunner.run(
                    workload,
                    inFlight: inFlight,
                    warmup: .seconds(options.warmupSeconds),
                    duration: .seconds(options.seconds)
                )
                print(result.row)
                guard workload.name.hasSuffix("+TLS") else {
                    plain[workload.name] = result.callsPerSecond
                    continue
                }
                let base = String(workload.name.dropLast(4))
                if let rate = plain[base], rate > 0 {
                    let percent = Int((result.callsPerSecond / rate * 100).rounded())
                    ratios.append("\(base), \(inFlight) in flight: TLS at \(percent) % of the plain calls/s")
                }
            }
        }
        for line in ratios {
            print(line)
        }
    }
}

/// The command-line options of the benchmark.
struct BenchOptions {
    var seconds = 5
    var warmupSeconds = 1
    var inFlightLevels = [1, 16, 256]
    /// `--bulk N`: measure one BulkSendSms of N recipients instead.
    var bulkCount: Int?
    /// `--python SCRIPT`: with `--bulk`, also run this script (scripts/bench-bulk-python).
    var pythonScript: String?
    /// `--event-log`: measure event log appends instead.
    var eventLog = false
    /// `--directory DIR`: with `--event-log`, where the logs go.
    var directory: String?
    /// `--tls`: also measure each workload over TLS.
    var tls = false

    init(_ words: ArraySlice<String>) throws {
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            switch word {
            case "--seconds": seconds = Int(iterator.next() ?? "") ?? seconds
            case "--warmup": warmupSeconds = Int(iterator.next() ?? "") ?? warmupSeconds
            case "--in-flight":
                inFlightLevels = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--bulk":
                guard let count = Int(iterator.next() ?? ""), count > 0 else {
                    throw BenchError(message: "--bulk needs a positive number of recipients")
                }
                bulkCount = count
            case "--python": pythonScript = iterator.next()
            case "--event-log": eventLog = true
            case "--directory": directory = iterator.next()
            case "--tls": tls = true
            case "--help":
                print("Usage: gateway-bench [--seconds N] [--warmup N] [--in-flight 1,16,256] [--tls]")
                print("       gateway-bench --bulk N [--python scripts/bench-bulk-python]")
                print("       gateway-bench --event-log [--seconds N] [--in-flight 1,16,256] [--directory DIR]")
                exit(0)
            default:
                throw BenchError(message: "unknown option \(word); see --help")
            }
        }
    }
}

/// A benchmark that could not start.
struct BenchError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

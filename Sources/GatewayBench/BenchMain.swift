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
/// own cost), at several numbers of calls in flight on one connection.
@main
enum BenchMain {
    static func main() async throws {
        let options = try BenchOptions(CommandLine.arguments.dropFirst())
        let logger = Logger(label: "bench", handler: JSONLinesLogHandler(), minimumLevel: .error)
        let stack = try BenchStack(logger: logger)
        defer { stack.stop() }

        print(
            "gateway-bench: \(options.seconds) s per run after \(options.warmupSeconds) s warm-up, one TCP connection"
        )
        print(BenchResult.header)
        for inFlight in options.inFlightLevels {
            for workload in stack.workloads {
                let result = await BenchRunner.run(
                    workload,
                    inFlight: inFlight,
                    warmup: .seconds(options.warmupSeconds),
                    duration: .seconds(options.seconds)
                )
                print(result.row)
            }
        }
    }
}

/// The command-line options of the benchmark.
struct BenchOptions {
    var seconds = 5
    var warmupSeconds = 1
    var inFlightLevels = [1, 16, 256]

    init(_ words: ArraySlice<String>) throws {
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            switch word {
            case "--seconds": seconds = Int(iterator.next() ?? "") ?? seconds
            case "--warmup": warmupSeconds = Int(iterator.next() ?? "") ?? warmupSeconds
            case "--in-flight":
                inFlightLevels = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--help":
                print("Usage: gateway-bench [--seconds N] [--warmup N] [--in-flight 1,16,256]")
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

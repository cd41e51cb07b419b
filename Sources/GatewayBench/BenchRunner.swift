internal import ServiceSupport

/// Runs a workload with a fixed number of calls in flight and measures it.
enum BenchRunner {
    static func run(
        _ workload: BenchWorkload,
        inFlight: Int,
        warmup: Duration,
        duration: Duration
    ) async -> BenchResult {
        _ = await measure(workload, inFlight: inFlight, for: warmup)
        let started = ContinuousClock.now
        let samples = await measure(workload, inFlight: inFlight, for: duration)
        let elapsed = ContinuousClock.now - started
        return BenchResult(workload: workload.name, inFlight: inFlight, elapsed: elapsed, samples: samples)
    }

    private static func measure(
        _ workload: BenchWorkload,
        inFlight: Int,
        for duration: Duration
    ) async -> [WorkerSamples] {
        let end = ContinuousClock.now + duration
        return await withTaskGroup(of: WorkerSamples.self) { group in
            for _ in 0..<inFlight {
                group.addTask {
                    var samples = WorkerSamples()
                    while ContinuousClock.now < end {
                        let start = ContinuousClock.now
                        do {
                            try await workload.call()
                            samples.latencies.append(ContinuousClock.now - start)
                        } catch {
                            samples.failures += 1
                        }
                    }
                    return samples
                }
            }
            var all: [WorkerSamples] = []
            for await samples in group {
                all.append(samples)
            }
            return all
        }
    }
}

/// What one worker saw.
struct WorkerSamples: Sendable {
    var latencies: [Duration] = []
    var failures = 0
}

/// The figures of one run.
struct BenchResult {
    var workload: String
    var inFlight: Int
    var calls: Int
    var failures: Int
    var callsPerSecond: Double
    var p50: Duration
    var p99: Duration

    init(workload: String, inFlight: Int, elapsed: Duration, samples: [WorkerSamples]) {
        let latencies = samples.flatMap(\.latencies).sorted()
        self.workload = workload
        self.inFlight = inFlight
        self.calls = latencies.count
        self.failures = samples.reduce(0) { $0 + $1.failures }
        self.callsPerSecond = Double(latencies.count) / (elapsed.milliseconds / 1000)
        self.p50 = Self.percentile(latencies, 0.50)
        self.p99 = Self.percentile(latencies, 0.99)
    }

    static let header = "method           in-flight      calls/s   p50 ms   p99 ms      calls  failures"

    var row: String {
        pad(workload, 17) + leftPad(String(inFlight), 9) + leftPad(String(Int(callsPerSecond.rounded())), 13)
            + leftPad(p50.millisecondsText, 9) + leftPad(p99.millisecondsText, 9) + leftPad(String(calls), 11)
            + leftPad(String(failures), 10)
    }

    private static func percentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
        guard !sorted.isEmpty else {
            return .zero
        }
        let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
        return sorted[max(0, index)]
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

import GatewayMetrics
import Testing

@Suite("Metrics updated from many tasks at once")
struct ConcurrencyTests {
    static let tasks = 8
    static let perTask = 5_000

    @Test("no counter increment, gauge change or histogram observation is lost")
    func noLostUpdates() async {
        let registry = MetricsRegistry()
        let counters = registry.counter("hits_total", help: "Hits.", labelNames: ["task"])
        let gauge = registry.gauge("level", help: "Level.").labels()
        let histogram = registry.histogram("sizes", help: "Sizes.", upperBounds: [0.5]).labels()

        await withTaskGroup(of: Void.self) { group in
            for task in 0..<Self.tasks {
                group.addTask {
                    for step in 0..<Self.perTask {
                        counters.labels(String(task % 2)).increment()
                        gauge.increment()
                        gauge.decrement(by: 0.5)
                        histogram.observe(step.isMultiple(of: 2) ? 0.25 : 1)
                    }
                }
            }
        }

        let total = Double(Self.tasks * Self.perTask)
        #expect(counters.labels("0").value + counters.labels("1").value == total)
        #expect(gauge.value == total / 2)
        #expect(histogram.snapshot.count == UInt64(total))
        #expect(histogram.snapshot.cumulativeCounts == [UInt64(total / 2), UInt64(total)])
    }
}

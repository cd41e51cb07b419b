import GatewayMetrics
import Testing

@Suite("Histogram")
struct HistogramTests {
    @Test("a value counts in the first bucket whose bound it does not exceed; buckets are cumulative")
    func buckets() {
        let histogram = Histogram(upperBounds: [0.1, 1, 10])
        for value in [0.05, 0.1, 0.5, 1, 7, 10, 11, 1000] {
            histogram.observe(value)
        }
        let snapshot = histogram.snapshot
        #expect(snapshot.cumulativeCounts == [2, 4, 6, 8])
        #expect(snapshot.count == 8)
        #expect(snapshot.sum == 0.05 + 0.1 + 0.5 + 1 + 7 + 10 + 11 + 1000)
    }

    @Test("durations are observed in seconds; NaN is left out")
    func durations() {
        let histogram = Histogram(upperBounds: [0.01, 1])
        histogram.observe(Duration.milliseconds(5))
        histogram.observe(Duration.milliseconds(1500))
        histogram.observe(Double.nan)
        #expect(histogram.snapshot.cumulativeCounts == [1, 1, 2])
        #expect(abs(histogram.snapshot.sum - 1.505) < 1e-12)
    }

    @Test("renders _bucket lines with le last among the labels, +Inf, then _sum and _count")
    func rendering() {
        let registry = MetricsRegistry()
        let family = registry.histogram(
            "call_duration_seconds",
            help: "Durations.",
            labelNames: ["method"],
            upperBounds: [0.005, 0.5, 2]
        )
        family.labels("Send").observe(0.25)
        family.labels("Send").observe(3)

        #expect(
            registry.render() == """
                # HELP call_duration_seconds Durations.
                # TYPE call_duration_seconds histogram
                call_duration_seconds_bucket{method="Send",le="0.005"} 0
                call_duration_seconds_bucket{method="Send",le="0.5"} 1
                call_duration_seconds_bucket{method="Send",le="2"} 1
                call_duration_seconds_bucket{method="Send",le="+Inf"} 2
                call_duration_seconds_sum{method="Send"} 3.25
                call_duration_seconds_count{method="Send"} 2

                """
        )
    }

    @Test("an unlabelled histogram renders le as its only label")
    func unlabelled() {
        let registry = MetricsRegistry()
        registry.histogram("wait_seconds", help: "Waits.", upperBounds: [1]).labels().observe(0.5)
        #expect(registry.render().contains("wait_seconds_bucket{le=\"1\"} 1\nwait_seconds_bucket{le=\"+Inf\"} 1\n"))
        #expect(registry.render().contains("wait_seconds_sum 0.5\nwait_seconds_count 1\n"))
    }

    @Test("bounds that are not strictly ascending stop the process")
    func badBounds() async {
        await #expect(processExitsWith: .failure) {
            _ = Histogram(upperBounds: [1, 1, 2])
        }
    }
}

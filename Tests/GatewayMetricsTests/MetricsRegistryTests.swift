import GatewayMetrics
import Testing

@Suite("MetricsRegistry's rendering")
struct MetricsRegistryTests {
    @Test("families come sorted by name, HELP and TYPE once each, series sorted by label values")
    func layout() {
        let registry = MetricsRegistry()
        let calls = registry.counter("b_calls_total", help: "Calls.", labelNames: ["method", "code"])
        let running = registry.gauge("a_running", help: "Running now.")
        calls.labels("Send", "OK").increment()
        calls.labels("Get", "OK").increment(by: 2)
        calls.labels("Send", "INVALID_ARGUMENT").increment()
        calls.labels("Send", "OK").increment()
        running.labels().set(3)

        #expect(
            registry.render() == """
                # HELP a_running Running now.
                # TYPE a_running gauge
                a_running 3
                # HELP b_calls_total Calls.
                # TYPE b_calls_total counter
                b_calls_total{method="Get",code="OK"} 2
                b_calls_total{method="Send",code="INVALID_ARGUMENT"} 1
                b_calls_total{method="Send",code="OK"} 2

                """
        )
    }

    @Test("an unlabelled metric shows 0 before its first use; a labelled one shows only its header")
    func emptyFamilies() {
        let registry = MetricsRegistry()
        _ = registry.counter("plain_total", help: "Plain.")
        _ = registry.counter("labelled_total", help: "Labelled.", labelNames: ["kind"])

        #expect(
            registry.render() == """
                # HELP labelled_total Labelled.
                # TYPE labelled_total counter
                # HELP plain_total Plain.
                # TYPE plain_total counter
                plain_total 0

                """
        )
    }

    @Test("label values and HELP text are escaped on output")
    func escaping() {
        let registry = MetricsRegistry()
        let family = registry.counter("odd_total", help: "Back\\slash and\nnewline.", labelNames: ["value"])
        family.labels("a \"quoted\" \\ value\nover two lines").increment()

        #expect(
            registry.render() == """
                # HELP odd_total Back\\\\slash and\\nnewline.
                # TYPE odd_total counter
                odd_total{value="a \\"quoted\\" \\\\ value\\nover two lines"} 1

                """
        )
    }

    @Test("the same label values give the same child")
    func sameChild() {
        let family = MetricsRegistry().gauge("g", help: "G.", labelNames: ["port"])
        #expect(family.labels("rpc") === family.labels(["rpc"]))
        #expect(family.labels("rpc") !== family.labels("http"))
    }

    @Test("sampled metrics are read at each rendering")
    func sampled() {
        let registry = MetricsRegistry()
        let source = Gauge()
        registry.sampledGauge("open", help: "Open.", labelNames: ["port"]) {
            [MetricSample(labelValues: ["rpc"], value: source.value), MetricSample(labelValues: ["http"], value: 1)]
        }
        registry.sampledCounter("ticks_total", help: "Ticks.") { [MetricSample(value: 7.5)] }

        source.set(2)
        let first = registry.render()
        source.set(5)
        let second = registry.render()

        #expect(first.contains("open{port=\"http\"} 1\nopen{port=\"rpc\"} 2\n"))
        #expect(second.contains("open{port=\"rpc\"} 5\n"))
        #expect(second.contains("# TYPE ticks_total counter\nticks_total 7.5\n"))
    }

    @Test("the content type is the 0.0.4 text format's")
    func contentType() {
        #expect(MetricsRegistry.contentType == "text/plain; version=0.0.4; charset=utf-8")
    }

    @Test("registering a name twice stops the process")
    func duplicate() async {
        await #expect(processExitsWith: .failure) {
            let registry = MetricsRegistry()
            _ = registry.counter("twice_total", help: "Once.")
            _ = registry.gauge("twice_total", help: "Twice.")
        }
    }

    @Test("a child asked for with the wrong number of label values stops the process")
    func wrongArity() async {
        await #expect(processExitsWith: .failure) {
            let family = MetricsRegistry().counter("pairs_total", help: "Pairs.", labelNames: ["a", "b"])
            family.labels("only one").increment()
        }
    }
}

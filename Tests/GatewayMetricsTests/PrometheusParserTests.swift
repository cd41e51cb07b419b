import Foundation
import GatewayMetrics
import GatewayTestSupport
import Testing

/// Reads the rendering back with the official Python client's parser, which shares no code with
/// the renderer (Tests/requirements.txt pins it). Skipped when `prometheus_client` is missing,
/// unless `GATEWAY_REQUIRE_PYTHON=1`.
@Suite("MetricsRegistry's output read by prometheus_client's parser")
struct PrometheusParserTests {
    /// Prints each family's name, type and help, and for each sample `[name, labels, value]`, the
    /// value as Python's `repr` (so that infinities survive JSON; whole numbers parse as `int`).
    static let script = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        out = []
        for family in text_string_to_metric_families(sys.stdin.read()):
            out.append({"name": family.name, "type": family.type, "help": family.documentation,
                        "samples": [[s.name, s.labels, repr(s.value)] for s in family.samples]})
        print(json.dumps(out))
        """

    struct Family: Decodable {
        var name: String
        var type: String
        var help: String
        var samples: [Sample]
    }

    struct Sample: Decodable, Equatable {
        var name: String
        var labels: [String: String]
        var value: String

        init(_ name: String, _ labels: [String: String], _ value: String) {
            self.name = name
            self.labels = labels
            self.value = value
        }

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            name = try container.decode(String.self)
            labels = try container.decode([String: String].self)
            value = try container.decode(String.self)
        }
    }

    @Test(
        "escaped label values and HELP texts, infinities and histograms read back as they were",
        .enabled(
            if: PythonPackages.testsRun(needing: "prometheus_client.parser"),
            "prometheus_client is not installed (pip install -r Tests/requirements.txt)"
        )
    )
    func readBack() async throws {
        let hostile = "back\\slash \"quotes\" and\na line feed, ünïcode"
        let registry = MetricsRegistry()
        registry.counter("weird_total", help: "Help with \\ and\nnewline \"kept\".", labelNames: ["value"])
            .labels(hostile).increment(by: 2)
        registry.gauge("edge", help: "Edges.", labelNames: ["kind"]).labels("up").set(.infinity)
        let histogram = registry.histogram("took_seconds", help: "Took.", upperBounds: [0.001, 0.5]).labels()
        histogram.observe(0.25)
        histogram.observe(0.75)

        let families = try await Self.parse(registry.render())
        #expect(families.map(\.name) == ["edge", "took_seconds", "weird"])
        #expect(families.map(\.type) == ["gauge", "histogram", "counter"])
        let weird = try #require(families.last)
        #expect(weird.help == "Help with \\ and\nnewline \"kept\".")
        #expect(weird.samples == [Sample("weird_total", ["value": hostile], "2")])
        #expect(families[0].samples == [Sample("edge", ["kind": "up"], "inf")])
        #expect(
            families[1].samples == [
                Sample("took_seconds_bucket", ["le": "0.001"], "0"),
                Sample("took_seconds_bucket", ["le": "0.5"], "1"),
                Sample("took_seconds_bucket", ["le": "+Inf"], "2"),
                Sample("took_seconds_sum", [:], "1"),
                Sample("took_seconds_count", [:], "2"),
            ]
        )
    }

    @Test(
        "the gateway's whole registry parses, process metrics included",
        .enabled(
            if: PythonPackages.testsRun(needing: "prometheus_client.parser"),
            "prometheus_client is not installed (pip install -r Tests/requirements.txt)"
        )
    )
    func gatewayRegistry() async throws {
        let instrumentation = GatewayInstrumentation()
        instrumentation.recordRPCCall(service: nil, method: nil, code: "UNIMPLEMENTED", duration: .milliseconds(1))
        instrumentation.recordGraphQLOperation(name: "SendWelcome", outcome: .ok, duration: .milliseconds(4))
        let families = try await Self.parse(instrumentation.registry.render())
        let names = Set(families.map(\.name))
        for expected in [
            "twilio_gateway_rpc_calls", "twilio_gateway_rpc_call_duration_seconds", "twilio_gateway_graphql_operations",
            "twilio_gateway_open_connections", "process_resident_memory_bytes", "process_cpu_seconds",
        ] {
            #expect(names.contains(expected), "\(expected) is missing from \(names.sorted())")
        }
    }

    private static func parse(_ text: String) async throws -> [Family] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = "import sys; sys.stdin = open(sys.argv[1], encoding='utf-8')\n" + Self.script
        return try await PythonPeer.runJSON([Family].self, script, arguments: [file.path])
    }
}

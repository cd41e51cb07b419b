internal import Foundation

/// `GET /metrics` fetched with Python's `urllib` and read with the official client's parser,
/// `prometheus_client.parser.text_string_to_metric_families` (pinned in Tests/requirements.txt),
/// which share no code with the gateway.
struct MetricsScrape: Decodable {
    /// One sample as the parser read it.
    struct Sample: Decodable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// One metric family: its name (without `_total` for counters, as the parser reports it) and type.
    struct Family: Decodable {
        var name: String
        var type: String
        var samples: [Sample]
    }

    var contentType: String
    var families: [Family]

    static let script = """
        import json, sys, urllib.request
        from prometheus_client.parser import text_string_to_metric_families
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open("http://127.0.0.1:%s/metrics" % sys.argv[1], timeout=30) as response:
            content_type = response.headers["Content-Type"]
            text = response.read().decode("utf-8")
        families = [{"name": f.name, "type": f.type,
                     "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in f.samples]}
                    for f in text_string_to_metric_families(text)]
        print(json.dumps({"contentType": content_type, "families": families}))
        """

    /// Scrapes the gateway whose HTTP port is `port`.
    static func fetch(port: Int) async throws -> MetricsScrape {
        let outcome = try await PythonTools.run(["-c", script, String(port)])
        guard outcome.status == 0 else {
            throw Program.Failure(description: "the metrics scrape failed: \(outcome)")
        }
        return try JSONDecoder().decode(MetricsScrape.self, from: Data(outcome.output.utf8))
    }

    /// The family named `name`, as the parser names it.
    func family(_ name: String) -> Family? {
        families.first { $0.name == name }
    }

    /// The value of the sample `name` whose labels include `labels`, or `nil` when there is none.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        families.lazy.flatMap(\.samples).first { sample in
            sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value }
        }?.value
    }
}

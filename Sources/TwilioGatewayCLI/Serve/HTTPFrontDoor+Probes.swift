internal import GatewayMetrics
internal import GatewayServices
internal import HTTPServer
internal import ServiceSupport

extension HTTPFrontDoor {
    /// `GET /readyz`: 200 `{"status":"ready",...}` when the last probe succeeded, 503
    /// `{"status":"not-ready","reason":...}` otherwise (also before the first probe), each with
    /// the time of the last probe (`checkedAt`, RFC 3339, or `null`) and its duration.
    static func readinessResponse(_ status: ReadinessStatus) -> HTTPResponse {
        var members = [
            #""status":"# + (status.isReady ? #""ready""# : #""not-ready""#),
            JSONString.quote(status.isReady ? "detail" : "reason") + ":" + JSONString.quote(status.detail),
            #""checkedAt":"# + (status.checkedAt.map { JSONString.quote(Timestamp.rfc3339($0)) } ?? "null"),
        ]
        if let duration = status.probeDuration {
            members.append(#""probeDurationMs":"# + duration.millisecondsText)
        }
        return .json("{" + members.joined(separator: ",") + "}", status: status.isReady ? .ok : .serviceUnavailable)
    }

    /// `GET /metrics`: every metric in Prometheus' text format 0.0.4.
    static func metricsResponse(_ registry: MetricsRegistry) -> HTTPResponse {
        HTTPResponse(
            status: .ok,
            headers: ["Content-Type": MetricsRegistry.contentType],
            body: Array(registry.render().utf8)
        )
    }
}

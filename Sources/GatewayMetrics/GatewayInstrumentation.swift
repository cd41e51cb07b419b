internal import Synchronization

/// Every metric the gateway exports, with the label bounds that keep their series few.
///
/// The lower layers report through small observer hooks; the executable turns each report into
/// one of the `record…` calls here, and serves ``registry`` at `GET /metrics`. Label values
/// come from fixed sets (methods the router serves, status codes, Twilio endpoint names), except
/// GraphQL operation names, which clients choose: the first ``graphQLOperationLimit`` distinct
/// names are kept and later ones count as `other`.
///
/// | Metric | Labels |
/// |---|---|
/// | `twilio_gateway_rpc_calls_total` | `service`, `method`, `code` |
/// | `twilio_gateway_rpc_call_duration_seconds` (histogram) | `service`, `method` |
/// | `twilio_gateway_graphql_operations_total` | `operation`, `outcome` |
/// | `twilio_gateway_graphql_request_duration_seconds` (histogram) | |
/// | `twilio_gateway_twilio_requests_total` | `endpoint`, `status` |
/// | `twilio_gateway_twilio_request_duration_seconds` (histogram) | `endpoint` |
/// | `twilio_gateway_twilio_retries_total` | `endpoint` |
/// | `twilio_gateway_twilio_rate_limited_total` | `endpoint` |
/// | `twilio_gateway_bulk_sends_in_progress` | |
/// | `twilio_gateway_open_connections` | `port` |
/// | `twilio_gateway_ready`, `twilio_gateway_readiness_probes_total` | `outcome` on the counter |
/// | `twilio_gateway_build_info` | `version`, `mode` |
///
/// plus the `process_…` metrics of ``ProcessMetrics``.
public final class GatewayInstrumentation: Sendable {
    /// The label value of calls to methods the server does not serve, and of operations whose
    /// name could not be read.
    public static let unknown = "unknown"

    /// The registry every metric is in.
    public let registry: MetricsRegistry
    /// How many distinct GraphQL operation names get a series of their own.
    public let graphQLOperationLimit: Int

    let rpcCalls: MetricFamily<Counter>
    let rpcDurations: MetricFamily<Histogram>
    let graphQLOperations: MetricFamily<Counter>
    let graphQLDuration: Histogram
    let operationNames: LabelValueLimiter
    let twilioRequests: MetricFamily<Counter>
    let twilioDurations: MetricFamily<Histogram>
    let twilioRetries: MetricFamily<Counter>
    let twilioRateLimited: MetricFamily<Counter>
    let bulkSends: Gauge
    let ready: Gauge
    let readinessProbes: MetricFamily<Counter>
    let buildInfo: MetricFamily<Gauge>
    let connectionSources = Mutex<[String: @Sendable () -> Int]>([:])

    /// Registers every metric, the process metrics included, in `registry`.
    ///
    /// - Parameters:
    ///   - registry: Where the metrics go; a new one unless given.
    ///   - graphQLOperationLimit: How many distinct GraphQL operation names to keep.
    public init(registry: MetricsRegistry = MetricsRegistry(), graphQLOperationLimit: Int = 100) {
        self.registry = registry
        self.graphQLOperationLimit = graphQLOperationLimit
        operationNames = LabelValueLimiter(limit: graphQLOperationLimit, maximumLength: 64)

        rpcCalls = registry.counter(
            "twilio_gateway_rpc_calls_total",
            help: "RPC calls finished, by method and status code; calls to unserved methods have method=\"unknown\".",
            labelNames: ["service", "method", "code"]
        )
        rpcDurations = registry.histogram(
            "twilio_gateway_rpc_call_duration_seconds",
            help: "Time from an RPC call's arrival to its status, streams included.",
            labelNames: ["service", "method"]
        )
        graphQLOperations = registry.counter(
            "twilio_gateway_graphql_operations_total",
            help: "GraphQL requests answered, by operation name and outcome (ok, error, invalid, malformed, "
                + "not_allowed).",
            labelNames: ["operation", "outcome"]
        )
        graphQLDuration = registry.histogram(
            "twilio_gateway_graphql_request_duration_seconds",
            help: "Time to answer a GraphQL request."
        ).labels([])
        twilioRequests = registry.counter(
            "twilio_gateway_twilio_requests_total",
            help: "Requests to Twilio, by endpoint and HTTP status, or the failure when there was no answer.",
            labelNames: ["endpoint", "status"]
        )
        twilioDurations = registry.histogram(
            "twilio_gateway_twilio_request_duration_seconds",
            help: "Time a request to Twilio took, credentials included.",
            labelNames: ["endpoint"]
        )
        twilioRetries = registry.counter(
            "twilio_gateway_twilio_retries_total",
            help: "Requests to Twilio made again after Twilio asked to slow down.",
            labelNames: ["endpoint"]
        )
        twilioRateLimited = registry.counter(
            "twilio_gateway_twilio_rate_limited_total",
            help: "Twilio answers that were rate limits (HTTP 429 or error 20429).",
            labelNames: ["endpoint"]
        )
        bulkSends = registry.gauge(
            "twilio_gateway_bulk_sends_in_progress",
            help: "BulkSendSms calls sending now."
        ).labels([])
        ready = registry.gauge(
            "twilio_gateway_ready",
            help: "1 when the last readiness probe of Twilio (or the upstreams) succeeded, 0 otherwise."
        ).labels([])
        readinessProbes = registry.counter(
            "twilio_gateway_readiness_probes_total",
            help: "Readiness probes made, by outcome (ready, not_ready).",
            labelNames: ["outcome"]
        )
        buildInfo = registry.gauge(
            "twilio_gateway_build_info",
            help: "Always 1; the labels say which version runs and how it reaches Twilio.",
            labelNames: ["version", "mode"]
        )
        registry.sampledGauge(
            "twilio_gateway_open_connections",
            help: "TCP connections open now, by listening port (rpc, http).",
            labelNames: ["port"]
        ) { [weak self] in
            let sources = self?.connectionSources.withLock { $0 } ?? [:]
            return sources.map { MetricSample(labelValues: [$0.key], value: Double($0.value())) }
        }
        ProcessMetrics.register(in: registry)
    }
}

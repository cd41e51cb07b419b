/// One value of a sampled metric, read when the registry renders (see
/// ``MetricsRegistry/sampledGauge(_:help:labelNames:sample:)``).
public struct MetricSample: Hashable, Sendable {
    /// The label values, one per label name of the metric, in order.
    public var labelValues: [String]
    /// The value now.
    public var value: Double

    /// Creates a sample.
    ///
    /// - Parameters:
    ///   - labelValues: The label values, one per label name of the metric.
    ///   - value: The value.
    public init(labelValues: [String] = [], value: Double) {
        self.labelValues = labelValues
        self.value = value
    }
}

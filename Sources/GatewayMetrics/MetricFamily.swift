internal import Synchronization

/// Every series of one metric: one child (a ``Counter``, ``Gauge`` or ``Histogram``) per
/// combination of label values, created on first use.
///
/// Made by a ``MetricsRegistry``. Looking a child up takes one lock and one dictionary lookup;
/// a caller with fixed label values may keep the child instead. Each new combination adds a
/// series for good, so label values must come from a small, fixed set (see
/// ``LabelValueLimiter`` for values that come from clients).
public final class MetricFamily<Child: Sendable>: Sendable {
    /// One child with its label values and their rendered `name="value"` pairs.
    struct Series: Sendable {
        let labelValues: [String]
        let renderedLabels: String
        let child: Child
    }

    /// The metric's name, such as `twilio_gateway_rpc_calls_total`.
    public let name: String
    /// What the metric measures, written on its `# HELP` line.
    public let help: String
    /// The names of its labels, in the order values are given.
    public let labelNames: [String]
    private let makeChild: @Sendable () -> Child
    private let children = Mutex<[[String]: Series]>([:])

    init(name: String, help: String, labelNames: [String], makeChild: @escaping @Sendable () -> Child) {
        self.name = name
        self.help = help
        self.labelNames = labelNames
        self.makeChild = makeChild
    }

    /// The child for these label values, one per label name in order; created at 0 if new.
    ///
    /// - Parameter values: The label values, as many as ``labelNames``.
    /// - Returns: The child.
    public func labels(_ values: String...) -> Child {
        labels(values)
    }

    /// The child for these label values, one per label name in order; created at 0 if new.
    ///
    /// - Parameter values: The label values, as many as ``labelNames``.
    /// - Returns: The child.
    public func labels(_ values: [String]) -> Child {
        precondition(
            values.count == labelNames.count,
            "\(name) has the labels \(labelNames) but was given \(values.count) values"
        )
        return children.withLock { children in
            if let series = children[values] {
                return series.child
            }
            let series = Series(
                labelValues: values,
                renderedLabels: TextFormat.labelPairs(names: labelNames, values: values),
                child: makeChild()
            )
            children[values] = series
            return series.child
        }
    }

    /// Every child, ordered by label values.
    var series: [Series] {
        children.withLock { Array($0.values) }.sorted { $0.labelValues.lexicographicallyPrecedes($1.labelValues) }
    }
}

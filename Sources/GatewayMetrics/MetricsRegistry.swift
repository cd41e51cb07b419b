internal import Synchronization

/// The metrics of a process and their rendering in Prometheus' text exposition format 0.0.4.
///
/// Register each metric once, at start-up, and keep the family it returns; ``render()`` writes
/// every metric, sorted by name, each with its `# HELP` and `# TYPE` lines once, its series
/// sorted by label values. Names and label names are checked when registered: a bad or repeated
/// one is a programming error and stops the process.
///
/// ```swift
/// let registry = MetricsRegistry()
/// let calls = registry.counter("app_calls_total", help: "Calls served.", labelNames: ["code"])
/// calls.labels("OK").increment()
/// let text = registry.render()   // serve with Content-Type MetricsRegistry.contentType
/// ```
///
/// Every method may be called from any thread.
public final class MetricsRegistry: Sendable {
    /// The `Content-Type` of ``render()``'s output.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private struct Entry: Sendable {
        let render: @Sendable (inout String) -> Void
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// Creates an empty registry.
    public init() {}

    /// Registers a counter.
    ///
    /// - Parameters:
    ///   - name: The metric's name, ending in `_total` by convention.
    ///   - help: What it counts.
    ///   - labelNames: Its label names; none gives one series, at 0 from the start.
    /// - Returns: The family to take children from.
    public func counter(_ name: String, help: String, labelNames: [String] = []) -> MetricFamily<Counter> {
        let family = MetricFamily(name: name, help: help, labelNames: labelNames) { Counter() }
        register(family, type: "counter") { series, text in
            Self.appendSample(name, series.renderedLabels, series.child.value, to: &text)
        }
        return family
    }

    /// Registers a gauge.
    ///
    /// - Parameters:
    ///   - name: The metric's name.
    ///   - help: What it measures.
    ///   - labelNames: Its label names; none gives one series, at 0 from the start.
    /// - Returns: The family to take children from.
    public func gauge(_ name: String, help: String, labelNames: [String] = []) -> MetricFamily<Gauge> {
        let family = MetricFamily(name: name, help: help, labelNames: labelNames) { Gauge() }
        register(family, type: "gauge") { series, text in
            Self.appendSample(name, series.renderedLabels, series.child.value, to: &text)
        }
        return family
    }

    /// Registers a histogram: the series `name_bucket{le=...}` (cumulative, `+Inf` last),
    /// `name_sum` and `name_count` for each combination of label values.
    ///
    /// - Parameters:
    ///   - name: The metric's name, with its unit, such as `app_call_duration_seconds`.
    ///   - help: What it measures.
    ///   - labelNames: Its label names, which may not include `le`.
    ///   - upperBounds: Finite, strictly ascending bucket bounds.
    /// - Returns: The family to take children from.
    public func histogram(
        _ name: String,
        help: String,
        labelNames: [String] = [],
        upperBounds: [Double] = Histogram.defaultDurationBounds
    ) -> MetricFamily<Histogram> {
        precondition(!labelNames.contains("le"), "\(name): `le` is the bucket label of every histogram")
        precondition(Histogram.areValid(upperBounds), "\(name): bounds must be finite and ascending: \(upperBounds)")
        let family = MetricFamily(name: name, help: help, labelNames: labelNames) {
            Histogram(upperBounds: upperBounds)
        }
        register(family, type: "histogram") { series, text in
            Self.appendHistogram(name, series.renderedLabels, series.child, to: &text)
        }
        return family
    }

    /// Registers a gauge whose values `sample` reads at each ``render()``, for numbers another
    /// part of the process keeps anyway, such as open connections or resident memory.
    ///
    /// - Parameters:
    ///   - name: The metric's name.
    ///   - help: What it measures.
    ///   - labelNames: Its label names.
    ///   - sample: Returns the series now, each with one value per label name; called on the
    ///     thread that renders, so it must be quick and must not call the registry.
    public func sampledGauge(
        _ name: String,
        help: String,
        labelNames: [String] = [],
        sample: @escaping @Sendable () -> [MetricSample]
    ) {
        registerSampled(name, help: help, type: "gauge", labelNames: labelNames, sample: sample)
    }

    /// Registers a counter whose values `sample` reads at each ``render()``, for totals another
    /// part of the process keeps, such as the CPU time the kernel counts.
    ///
    /// - Parameters:
    ///   - name: The metric's name, ending in `_total` by convention.
    ///   - help: What it counts.
    ///   - labelNames: Its label names.
    ///   - sample: Returns the series now; as for ``sampledGauge(_:help:labelNames:sample:)``.
    public func sampledCounter(
        _ name: String,
        help: String,
        labelNames: [String] = [],
        sample: @escaping @Sendable () -> [MetricSample]
    ) {
        registerSampled(name, help: help, type: "counter", labelNames: labelNames, sample: sample)
    }

    /// Every metric in the text exposition format 0.0.4, sorted by name.
    public func render() -> String {
        let ordered = entries.withLock { entries in
            entries.sorted { $0.key < $1.key }.map(\.value)
        }
        var text = ""
        for entry in ordered {
            entry.render(&text)
        }
        return text
    }

    private func register<Child>(
        _ family: MetricFamily<Child>,
        type: String,
        renderSeries: @escaping @Sendable (MetricFamily<Child>.Series, inout String) -> Void
    ) {
        let header = Self.header(family.name, help: family.help, type: type, labelNames: family.labelNames)
        add(
            family.name,
            Entry { text in
                text += header
                for series in family.series {
                    renderSeries(series, &text)
                }
            }
        )
        if family.labelNames.isEmpty {
            _ = family.labels([])
        }
    }

    private func registerSampled(
        _ name: String,
        help: String,
        type: String,
        labelNames: [String],
        sample: @escaping @Sendable () -> [MetricSample]
    ) {
        let header = Self.header(name, help: help, type: type, labelNames: labelNames)
        add(
            name,
            Entry { text in
                text += header
                let samples = sample().sorted { $0.labelValues.lexicographicallyPrecedes($1.labelValues) }
                for sample in samples {
                    precondition(sample.labelValues.count == labelNames.count, "\(name): a sample has the wrong labels")
                    let labels = TextFormat.labelPairs(names: labelNames, values: sample.labelValues)
                    Self.appendSample(name, labels, sample.value, to: &text)
                }
            }
        )
    }

    private func add(_ name: String, _ entry: Entry) {
        entries.withLock { entries in
            precondition(entries[name] == nil, "the metric \(name) is registered twice")
            entries[name] = entry
        }
    }

    /// The `# HELP` and `# TYPE` lines, after checking the names.
    private static func header(_ name: String, help: String, type: String, labelNames: [String]) -> String {
        precondition(TextFormat.isValidMetricName(name), "'\(name)' is not a valid metric name")
        for label in labelNames {
            precondition(TextFormat.isValidLabelName(label), "\(name): '\(label)' is not a valid label name")
        }
        precondition(Set(labelNames).count == labelNames.count, "\(name): a label name repeats in \(labelNames)")
        return "# HELP \(name) \(TextFormat.escapeHelp(help))\n# TYPE \(name) \(type)\n"
    }

    private static func appendSample(_ name: String, _ labels: String, _ value: Double, to text: inout String) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels + "}"
        }
        text += " " + TextFormat.formatValue(value) + "\n"
    }

    private static func appendHistogram(_ name: String, _ labels: String, _ histogram: Histogram, to text: inout String)
    {
        let snapshot = histogram.snapshot
        let prefix = labels.isEmpty ? "" : labels + ","
        let bounds = histogram.upperBounds.map(TextFormat.formatValue) + ["+Inf"]
        for (bound, count) in zip(bounds, snapshot.cumulativeCounts) {
            text += "\(name)_bucket{\(prefix)le=\"\(bound)\"} \(count)\n"
        }
        appendSample(name + "_sum", labels, snapshot.sum, to: &text)
        text += name + "_count" + (labels.isEmpty ? "" : "{" + labels + "}") + " \(snapshot.count)\n"
    }
}

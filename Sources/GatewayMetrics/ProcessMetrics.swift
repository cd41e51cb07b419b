internal import Glibc

/// The process metrics Prometheus' client libraries export under the same names, read from
/// Linux's `/proc` at each scrape:
///
/// | Metric | Source |
/// |---|---|
/// | `process_resident_memory_bytes` | `/proc/self/statm`, resident pages × page size |
/// | `process_virtual_memory_bytes` | `/proc/self/statm`, total pages × page size |
/// | `process_cpu_seconds_total` | `/proc/self/stat`, user and system time |
/// | `process_start_time_seconds` | `/proc/self/stat` start time plus the boot time of `/proc/stat` |
/// | `process_open_fds` | the entries of `/proc/self/fd` |
///
/// Where `/proc` cannot be read (not Linux), the metrics are listed without a value.
public enum ProcessMetrics {
    /// Adds the process metrics to `registry`.
    public static func register(in registry: MetricsRegistry) {
        registry.sampledGauge(
            "process_resident_memory_bytes",
            help: "Memory the process holds in RAM, in bytes."
        ) { single(memoryBytes(field: 1)) }
        registry.sampledGauge(
            "process_virtual_memory_bytes",
            help: "Address space the process has mapped, in bytes."
        ) { single(memoryBytes(field: 0)) }
        registry.sampledCounter(
            "process_cpu_seconds_total",
            help: "CPU time the process has used, user and system together, in seconds."
        ) { single(statFields().map { $0.cpuSeconds }) }
        registry.sampledGauge(
            "process_start_time_seconds",
            help: "When the process started, in seconds since 1970."
        ) { single(startTime()) }
        registry.sampledGauge(
            "process_open_fds",
            help: "File descriptors the process has open."
        ) {
            // Counting opens one descriptor of its own, which the listing includes.
            single(ProcFile.entryCount("/proc/self/fd").map { Double(max($0 - 1, 0)) })
        }
    }

    /// What `/proc/self/stat` says about CPU time and the start, in clock ticks.
    struct StatFields: Equatable {
        var userTicks: Double
        var systemTicks: Double
        var startTicks: Double

        var cpuSeconds: Double {
            (userTicks + systemTicks) / ProcessMetrics.ticksPerSecond
        }
    }

    /// Reads the fields of a `/proc/<pid>/stat` line: after the command name in parentheses
    /// (which may itself hold spaces and parentheses) come fields 3 onwards, of which 14 and 15
    /// are the user and system time and 22 the start time since boot.
    static func parseStat(_ line: String) -> StatFields? {
        guard let close = line.utf8.lastIndex(of: UInt8(ascii: ")")) else {
            return nil
        }
        let fields = line[line.utf8.index(after: close)...].split(separator: " ")
        guard fields.count >= 20, let user = Double(fields[11]), let system = Double(fields[12]),
            let start = Double(fields[19])
        else {
            return nil
        }
        return StatFields(userTicks: user, systemTicks: system, startTicks: start)
    }

    /// The `btime` line of `/proc/stat`: when the system booted, in seconds since 1970.
    static func parseBootTime(_ text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst("btime ".count))
        }
        return nil
    }

    private static let ticksPerSecond = Double(max(sysconf(Int32(_SC_CLK_TCK)), 1))
    private static let pageSize = Double(max(sysconf(Int32(_SC_PAGESIZE)), 1))

    private static func single(_ value: Double?) -> [MetricSample] {
        value.map { [MetricSample(value: $0)] } ?? []
    }

    private static func memoryBytes(field: Int) -> Double? {
        guard let statm = ProcFile.read("/proc/self/statm") else {
            return nil
        }
        let fields = statm.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count > field, let pages = Double(fields[field]) else {
            return nil
        }
        return pages * pageSize
    }

    private static func statFields() -> StatFields? {
        ProcFile.read("/proc/self/stat").flatMap(parseStat)
    }

    private static func startTime() -> Double? {
        guard let stat = statFields(), let boot = ProcFile.read("/proc/stat").flatMap(parseBootTime) else {
            return nil
        }
        return boot + stat.startTicks / ticksPerSecond
    }
}

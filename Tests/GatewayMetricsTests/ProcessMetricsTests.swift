import Testing

@testable import GatewayMetrics

@Suite("Process metrics from /proc")
struct ProcessMetricsTests {
    @Test("the stat line is read after the last parenthesis, whatever the command name holds")
    func statLine() throws {
        let line =
            "4242 (odd) name (x)) S 1 4242 4242 0 -1 4194560 1200 0 0 0 250 75 0 0 20 0 9 0 987654 "
            + "123456789 2048 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 17 1 0 0 0 0 0\n"
        let fields = try #require(ProcessMetrics.parseStat(line))
        #expect(fields == ProcessMetrics.StatFields(userTicks: 250, systemTicks: 75, startTicks: 987_654))
        #expect(ProcessMetrics.parseStat("no parenthesis 1 2 3") == nil)
        #expect(ProcessMetrics.parseStat("1 (short) S 1 2") == nil)
    }

    @Test("the boot time comes from the btime line of /proc/stat")
    func bootTime() {
        #expect(ProcessMetrics.parseBootTime("cpu  1 2 3\nintr 5\nbtime 1764806400\nprocesses 9\n") == 1_764_806_400)
        #expect(ProcessMetrics.parseBootTime("cpu  1 2 3\n") == nil)
    }

    #if os(Linux)
        @Test("on Linux every process metric has a plausible value")
        func values() throws {
            let registry = MetricsRegistry()
            ProcessMetrics.register(in: registry)
            let values = Self.values(in: registry.render())

            #expect(try #require(values["process_resident_memory_bytes"]) > 1_000_000)
            #expect(try #require(values["process_virtual_memory_bytes"]) >= values["process_resident_memory_bytes"]!)
            #expect(try #require(values["process_cpu_seconds_total"]) > 0)
            #expect(try #require(values["process_open_fds"]) >= 3)
            let start = try #require(values["process_start_time_seconds"])
            #expect(start > 1_600_000_000)
        }
    #endif

    /// The value of each unlabelled sample line.
    private static func values(in text: String) -> [String: Double] {
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Double(parts[1]) {
                values[String(parts[0])] = value
            }
        }
        return values
    }
}

internal import Glibc

/// Formats timestamps the way Verify v2 does: ISO 8601 in UTC with whole seconds, such as
/// `2025-01-01T12:00:00Z`.
enum ISO8601Date {
    /// Formats `seconds` since 1970, dropping the fraction.
    static func format(_ seconds: Double) -> String {
        var whole = time_t(seconds.rounded(.down))
        var parts = tm()
        guard gmtime_r(&whole, &parts) != nil else {
            return "1970-01-01T00:00:00Z"
        }
        return "\(parts.tm_year + 1900)-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))"
            + "T\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))Z"
    }

    private static func pad(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

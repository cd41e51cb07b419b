internal import Glibc

/// Formats timestamps the way the 2010-04-01 API does: RFC 2822 in GMT,
/// such as `Wed, 01 Jan 2025 12:00:00 +0000`.
enum RFC2822Date {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats `seconds` since 1970, dropping the fraction.
    static func format(_ seconds: Double) -> String {
        var whole = time_t(seconds.rounded(.down))
        var parts = tm()
        guard gmtime_r(&whole, &parts) != nil else {
            return "Thu, 01 Jan 1970 00:00:00 +0000"
        }
        let day = days[Int(parts.tm_wday)]
        let month = months[Int(parts.tm_mon)]
        let date = "\(day), \(pad(parts.tm_mday)) \(month) \(parts.tm_year + 1900)"
        return date + " \(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec)) +0000"
    }

    /// Formats `seconds` since 1970 as a carrier's delivery-receipt date, `YYMMDDhhmm` in GMT,
    /// the shape of a status callback's `RawDlrDoneDate`.
    static func dlrDoneDate(_ seconds: Double) -> String {
        var whole = time_t(seconds.rounded(.down))
        var parts = tm()
        guard gmtime_r(&whole, &parts) != nil else {
            return "7001010000"
        }
        return pad((parts.tm_year + 1900) % 100) + pad(parts.tm_mon + 1) + pad(parts.tm_mday) + pad(parts.tm_hour)
            + pad(parts.tm_min)
    }

    private static func pad(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

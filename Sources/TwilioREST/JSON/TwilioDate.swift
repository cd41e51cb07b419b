/// Converts the RFC 2822 dates of Twilio's 2010 API (`Wed, 01 Jan 2025 12:00:00 +0000`) to
/// RFC 3339 UTC (`2025-01-01T12:00:00Z`), the form the gateway's own messages use.
public enum TwilioDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Returns `text` as RFC 3339 UTC, or `nil` when it is not an RFC 2822 date with a numeric zone.
    public static func rfc3339(fromRFC2822 text: String) -> String? {
        let parts = text.split(separator: " ")
        guard parts.count == 6,
            let day = Int(parts[1]),
            let monthIndex = months.firstIndex(of: String(parts[2])),
            let year = Int(parts[3]),
            let zone = zoneOffsetMinutes(parts[5])
        else {
            return nil
        }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (1...31).contains(day), clock[0] < 24, clock[1] < 60, clock[2] < 61 else {
            return nil
        }
        var days = daysFromCivil(year: year, month: monthIndex + 1, day: day)
        var minutes = clock[0] * 60 + clock[1] - zone
        days += Int((Double(minutes) / 1440).rounded(.down))
        minutes = ((minutes % 1440) + 1440) % 1440
        let (civilYear, civilMonth, civilDay) = civilFromDays(days)

        return "\(pad(civilYear, 4))-\(pad(civilMonth, 2))-\(pad(civilDay, 2))"
            + "T\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2)):\(pad(clock[2], 2))Z"
    }

    private static func zoneOffsetMinutes(_ zone: Substring) -> Int? {
        if zone == "GMT" || zone == "UTC" {
            return 0
        }
        guard zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst())
        else {
            return nil
        }
        let minutes = (value / 100) * 60 + value % 100
        return sign == "-" ? -minutes : minutes
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

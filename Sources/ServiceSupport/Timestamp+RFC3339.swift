#if canImport(Glibc)
    internal import Glibc
#endif

extension Timestamp {
    /// Parses an RFC 3339 date-time, such as `2025-01-01T12:30:00Z` or
    /// `2025-01-01T14:30:00.250+02:00`, into seconds since 1970.
    ///
    /// The `T` and `Z` may be lowercase; a fraction of any length is kept to microseconds.
    /// Leap seconds (`:60`) are refused, as are dates that do not exist (`2025-02-30`).
    ///
    /// - Parameter text: The date-time.
    /// - Returns: Seconds since 1970, or `nil` when `text` is not an RFC 3339 date-time.
    public static func seconds(fromRFC3339 text: String) -> Double? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
            let day = scanner.number(2), scanner.skip("T") || scanner.skip("t"),
            let hour = scanner.number(2), scanner.skip(":"), let minute = scanner.number(2), scanner.skip(":"),
            let second = scanner.number(2)
        else {
            return nil
        }
        guard let fraction = scanner.fraction(), let offset = scanner.zoneOffsetSeconds(), scanner.isAtEnd else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else {
            return nil
        }

        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let whole = timegm(&parts)
        guard parts.tm_mday == Int32(day), parts.tm_mon == Int32(month - 1) else {
            return nil
        }
        return Double(whole - offset) + fraction
    }

    /// Formats seconds since 1970 as RFC 3339 UTC in whole seconds, such as
    /// `2025-01-01T12:30:00Z`: the form Twilio's helper libraries send for `SendAt`.
    ///
    /// - Parameter seconds: Seconds since 1970; the fraction is dropped.
    /// - Returns: The date-time text.
    public static func rfc3339WholeSeconds(_ seconds: Double) -> String {
        let text = rfc3339(seconds.rounded(.down))
        return String(text.prefix(19)) + "Z"
    }
}

/// Reads the fixed-width numbers and separators of an RFC 3339 date-time.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool {
        index == bytes.count
    }

    /// Reads exactly `width` decimal digits.
    mutating func number(_ width: Int) -> Int? {
        guard index + width <= bytes.count else {
            return nil
        }
        var value = 0
        for byte in bytes[index..<index + width] {
            guard (0x30...0x39).contains(byte) else {
                return nil
            }
            value = value * 10 + Int(byte - 0x30)
        }
        index += width
        return value
    }

    /// Skips `character` when it comes next.
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else {
            return false
        }
        index += 1
        return true
    }

    /// Reads `.digits` when present, as a fraction of a second kept to microseconds; 0 when
    /// absent, `nil` for a `.` without digits.
    mutating func fraction() -> Double? {
        guard skip(".") else {
            return 0
        }
        var micros = 0
        var digits = 0
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
            if digits < 6 {
                micros = micros * 10 + Int(bytes[index] - 0x30)
            }
            digits += 1
            index += 1
        }
        guard digits > 0 else {
            return nil
        }
        for _ in digits..<max(digits, 6) {
            micros *= 10
        }
        return Double(micros) / 1_000_000
    }

    /// Reads `Z` or `±HH:MM` and returns the offset east of UTC in seconds.
    mutating func zoneOffsetSeconds() -> Int? {
        if skip("Z") || skip("z") {
            return 0
        }
        let sign: Int
        if skip("+") {
            sign = 1
        } else if skip("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(2), skip(":"), let minutes = number(2), hours < 24, minutes < 60 else {
            return nil
        }
        return sign * (hours * 3600 + minutes * 60)
    }
}

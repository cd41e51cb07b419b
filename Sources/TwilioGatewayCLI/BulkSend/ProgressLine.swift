/// The line the progress bar redraws: a bar and the share done, then what is sent, failed and
/// remaining, the rate and the time left, such as
/// `[######-----]  41%  sent 410  failed 2  remaining 588  37.5 msg/s  ETA 0:16`.
struct ProgressLine {
    /// A narrower bar is left out and only the figures are shown.
    static let shortestBar = 10

    var tally: BulkTally
    /// Results per second lately, or `nil` before there is a figure.
    var rate: Double?

    /// The line in at most `width - 1` columns, leaving the last one free so that no terminal
    /// wraps it; the bar fills what the figures leave. Colours, when `style` allows them, take
    /// no columns.
    func text(width: Int, style: TerminalStyle) -> String {
        let available = max(width - 1, 1)
        let plain = figures(failed: String(tally.failed))
        let barWidth = available - plain.count - 3
        guard barWidth >= Self.shortestBar else {
            return String(plain.prefix(available))
        }
        let filled = tally.total == 0 ? barWidth : barWidth * tally.completed / tally.total
        let bar = style.green(String(repeating: "#", count: filled)) + String(repeating: "-", count: barWidth - filled)
        let failed = tally.failed > 0 ? style.red(String(tally.failed)) : String(tally.failed)
        return "[" + bar + "] " + figures(failed: failed)
    }

    private func figures(failed: String) -> String {
        let percent = tally.total == 0 ? 100 : tally.completed * 100 / tally.total
        let share = String(repeating: " ", count: max(0, 3 - String(percent).count)) + "\(percent)%"
        let rateText = rate.map { "\(Self.decimal($0)) msg/s" } ?? "-- msg/s"
        return "\(share)  sent \(tally.sent)  failed \(failed)  remaining \(tally.remaining)  \(rateText)  ETA \(eta)"
    }

    /// The time left at the current rate, as `m:ss` or `h:mm:ss`, or `--:--` without a rate.
    private var eta: String {
        guard tally.remaining > 0 else {
            return Self.clock(seconds: 0)
        }
        guard let rate, rate > 0 else {
            return "--:--"
        }
        return Self.clock(seconds: Int((Double(tally.remaining) / rate).rounded(.up)))
    }

    /// `seconds` as `m:ss`, or `h:mm:ss` from an hour on.
    static func clock(seconds: Int) -> String {
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let secondsText = rest < 10 ? "0\(rest)" : "\(rest)"
        guard hours > 0 else {
            return "\(minutes):\(secondsText)"
        }
        return "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(secondsText)"
    }

    /// `value` with one decimal below 10 and none from 10 on, such as `7.5` or `312`.
    static func decimal(_ value: Double) -> String {
        guard value < 10 else {
            return String(Int(value.rounded()))
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

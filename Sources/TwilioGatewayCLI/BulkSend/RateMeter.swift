internal import ServiceSupport

/// How many results a second arrive lately, measured over the samples of the last few seconds
/// so that the figure follows a change of pace.
struct RateMeter: Sendable {
    /// How far back samples count.
    static let window = Duration.seconds(5)
    /// The shortest span that gives a figure; over less the rate would jump about.
    static let shortestSpan = Duration.milliseconds(200)

    private var samples: [(elapsed: Duration, completed: Int)] = []

    /// Notes that `completed` results had arrived `elapsed` after the start.
    mutating func record(completed: Int, at elapsed: Duration) {
        samples.append((elapsed, completed))
        while samples.count > 2, elapsed - samples[1].elapsed >= Self.window {
            samples.removeFirst()
        }
    }

    /// Results per second over the samples kept, or `nil` while they span less than
    /// ``shortestSpan``.
    var perSecond: Double? {
        guard let first = samples.first, let last = samples.last, last.elapsed - first.elapsed >= Self.shortestSpan
        else {
            return nil
        }
        return Double(last.completed - first.completed) / ((last.elapsed - first.elapsed).milliseconds / 1000)
    }
}

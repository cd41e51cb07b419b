extension Duration {
    /// The duration that `text` gives in seconds, in whole milliseconds, or `nil` unless `text`
    /// is a decimal number within `range`.
    ///
    /// Checking the number before converting it keeps values such as `1e300` and `inf` from
    /// reaching a conversion that would trap; the range must lie within 0 and a century.
    static func seconds(parsing text: String, in range: ClosedRange<Double>) -> Duration? {
        guard let seconds = Double(text), range.contains(seconds) else {
            return nil
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}

extension Duration {
    /// The duration in milliseconds.
    public var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// The duration in milliseconds with three decimals, such as `12.345`, for log lines.
    public var millisecondsText: String {
        let micros = Int64((milliseconds * 1000).rounded())
        let fraction = String(abs(micros) % 1000)
        let sign = micros < 0 ? "-" : ""
        return sign + String(abs(micros) / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

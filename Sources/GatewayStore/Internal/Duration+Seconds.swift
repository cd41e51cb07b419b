extension Duration {
    /// The duration in seconds, for comparing with the store's wall-clock times.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}

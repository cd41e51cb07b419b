/// Checks `condition` every 10 ms until it gives a value or `limit` passes.
///
/// For state that changes in the background, such as a sandbox call moving through its
/// statuses; the limit is generous, so only a broken condition ever waits it out.
///
/// - Returns: The first value `condition` gave, or `nil` when `limit` passed first.
public func eventually<T>(within limit: Duration = .seconds(10), _ condition: () throws -> T?) async rethrows -> T? {
    let end = ContinuousClock.now + limit
    while true {
        if let value = try condition() {
            return value
        }
        guard ContinuousClock.now < end else {
            return nil
        }
        try? await Task.sleep(for: .milliseconds(10))
    }
}

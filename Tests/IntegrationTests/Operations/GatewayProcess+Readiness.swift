extension GatewayProcess {
    /// `GET /readyz`, asked again every 50 ms until it answers `status` or `limit` passes.
    ///
    /// - Returns: The last answer, whether or not it has `status`.
    func readiness(becoming status: Int, within limit: Duration = .seconds(10)) async throws -> HTTPClient.Response {
        let end = ContinuousClock.now + limit
        while true {
            let response = try await HTTPClient.get("/readyz", port: httpPort)
            guard response.status != status, ContinuousClock.now < end else {
                return response
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

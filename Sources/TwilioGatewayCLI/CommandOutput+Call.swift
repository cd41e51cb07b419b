internal import RPCCore

extension CommandOutput {
    /// Runs one RPC call and prints its result, as JSON with `json` and as `line(result)` otherwise.
    ///
    /// - Returns: The exit status: 0 when the call succeeded, 1 when it failed with an RPC error
    ///   (which is reported through ``report(_:json:)``).
    static func run<Result>(
        json: Bool,
        _ call: () async throws -> Result,
        asJSON: (Result) -> String,
        line: (Result) -> String
    ) async throws -> Int32 {
        do {
            let result = try await call()
            print(json ? asJSON(result) : line(result))
            return 0
        } catch let error as RPCError {
            report(error, json: json)
            return 1
        }
    }
}

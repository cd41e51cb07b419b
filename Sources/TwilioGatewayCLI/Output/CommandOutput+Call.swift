internal import RPCCore

extension CommandOutput {
    /// The exit status of a check whose call succeeded but whose code was not accepted
    /// (`verify check`, `totp verify`, `totp challenge --code`, `totp check`).
    static let codeNotAccepted: Int32 = 3

    /// Runs one RPC call and prints its result, as JSON with `json` and as `line(result)` otherwise.
    ///
    /// - Parameter status: The exit status of a result, 0 unless told otherwise.
    /// - Returns: The exit status: `status(result)` when the call succeeded, 1 when it failed
    ///   with an RPC error (which is reported through ``report(_:json:)``).
    static func run<Result>(
        json: Bool,
        _ call: () async throws -> Result,
        asJSON: (Result) -> String,
        line: (Result) -> String,
        status: (Result) -> Int32 = { _ in 0 }
    ) async throws -> Int32 {
        do {
            let result = try await call()
            print(json ? asJSON(result) : line(result))
            return status(result)
        } catch let error as RPCError {
            report(error, json: json)
            return 1
        }
    }
}

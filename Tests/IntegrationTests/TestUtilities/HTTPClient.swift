internal import Foundation

/// HTTP requests made with the curl command-line tool, a client independent of this package.
enum HTTPClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// An answer: the status code and the body.
    struct Response: Sendable {
        var status: Int
        var body: String
        /// From starting curl to its exit.
        var elapsed: Duration

        /// The body decoded as JSON into `type`.
        func decoded<Value: Decodable>(as type: Value.Type) throws -> Value {
            do {
                return try JSONDecoder().decode(type, from: Data(body.utf8))
            } catch {
                throw Failure(description: "the body is not a \(type): \(error)\n\(body)")
            }
        }
    }

    /// GETs `path` from `127.0.0.1:port`.
    static func get(_ path: String, port: Int) async throws -> Response {
        try await curl([], url: "http://127.0.0.1:\(port)\(path)")
    }

    /// POSTs `{"query": query}` to `/graphql` on `127.0.0.1:port`, with `Authorization: Bearer
    /// <apiKey>` (by default the key ``GatewayAPIKeys`` holds for the port, if any).
    static func postGraphQL(_ query: String, port: Int, apiKey: String? = nil) async throws -> Response {
        let body = try JSONSerialization.data(withJSONObject: ["query": query])
        let key = apiKey ?? GatewayAPIKeys.key(forPort: port)
        let authorization = key.map { ["-H", "Authorization: Bearer \($0)"] } ?? []
        return try await curl(
            ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", "@-"] + authorization,
            input: String(decoding: body, as: UTF8.self),
            url: "http://127.0.0.1:\(port)/graphql"
        )
    }

    private static func curl(_ options: [String], input: String = "", url: String) async throws -> Response {
        let curl = try Program.find("curl").orThrow(Failure(description: "curl is not on PATH"))
        let marker = "\n--http-status:"
        let outcome = try await Program.run(
            curl,
            ["-s", "-S", "--max-time", "30", "-w", "\(marker)%{http_code}"] + options + [url],
            input: input
        )
        guard outcome.status == 0, let range = outcome.output.range(of: marker, options: .backwards) else {
            throw Failure(description: "curl \(url) failed: \(outcome)")
        }
        return Response(
            status: Int(outcome.output[range.upperBound...]) ?? 0,
            body: String(outcome.output[..<range.lowerBound]),
            elapsed: outcome.elapsed
        )
    }
}

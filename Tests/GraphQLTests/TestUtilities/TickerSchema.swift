import GraphQL
import Synchronization

/// What a ticker subscription's source did: how many events were pulled, and whether the
/// stream was terminated (cancelled or dropped) before it finished.
final class SourceLog: Sendable {
    private struct State {
        var pulls = 0
        var terminated = false
    }

    private let state = Mutex(State())

    var pulls: Int {
        state.withLock { $0.pulls }
    }

    var terminated: Bool {
        state.withLock { $0.terminated }
    }

    func pulled() {
        state.withLock { $0.pulls += 1 }
    }

    func terminate() {
        state.withLock { $0.terminated = true }
    }
}

/// A schema with a Subscription type whose `ticks` field streams `count` events, pulled one at
/// a time, then fails with `failWith` if it is set; `forever` streams until cancelled.
enum TickerSchema {
    static let tick = GraphQLObjectType(
        name: "Tick",
        fields: [
            GraphQLField(name: "number", type: .nonNull(.int)),
            GraphQLField(name: "label", type: .nonNull(.string)),
        ]
    )

    static func make(log: SourceLog = SourceLog()) throws -> GraphQLSchema {
        let ticks = GraphQLField(
            name: "ticks",
            type: .named("Tick"),
            arguments: [
                GraphQLArgument(name: "count", type: .nonNull(.int)),
                GraphQLArgument(name: "failWith", type: .string),
            ],
            resolve: { event, _, _, _ in event },
            subscribe: { _, arguments, _, _ in
                let count = arguments["count"]?.intValue ?? 0
                guard count >= 0 else {
                    throw GraphQLError(message: "count must not be negative", extensions: ["code": "BAD_COUNT"])
                }
                return source(count: count, failure: arguments["failWith"]?.stringValue, log: log)
            }
        )
        let forever = GraphQLField(
            name: "forever",
            type: .named("Tick"),
            resolve: { event, _, _, _ in event },
            subscribe: { _, _, _, _ in
                AsyncThrowingStream { continuation in
                    continuation.yield(GraphQLValue.object(["number": 0, "label": "first"]))
                    continuation.onTermination = { _ in log.terminate() }
                }
            }
        )
        let unwired = GraphQLField(name: "unwired", type: .named("Tick"))
        return try GraphQLSchema(
            query: GraphQLObjectType(
                name: "Query",
                fields: [GraphQLField(name: "now", type: .string) { _, _, _, _ in "noon" }]
            ),
            mutation: GraphQLObjectType(
                name: "Mutation",
                fields: [GraphQLField(name: "reset", type: .boolean) { _, _, _, _ in true }]
            ),
            subscription: GraphQLObjectType(name: "Subscription", fields: [ticks, forever, unwired]),
            types: [.object(tick)]
        )
    }

    private static func source(count: Int, failure: String?, log: SourceLog) -> AsyncThrowingStream<
        any Sendable, any Error
    > {
        let next = Mutex(0)
        return AsyncThrowingStream {
            log.pulled()
            let number = next.withLock { number in
                defer { number += 1 }
                return number
            }
            if number < count {
                return GraphQLValue.object(["number": .int(number), "label": .string("tick \(number)")])
            }
            if let failure {
                throw GraphQLError(message: failure, extensions: ["code": "SOURCE_FAILED"])
            }
            return nil
        }
    }

    /// Parses and validates `query`, then subscribes.
    static func subscribe(
        _ query: String,
        variables: GraphQLObject = [:],
        operationName: String? = nil,
        log: SourceLog = SourceLog()
    ) async throws -> GraphQLStreamingResponse {
        let schema = try make(log: log)
        let document = try parse(source: query)
        let errors = validate(schema: schema, document: document)
        guard errors.isEmpty else {
            throw GraphQLErrorsForTest(errors: errors)
        }
        return await GraphQL.subscribe(
            schema: schema,
            document: document,
            operationName: operationName,
            variables: variables
        )
    }
}

extension GraphQLStreamingResponse {
    /// The stream, or `nil` when the request failed.
    var stream: GraphQLResponseStream? {
        if case .stream(let stream) = self { stream } else { nil }
    }

    /// The failure, or `nil` when there is a stream.
    var failure: GraphQLResponse? {
        if case .failed(let response) = self { response } else { nil }
    }
}

extension GraphQLResponseStream {
    /// Every result as compact JSON, in order.
    func jsonStrings() async -> [String] {
        var strings: [String] = []
        for await response in self {
            strings.append(response.jsonString())
        }
        return strings
    }
}

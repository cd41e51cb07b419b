import GatewayAPI
import GraphQL
import GraphQLGateway
import HTTPServer
import RPCCore
import Testing

/// The handler behind a real HTTPServer on 127.0.0.1, driven by curl.
@Suite("GraphQL over HTTP")
struct GraphQLHTTPHandlerTests {
    static let sendSms =
        #"{"query":"mutation { twilio_sendSms(input: {to: \"+15551234567\", from: \"+15557654321\"}) { sid status } }"}"#

    static func withGateway<T>(
        maxBodyBytes: Int = 1 << 20,
        _ body: (GatewayHarness, Int) async throws -> T
    ) async throws -> T {
        let harness = try GatewayHarness()
        var router = HTTPRouter()
        GraphQLHTTPHandler(endpoint: harness.endpoint, requestTimeout: .seconds(5)).register(in: &router)
        return try await withServer(HTTPServer.Configuration(maxBodyBytes: maxBodyBytes), handler: router.handler) {
            try await body(harness, $0)
        }
    }

    @Test("POST runs a mutation and passes the Authorization header on as metadata")
    func post() async throws {
        try await Self.withGateway { harness, port in
            try harness.services.answer(.sendSms, with: Message(sid: SIDs.message, status: "queued"))

            let response = try await Curl.request(
                [
                    "-X", "POST", "-H", "Content-Type: application/json", "-H", "Authorization: Bearer abc",
                    "--data-binary", Self.sendSms,
                ],
                path: "/graphql",
                port: port
            )

            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(response.body == #"{"data":{"twilio_sendSms":{"sid":"\#(SIDs.message)","status":"queued"}}}"#)
            let call = try #require(harness.services.calls.first)
            #expect(call.metadata["authorization"] == "Bearer abc")
            #expect(try #require(call.timeRemaining) <= .seconds(5))
        }
    }

    @Test(
        "the Accept header picks the media type, which sets the status of an invalid document",
        arguments: [
            (nil, "application/json; charset=utf-8", 200),
            ("application/json", "application/json; charset=utf-8", 200),
            ("application/graphql-response+json", "application/graphql-response+json; charset=utf-8", 400),
            (
                "application/graphql-response+json, application/json;q=0.9",
                "application/graphql-response+json; charset=utf-8", 400
            ),
            ("application/json, application/graphql-response+json;q=0.5", "application/json; charset=utf-8", 200),
            ("*/*", "application/json; charset=utf-8", 200),
        ] as [(String?, String, Int)]
    )
    func negotiation(accept: String?, contentType: String, status: Int) async throws {
        try await Self.withGateway { _, port in
            let acceptArguments = accept.map { ["-H", "Accept: \($0)"] } ?? []
            let response = try await Curl.request(
                ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", #"{"query":"{ nope }"}"#]
                    + acceptArguments,
                path: "/graphql",
                port: port
            )

            #expect(response.status == status)
            #expect(response.header("Content-Type") == contentType)
            #expect(response.body.hasPrefix(#"{"errors":[{"message":"Cannot query field \"nope\" on type \"Query\"."#))
        }
    }

    @Test("GET runs a query")
    func getQuery() async throws {
        try await Self.withGateway { _, port in
            let response = try await Curl.request(
                ["-G", "--data-urlencode", "query={ twilio_gateway { version } }"],
                path: "/graphql",
                port: port
            )

            #expect(response.status == 200)
            #expect(response.body == #"{"data":{"twilio_gateway":{"version":"\#(GatewayHarness.version)"}}}"#)
        }
    }

    @Test("GET refuses a mutation with 405 and Allow: POST, and makes no call")
    func getMutation() async throws {
        try await Self.withGateway { harness, port in
            let response = try await Curl.request(
                [
                    "-G", "-H", "Accept: application/graphql-response+json", "--data-urlencode",
                    #"query=mutation { twilio_sendSms(input: {to: "+15551234567"}) { sid } }"#,
                ],
                path: "/graphql",
                port: port
            )

            #expect(response.status == 405)
            #expect(response.header("Allow") == "POST")
            #expect(
                response.body
                    == #"{"errors":[{"message":"Can only perform a mutation operation from a POST request."}]}"#
            )
            #expect(harness.services.calls.isEmpty)
        }
    }

    @Test("a body that is not JSON is 400")
    func notJSON() async throws {
        try await Self.withGateway { _, port in
            let response = try await Curl.request(
                ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", "query { x"],
                path: "/graphql",
                port: port
            )

            #expect(response.status == 400)
            #expect(response.body.hasPrefix(#"{"errors":[{"message":"The request body is not valid JSON."#))
        }
    }

    @Test(
        "a body that is not declared as UTF-8 JSON is 415 with a GraphQL error",
        arguments: ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"]
    )
    func wrongContentType(contentType: String) async throws {
        try await Self.withGateway { harness, port in
            let response = try await Curl.request(
                ["-X", "POST", "-H", "Content-Type: \(contentType)", "--data-binary", Self.sendSms],
                path: "/graphql",
                port: port
            )

            #expect(response.status == 415)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(
                response.body
                    == #"{"errors":[{"message":"The request body must be sent as Content-Type: application/json (UTF-8), not \#(contentType)."}]}"#
            )
            #expect(harness.services.calls.isEmpty)
        }
    }

    @Test("a body over the server's limit is 413")
    func oversized() async throws {
        try await Self.withGateway(maxBodyBytes: 1024) { harness, port in
            let padding = String(repeating: " ", count: 2048)
            let response = try await Curl.request(
                [
                    "-X", "POST", "-H", "Content-Type: application/json", "-H", "Expect: 100-continue",
                    "--data-binary", Self.sendSms + padding,
                ],
                path: "/graphql",
                port: port
            )

            #expect(response.status == 413)
            #expect(harness.services.calls.isEmpty)
        }
    }

    @Test("other methods are 405 with the methods allowed")
    func otherMethod() async throws {
        try await Self.withGateway { _, port in
            let response = try await Curl.request(
                ["-X", "PUT", "--data-binary", Self.sendSms],
                path: "/graphql",
                port: port
            )

            #expect(response.status == 405)
            #expect(response.header("Allow")?.contains("POST") == true)
            #expect(response.header("Allow")?.contains("GET") == true)
        }
    }
}

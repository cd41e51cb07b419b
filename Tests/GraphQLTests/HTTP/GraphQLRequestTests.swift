import GraphQL
import Testing

@Suite("Requests and responses")
struct GraphQLRequestTests {
    @Test("reads a POST body")
    func jsonBody() throws {
        let body = #"{"query":"{ hello }","operationName":"Q","variables":{"a":1},"extensions":{"trace":true}}"#
        let request = try GraphQLRequest(jsonBody: Array(body.utf8))
        #expect(
            request
                == GraphQLRequest(
                    query: "{ hello }",
                    operationName: "Q",
                    variables: ["a": 1],
                    extensions: ["trace": true]
                )
        )
        let minimal = try GraphQLRequest(
            jsonBody: Array(#"{"query":"{a}","variables":null,"operationName":null}"#.utf8)
        )
        #expect(minimal == GraphQLRequest(query: "{a}"))
    }

    @Test(
        "rejects malformed POST bodies with a clear message",
        arguments: [
            ("[]", "The request body must be a JSON object."),
            ("{}", "The request has no \"query\" member."),
            (#"{"query":1}"#, "The \"query\" member must be a string."),
            (#"{"query":"{a}","variables":[]}"#, "The \"variables\" member must be an object or null."),
            (#"{"query":"{a}","operationName":1}"#, "The \"operationName\" member must be a string or null."),
            (#"{"query":"{a}","extensions":"x"}"#, "The \"extensions\" member must be an object or null."),
            (
                "{",
                "The request body is not valid JSON. Invalid JSON at line 1, column 2: Expected a string as an object key."
            ),
        ]
    )
    func malformed(body: String, message: String) {
        #expect(throws: GraphQLRequestError(message: message)) {
            try GraphQLRequest(jsonBody: Array(body.utf8))
        }
    }

    @Test("reads GET parameters from a URL query")
    func urlQuery() throws {
        let request = try GraphQLRequest(
            urlQuery: "query=query+Q(%24a%3A+Int)%7Bhello%7D&operationName=Q&variables=%7B%22a%22%3A1%7D"
        )
        #expect(request == GraphQLRequest(query: "query Q($a: Int){hello}", operationName: "Q", variables: ["a": 1]))
        #expect(throws: GraphQLRequestError(message: "The request has no \"query\" parameter.")) {
            try GraphQLRequest(urlQuery: "variables=%7B%7D")
        }
        #expect(throws: GraphQLRequestError(message: "The URL query has an invalid percent-encoding.")) {
            try GraphQLRequest(urlQuery: "query=%7")
        }
        #expect(throws: GraphQLRequestError.self) { try GraphQLRequest(urlQuery: "query=a&variables=%7B") }
    }

    @Test("serializes the standard response shape")
    func responseShape() {
        let response = GraphQLResponse(
            outcome: .executed,
            data: ["user": nil],
            errors: [
                GraphQLError(
                    message: "Nope",
                    locations: [SourceLocation(line: 1, column: 3)],
                    path: [.key("user"), .index(0)],
                    extensions: ["code": "NOT_FOUND"]
                )
            ]
        )
        #expect(
            response.jsonString()
                == #"{"data":{"user":null},"errors":[{"message":"Nope","locations":[{"line":1,"column":3}],"#
                + #""path":["user",0],"extensions":{"code":"NOT_FOUND"}}]}"#
        )
        #expect(
            GraphQLResponse(outcome: .invalidDocument, data: nil, errors: [GraphQLError(message: "x")]).jsonString()
                == #"{"errors":[{"message":"x"}]}"#
        )
    }

    @Test(
        "classifies outcomes so the HTTP layer can pick a status",
        arguments: [
            ("not json", GraphQLResponse.Outcome.malformedRequest, 400, 400),
            (#"{"query":"{"}"#, .invalidDocument, 400, 200),
            (#"{"query":"{ nope }"}"#, .invalidDocument, 400, 200),
            (#"{"query":"query($id: ID!) { user(id: $id) { id } }"}"#, .invalidRequest, 400, 200),
            (#"{"query":"query A { hello } query B { hello }","operationName":"C"}"#, .invalidRequest, 400, 200),
            (#"{"query":"{ hello failing }"}"#, .executed, 200, 200),
        ]
    )
    func outcomes(body: String, outcome: GraphQLResponse.Outcome, modern: Int, legacy: Int) async {
        let endpoint = GraphQLEndpoint(schema: SampleSchema.schema)
        let response = await endpoint.respond(toJSONBody: Array(body.utf8), context: SampleContext())
        #expect(response.outcome == outcome)
        #expect(response.suggestedHTTPStatus(graphQLResponseMediaType: true) == modern)
        #expect(response.suggestedHTTPStatus(graphQLResponseMediaType: false) == legacy)
        #expect((response.data == nil) == (outcome != .executed))
    }

    @Test("GET runs queries but refuses mutations")
    func getRequests() async {
        let endpoint = GraphQLEndpoint(schema: SampleSchema.schema)
        let query = await endpoint.respond(toURLQuery: "query=%7Bhello%7D")
        #expect(query.jsonString() == #"{"data":{"hello":"world"}}"#)
        let mutation = await endpoint.respond(toURLQuery: "query=mutation%7Brecord(entry%3A%22x%22)%7D")
        #expect(mutation.outcome == .operationNotAllowed)
        #expect(mutation.suggestedHTTPStatus(graphQLResponseMediaType: true) == 405)
        #expect(mutation.errors.map(\.message) == ["Can only perform a mutation operation from a POST request."])
    }

    @Test("the endpoint honours its parse limits")
    func endpointLimits() async {
        let endpoint = GraphQLEndpoint(schema: SampleSchema.schema, parseLimits: ParseLimits(maxDepth: 2))
        let response = await endpoint.respond(to: GraphQLRequest(query: "{ user(id: 1) { friends { id } } }"))
        #expect(response.outcome == .invalidDocument)
        #expect(response.errors.first?.message == "Document nesting is deeper than the limit of 2.")
    }
}

internal import Testing

/// A second gateway started with `--upstream` has no backend of its own: it answers GraphQL by
/// calling the shared gateway's RPC port over TCP.
extension SandboxGatewayTests {
    @Test("a GraphQL-only gateway answers the documented mutation by forwarding over TCP")
    func graphQLOnlyGateway() async throws {
        let backend = try SharedSandboxGateway.require()
        let upstream = "127.0.0.1:\(try backend.requireRPCPort())"

        let sid = try await withGateway(arguments: ["--upstream", upstream]) { front in
            #expect(front.mode == "graphql-only")
            #expect(front.rpcPort == nil)
            #expect(front.sandbox == nil, "a GraphQL-only gateway started a sandbox")
            #expect(front.httpPort != backend.httpPort)
            #expect(front.logs.contains { $0["msg"] == "gateway.upstreams.configured" && $0["upstreams"] == upstream })

            let response = try await HTTPClient.postGraphQL(DocumentedOperations.sendSms, port: front.httpPort)
            let result = try response.decoded(as: GraphQLResult<SendSmsFields>.self)
            #expect(result.errors == nil, "\(response.body)")
            let message = try #require(result.data?.message, "\(response.body)")
            #expect(DocumentedOperations.isMessageSID(message.sid), "\(message.sid)")
            #expect(message.status == "queued")
            return message.sid
        }

        // The backend sent that very message, for a caller that came over TCP, not in-process.
        let sent = try #require(
            backend.logs.first { $0["msg"] == "messaging.sms.sent" && $0["twilio.message.sid"] == sid }
        )
        let finished = try #require(
            backend.logs.first { $0["msg"] == "rpc.call.finished" && $0["rpc.call.id"] == sent["rpc.call.id"] }
        )
        #expect(finished["rpc.code"] == "OK")
        #expect(finished["rpc.peer"]?.hasPrefix("127.0.0.1:") == true, "\(finished)")
    }
}

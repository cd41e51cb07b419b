import Testing

@testable import GraphQLGateway
@testable import ProtoBridge

@Suite("GraphQL naming")
struct GraphQLNamingTests {
    @Test(
        "method names become root fields",
        arguments: [
            ("SendSms", GraphQLNaming.RootKind.mutation, "twilio_sendSms"),
            ("MakeCall", .mutation, "twilio_makeCall"),
            ("GetMessage", .query, "twilio_message"),
            ("ListMessages", .query, "twilio_messages"),
            ("GetSMSStatus", .query, "twilio_smsStatus"),
            ("Getaway", .mutation, "twilio_getaway"),
            ("List", .mutation, "twilio_list"),
            ("URL", .mutation, "twilio_url"),
            ("subscribe", .mutation, "twilio_subscribe"),
        ]
    )
    func rootFields(method: String, kind: GraphQLNaming.RootKind, field: String) {
        let derived = GraphQLNaming.rootField(forMethod: method)

        #expect(derived.kind == kind)
        #expect(derived.name == field)
    }

    @Test(
        "message names become output and input type names",
        arguments: [
            ("twilio.gateway.v1.SendSmsRequest", "SendSmsRequest", "SendSmsInput"),
            ("twilio.gateway.v1.Message", "Message", "MessageInput"),
            ("twilio.gateway.v1.FieldViolation", "FieldViolation", "FieldViolationInput"),
            ("twilio.gateway.v1.Event.ParametersEntry", "EventParametersEntry", "EventParametersEntryInput"),
            ("twilio.gateway.v1.HealthCheckResponse.ServingStatus", "HealthCheckResponseServingStatus", ""),
        ]
    )
    func typeNames(fullName: String, output: String, input: String) {
        #expect(GraphQLNaming.typeName(forFullName: fullName, in: .gateway) == output)
        if !input.isEmpty {
            #expect(GraphQLNaming.inputTypeName(forFullName: fullName, in: .gateway) == input)
        }
    }
}

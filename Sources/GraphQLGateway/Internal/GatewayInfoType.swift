internal import GraphQL
internal import RPCCore

/// The `twilio_gateway` query field and its types: the gateway's version and every method of
/// the exposed services with the root field that calls it.
///
/// It is the Query root's one field that needs no RPC, so the schema has a Query root even
/// when no service has a `Get…` or `List…` method.
struct GatewayInfoType {
    let version: String
    let operations: [GatewayOperation]

    /// `twilio_gateway: GatewayInfo!`.
    var field: GraphQLField {
        let value: GraphQLValue = .object([
            "version": .string(version),
            "methods": .list(operations.map(Self.value(of:))),
        ])
        return GraphQLField(
            name: GraphQLNaming.fieldPrefix + "gateway",
            type: .nonNull(.named("GatewayInfo")),
            description: "The gateway's version and the RPC methods behind this schema.",
            resolve: { _, _, _, _ in value }
        )
    }

    /// `GatewayInfo` and `GatewayMethod`.
    var types: [GraphQLNamedType] {
        let info = GraphQLObjectType(
            name: "GatewayInfo",
            description: "What this gateway is and which RPC methods it serves.",
            fields: [
                GraphQLField(name: "version", type: .nonNull(.string), description: "The gateway's version."),
                GraphQLField(
                    name: "methods",
                    type: .nonNull(.list(.nonNull(.named("GatewayMethod")))),
                    description: "Every method of the services this schema exposes, in .proto order."
                ),
            ]
        )
        let method = GraphQLObjectType(
            name: "GatewayMethod",
            description: "One RPC method and the root field that calls it.",
            fields: [
                GraphQLField(
                    name: "path",
                    type: .nonNull(.string),
                    description: "The method's RPC path, such as /twilio.gateway.v1.Messaging/SendSms."
                ),
                GraphQLField(
                    name: "field",
                    type: .string,
                    description: "The root field that calls it, such as Mutation.twilio_sendSms or "
                        + "Subscription.twilio_events; null for client-streaming methods, which GraphQL does not serve."
                ),
                GraphQLField(
                    name: "description",
                    type: .string,
                    description: "The method's comment in its .proto file."
                ),
            ]
        )
        return [.object(info), .object(method)]
    }

    private static func value(of operation: GatewayOperation) -> GraphQLValue {
        let field: GraphQLValue
        switch (operation.operationType, operation.fieldName) {
        case (.query?, let name?): field = .string("Query." + name)
        case (.mutation?, let name?): field = .string("Mutation." + name)
        case (.subscription?, let name?): field = .string("Subscription." + name)
        default: field = .null
        }
        return .object([
            "path": .string(operation.method.path),
            "field": field,
            "description": operation.description.map(GraphQLValue.string) ?? .null,
        ])
    }
}

public import GraphQL
public import ProtoBridge
public import RPCCore

/// The GraphQL schema of the gateway, derived at run time from the Protobuf services.
///
/// No field is written by hand: every unary and server-streaming method of every service not
/// in ``GatewayConfiguration/excludedServices`` becomes a root field that calls it through the
/// transport. See ``init(transport:configuration:protoSchema:)`` for the rules.
///
/// Serving it over HTTP:
///
/// ```swift
/// let gateway = try GatewaySchema(
///     transport: InProcessTransport(dispatcher: dispatcher),
///     configuration: GatewayConfiguration(version: version)
/// )
/// let handler = GraphQLHTTPHandler(endpoint: gateway.makeEndpoint(), requestTimeout: .seconds(10), logger: logger)
/// handler.register(in: &router)
/// ```
public struct GatewaySchema: Sendable {
    /// The schema, ready for ``GraphQL/GraphQLEndpoint``.
    public let schema: GraphQLSchema
    /// Every method of the exposed services, with the root field that calls it, in .proto order.
    public let operations: [GatewayOperation]

    /// Derives the schema.
    ///
    /// - Root fields: a unary method becomes `twilio_` plus its name in lowerCamelCase.
    ///   `Get<X>` and `List<X>` become Query fields named after `X` (`GetMessage` →
    ///   `twilio_message`) that take the request's fields as arguments; every other unary
    ///   method becomes a Mutation field with one argument, `input: <Name>Input!`. The Query
    ///   root always has `twilio_gateway`. Root fields are nullable, so one failed call does
    ///   not void the others' results.
    /// - A server-streaming method becomes a Subscription field whose events are the call's
    ///   response messages, one result each: `Subscribe<X>` becomes `twilio_` plus `X` in
    ///   lowerCamelCase with the request's fields as arguments (`SubscribeEvents` →
    ///   `twilio_events`), any other `twilio_` plus its name with `input: <Name>Input!`
    ///   (`BulkSendSms` → `twilio_bulkSendSms`). The call has no deadline and ends when the
    ///   client leaves; a failed call ends the stream with the error a unary field would give.
    ///   Client-streaming methods get no field.
    /// - Types: each message is an object type named like the message, each field named by its
    ///   JSON name, with the .proto comments as descriptions; request-reachable messages also get
    ///   `<Name>Input` types whose fields are all optional. Results are never null except for
    ///   fields with presence (messages, oneof members, proto3 `optional`); unset fields read as
    ///   their proto3 defaults.
    /// - Scalars: `string` → `String`, `bool` → `Boolean`, `int32`/`sint32`/`sfixed32` → `Int`,
    ///   `int64`/`sint64`/`sfixed64` → `Int64`, `uint32`/`fixed32`/`uint64`/`fixed64` → `UInt64`
    ///   (both as strings of digits, since `Int` is 32-bit signed), `double`/`float` → `Float`,
    ///   `bytes` → `Base64`, enums → enums with the .proto value names, `repeated` → `[T!]!`
    ///   (`[T!]` in inputs), maps → lists of `{key value}` entries. A custom scalar is in the
    ///   schema only when a field uses it.
    /// - Oneofs: input fields of a oneof say so in their descriptions, and a request that sets
    ///   more than one member fails with INVALID_ARGUMENT before any call is made.
    ///
    /// - Parameters:
    ///   - transport: Carries every call: ``RPCCore/InProcessTransport`` to services in this
    ///     process, or ``RoundRobinTransport`` over connections to other instances.
    ///   - configuration: Version, excluded services and the default call timeout.
    ///   - protoSchema: The services and messages; ``ProtoBridge/ProtoSchema/gateway`` unless set.
    /// - Throws: ``GatewaySchemaError`` when two methods map to one field, a type name is taken
    ///   twice, or a result message has no fields.
    public init(
        transport: any RPCClientTransport,
        configuration: GatewayConfiguration,
        protoSchema: ProtoSchema = .gateway
    ) throws(GatewaySchemaError) {
        let deriver = SchemaDeriver(protoSchema: protoSchema, configuration: configuration, transport: transport)
        (schema, operations) = try deriver.derive()
    }

    /// An endpoint that runs requests against ``schema``.
    ///
    /// - Parameters:
    ///   - parseLimits: Limits on documents.
    ///   - validationOptions: Validation limits.
    ///   - jsonLimits: Limits on JSON bodies and parameters.
    /// - Returns: The endpoint; pass a ``GatewayRequestContext`` as each request's context.
    public func makeEndpoint(
        parseLimits: ParseLimits = ParseLimits(),
        validationOptions: ValidationOptions = ValidationOptions(),
        jsonLimits: JSONLimits = JSONLimits()
    ) -> GraphQLEndpoint {
        GraphQLEndpoint(
            schema: schema,
            parseLimits: parseLimits,
            validationOptions: validationOptions,
            jsonLimits: jsonLimits
        )
    }
}

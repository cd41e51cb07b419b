internal import GraphQL
internal import ProtoBridge
internal import RPCCore

/// Walks the exposed services and builds the root fields, then every type they reach.
///
/// Client-streaming methods get no field (the services have none); they are still listed by
/// `twilio_gateway`.
struct SchemaDeriver {
    let protoSchema: ProtoSchema
    let configuration: GatewayConfiguration
    let transport: any RPCClientTransport

    private var operations: [GatewayOperation] = []
    private var queryFields: [GraphQLField] = []
    private var mutationFields: [GraphQLField] = []
    private var subscriptionFields: [GraphQLField] = []
    private var methodsByField: [String: String] = [:]
    private var outputMessages: Set<String> = []
    private var inputMessages: Set<String> = []
    private var enums: Set<String> = []
    private var problems: [String] = []

    init(protoSchema: ProtoSchema, configuration: GatewayConfiguration, transport: any RPCClientTransport) {
        self.protoSchema = protoSchema
        self.configuration = configuration
        self.transport = transport
    }

    /// The schema and the operations behind its root fields.
    consuming func derive() throws(GatewaySchemaError) -> (schema: GraphQLSchema, operations: [GatewayOperation]) {
        let services = protoSchema.services.filter { !configuration.excludedServices.contains($0.fullName) }
        for service in services {
            for method in service.methods {
                addRootField(for: method, of: service)
            }
        }
        let types = makeTypes()
        guard problems.isEmpty else {
            throw GatewaySchemaError(problems: problems)
        }

        let info = GatewayInfoType(version: configuration.version, operations: operations)
        let query = GraphQLObjectType(
            name: "Query",
            description: "Reads: the gateway itself, and the Get… and List… methods of the services.",
            fields: [info.field] + queryFields
        )
        let mutation =
            mutationFields.isEmpty
            ? nil
            : GraphQLObjectType(
                name: "Mutation",
                description: "Actions: every other unary method of the services, one field each.",
                fields: mutationFields
            )
        let subscription =
            subscriptionFields.isEmpty
            ? nil
            : GraphQLObjectType(
                name: "Subscription",
                description: "Streams, served over GraphQL over Server-Sent Events: every server-streaming "
                    + "method of the services, one field each, one result per message.",
                fields: subscriptionFields
            )
        do {
            let schema = try GraphQLSchema(
                query: query,
                mutation: mutation,
                subscription: subscription,
                types: info.types + types,
                description: "Twilio messaging, voice and Verify through the gateway. Every field but "
                    + "twilio_gateway calls one RPC method of the services in Protos/twilio/gateway/v1."
            )
            return (schema, operations)
        } catch {
            throw GatewaySchemaError(problems: error.problems)
        }
    }

    private mutating func addRootField(for method: ProtoMethodInfo, of service: ProtoServiceInfo) {
        let rpcMethod = RPCMethod(service: service.fullName, name: method.name)
        guard !method.clientStreaming else {
            operations.append(
                GatewayOperation(method: rpcMethod, operationType: nil, fieldName: nil, description: method.comment)
            )
            return
        }
        guard let request = protoSchema.message(named: method.inputTypeName),
            let response = protoSchema.message(named: method.outputTypeName)
        else {
            problems.append("Method \(rpcMethod.path) names a message type the descriptors do not hold.")
            return
        }

        let root = Self.rootPlace(of: method)
        if let earlier = methodsByField[root.typeName + "." + root.name] {
            problems.append(
                "Methods \(earlier) and \(rpcMethod.path) both become the field \(root.typeName).\(root.name); "
                    + "rename one."
            )
            return
        }
        methodsByField[root.typeName + "." + root.name] = rpcMethod.path
        markOutput(response.fullName)

        let resolver = RPCFieldResolver(
            method: rpcMethod,
            request: request,
            response: response,
            argumentStyle: root.style,
            schema: protoSchema,
            transport: transport,
            defaultTimeout: configuration.defaultTimeout
        )
        var field = GraphQLField(
            name: root.name,
            type: .named(GraphQLNaming.typeName(forFullName: response.fullName, in: protoSchema)),
            description: method.comment,
            arguments: root.style == .fields ? inputFields(of: request) : inputArgument(for: request),
            resolve: { _, arguments, context, _ in try await resolver.resolve(arguments, context: context) }
        )
        switch root.operationType {
        case .query:
            queryFields.append(field)
        case .mutation:
            mutationFields.append(field)
        case .subscription:
            field.resolve = { event, _, _, _ in try RPCFieldResolver.value(of: event) }
            field.subscribe = { _, arguments, context, _ in try resolver.subscribe(arguments, context: context) }
            subscriptionFields.append(field)
        }
        operations.append(
            GatewayOperation(
                method: rpcMethod,
                operationType: root.operationType,
                fieldName: root.name,
                description: method.comment
            )
        )
    }

    /// Where a method's field goes: `Get…`/`List…` to Query with the request's fields as
    /// arguments, other unary methods to Mutation with one `input`, `Subscribe…` to
    /// Subscription with the request's fields, other server-streaming methods to Subscription
    /// with one `input`.
    private static func rootPlace(of method: ProtoMethodInfo) -> (
        operationType: OperationType, typeName: String, style: RPCFieldResolver.ArgumentStyle, name: String
    ) {
        if method.serverStreaming {
            let (takesFields, name) = GraphQLNaming.subscriptionField(forMethod: method.name)
            return (.subscription, "Subscription", takesFields ? .fields : .input, name)
        }
        let (kind, name) = GraphQLNaming.rootField(forMethod: method.name)
        switch kind {
        case .query: return (.query, "Query", .fields, name)
        case .mutation: return (.mutation, "Mutation", .input, name)
        }
    }

    /// The `input: <Request>Input!` argument, or none for a request without fields.
    private mutating func inputArgument(for request: ProtoMessageInfo) -> [GraphQLArgument] {
        guard !request.fields.isEmpty else {
            return []
        }
        markInput(request.fullName)
        let name = GraphQLNaming.inputTypeName(forFullName: request.fullName, in: protoSchema)
        return [GraphQLArgument(name: "input", type: .nonNull(.named(name)), description: request.comment)]
    }

    /// One optional input value per field, the oneof rules in their descriptions.
    private mutating func inputFields(of message: ProtoMessageInfo) -> [GraphQLInputValue] {
        var values: [GraphQLInputValue] = []
        for field in message.fields {
            let mapping = FieldMapping(field.type)
            if case .message(let typeName) = mapping {
                guard protoSchema.message(named: typeName)?.fields.isEmpty == false else {
                    continue
                }
                markInput(typeName)
            }
            if case .enumeration(let typeName) = mapping {
                enums.insert(typeName)
            }
            let element = GraphQLTypeReference.named(mapping.typeName(in: protoSchema, input: true))
            values.append(
                GraphQLInputValue(
                    name: field.jsonName,
                    type: field.isRepeated ? .list(.nonNull(element)) : element,
                    description: describe(field, of: message, input: true)
                )
            )
        }
        return values
    }

    /// The result fields of a message: lists and fields without presence never null.
    private func outputFields(of message: ProtoMessageInfo) -> [GraphQLField] {
        message.fields.map { field in
            let mapping = FieldMapping(field.type)
            let element = GraphQLTypeReference.named(mapping.typeName(in: protoSchema, input: false))
            let type: GraphQLTypeReference =
                if field.isRepeated {
                    .nonNull(.list(.nonNull(element)))
                } else if field.hasPresence {
                    element
                } else {
                    .nonNull(element)
                }
            return GraphQLField(
                name: field.jsonName,
                type: type,
                description: describe(field, of: message, input: false)
            )
        }
    }

    private func describe(_ field: ProtoFieldInfo, of message: ProtoMessageInfo, input: Bool) -> String? {
        guard let oneofName = field.oneofName, let oneof = message.oneof(named: oneofName) else {
            return field.comment
        }
        let members = oneof.fieldNames.compactMap(message.field(named:)).map { "`\($0.jsonName)`" }
        let rule =
            input
            ? "One of \(members.joined(separator: ", ")) (oneof `\(oneof.name)`): set at most one."
            : "One of \(members.joined(separator: ", ")) (oneof `\(oneof.name)`): at most one is not null."
        return [field.comment, rule, oneof.comment].compactMap { $0 }.joined(separator: "\n\n")
    }

    private mutating func markOutput(_ fullName: String) {
        guard outputMessages.insert(fullName).inserted, let message = protoSchema.message(named: fullName) else {
            return
        }
        for field in message.fields {
            switch FieldMapping(field.type) {
            case .message(let typeName): markOutput(typeName)
            case .enumeration(let typeName): enums.insert(typeName)
            default: break
            }
        }
    }

    /// Marks an input type and those it reaches; messages without fields have none, and
    /// the fields of their type are left out.
    private mutating func markInput(_ fullName: String) {
        guard let message = protoSchema.message(named: fullName), !message.fields.isEmpty,
            inputMessages.insert(fullName).inserted
        else {
            return
        }
        for field in message.fields {
            switch FieldMapping(field.type) {
            case .message(let typeName): markInput(typeName)
            case .enumeration(let typeName): enums.insert(typeName)
            default: break
            }
        }
    }

    /// Every type the root fields reach, in .proto order, then the custom scalars they use.
    private mutating func makeTypes() -> [GraphQLNamedType] {
        var types: [GraphQLNamedType] = []
        var scalars: Set<String> = []
        for message in protoSchema.messages where outputMessages.contains(message.fullName) {
            guard !message.fields.isEmpty else {
                problems.append(
                    "Message \(message.fullName) has no fields, and a GraphQL object type needs at least one."
                )
                continue
            }
            let fields = outputFields(of: message)
            scalars.formUnion(fields.map(\.type.namedType))
            types.append(
                .object(
                    GraphQLObjectType(
                        name: GraphQLNaming.typeName(forFullName: message.fullName, in: protoSchema),
                        description: message.comment,
                        fields: fields
                    )
                )
            )
        }
        for message in protoSchema.messages where inputMessages.contains(message.fullName) {
            let fields = inputFields(of: message)
            scalars.formUnion(fields.map(\.type.namedType))
            types.append(
                .inputObject(
                    GraphQLInputObjectType(
                        name: GraphQLNaming.inputTypeName(forFullName: message.fullName, in: protoSchema),
                        description: message.comment,
                        fields: fields
                    )
                )
            )
        }
        for enumType in protoSchema.enums where enums.contains(enumType.fullName) {
            types.append(.enum(makeEnum(enumType)))
        }

        let custom = ProtoScalars.all.filter { scalars.contains($0.key) }.sorted { $0.key < $1.key }
        return types + custom.map { .scalar($0.value) }
    }

    private func makeEnum(_ enumType: ProtoEnumInfo) -> GraphQLEnumType {
        GraphQLEnumType(
            name: GraphQLNaming.typeName(forFullName: enumType.fullName, in: protoSchema),
            description: enumType.comment,
            values: enumType.values.map { value in
                GraphQLEnumValue(name: value.name, description: value.comment, value: .int(Int(value.number)))
            }
        )
    }
}

/// The introspection system: the `__Schema`, `__Type`, `__Field`, `__InputValue`, `__EnumValue`,
/// `__Directive`, `__TypeKind` and `__DirectiveLocation` types, and the `__schema`, `__type` and
/// `__typename` meta-fields.
///
/// The types are ordinary schema types whose resolvers read the schema from
/// ``GraphQLResolveInfo/schema``; every schema includes them.
enum Introspection {
    /// The parent value of a `__Type` field: a named type or a wrapper around one.
    struct TypeValue: Sendable {
        let reference: GraphQLTypeReference
    }

    /// `__schema: __Schema!`, available on the query root type.
    static let schemaField = GraphQLField(
        name: "__schema",
        type: .nonNull(.named("__Schema")),
        description: "The schema this server serves.",
        resolve: { _, _, _, info in info.schema }
    )

    /// `__type(name: String!): __Type`, available on the query root type.
    static let typeField = GraphQLField(
        name: "__type",
        type: .named("__Type"),
        description: "The type with the given name, or null when there is none.",
        arguments: [GraphQLArgument(name: "name", type: .nonNull(.string))],
        resolve: { _, arguments, _, info in
            guard let name = arguments["name"]?.stringValue, info.schema.type(named: name) != nil else {
                return nil
            }
            return TypeValue(reference: .named(name))
        }
    )

    /// `__typename: String!`, available on every object, interface and union type.
    static let typenameField = GraphQLField(
        name: "__typename",
        type: .nonNull(.string),
        description: "The name of the object type of this value.",
        resolve: { _, _, _, info in info.parentType.name }
    )

    /// The meta-field called `name` that `parentType` offers, if any.
    static func metaField(named name: String, on parentType: String, in schema: GraphQLSchema) -> GraphQLField? {
        switch name {
        case "__typename": return typenameField
        case "__schema" where parentType == schema.queryType.name: return schemaField
        case "__type" where parentType == schema.queryType.name: return typeField
        default: return nil
        }
    }

    /// Every introspection type.
    static let types: [GraphQLNamedType] = [
        .object(schemaType), .object(typeType), .object(fieldType), .object(inputValueType),
        .object(enumValueType), .object(directiveType), .enum(typeKindType), .enum(directiveLocationType),
    ]

    static let typeKindType = GraphQLEnumType(
        name: "__TypeKind",
        description: "The kinds of type a `__Type` can describe.",
        values: [
            GraphQLEnumValue(name: "SCALAR", description: "A leaf value such as a string or a number."),
            GraphQLEnumValue(name: "OBJECT", description: "A set of named fields, each of its own type."),
            GraphQLEnumValue(name: "INTERFACE", description: "Fields shared by the types that implement it."),
            GraphQLEnumValue(name: "UNION", description: "One of a set of object types."),
            GraphQLEnumValue(name: "ENUM", description: "One of a set of named values."),
            GraphQLEnumValue(name: "INPUT_OBJECT", description: "A set of named input fields, used as an argument."),
            GraphQLEnumValue(name: "LIST", description: "A list; `ofType` is the item type."),
            GraphQLEnumValue(name: "NON_NULL", description: "Never null; `ofType` is the wrapped type."),
        ]
    )

    static let directiveLocationType = GraphQLEnumType(
        name: "__DirectiveLocation",
        description: "The places in a document or a schema where a directive may appear.",
        values: DirectiveLocation.allCases.map {
            GraphQLEnumValue(name: $0.rawValue, description: "Location \($0.rawValue).")
        }
    )

    static let schemaType = GraphQLObjectType(
        name: "__Schema",
        description: "Describes the types, root operation types and directives a server supports.",
        fields: [
            field("description", .string) { (schema: GraphQLSchema, _, _) in schema.description },
            field("types", .nonNull(.list(.nonNull(.named("__Type"))))) { (schema: GraphQLSchema, _, _) in
                schema.types.map { TypeValue(reference: .named($0.name)) }
            },
            field("queryType", .nonNull(.named("__Type"))) { (schema: GraphQLSchema, _, _) in
                TypeValue(reference: .named(schema.queryType.name))
            },
            field("mutationType", .named("__Type")) { (schema: GraphQLSchema, _, _) in
                schema.mutationType.map { TypeValue(reference: .named($0.name)) }
            },
            field("subscriptionType", .named("__Type")) { (schema: GraphQLSchema, _, _) in
                schema.subscriptionType.map { TypeValue(reference: .named($0.name)) }
            },
            field("directives", .nonNull(.list(.nonNull(.named("__Directive"))))) { (schema: GraphQLSchema, _, _) in
                schema.directives
            },
        ]
    )

    static let fieldType = GraphQLObjectType(
        name: "__Field",
        description: "A field of an object or interface type.",
        fields: [
            field("name", .nonNull(.string)) { (field: GraphQLField, _, _) in field.name },
            field("description", .string) { (field: GraphQLField, _, _) in field.description },
            field("args", .nonNull(.list(.nonNull(.named("__InputValue")))), arguments: [includeDeprecated]) {
                (field: GraphQLField, arguments, _) in
                filter(field.arguments, arguments) { $0.deprecationReason != nil }
            },
            field("type", .nonNull(.named("__Type"))) { (field: GraphQLField, _, _) in
                TypeValue(reference: field.type)
            },
            field("isDeprecated", .nonNull(.boolean)) { (field: GraphQLField, _, _) in
                field.deprecationReason != nil
            },
            field("deprecationReason", .string) { (field: GraphQLField, _, _) in field.deprecationReason },
        ]
    )

    static let inputValueType = GraphQLObjectType(
        name: "__InputValue",
        description: "An argument of a field or directive, or a field of an input object.",
        fields: [
            field("name", .nonNull(.string)) { (value: GraphQLInputValue, _, _) in value.name },
            field("description", .string) { (value: GraphQLInputValue, _, _) in value.description },
            field("type", .nonNull(.named("__Type"))) { (value: GraphQLInputValue, _, _) in
                TypeValue(reference: value.type)
            },
            field(
                "defaultValue",
                .string,
                description: "The default value written as a GraphQL literal, or null when there is none."
            ) { (value: GraphQLInputValue, _, schema) in
                value.defaultValue.map { LiteralPrinter(schema: schema).print($0, as: value.type) }
            },
            field("isDeprecated", .nonNull(.boolean)) { (value: GraphQLInputValue, _, _) in
                value.deprecationReason != nil
            },
            field("deprecationReason", .string) { (value: GraphQLInputValue, _, _) in value.deprecationReason },
        ]
    )

    static let enumValueType = GraphQLObjectType(
        name: "__EnumValue",
        description: "One value of an enum type.",
        fields: [
            field("name", .nonNull(.string)) { (value: GraphQLEnumValue, _, _) in value.name },
            field("description", .string) { (value: GraphQLEnumValue, _, _) in value.description },
            field("isDeprecated", .nonNull(.boolean)) { (value: GraphQLEnumValue, _, _) in
                value.deprecationReason != nil
            },
            field("deprecationReason", .string) { (value: GraphQLEnumValue, _, _) in value.deprecationReason },
        ]
    )

    static let directiveType = GraphQLObjectType(
        name: "__Directive",
        description: "A directive the server accepts, where it may appear, and its arguments.",
        fields: [
            field("name", .nonNull(.string)) { (directive: GraphQLDirective, _, _) in directive.name },
            field("description", .string) { (directive: GraphQLDirective, _, _) in directive.description },
            field("isRepeatable", .nonNull(.boolean)) { (directive: GraphQLDirective, _, _) in
                directive.isRepeatable
            },
            field("locations", .nonNull(.list(.nonNull(.named("__DirectiveLocation"))))) {
                (directive: GraphQLDirective, _, _) in
                directive.locations.map(\.rawValue)
            },
            field("args", .nonNull(.list(.nonNull(.named("__InputValue")))), arguments: [includeDeprecated]) {
                (directive: GraphQLDirective, arguments, _) in
                filter(directive.arguments, arguments) { $0.deprecationReason != nil }
            },
        ]
    )

    static let includeDeprecated = GraphQLArgument(
        name: "includeDeprecated",
        type: .boolean,
        description: "Whether to list deprecated elements too.",
        defaultValue: false
    )

    /// The elements, without the deprecated ones unless `includeDeprecated` is true.
    static func filter<Element>(
        _ elements: [Element],
        _ arguments: GraphQLObject,
        isDeprecated: (Element) -> Bool
    ) -> [Element] {
        arguments["includeDeprecated"]?.boolValue == true ? elements : elements.filter { !isDeprecated($0) }
    }

    /// A field whose resolver receives its parent as `Parent`, with the arguments and the schema.
    static func field<Parent: Sendable>(
        _ name: String,
        _ type: GraphQLTypeReference,
        description: String? = nil,
        arguments: [GraphQLArgument] = [],
        _ body: @escaping @Sendable (Parent, GraphQLObject, GraphQLSchema) throws -> (any Sendable)?
    ) -> GraphQLField {
        GraphQLField(name: name, type: type, description: description, arguments: arguments) {
            parent,
            arguments,
            _,
            info in
            guard let parent = parent as? Parent else {
                throw GraphQLError(message: "Introspection field \(info.parentType.name).\(name) got a foreign value.")
            }
            return try body(parent, arguments, info.schema)
        }
    }
}

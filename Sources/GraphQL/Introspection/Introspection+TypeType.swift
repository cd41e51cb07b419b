extension Introspection {
    static let typeType = GraphQLObjectType(
        name: "__Type",
        description: "Describes a type: a named type of the schema, or a list or non-null wrapper around one.",
        fields: [
            field("kind", .nonNull(.named("__TypeKind"))) { (type: TypeValue, _, schema) in
                switch type.reference {
                case .list: return "LIST"
                case .nonNull: return "NON_NULL"
                case .named(let name): return schema.type(named: name)?.kind
                }
            },
            field("name", .string) { (type: TypeValue, _, _) in
                if case .named(let name) = type.reference { return name }
                return nil
            },
            field("description", .string) { (type: TypeValue, _, schema) in named(type, schema)?.description },
            field("specifiedByURL", .string) { (type: TypeValue, _, schema) in
                if case .scalar(let scalar) = named(type, schema) { return scalar.specifiedByURL }
                return nil
            },
            field("fields", .list(.nonNull(.named("__Field"))), arguments: [includeDeprecated]) {
                (type: TypeValue, arguments, schema) in
                switch named(type, schema) {
                case .object(let object): return filter(object.fields, arguments) { $0.deprecationReason != nil }
                case .interface(let interface):
                    return filter(interface.fields, arguments) { $0.deprecationReason != nil }
                default: return nil
                }
            },
            field("interfaces", .list(.nonNull(.named("__Type")))) { (type: TypeValue, _, schema) in
                switch named(type, schema) {
                case .object(let object): return object.interfaces.map { TypeValue(reference: .named($0)) }
                case .interface(let interface): return interface.interfaces.map { TypeValue(reference: .named($0)) }
                default: return nil
                }
            },
            field("possibleTypes", .list(.nonNull(.named("__Type")))) { (type: TypeValue, _, schema) in
                guard let named = named(type, schema), named.isAbstract else { return nil }
                return schema.possibleTypes(of: named.name).map { TypeValue(reference: .named($0.name)) }
            },
            field("enumValues", .list(.nonNull(.named("__EnumValue"))), arguments: [includeDeprecated]) {
                (type: TypeValue, arguments, schema) in
                guard case .enum(let enumType) = named(type, schema) else { return nil }
                return filter(enumType.values, arguments) { $0.deprecationReason != nil }
            },
            field("inputFields", .list(.nonNull(.named("__InputValue"))), arguments: [includeDeprecated]) {
                (type: TypeValue, arguments, schema) in
                guard case .inputObject(let input) = named(type, schema) else { return nil }
                return filter(input.fields, arguments) { $0.deprecationReason != nil }
            },
            field("ofType", .named("__Type")) { (type: TypeValue, _, _) in
                switch type.reference {
                case .list(let inner), .nonNull(let inner): return TypeValue(reference: inner)
                case .named: return nil
                }
            },
            field("isOneOf", .boolean) { (type: TypeValue, _, schema) in
                guard case .inputObject(let input) = named(type, schema) else { return nil }
                return input.isOneOf
            },
        ]
    )

    /// The named type a `__Type` value stands for, or `nil` for wrappers.
    private static func named(_ type: TypeValue, _ schema: GraphQLSchema) -> GraphQLNamedType? {
        guard case .named(let name) = type.reference else { return nil }
        return schema.type(named: name)
    }
}

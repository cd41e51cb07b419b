/// Checks a schema's types against the spec's type system rules.
///
/// Not checked: that non-null input object fields do not form an unbreakable cycle.
struct SchemaValidator {
    let schema: GraphQLSchema
    private var found: [String] = []

    init(schema: GraphQLSchema) {
        self.schema = schema
    }

    consuming func problems() -> [String] {
        for type in schema.types {
            guard !Introspection.types.contains(where: { $0.isSameType(as: type) }) else { continue }
            checkName(type.name, reserved: true)
            switch type {
            case .scalar:
                break
            case .object(let object):
                checkFields(object.fields, of: object.name)
                checkInterfaces(object.interfaces, fields: object.fields, of: object.name)
            case .interface(let interface):
                checkFields(interface.fields, of: interface.name)
                checkInterfaces(interface.interfaces, fields: interface.fields, of: interface.name)
            case .union(let union):
                checkUnion(union)
            case .enum(let enumType):
                checkEnum(enumType)
            case .inputObject(let input):
                checkInputObject(input)
            }
        }
        checkDirectives()
        return found
    }

    private mutating func checkName(_ name: String, reserved: Bool) {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, Lexer.isNameStart(first) else {
            found.append("Names must start with [_a-zA-Z] but \"\(name)\" does not.")
            return
        }
        if !bytes.allSatisfy(Lexer.isNameContinue) {
            found.append("Names must only contain [_a-zA-Z0-9] but \"\(name)\" does not.")
        }
        if reserved, name.hasPrefix("__") {
            found.append("Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.")
        }
    }

    private mutating func checkFields(_ fields: [GraphQLField], of typeName: String) {
        if fields.isEmpty {
            found.append("Type \(typeName) must define one or more fields.")
        }
        var seen: Set<String> = []
        for field in fields {
            let place = "\(typeName).\(field.name)"
            checkName(field.name, reserved: true)
            if !seen.insert(field.name).inserted {
                found.append("Field \"\(place)\" can only be defined once.")
            }
            switch schema.type(named: field.type.namedType) {
            case nil:
                found.append("Unknown type \"\(field.type.namedType)\" referenced by field \"\(place)\".")
            case let named? where !named.isOutputType:
                found.append("The type of \(place) must be Output Type but got: \(field.type).")
            default:
                break
            }
            checkArguments(field.arguments, of: place)
        }
    }

    private mutating func checkArguments(_ arguments: [GraphQLArgument], of owner: String) {
        var seen: Set<String> = []
        for argument in arguments {
            let place = "\(owner)(\(argument.name):)"
            checkName(argument.name, reserved: true)
            if !seen.insert(argument.name).inserted {
                found.append("Argument \"\(place)\" can only be defined once.")
            }
            checkInputValue(argument, at: place, kind: "argument")
        }
    }

    private mutating func checkInputValue(_ value: GraphQLInputValue, at place: String, kind: String) {
        guard let named = schema.type(named: value.type.namedType) else {
            found.append("Unknown type \"\(value.type.namedType)\" referenced by \(kind) \"\(place)\".")
            return
        }
        guard named.isInputType else {
            found.append("The type of \(place) must be Input Type but got: \(value.type).")
            return
        }
        if value.isRequired, value.deprecationReason != nil {
            found.append("Required \(kind) \(place) cannot be deprecated.")
        }
        if let defaultValue = value.defaultValue {
            do {
                _ = try ValueCoercion(schema: schema).coerce(defaultValue, to: value.type)
            } catch {
                found.append("Default value of \(kind) \(place) is invalid: \(error.reason)")
            }
        }
    }

    private mutating func checkInterfaces(_ names: [String], fields: [GraphQLField], of typeName: String) {
        for name in names {
            guard case .interface(let interface) = schema.type(named: name) else {
                found.append("Type \(typeName) must only implement Interface types, it cannot implement \(name).")
                continue
            }
            if name == typeName {
                found.append("Type \(typeName) cannot implement itself because it would create a circular reference.")
                continue
            }
            for inherited in interface.interfaces where !names.contains(inherited) && inherited != typeName {
                found.append("Type \(typeName) must implement \(inherited) because it is implemented by \(name).")
            }
            for expected in interface.fields {
                checkImplementation(of: expected, in: interface.name, by: fields, of: typeName)
            }
        }
    }

    private mutating func checkImplementation(
        of expected: GraphQLField,
        in interfaceName: String,
        by fields: [GraphQLField],
        of typeName: String
    ) {
        let expectedPlace = "\(interfaceName).\(expected.name)"
        guard let actual = fields.first(where: { $0.name == expected.name }) else {
            found.append("Interface field \(expectedPlace) expected but \(typeName) does not provide it.")
            return
        }
        let place = "\(typeName).\(actual.name)"
        if !schema.isSubType(actual.type, of: expected.type) {
            found.append(
                "Interface field \(expectedPlace) expects type \(expected.type) but \(place) is type \(actual.type)."
            )
        }
        for argument in expected.arguments {
            guard let provided = actual.argument(named: argument.name) else {
                found.append(
                    "Interface field argument \(expectedPlace)(\(argument.name):) expected but \(place) does not provide it."
                )
                continue
            }
            if provided.type != argument.type {
                found.append(
                    "Interface field argument \(expectedPlace)(\(argument.name):) expects type \(argument.type) "
                        + "but \(place)(\(argument.name):) is type \(provided.type)."
                )
            }
        }
        for argument in actual.arguments where argument.isRequired && expected.argument(named: argument.name) == nil {
            found.append(
                "Object field \(place) includes required argument \(argument.name) that is missing from "
                    + "the Interface field \(expectedPlace)."
            )
        }
    }

    private mutating func checkUnion(_ union: GraphQLUnionType) {
        if union.types.isEmpty {
            found.append("Union type \(union.name) must define one or more member types.")
        }
        var seen: Set<String> = []
        for member in union.types {
            if !seen.insert(member).inserted {
                found.append("Union type \(union.name) can only include type \(member) once.")
            }
            if schema.objectType(named: member) == nil {
                found.append("Union type \(union.name) can only include Object types, it cannot include \(member).")
            }
        }
    }

    private mutating func checkEnum(_ enumType: GraphQLEnumType) {
        if enumType.values.isEmpty {
            found.append("Enum type \(enumType.name) must define one or more values.")
        }
        var seen: Set<String> = []
        for value in enumType.values {
            checkName(value.name, reserved: true)
            if ["true", "false", "null"].contains(value.name) {
                found.append("Enum type \(enumType.name) cannot include value: \(value.name).")
            }
            if !seen.insert(value.name).inserted {
                found.append("Enum value \"\(enumType.name).\(value.name)\" can only be defined once.")
            }
        }
    }

    private mutating func checkInputObject(_ input: GraphQLInputObjectType) {
        if input.fields.isEmpty {
            found.append("Input Object type \(input.name) must define one or more fields.")
        }
        var seen: Set<String> = []
        for field in input.fields {
            let place = "\(input.name).\(field.name)"
            checkName(field.name, reserved: true)
            if !seen.insert(field.name).inserted {
                found.append("Input field \"\(place)\" can only be defined once.")
            }
            checkInputValue(field, at: place, kind: "input field")
            if input.isOneOf, field.type.isNonNull {
                found.append("OneOf input field \(place) must be nullable.")
            }
            if input.isOneOf, field.defaultValue != nil {
                found.append("OneOf input field \(place) cannot have a default value.")
            }
        }
    }

    private mutating func checkDirectives() {
        var seen: Set<String> = []
        for directive in schema.directives {
            checkName(directive.name, reserved: true)
            if !seen.insert(directive.name).inserted {
                found.append("Directive \"@\(directive.name)\" can only be defined once.")
            }
            if directive.locations.isEmpty {
                found.append("Directive @\(directive.name) must include one or more locations.")
            }
            checkArguments(directive.arguments, of: "@\(directive.name)")
        }
    }
}

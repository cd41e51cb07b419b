/// Values of correct type (including the `@oneOf` rules) and unique input field names.
final class ValuesOfCorrectTypeRule: ValidationRule {
    func enterValue(_ value: ValueNode, expectedType: GraphQLTypeReference?, _ context: ValidationContext) {
        if case .object(let fields) = value.kind {
            reportDuplicateFields(fields, context)
        }
        guard let expected = expectedType else { return }
        switch value.kind {
        case .variable:
            return
        case .null:
            if expected.isNonNull {
                context.report("Expected value of type \"\(expected)\", found null.", [value.location])
            }
        case .list:
            if case .list = expected.nullable { return }
            checkNamed(value, expected, context)
        default:
            checkNamed(value, expected, context)
        }
    }

    private func reportDuplicateFields(_ fields: [ObjectFieldNode], _ context: ValidationContext) {
        var seen: [String: SourceLocation] = [:]
        for field in fields {
            if let first = seen[field.name.value] {
                context.report(
                    "There can be only one input field named \"\(field.name.value)\".",
                    [first, field.name.location]
                )
            } else {
                seen[field.name.value] = field.name.location
            }
        }
    }

    private func checkNamed(_ value: ValueNode, _ expected: GraphQLTypeReference, _ context: ValidationContext) {
        guard let type = context.schema.type(named: expected.namedType) else { return }
        switch type {
        case .inputObject(let input):
            guard case .object(let fields) = value.kind else {
                context.report("Expected value of type \"\(expected)\", found \(value.printed).", [value.location])
                return
            }
            checkObject(value, fields, input, context)
        case .scalar, .enum:
            checkLeaf(value, expected, type, context)
        default:
            return
        }
    }

    private func checkLeaf(
        _ value: ValueNode,
        _ expected: GraphQLTypeReference,
        _ type: GraphQLNamedType,
        _ context: ValidationContext
    ) {
        guard !value.containsVariable else { return }
        do {
            switch type {
            case .scalar(let scalar): _ = try scalar.coerceLiteral(value)
            case .enum(let enumType): _ = try enumType.parseLiteral(value)
            default: return
            }
        } catch {
            let reason = (error as? GraphQLError)?.message ?? "\(error)"
            context.report(
                "Expected value of type \"\(expected)\", found \(value.printed); \(reason)",
                [value.location]
            )
        }
    }

    private func checkObject(
        _ value: ValueNode,
        _ fields: [ObjectFieldNode],
        _ input: GraphQLInputObjectType,
        _ context: ValidationContext
    ) {
        for definition in input.fields where definition.isRequired {
            if !fields.contains(where: { $0.name.value == definition.name }) {
                context.report(
                    "Field \"\(input.name).\(definition.name)\" of required type \"\(definition.type)\" was not provided.",
                    [value.location]
                )
            }
        }
        for field in fields where input.field(named: field.name.value) == nil {
            context.report(
                "Field \"\(field.name.value)\" is not defined by type \"\(input.name)\".",
                [field.name.location]
            )
        }
        guard input.isOneOf else { return }
        guard fields.count == 1, let only = fields.first else {
            context.report("OneOf Input Object \"\(input.name)\" must specify exactly one key.", [value.location])
            return
        }
        switch only.value.kind {
        case .null:
            context.report("Field \"\(input.name).\(only.name.value)\" must be non-null.", [value.location])
        case .variable(let name):
            let definition = context.operation?.variableDefinitions.first { $0.variable.value == name }
            if let definition, !definition.type.reference.isNonNull {
                context.report(
                    "Variable \"$\(name)\" must be non-nullable to be used for OneOf Input Object \"\(input.name)\".",
                    [value.location]
                )
            }
        default:
            break
        }
    }
}

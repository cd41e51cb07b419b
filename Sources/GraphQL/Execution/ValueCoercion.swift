/// A value that does not fit its input type, with where inside the value the problem is.
struct CoercionError: Error {
    var reason: String
    /// The path inside the value, outermost first.
    var path: [GraphQLPathComponent] = []
    /// The offending part of the value, if known.
    var value: GraphQLValue?
}

/// Input coercion per the spec: variable values (JSON), literals, and defaults, by input type.
struct ValueCoercion {
    let schema: GraphQLSchema

    /// Coerces an external value (a variable value or a default) to `type`.
    func coerce(_ value: GraphQLValue, to type: GraphQLTypeReference) throws(CoercionError) -> GraphQLValue {
        switch type {
        case .nonNull(let inner):
            if value.isNull {
                throw CoercionError(reason: "Expected non-nullable type \"\(type)\" not to be null.", value: value)
            }
            return try coerce(value, to: inner)
        case .list(let itemType):
            if value.isNull { return .null }
            guard case .list(let items) = value else {
                return .list([try coerce(value, to: itemType)])
            }
            var coerced: [GraphQLValue] = []
            coerced.reserveCapacity(items.count)
            for (position, item) in items.enumerated() {
                do {
                    coerced.append(try coerce(item, to: itemType))
                } catch {
                    throw error.nested(in: .index(position))
                }
            }
            return .list(coerced)
        case .named(let name):
            if value.isNull { return .null }
            return try coerceNamed(value, to: name)
        }
    }

    private func coerceNamed(_ value: GraphQLValue, to name: String) throws(CoercionError) -> GraphQLValue {
        switch schema.type(named: name) {
        case .scalar(let scalar):
            do {
                return try scalar.parseValue(value)
            } catch {
                throw CoercionError(reason: describe(error, typeName: name), value: value)
            }
        case .enum(let enumType):
            do {
                return try enumType.parseValue(value)
            } catch {
                throw CoercionError(reason: describe(error, typeName: name), value: value)
            }
        case .inputObject(let input):
            return try coerceObject(value, to: input)
        default:
            throw CoercionError(reason: "Type \"\(name)\" is not an input type.", value: value)
        }
    }

    private func coerceObject(_ value: GraphQLValue, to input: GraphQLInputObjectType) throws(CoercionError)
        -> GraphQLValue
    {
        guard case .object(let object) = value else {
            throw CoercionError(reason: "Expected type \"\(input.name)\" to be an object.", value: value)
        }
        var coerced = GraphQLObject()
        for field in input.fields {
            guard let fieldValue = object[field.name] else {
                if let defaultValue = field.defaultValue {
                    coerced[field.name] = try coerce(defaultValue, to: field.type)
                } else if field.type.isNonNull {
                    throw CoercionError(
                        reason: "Field \"\(field.name)\" of required type \"\(field.type)\" was not provided.",
                        value: value
                    )
                }
                continue
            }
            do {
                coerced[field.name] = try coerce(fieldValue, to: field.type)
            } catch {
                throw error.nested(in: .key(field.name))
            }
        }
        for key in object.keys where input.field(named: key) == nil {
            throw CoercionError(reason: "Field \"\(key)\" is not defined by type \"\(input.name)\".", value: value)
        }
        if input.isOneOf {
            try checkOneOf(coerced, given: object.count, typeName: input.name, value: value)
        }
        return .object(coerced)
    }

    private func checkOneOf(_ coerced: GraphQLObject, given: Int, typeName: String, value: GraphQLValue)
        throws(CoercionError)
    {
        guard given == 1, coerced.count == 1 else {
            throw CoercionError(
                reason: "Exactly one key must be specified for OneOf type \"\(typeName)\".",
                value: value
            )
        }
        if let member = coerced.first(where: { _ in true }), member.value.isNull {
            throw CoercionError(reason: "Field \"\(member.key)\" must be non-null.", value: value)
        }
    }

    /// Coerces a literal from the document to `type`; `variables` holds the already coerced variable values.
    ///
    /// A variable missing from `variables` counts as not provided: fields then take their defaults
    /// and list items become null.
    func coerceLiteral(_ node: ValueNode, to type: GraphQLTypeReference, variables: GraphQLObject)
        throws(CoercionError) -> GraphQLValue
    {
        if case .variable(let name) = node.kind {
            guard let value = variables[name] else {
                if type.isNonNull {
                    throw CoercionError(reason: "Variable \"$\(name)\" of type \"\(type)\" was not provided.")
                }
                return .null
            }
            if type.isNonNull, value.isNull {
                throw CoercionError(reason: "Expected non-nullable type \"\(type)\" not to be null.", value: value)
            }
            return value
        }
        switch type {
        case .nonNull(let inner):
            if case .null = node.kind {
                throw CoercionError(reason: "Expected non-nullable type \"\(type)\" not to be null.", value: .null)
            }
            return try coerceLiteral(node, to: inner, variables: variables)
        case .list(let itemType):
            if case .null = node.kind { return .null }
            guard case .list(let items) = node.kind else {
                return .list([try coerceLiteral(node, to: itemType, variables: variables)])
            }
            var coerced: [GraphQLValue] = []
            for (position, item) in items.enumerated() {
                do {
                    coerced.append(try coerceLiteral(item, to: itemType, variables: variables))
                } catch {
                    throw error.nested(in: .index(position))
                }
            }
            return .list(coerced)
        case .named(let name):
            if case .null = node.kind { return .null }
            return try coerceNamedLiteral(node, to: name, variables: variables)
        }
    }

    private func coerceNamedLiteral(_ node: ValueNode, to name: String, variables: GraphQLObject)
        throws(CoercionError) -> GraphQLValue
    {
        switch schema.type(named: name) {
        case .scalar(let scalar):
            do {
                if node.containsVariable {
                    return try scalar.parseValue(node.untypedValue(variables: variables))
                }
                return try scalar.coerceLiteral(node)
            } catch {
                throw CoercionError(reason: describe(error, typeName: name))
            }
        case .enum(let enumType):
            do {
                return try enumType.parseLiteral(node)
            } catch {
                throw CoercionError(reason: describe(error, typeName: name))
            }
        case .inputObject(let input):
            return try coerceObjectLiteral(node, to: input, variables: variables)
        default:
            throw CoercionError(reason: "Type \"\(name)\" is not an input type.")
        }
    }

    private func coerceObjectLiteral(_ node: ValueNode, to input: GraphQLInputObjectType, variables: GraphQLObject)
        throws(CoercionError) -> GraphQLValue
    {
        guard case .object(let fields) = node.kind else {
            throw CoercionError(reason: "Expected type \"\(input.name)\" to be an object.")
        }
        var coerced = GraphQLObject()
        for field in input.fields {
            let given = fields.first { $0.name.value == field.name }?.value
            let isMissing: Bool
            if let given, case .variable(let variable) = given.kind {
                isMissing = variables[variable] == nil
            } else {
                isMissing = given == nil
            }
            guard let given, !isMissing else {
                if let defaultValue = field.defaultValue {
                    coerced[field.name] = try coerce(defaultValue, to: field.type)
                } else if field.type.isNonNull {
                    throw CoercionError(
                        reason:
                            "Field \"\(input.name).\(field.name)\" of required type \"\(field.type)\" was not provided."
                    )
                }
                continue
            }
            do {
                coerced[field.name] = try coerceLiteral(given, to: field.type, variables: variables)
            } catch {
                throw error.nested(in: .key(field.name))
            }
        }
        for field in fields where input.field(named: field.name.value) == nil {
            throw CoercionError(reason: "Field \"\(field.name.value)\" is not defined by type \"\(input.name)\".")
        }
        if input.isOneOf {
            try checkOneOf(coerced, given: fields.count, typeName: input.name, value: .object(coerced))
        }
        return .object(coerced)
    }

    private func describe(_ error: any Error, typeName: String) -> String {
        if let error = error as? GraphQLError { return error.message }
        if let error = error as? any GraphQLErrorConvertible { return error.graphQLError.message }
        return "Expected type \"\(typeName)\". \(error)"
    }
}

extension CoercionError {
    /// The same error one level further out in the value.
    func nested(in component: GraphQLPathComponent) -> CoercionError {
        var copy = self
        copy.path.insert(component, at: 0)
        return copy
    }

    /// The path as graphql-js shows it: `input.items[0].name`, starting from `root`.
    func pathDescription(from root: String) -> String {
        var text = root
        for component in path {
            switch component {
            case .key(let key): text += "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}

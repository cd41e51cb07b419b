extension ValueCoercion {
    /// The spec's CoerceVariableValues: every error names its variable.
    func coerceVariables(
        _ definitions: [VariableDefinitionNode],
        inputs: GraphQLObject
    ) -> Result<GraphQLObject, GraphQLErrors> {
        var coerced = GraphQLObject()
        var errors: [GraphQLError] = []
        for definition in definitions {
            let name = definition.variable.value
            let type = definition.type.reference
            let locations = [definition.location]
            guard let given = inputs[name] else {
                if let defaultValue = definition.defaultValue {
                    do {
                        coerced[name] = try coerceLiteral(defaultValue, to: type, variables: [:])
                    } catch {
                        errors.append(
                            GraphQLError(message: "Variable \"$\(name)\" has an invalid default value; \(error.reason)")
                        )
                    }
                } else if type.isNonNull {
                    errors.append(
                        GraphQLError(
                            message: "Variable \"$\(name)\" of required type \"\(type)\" was not provided.",
                            locations: locations
                        )
                    )
                }
                continue
            }
            if given.isNull, type.isNonNull {
                errors.append(
                    GraphQLError(
                        message: "Variable \"$\(name)\" of non-null type \"\(type)\" must not be null.",
                        locations: locations
                    )
                )
                continue
            }
            do {
                coerced[name] = try coerce(given, to: type)
            } catch {
                let shown = (error.value ?? given).jsonString()
                let place = error.path.isEmpty ? "" : " at \"\(error.pathDescription(from: name))\""
                errors.append(
                    GraphQLError(
                        message: "Variable \"$\(name)\" got invalid value \(shown)\(place); \(error.reason)",
                        locations: locations
                    )
                )
            }
        }
        return errors.isEmpty ? .success(coerced) : .failure(GraphQLErrors(errors: errors))
    }

    /// The spec's CoerceArgumentValues, for a field's or directive's arguments.
    func coerceArguments(
        _ definitions: [GraphQLArgument],
        nodes: [ArgumentNode],
        variables: GraphQLObject,
        at location: SourceLocation
    ) throws(GraphQLError) -> GraphQLObject {
        var coerced = GraphQLObject()
        for definition in definitions {
            let name = definition.name
            let type = definition.type
            let node = nodes.first { $0.name.value == name }
            var isMissing = node == nil
            if let node, case .variable(let variable) = node.value.kind, variables[variable] == nil {
                isMissing = true
            }
            guard let node, !isMissing else {
                if let defaultValue = definition.defaultValue {
                    coerced[name] = try wrap(at: node?.location ?? location) { () throws(CoercionError) in
                        try coerce(defaultValue, to: type)
                    }
                } else if type.isNonNull {
                    var message = "Argument \"\(name)\" of required type \"\(type)\" was not provided."
                    if let node, case .variable(let variable) = node.value.kind {
                        message =
                            "Argument \"\(name)\" of required type \"\(type)\" was provided the variable "
                            + "\"$\(variable)\" which was not provided a runtime value."
                    }
                    throw GraphQLError(message: message, locations: [node?.location ?? location])
                }
                continue
            }
            if case .variable(let variable) = node.value.kind {
                let value = variables[variable] ?? .null
                if value.isNull, type.isNonNull {
                    throw GraphQLError(
                        message: "Argument \"\(name)\" of non-null type \"\(type)\" must not be null.",
                        locations: [node.location]
                    )
                }
                coerced[name] = value
                continue
            }
            do {
                coerced[name] = try coerceLiteral(node.value, to: type, variables: variables)
            } catch {
                throw GraphQLError(
                    message: "Argument \"\(name)\" has invalid value \(node.value.printed); \(error.reason)",
                    locations: [node.value.location]
                )
            }
        }
        return coerced
    }

    private func wrap(
        at location: SourceLocation,
        _ body: () throws(CoercionError) -> GraphQLValue
    ) throws(GraphQLError) -> GraphQLValue {
        do {
            return try body()
        } catch {
            throw GraphQLError(message: "Invalid default value: \(error.reason)", locations: [location])
        }
    }
}

/// Several errors at once, such as every variable that failed coercion.
struct GraphQLErrors: Error {
    var errors: [GraphQLError]
}

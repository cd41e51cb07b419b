/// Unique variable names; variables defined, used, and in allowed positions.
final class VariableRules: ValidationRule {
    func enterOperation(_ operation: OperationDefinitionNode, _ context: ValidationContext) {
        var seen: [String: SourceLocation] = [:]
        for definition in operation.variableDefinitions {
            let name = definition.variable.value
            if let first = seen[name] {
                context.report(
                    "There can be only one variable named \"$\(name)\".",
                    [first, definition.variable.location]
                )
            } else {
                seen[name] = definition.variable.location
            }
        }
    }

    func leaveDocument(_ context: ValidationContext) {
        for (index, operation) in context.document.operations.enumerated() {
            check(operation, usages: context.recursiveUsages(of: .operation(index)), context)
        }
    }

    private func check(_ operation: OperationDefinitionNode, usages: [VariableUsage], _ context: ValidationContext) {
        var definitions: [String: VariableDefinitionNode] = [:]
        for definition in operation.variableDefinitions where definitions[definition.variable.value] == nil {
            definitions[definition.variable.value] = definition
        }
        let suffix = operation.name.map { " by operation \"\($0.value)\"" } ?? ""
        for usage in usages {
            guard let definition = definitions[usage.name] else {
                context.report(
                    "Variable \"$\(usage.name)\" is not defined\(suffix).",
                    [usage.location, operation.location]
                )
                continue
            }
            guard let expected = usage.expectedType else { continue }
            if !isAllowed(definition, at: expected, hasLocationDefault: usage.hasLocationDefault, context) {
                context.report(
                    "Variable \"$\(usage.name)\" of type \"\(definition.type)\" used in position expecting "
                        + "type \"\(expected)\".",
                    [definition.location, usage.location]
                )
            }
        }
        let used = Set(usages.map(\.name))
        let inOperation = operation.name.map { " in operation \"\($0.value)\"" } ?? ""
        for definition in operation.variableDefinitions where !used.contains(definition.variable.value) {
            context.report(
                "Variable \"$\(definition.variable.value)\" is never used\(inOperation).",
                [definition.location]
            )
        }
    }

    /// The spec's IsVariableUsageAllowed.
    private func isAllowed(
        _ definition: VariableDefinitionNode,
        at expected: GraphQLTypeReference,
        hasLocationDefault: Bool,
        _ context: ValidationContext
    ) -> Bool {
        let variableType = definition.type.reference
        guard context.schema.type(named: variableType.namedType) != nil else { return true }
        if expected.isNonNull, !variableType.isNonNull {
            var hasNonNullDefault = false
            if let defaultValue = definition.defaultValue, defaultValue.kind != .null {
                hasNonNullDefault = true
            }
            guard hasNonNullDefault || hasLocationDefault else { return false }
            return context.schema.isSubType(variableType, of: expected.nullable)
        }
        return context.schema.isSubType(variableType, of: expected)
    }
}

/// Executable definitions only; unique operation names; a lone anonymous operation; operation
/// types the schema supports; single root fields for subscriptions.
final class DocumentDefinitionsRule: ValidationRule {
    func enterDocument(_ document: DocumentNode, _ context: ValidationContext) {
        var operationNames: [String: SourceLocation] = [:]
        let operationCount = document.operations.count
        for definition in document.definitions {
            switch definition {
            case .typeSystem(let node):
                let isSchema = node.keyword == "schema" || (node.keyword == "extend" && node.name == nil)
                let message =
                    isSchema
                    ? "The schema definition is not executable."
                    : "The \"\(node.name ?? node.keyword)\" definition is not executable."
                context.report(message, [node.location])
            case .operation(let operation):
                guard let name = operation.name else {
                    if operationCount > 1 {
                        context.report(
                            "This anonymous operation must be the only defined operation.",
                            [operation.location]
                        )
                    }
                    continue
                }
                if let first = operationNames[name.value] {
                    context.report("There can be only one operation named \"\(name.value)\".", [first, name.location])
                } else {
                    operationNames[name.value] = name.location
                }
            case .fragment:
                break
            }
        }
    }
}

/// Operation types the schema supports, and single-field subscriptions.
final class OperationRules: ValidationRule {
    func enterOperation(_ operation: OperationDefinitionNode, _ context: ValidationContext) {
        guard context.schema.rootType(for: operation.operation) != nil else {
            context.report(
                "The schema is not configured to execute \(operation.operation.rawValue) operations.",
                [operation.location]
            )
            return
        }
        guard operation.operation == .subscription else { return }
        let fields = rootFields(of: operation.selectionSet, context)
        let label = operation.name.map { "Subscription \"\($0.value)\"" } ?? "Anonymous Subscription"
        let responseKeys = Set(fields.map(\.responseKey))
        if responseKeys.count > 1 {
            context.report(
                "\(label) must select only one top level field.",
                fields.dropFirst().map(\.location)
            )
        }
        for field in fields where field.name.value.hasPrefix("__") {
            context.report("\(label) must not select an introspection top level field.", [field.location])
        }
    }

    /// The root fields, through fragments (which the cycle check has already cleared).
    private func rootFields(of root: SelectionSetNode, _ context: ValidationContext) -> [FieldNode] {
        var fields: [FieldNode] = []
        var visited: Set<String> = []
        var pending = [root]
        while !pending.isEmpty {
            let selectionSet = pending.removeFirst()
            for selection in selectionSet.selections {
                switch selection {
                case .field(let field):
                    fields.append(field)
                case .inlineFragment(let fragment):
                    pending.append(fragment.selectionSet)
                case .fragmentSpread(let spread):
                    if visited.insert(spread.name.value).inserted, let fragment = context.fragments[spread.name.value] {
                        pending.append(fragment.selectionSet)
                    }
                }
            }
        }
        return fields
    }
}

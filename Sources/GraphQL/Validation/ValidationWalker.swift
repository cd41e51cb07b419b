/// Walks a document once, keeping type information in the context and calling every rule.
///
/// Recursion follows the document's own nesting, which the parser bounds; fragment spreads are
/// not followed (each fragment definition is walked once by itself).
struct ValidationWalker {
    let context: ValidationContext
    let rules: [any ValidationRule]

    /// Calls `body` with each rule in order.
    private func notify(_ body: (any ValidationRule) -> Void) {
        for rule in rules {
            body(rule)
        }
    }

    mutating func run() {
        let document = context.document
        notify { $0.enterDocument(document, context) }
        var operationIndex = 0
        for definition in document.definitions {
            guard !context.isAborted else { return }
            switch definition {
            case .operation(let operation):
                context.definition = .operation(operationIndex)
                context.operation = operation
                operationIndex += 1
                walkOperation(operation)
            case .fragment(let fragment):
                context.definition = .fragment(fragment.name.value)
                context.operation = nil
                walkFragmentDefinition(fragment)
            case .typeSystem:
                break
            }
        }
        guard !context.isAborted else { return }
        notify { $0.leaveDocument(context) }
    }

    private func walkOperation(_ operation: OperationDefinitionNode) {
        notify { $0.enterOperation(operation, context) }
        for definition in operation.variableDefinitions {
            notify { $0.enterVariableDefinition(definition, context) }
            walkDirectives(definition.directives, at: .variableDefinition)
            if let defaultValue = definition.defaultValue {
                walkValue(defaultValue, expectedType: definition.type.reference, hasDefault: false)
            }
        }
        let location: DirectiveLocation
        switch operation.operation {
        case .query: location = .query
        case .mutation: location = .mutation
        case .subscription: location = .subscription
        }
        walkDirectives(operation.directives, at: location)
        let root = context.schema.rootType(for: operation.operation).map(GraphQLNamedType.object)
        walkSelectionSet(operation.selectionSet, parentType: root)
    }

    private func walkFragmentDefinition(_ fragment: FragmentDefinitionNode) {
        notify { $0.enterFragmentDefinition(fragment, context) }
        walkDirectives(fragment.directives, at: .fragmentDefinition)
        walkSelectionSet(fragment.selectionSet, parentType: context.schema.type(named: fragment.typeCondition.value))
    }

    private func walkSelectionSet(_ selectionSet: SelectionSetNode, parentType: GraphQLNamedType?) {
        let savedParent = context.parentType
        context.parentType = parentType
        notify { $0.enterSelectionSet(selectionSet, context) }
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                walkField(field, parentType: parentType)
            case .fragmentSpread(let spread):
                context.spreads[context.definition, default: []].append(spread)
                notify { $0.enterFragmentSpread(spread, context) }
                walkDirectives(spread.directives, at: .fragmentSpread)
            case .inlineFragment(let fragment):
                notify { $0.enterInlineFragment(fragment, context) }
                walkDirectives(fragment.directives, at: .inlineFragment)
                let type = fragment.typeCondition.map { context.schema.type(named: $0.value) } ?? parentType
                walkSelectionSet(fragment.selectionSet, parentType: type)
            }
            context.parentType = parentType
        }
        context.parentType = savedParent
    }

    private func walkField(_ field: FieldNode, parentType: GraphQLNamedType?) {
        let definition = parentType.flatMap { context.field(named: field.name.value, on: $0) }
        context.fieldDefinition = definition
        notify { $0.enterField(field, context) }
        notify {
            $0.enterArguments(
                field.arguments,
                definitions: definition?.arguments,
                directive: nil,
                at: field.location,
                context
            )
        }
        for argument in field.arguments {
            let argumentDefinition = definition?.argument(named: argument.name.value)
            walkValue(
                argument.value,
                expectedType: argumentDefinition?.type,
                hasDefault: argumentDefinition?.defaultValue != nil
            )
        }
        walkDirectives(field.directives, at: .field)
        if let selectionSet = field.selectionSet {
            let type = definition.flatMap { context.schema.type(named: $0.type.namedType) }
            walkSelectionSet(selectionSet, parentType: type)
        }
        context.fieldDefinition = nil
    }

    private func walkDirectives(_ directives: [DirectiveNode], at location: DirectiveLocation) {
        notify { $0.enterDirectives(directives, at: location, context) }
        for directive in directives {
            let definition = context.schema.directive(named: directive.name.value)
            if let definition {
                notify {
                    $0.enterArguments(
                        directive.arguments,
                        definitions: definition.arguments,
                        directive: definition,
                        at: directive.location,
                        context
                    )
                }
            }
            for argument in directive.arguments {
                let argumentDefinition = definition?.arguments.first { $0.name == argument.name.value }
                walkValue(
                    argument.value,
                    expectedType: argumentDefinition?.type,
                    hasDefault: argumentDefinition?.defaultValue != nil
                )
            }
        }
    }

    private func walkValue(_ value: ValueNode, expectedType: GraphQLTypeReference?, hasDefault: Bool) {
        notify { $0.enterValue(value, expectedType: expectedType, context) }
        switch value.kind {
        case .variable(let name):
            let usage = VariableUsage(
                name: name,
                location: value.location,
                expectedType: expectedType,
                hasLocationDefault: hasDefault
            )
            context.usages[context.definition, default: []].append(usage)
        case .list(let items):
            var itemType: GraphQLTypeReference?
            if case .list(let inner) = expectedType?.nullable { itemType = inner }
            for item in items {
                walkValue(item, expectedType: itemType, hasDefault: false)
            }
        case .object(let fields):
            var input: GraphQLInputObjectType?
            if let name = expectedType?.namedType, case .inputObject(let found) = context.schema.type(named: name) {
                input = found
            }
            for field in fields {
                let definition = input?.field(named: field.name.value)
                walkValue(field.value, expectedType: definition?.type, hasDefault: definition?.defaultValue != nil)
            }
        default:
            break
        }
    }
}

/// The spec's CollectFields: groups a selection set's fields by response key for one object type,
/// applying `@skip`, `@include` and type conditions, each named fragment once.
struct FieldCollector {
    let schema: GraphQLSchema
    let fragments: [String: FragmentDefinitionNode]
    let variables: GraphQLObject

    /// Fields by response key, in the order the keys first appear.
    typealias Grouped = [(key: String, nodes: [FieldNode])]

    func collect(_ selectionSets: [SelectionSetNode], for objectType: GraphQLObjectType) -> Grouped {
        var order: [String] = []
        var groups: [String: [FieldNode]] = [:]
        var visited: Set<String> = []
        for selectionSet in selectionSets {
            collect(selectionSet, objectType, &order, &groups, &visited)
        }
        return order.map { ($0, groups[$0]!) }
    }

    private func collect(
        _ selectionSet: SelectionSetNode,
        _ objectType: GraphQLObjectType,
        _ order: inout [String],
        _ groups: inout [String: [FieldNode]],
        _ visited: inout Set<String>
    ) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                guard shouldInclude(field.directives, at: field.location) else { continue }
                if groups[field.responseKey] == nil { order.append(field.responseKey) }
                groups[field.responseKey, default: []].append(field)
            case .inlineFragment(let fragment):
                guard shouldInclude(fragment.directives, at: fragment.location),
                    fragment.typeCondition.map({ applies($0.value, to: objectType) }) ?? true
                else { continue }
                collect(fragment.selectionSet, objectType, &order, &groups, &visited)
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard !visited.contains(name), shouldInclude(spread.directives, at: spread.location) else { continue }
                visited.insert(name)
                guard let fragment = fragments[name], applies(fragment.typeCondition.value, to: objectType) else {
                    continue
                }
                collect(fragment.selectionSet, objectType, &order, &groups, &visited)
            }
        }
    }

    /// Whether a type condition matches the object type.
    func applies(_ condition: String, to objectType: GraphQLObjectType) -> Bool {
        condition == objectType.name || schema.isPossibleType(objectType.name, of: condition)
    }

    /// Applies `@skip(if:)` and `@include(if:)`; an argument that cannot be coerced keeps the selection.
    private func shouldInclude(_ directives: [DirectiveNode], at location: SourceLocation) -> Bool {
        let coercion = ValueCoercion(schema: schema)
        for directive in directives {
            let name = directive.name.value
            guard name == "skip" || name == "include" else { continue }
            let definition = name == "skip" ? GraphQLDirective.skip : GraphQLDirective.include
            let arguments = try? coercion.coerceArguments(
                definition.arguments,
                nodes: directive.arguments,
                variables: variables,
                at: location
            )
            guard let condition = arguments?["if"]?.boolValue else { continue }
            if name == "skip", condition { return false }
            if name == "include", !condition { return false }
        }
        return true
    }
}

/// Fields on correct type, and leaf field selections.
final class FieldRules: ValidationRule {
    func enterField(_ field: FieldNode, _ context: ValidationContext) {
        guard let parent = context.parentType else { return }
        guard let definition = context.fieldDefinition else {
            if parent.isComposite {
                context.report(
                    "Cannot query field \"\(field.name.value)\" on type \"\(parent.name)\".",
                    [field.location]
                )
            }
            return
        }
        guard let type = context.schema.type(named: definition.type.namedType) else { return }
        if type.isLeaf, let selectionSet = field.selectionSet {
            context.report(
                "Field \"\(field.name.value)\" must not have a selection since type \"\(definition.type)\" "
                    + "has no subfields.",
                [selectionSet.location]
            )
        } else if !type.isLeaf, field.selectionSet == nil {
            context.report(
                "Field \"\(field.name.value)\" of type \"\(definition.type)\" must have a selection of subfields. "
                    + "Did you mean \"\(field.name.value) { ... }\"?",
                [field.location]
            )
        }
    }
}

/// Known argument names, unique argument names, and required arguments.
final class ArgumentRules: ValidationRule {
    func enterArguments(
        _ arguments: [ArgumentNode],
        definitions: [GraphQLArgument]?,
        directive: GraphQLDirective?,
        at location: SourceLocation,
        _ context: ValidationContext
    ) {
        var seen: [String: SourceLocation] = [:]
        for argument in arguments {
            let name = argument.name.value
            if let first = seen[name] {
                context.report("There can be only one argument named \"\(name)\".", [first, argument.name.location])
            } else {
                seen[name] = argument.name.location
            }
        }
        guard let definitions else { return }
        let owner = directive.map { "directive \"@\($0.name)\"" } ?? fieldOwner(context)
        for argument in arguments where !definitions.contains(where: { $0.name == argument.name.value }) {
            context.report("Unknown argument \"\(argument.name.value)\" on \(owner).", [argument.location])
        }
        for definition in definitions where definition.isRequired {
            let given = arguments.first { $0.name.value == definition.name }
            guard given == nil else { continue }
            let subject =
                directive.map { "Directive \"@\($0.name)\"" } ?? "Field \"\(context.fieldDefinition?.name ?? "")\""
            context.report(
                "\(subject) argument \"\(definition.name)\" of type \"\(definition.type)\" is required, "
                    + "but it was not provided.",
                [location]
            )
        }
    }

    private func fieldOwner(_ context: ValidationContext) -> String {
        "field \"\(context.parentType?.name ?? "").\(context.fieldDefinition?.name ?? "")\""
    }
}

/// Known directives, valid directive locations, and directives unique per location.
final class DirectiveRules: ValidationRule {
    func enterDirectives(_ directives: [DirectiveNode], at location: DirectiveLocation, _ context: ValidationContext) {
        var seen: [String: SourceLocation] = [:]
        for directive in directives {
            let name = directive.name.value
            guard let definition = context.schema.directive(named: name) else {
                context.report("Unknown directive \"@\(name)\".", [directive.location])
                continue
            }
            if !definition.locations.contains(location) {
                context.report("Directive \"@\(name)\" may not be used on \(location.rawValue).", [directive.location])
            }
            guard !definition.isRepeatable else { continue }
            if let first = seen[name] {
                context.report(
                    "The directive \"@\(name)\" can only be used once at this location.",
                    [first, directive.location]
                )
            } else {
                seen[name] = directive.location
            }
        }
    }
}

/// Known type names; fragments on composite types; variables of input types; possible fragment spreads.
final class TypeConditionRules: ValidationRule {
    func enterVariableDefinition(_ definition: VariableDefinitionNode, _ context: ValidationContext) {
        let name = definition.type.namedType
        guard let type = context.schema.type(named: name.value) else {
            context.report("Unknown type \"\(name.value)\".", [name.location])
            return
        }
        if !type.isInputType {
            context.report(
                "Variable \"$\(definition.variable.value)\" cannot be non-input type \"\(definition.type)\".",
                [definition.type.location]
            )
        }
    }

    func enterFragmentDefinition(_ fragment: FragmentDefinitionNode, _ context: ValidationContext) {
        let condition = fragment.typeCondition
        guard let type = context.schema.type(named: condition.value) else {
            context.report("Unknown type \"\(condition.value)\".", [condition.location])
            return
        }
        if !type.isComposite {
            context.report(
                "Fragment \"\(fragment.name.value)\" cannot condition on non composite type \"\(condition.value)\".",
                [condition.location]
            )
        }
    }

    func enterInlineFragment(_ fragment: InlineFragmentNode, _ context: ValidationContext) {
        guard let condition = fragment.typeCondition else { return }
        guard let type = context.schema.type(named: condition.value) else {
            context.report("Unknown type \"\(condition.value)\".", [condition.location])
            return
        }
        guard type.isComposite else {
            context.report(
                "Fragment cannot condition on non composite type \"\(condition.value)\".",
                [condition.location]
            )
            return
        }
        if let parent = context.parentType, parent.isComposite, !context.schema.overlap(parent.name, type.name) {
            context.report(
                "Fragment cannot be spread here as objects of type \"\(parent.name)\" can never be of type "
                    + "\"\(type.name)\".",
                [fragment.location]
            )
        }
    }

    func enterFragmentSpread(_ spread: FragmentSpreadNode, _ context: ValidationContext) {
        guard let fragment = context.fragments[spread.name.value],
            let type = context.schema.type(named: fragment.typeCondition.value), type.isComposite,
            let parent = context.parentType, parent.isComposite
        else { return }
        if !context.schema.overlap(parent.name, type.name) {
            context.report(
                "Fragment \"\(spread.name.value)\" cannot be spread here as objects of type \"\(parent.name)\" "
                    + "can never be of type \"\(type.name)\".",
                [spread.location]
            )
        }
    }
}

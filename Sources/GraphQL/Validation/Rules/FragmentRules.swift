/// Unique fragment names, known fragment names, and no unused fragments.
final class FragmentRules: ValidationRule {
    func enterDocument(_ document: DocumentNode, _ context: ValidationContext) {
        var seen: [String: SourceLocation] = [:]
        for fragment in document.fragments {
            let name = fragment.name
            if let first = seen[name.value] {
                context.report("There can be only one fragment named \"\(name.value)\".", [first, name.location])
            } else {
                seen[name.value] = name.location
            }
        }
    }

    func enterFragmentSpread(_ spread: FragmentSpreadNode, _ context: ValidationContext) {
        if context.fragments[spread.name.value] == nil {
            context.report("Unknown fragment \"\(spread.name.value)\".", [spread.name.location])
        }
    }

    func leaveDocument(_ context: ValidationContext) {
        var used: Set<String> = []
        for index in context.document.operations.indices {
            used.formUnion(context.reachableFragments(from: .operation(index)))
        }
        for fragment in context.document.fragments where !used.contains(fragment.name.value) {
            context.report("Fragment \"\(fragment.name.value)\" is never used.", [fragment.location])
        }
    }
}

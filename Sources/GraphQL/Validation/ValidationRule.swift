/// One validation rule: hooks the walker calls as it goes through the document.
///
/// The walker keeps ``ValidationContext/parentType`` and ``ValidationContext/fieldDefinition``
/// current; every hook has an empty default.
protocol ValidationRule: AnyObject {
    func enterDocument(_ document: DocumentNode, _ context: ValidationContext)
    func enterOperation(_ operation: OperationDefinitionNode, _ context: ValidationContext)
    func enterFragmentDefinition(_ fragment: FragmentDefinitionNode, _ context: ValidationContext)
    func enterVariableDefinition(_ definition: VariableDefinitionNode, _ context: ValidationContext)
    func enterSelectionSet(_ selectionSet: SelectionSetNode, _ context: ValidationContext)
    func enterField(_ field: FieldNode, _ context: ValidationContext)
    func enterFragmentSpread(_ spread: FragmentSpreadNode, _ context: ValidationContext)
    func enterInlineFragment(_ fragment: InlineFragmentNode, _ context: ValidationContext)
    /// Called for every directive list, so per-location rules see the whole list.
    func enterDirectives(_ directives: [DirectiveNode], at location: DirectiveLocation, _ context: ValidationContext)
    /// Called for the arguments of a field (`directive` nil) or of a directive.
    func enterArguments(
        _ arguments: [ArgumentNode],
        definitions: [GraphQLArgument]?,
        directive: GraphQLDirective?,
        at location: SourceLocation,
        _ context: ValidationContext
    )
    /// Called for every value node, nested ones included, with the type expected there.
    func enterValue(_ value: ValueNode, expectedType: GraphQLTypeReference?, _ context: ValidationContext)
    func leaveDocument(_ context: ValidationContext)
}

extension ValidationRule {
    func enterDocument(_ document: DocumentNode, _ context: ValidationContext) {}
    func enterOperation(_ operation: OperationDefinitionNode, _ context: ValidationContext) {}
    func enterFragmentDefinition(_ fragment: FragmentDefinitionNode, _ context: ValidationContext) {}
    func enterVariableDefinition(_ definition: VariableDefinitionNode, _ context: ValidationContext) {}
    func enterSelectionSet(_ selectionSet: SelectionSetNode, _ context: ValidationContext) {}
    func enterField(_ field: FieldNode, _ context: ValidationContext) {}
    func enterFragmentSpread(_ spread: FragmentSpreadNode, _ context: ValidationContext) {}
    func enterInlineFragment(_ fragment: InlineFragmentNode, _ context: ValidationContext) {}
    func enterDirectives(_ directives: [DirectiveNode], at location: DirectiveLocation, _ context: ValidationContext) {}
    func enterArguments(
        _ arguments: [ArgumentNode],
        definitions: [GraphQLArgument]?,
        directive: GraphQLDirective?,
        at location: SourceLocation,
        _ context: ValidationContext
    ) {}
    func enterValue(_ value: ValueNode, expectedType: GraphQLTypeReference?, _ context: ValidationContext) {}
    func leaveDocument(_ context: ValidationContext) {}
}

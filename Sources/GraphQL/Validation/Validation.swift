/// Limits and settings for ``validate(schema:document:options:)``.
public struct ValidationOptions: Sendable, Hashable {
    /// Validation stops after this many errors, adding one that says it stopped.
    public var maxErrors: Int
    /// The deepest selection nesting an operation may reach, counting through fragment spreads
    /// (each field with a selection set, inline fragment and spread is one level).
    public var maxDepth: Int
    /// The work budget of the overlapping-fields check: how many field pairs it may compare, and
    /// fields it may gather for comparing, in the whole document before it stops and refuses the
    /// document with an error.
    public var maxFieldComparisons: Int

    /// Creates options.
    ///
    /// - Parameters:
    ///   - maxErrors: Validation stops after this many errors (default 100).
    ///   - maxDepth: The deepest nesting through fragments (default 64).
    ///   - maxFieldComparisons: The budget of the overlapping-fields check (default 100,000).
    public init(maxErrors: Int = 100, maxDepth: Int = 64, maxFieldComparisons: Int = 100_000) {
        self.maxErrors = maxErrors
        self.maxDepth = maxDepth
        self.maxFieldComparisons = maxFieldComparisons
    }
}

/// Checks a document against a schema with the spec's validation rules.
///
/// The rules: executable definitions only; operation name uniqueness; lone anonymous operation;
/// operation types the schema supports; single-field subscriptions; known type names; fragments on
/// composite types; variables of input types; fields on correct type; leaf field selections; known
/// and unique argument names; required arguments; known directives in valid locations, unique per
/// location; known, unique, used fragments; possible fragment spreads; no fragment cycles; unique,
/// defined, used variables in allowed positions; values of correct type (including `@oneOf`);
/// unique input field names; overlapping fields that can be merged. Beyond the spec, a depth limit
/// through fragments keeps later stages' recursion bounded.
///
/// - Parameters:
///   - schema: The schema to check against.
///   - document: The parsed document.
///   - options: Limits.
/// - Returns: The errors found, in document order per rule; empty when the document is valid.
public func validate(
    schema: GraphQLSchema,
    document: DocumentNode,
    options: ValidationOptions = ValidationOptions()
) -> [GraphQLError] {
    let context = ValidationContext(schema: schema, document: document, options: options)
    FragmentGraphCheck(context: context).run()
    guard context.errors.isEmpty else {
        return context.errors
    }
    var walker = ValidationWalker(context: context, rules: makeSpecifiedRules())
    walker.run()
    return context.errors
}

/// A fresh instance of every rule the walker runs.
private func makeSpecifiedRules() -> [any ValidationRule] {
    [
        DocumentDefinitionsRule(), OperationRules(), TypeConditionRules(), FieldRules(), ArgumentRules(),
        DirectiveRules(), FragmentRules(), VariableRules(), ValuesOfCorrectTypeRule(), OverlappingFieldsRule(),
    ]
}

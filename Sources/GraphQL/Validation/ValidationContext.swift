/// Identifies an operation (by position) or a fragment (by name) of the document.
enum DefinitionKey: Hashable {
    case operation(Int)
    case fragment(String)
}

/// A place where a variable is used, with the type expected there.
struct VariableUsage {
    var name: String
    var location: SourceLocation
    /// The type expected at the position, or `nil` when unknown (such as under an unknown field).
    var expectedType: GraphQLTypeReference?
    /// Whether the position has a default (an argument or input field default) the variable may fall back to.
    var hasLocationDefault: Bool
}

/// What validation knows while it walks: the schema, the document, errors, and the type information
/// the walker keeps up to date.
final class ValidationContext {
    let schema: GraphQLSchema
    let document: DocumentNode
    let options: ValidationOptions
    let fragments: [String: FragmentDefinitionNode]
    private(set) var errors: [GraphQLError] = []
    private(set) var isAborted = false

    /// The composite type whose selection set is being walked, or `nil` when unknown.
    var parentType: GraphQLNamedType?
    /// The definition of the field being walked, or `nil` when unknown.
    var fieldDefinition: GraphQLField?
    /// The operation being walked, or `nil` inside a fragment definition.
    var operation: OperationDefinitionNode?
    /// The definition being walked.
    var definition: DefinitionKey = .operation(0)
    /// Variable usages found so far, per definition.
    var usages: [DefinitionKey: [VariableUsage]] = [:]
    /// Fragment spreads found so far, per definition.
    var spreads: [DefinitionKey: [FragmentSpreadNode]] = [:]

    init(schema: GraphQLSchema, document: DocumentNode, options: ValidationOptions) {
        self.schema = schema
        self.document = document
        self.options = options
        var fragments: [String: FragmentDefinitionNode] = [:]
        for fragment in document.fragments where fragments[fragment.name.value] == nil {
            fragments[fragment.name.value] = fragment
        }
        self.fragments = fragments
    }

    func report(_ message: String, _ locations: [SourceLocation]) {
        guard !isAborted else { return }
        guard errors.count < options.maxErrors else {
            errors.append(GraphQLError(message: "Too many validation errors, error limit reached. Validation aborted."))
            isAborted = true
            return
        }
        errors.append(GraphQLError(message: message, locations: locations))
    }

    /// The field called `name` on `parentType`, meta-fields included.
    func field(named name: String, on parentType: GraphQLNamedType) -> GraphQLField? {
        if let meta = Introspection.metaField(named: name, on: parentType.name, in: schema) {
            return parentType.isComposite ? meta : nil
        }
        return parentType.field(named: name)
    }

    /// The fragments reachable from `key` through spreads, each once, in discovery order.
    func reachableFragments(from key: DefinitionKey) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        var pending = spreads[key] ?? []
        while let spread = pending.popLast() {
            let name = spread.name.value
            guard fragments[name] != nil, seen.insert(name).inserted else { continue }
            found.append(name)
            pending += spreads[.fragment(name)] ?? []
        }
        return found
    }

    /// The variable usages of an operation, its reachable fragments included.
    func recursiveUsages(of key: DefinitionKey) -> [VariableUsage] {
        (usages[key] ?? []) + reachableFragments(from: key).flatMap { usages[.fragment($0)] ?? [] }
    }
}

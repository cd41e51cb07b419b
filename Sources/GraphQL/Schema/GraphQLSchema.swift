/// A validated schema: the root operation types, every named type, and the directives.
///
/// Types refer to each other by name (``GraphQLTypeReference``); building the schema checks
/// names, references, field and argument kinds, interface implementations, unions, enums,
/// `@oneOf` input objects and default values, and reports every problem at once. The five
/// built-in scalars, the introspection types and the specified directives are always present.
public final class GraphQLSchema: Sendable {
    /// The schema's description, if any.
    public let description: String?
    /// The query root type.
    public let queryType: GraphQLObjectType
    /// The mutation root type, if the schema supports mutations.
    public let mutationType: GraphQLObjectType?
    /// The subscription root type, if the schema supports subscriptions.
    public let subscriptionType: GraphQLObjectType?
    /// Every named type: the roots, the given types, the built-in scalars and the introspection types.
    public let types: [GraphQLNamedType]
    /// Every directive: the specified ones, then the given ones.
    public let directives: [GraphQLDirective]
    private let typeIndex: [String: Int]
    private let possibleTypeNames: [String: [String]]

    /// Builds and validates a schema.
    ///
    /// - Parameters:
    ///   - query: The query root type.
    ///   - mutation: The mutation root type.
    ///   - subscription: The subscription root type.
    ///   - types: Every other named type that fields, arguments or unions refer to.
    ///   - directives: Directives beyond the specified `@include`, `@skip`, `@deprecated`,
    ///     `@specifiedBy` and `@oneOf`.
    ///   - description: The schema's description.
    /// - Throws: ``GraphQLSchemaError`` listing every problem found.
    public init(
        query: GraphQLObjectType,
        mutation: GraphQLObjectType? = nil,
        subscription: GraphQLObjectType? = nil,
        types: [GraphQLNamedType] = [],
        directives: [GraphQLDirective] = [],
        description: String? = nil
    ) throws(GraphQLSchemaError) {
        var problems: [String] = []
        var collected: [GraphQLNamedType] = []
        var index: [String: Int] = [:]
        let roots = [query, mutation, subscription].compactMap { $0 }.map(GraphQLNamedType.object)
        let builtins = GraphQLScalarType.builtins.map(GraphQLNamedType.scalar)
        for type in roots + types + builtins + Introspection.types {
            if let existing = index[type.name] {
                if !collected[existing].isSameType(as: type) {
                    problems.append(
                        "Schema must contain uniquely named types but contains multiple types named \"\(type.name)\"."
                    )
                }
                continue
            }
            index[type.name] = collected.count
            collected.append(type)
        }

        self.description = description
        self.queryType = query
        self.mutationType = mutation
        self.subscriptionType = subscription
        self.types = collected
        self.directives = GraphQLDirective.specified + directives
        self.typeIndex = index
        self.possibleTypeNames = Self.possibleTypes(in: collected)

        problems += SchemaValidator(schema: self).problems()
        if !problems.isEmpty {
            throw GraphQLSchemaError(problems: problems)
        }
    }

    private static func possibleTypes(in types: [GraphQLNamedType]) -> [String: [String]] {
        var possible: [String: [String]] = [:]
        for type in types {
            switch type {
            case .object(let object):
                for interface in object.interfaces {
                    possible[interface, default: []].append(object.name)
                }
            case .union(let union):
                possible[union.name] = union.types
            default:
                break
            }
        }
        return possible
    }

    /// The named type called `name`, if there is one.
    public func type(named name: String) -> GraphQLNamedType? {
        typeIndex[name].map { types[$0] }
    }

    /// The object type called `name`, if there is one.
    public func objectType(named name: String) -> GraphQLObjectType? {
        if case .object(let object) = type(named: name) { return object }
        return nil
    }

    /// The directive called `name`, if there is one.
    public func directive(named name: String) -> GraphQLDirective? {
        directives.first { $0.name == name }
    }

    /// The root type for an operation kind, or `nil` when the schema does not support it.
    public func rootType(for operation: OperationType) -> GraphQLObjectType? {
        switch operation {
        case .query: return queryType
        case .mutation: return mutationType
        case .subscription: return subscriptionType
        }
    }

    /// The object types a value of the interface or union `abstractName` may be.
    public func possibleTypes(of abstractName: String) -> [GraphQLObjectType] {
        (possibleTypeNames[abstractName] ?? []).compactMap { objectType(named: $0) }
    }

    /// Whether an object of type `objectName` can be a value of the abstract type `abstractName`.
    public func isPossibleType(_ objectName: String, of abstractName: String) -> Bool {
        possibleTypeNames[abstractName]?.contains(objectName) ?? false
    }

    /// The object types two composite types can both be, as a fragment spread asks.
    func overlap(_ first: String, _ second: String) -> Bool {
        guard let a = type(named: first), let b = type(named: second) else { return false }
        let possibleA = a.isAbstract ? Set(possibleTypeNames[first] ?? []) : [first]
        let possibleB = b.isAbstract ? Set(possibleTypeNames[second] ?? []) : [second]
        return !possibleA.isDisjoint(with: possibleB)
    }

    /// Whether `subType` can be used where `superType` is expected (non-null and list
    /// wrappers respected; objects and interfaces are subtypes of the interfaces they implement,
    /// and objects of the unions that include them).
    public func isSubType(_ subType: GraphQLTypeReference, of superType: GraphQLTypeReference) -> Bool {
        switch (subType, superType) {
        case (.nonNull(let sub), .nonNull(let sup)): return isSubType(sub, of: sup)
        case (_, .nonNull): return false
        case (.nonNull(let sub), _): return isSubType(sub, of: superType)
        case (.list(let sub), .list(let sup)): return isSubType(sub, of: sup)
        case (.list, _), (_, .list): return false
        case (.named(let sub), .named(let sup)):
            if sub == sup { return true }
            if isPossibleType(sub, of: sup) { return true }
            if case .interface(let interface) = type(named: sub) {
                return interface.interfaces.contains(sup)
            }
            return false
        }
    }
}

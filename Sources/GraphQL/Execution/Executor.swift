/// A value completed so far, with the errors raised on the way.
///
/// `value` is `nil` when an error must make the nearest nullable parent null.
struct Completed: Sendable {
    var value: GraphQLValue?
    var errors: [GraphQLError] = []
}

/// Runs one operation: resolves fields and completes their values per the spec.
///
/// Concurrency: in parallel mode each field of an object, and each item of a list of composite
/// values, runs in its own child task; results are put back in selection order, so responses and
/// error lists do not depend on timing. Mutation root fields run serially.
struct Executor: Sendable {
    let schema: GraphQLSchema
    let operation: OperationDefinitionNode
    let fragments: [String: FragmentDefinitionNode]
    let variables: GraphQLObject
    let context: any Sendable

    var collector: FieldCollector {
        FieldCollector(schema: schema, fragments: fragments, variables: variables)
    }

    func executeRoot(_ rootType: GraphQLObjectType, rootValue: any Sendable) async -> Completed {
        let fields = collector.collect([operation.selectionSet], for: rootType)
        return await executeFields(
            fields,
            of: rootType,
            source: rootValue,
            path: [],
            serially: operation.operation == .mutation
        )
    }

    /// The spec's ExecuteSelectionSet over already collected fields.
    func executeFields(
        _ fields: FieldCollector.Grouped,
        of objectType: GraphQLObjectType,
        source: any Sendable,
        path: [GraphQLPathComponent],
        serially: Bool
    ) async -> Completed {
        var results: [Completed?]
        if serially || fields.count < 2 {
            results = []
            for field in fields {
                results.append(
                    await executeField(field.nodes, of: objectType, source: source, path: path + [.key(field.key)])
                )
            }
        } else {
            results = await withTaskGroup(of: (Int, Completed?).self) { group in
                for (position, field) in fields.enumerated() {
                    group.addTask {
                        let result = await executeField(
                            field.nodes,
                            of: objectType,
                            source: source,
                            path: path + [.key(field.key)]
                        )
                        return (position, result)
                    }
                }
                var ordered = [Completed?](repeating: nil, count: fields.count)
                for await (position, result) in group {
                    ordered[position] = result
                }
                return ordered
            }
        }
        var object = GraphQLObject()
        var errors: [GraphQLError] = []
        var propagates = false
        for (field, result) in zip(fields, results) {
            guard let result else { continue }
            errors += result.errors
            if let value = result.value {
                object[field.key] = value
            } else {
                propagates = true
            }
        }
        return Completed(value: propagates ? nil : .object(object), errors: errors)
    }

    /// The spec's ExecuteField; `nil` when the field does not exist on the type (validation prevents this).
    private func executeField(
        _ nodes: [FieldNode],
        of objectType: GraphQLObjectType,
        source: any Sendable,
        path: [GraphQLPathComponent]
    ) async -> Completed? {
        let node = nodes[0]
        let fieldName = node.name.value
        if fieldName == "__typename" {
            return Completed(value: .string(objectType.name))
        }
        guard
            let definition = Introspection.metaField(named: fieldName, on: objectType.name, in: schema)
                ?? objectType.field(named: fieldName)
        else { return nil }
        let info = GraphQLResolveInfo(
            fieldName: fieldName,
            fieldNodes: nodes,
            returnType: definition.type,
            parentType: objectType,
            path: path,
            schema: schema,
            operation: operation,
            fragments: fragments,
            variableValues: variables
        )
        let resolved: (any Sendable)?
        do {
            let arguments = try ValueCoercion(schema: schema).coerceArguments(
                definition.arguments,
                nodes: node.arguments,
                variables: variables,
                at: node.location
            )
            let resolve = definition.resolve ?? defaultFieldResolver
            resolved = try await resolve(source, arguments, context, info)
        } catch {
            return failure(error, type: definition.type, info: info)
        }
        return await completeValue(definition.type, resolved, info: info, path: path)
    }

    /// A field that failed: its error, and null or propagation depending on its type.
    func failure(
        _ error: any Error,
        type: GraphQLTypeReference,
        info: GraphQLResolveInfo,
        path: [GraphQLPathComponent]? = nil
    )
        -> Completed
    {
        var reported: GraphQLError
        switch error {
        case let error as GraphQLError: reported = error
        case let error as any GraphQLErrorConvertible: reported = error.graphQLError
        default: reported = GraphQLError(message: String(describing: error))
        }
        if reported.locations.isEmpty {
            reported.locations = info.fieldNodes.map(\.location)
        }
        reported.path = path ?? info.path
        return Completed(value: type.isNonNull ? nil : .null, errors: [reported])
    }
}

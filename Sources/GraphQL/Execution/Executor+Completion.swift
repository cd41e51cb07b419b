extension Executor {
    /// The spec's CompleteValue. A non-null position that ends up null yields `nil`, which the
    /// nearest nullable position turns into null.
    func completeValue(
        _ type: GraphQLTypeReference,
        _ result: (any Sendable)?,
        info: GraphQLResolveInfo,
        path: [GraphQLPathComponent]
    ) async -> Completed {
        if case .nonNull(let inner) = type {
            var completed = await completeNullable(inner, result, info: info, path: path)
            if completed.value == .null {
                let message = "Cannot return null for non-nullable field \(info.parentType.name).\(info.fieldName)."
                completed.errors.append(
                    GraphQLError(message: message, locations: info.fieldNodes.map(\.location), path: path)
                )
                completed.value = nil
            }
            return completed
        }
        var completed = await completeNullable(type, result, info: info, path: path)
        if completed.value == nil {
            completed.value = .null
        }
        return completed
    }

    /// Completes a value for a list or named type; `nil` in the result means "propagate null".
    private func completeNullable(
        _ type: GraphQLTypeReference,
        _ result: (any Sendable)?,
        info: GraphQLResolveInfo,
        path: [GraphQLPathComponent]
    ) async -> Completed {
        guard let result, !isNull(result) else {
            return Completed(value: .null)
        }
        switch type {
        case .list(let itemType):
            return await completeList(itemType, result, info: info, path: path)
        case .nonNull(let inner):
            return await completeValue(inner, result, info: info, path: path)
        case .named(let name):
            switch schema.type(named: name) {
            case .scalar(let scalar):
                return serialize(path: path, info: info) { try scalar.serialize(result) }
            case .enum(let enumType):
                return serialize(path: path, info: info) { try enumType.serialize(result) }
            case .object(let objectType):
                return await completeObject(objectType, result, info: info, path: path)
            case .interface, .union:
                return await completeAbstract(name, result, info: info, path: path)
            case .inputObject, nil:
                return fieldError("Field type \(name) is not an output type.", info: info, path: path)
            }
        }
    }

    private func serialize(
        path: [GraphQLPathComponent],
        info: GraphQLResolveInfo,
        _ body: () throws -> GraphQLValue
    ) -> Completed {
        do {
            return Completed(value: try body())
        } catch {
            return failure(error, type: .nonNull(info.returnType), info: info, path: path)
        }
    }

    private func fieldError(_ message: String, info: GraphQLResolveInfo, path: [GraphQLPathComponent]) -> Completed {
        failure(GraphQLError(message: message), type: .nonNull(info.returnType), info: info, path: path)
    }

    private func completeList(
        _ itemType: GraphQLTypeReference,
        _ result: any Sendable,
        info: GraphQLResolveInfo,
        path: [GraphQLPathComponent]
    ) async -> Completed {
        let items: [any Sendable]
        switch result {
        case let value as GraphQLValue:
            guard case .list(let list) = value else {
                return fieldError(notIterable(info), info: info, path: path)
            }
            items = list
        case let list as [any Sendable]:
            items = list
        default:
            return fieldError(notIterable(info), info: info, path: path)
        }
        let isComposite = schema.type(named: itemType.namedType)?.isComposite ?? false
        var results: [Completed]
        if isComposite, items.count > 1 {
            results = await withTaskGroup(of: (Int, Completed).self) { group in
                for (index, item) in items.enumerated() {
                    group.addTask {
                        (index, await completeValue(itemType, item, info: info, path: path + [.index(index)]))
                    }
                }
                var ordered = [Completed](repeating: Completed(value: .null), count: items.count)
                for await (index, completed) in group {
                    ordered[index] = completed
                }
                return ordered
            }
        } else {
            results = []
            for (index, item) in items.enumerated() {
                results.append(await completeValue(itemType, item, info: info, path: path + [.index(index)]))
            }
        }
        var values: [GraphQLValue] = []
        var errors: [GraphQLError] = []
        var propagates = false
        for completed in results {
            errors += completed.errors
            if let value = completed.value { values.append(value) } else { propagates = true }
        }
        return Completed(value: propagates ? nil : .list(values), errors: errors)
    }

    private func notIterable(_ info: GraphQLResolveInfo) -> String {
        "Expected Iterable, but did not find one for field \"\(info.parentType.name).\(info.fieldName)\"."
    }

    private func completeObject(
        _ objectType: GraphQLObjectType,
        _ result: any Sendable,
        info: GraphQLResolveInfo,
        path: [GraphQLPathComponent]
    ) async -> Completed {
        if let isTypeOf = objectType.isTypeOf {
            do {
                guard try await isTypeOf(result, context, info) else {
                    return fieldError(
                        "Expected value of type \"\(objectType.name)\" but got: \(String(describing: result)).",
                        info: info,
                        path: path
                    )
                }
            } catch {
                return failure(error, type: .nonNull(info.returnType), info: info, path: path)
            }
        }
        let subSelections = info.fieldNodes.compactMap(\.selectionSet)
        let fields = collector.collect(subSelections, for: objectType)
        return await executeFields(fields, of: objectType, source: result, path: path, serially: false)
    }

    private func completeAbstract(
        _ abstractName: String,
        _ result: any Sendable,
        info: GraphQLResolveInfo,
        path: [GraphQLPathComponent]
    ) async -> Completed {
        let typeName: String?
        do {
            typeName = try await resolveTypeName(abstractName, result, info: info)
        } catch {
            return failure(error, type: .nonNull(info.returnType), info: info, path: path)
        }
        guard let typeName else {
            return fieldError(
                "Abstract type \"\(abstractName)\" must resolve to an Object type at runtime for field "
                    + "\"\(info.parentType.name).\(info.fieldName)\". Either the \"\(abstractName)\" type should "
                    + "provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.",
                info: info,
                path: path
            )
        }
        guard let objectType = schema.objectType(named: typeName),
            schema.isPossibleType(typeName, of: abstractName)
        else {
            return fieldError(
                "Runtime Object type \"\(typeName)\" is not a possible type for \"\(abstractName)\".",
                info: info,
                path: path
            )
        }
        let subSelections = info.fieldNodes.compactMap(\.selectionSet)
        let fields = collector.collect(subSelections, for: objectType)
        return await executeFields(fields, of: objectType, source: result, path: path, serially: false)
    }

    /// Asks the abstract type's resolver, then each possible type's `isTypeOf`, then a `__typename` member.
    private func resolveTypeName(_ abstractName: String, _ result: any Sendable, info: GraphQLResolveInfo)
        async throws -> String?
    {
        switch schema.type(named: abstractName) {
        case .interface(let interface):
            if let resolveType = interface.resolveType { return try await resolveType(result, context, info) }
        case .union(let union):
            if let resolveType = union.resolveType { return try await resolveType(result, context, info) }
        default:
            return nil
        }
        for candidate in schema.possibleTypes(of: abstractName) {
            if let isTypeOf = candidate.isTypeOf, try await isTypeOf(result, context, info) {
                return candidate.name
            }
        }
        let typename = try await defaultFieldResolver(result, [:], context, info.renamed("__typename"))
        return typename.flatMap { GraphQLValue(resolved: $0)?.stringValue }
    }

    private func isNull(_ value: any Sendable) -> Bool {
        if let value = value as? GraphQLValue { return value.isNull }
        if let optional = value as? any OptionalValue { return optional.isNone }
        return false
    }
}

/// Lets the executor see through a `nil` wrapped in `any Sendable`.
private protocol OptionalValue {
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    fileprivate var isNone: Bool {
        switch self {
        case .none: return true
        case .some(let wrapped): return (wrapped as? any OptionalValue)?.isNone ?? false
        }
    }
}

extension GraphQLResolveInfo {
    /// The same facts for another field name, used to read `__typename` through the default resolver.
    func renamed(_ name: String) -> GraphQLResolveInfo {
        GraphQLResolveInfo(
            fieldName: name,
            fieldNodes: fieldNodes,
            returnType: returnType,
            parentType: parentType,
            path: path,
            schema: schema,
            operation: operation,
            fragments: fragments,
            variableValues: variableValues
        )
    }
}

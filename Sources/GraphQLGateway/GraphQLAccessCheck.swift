public import GraphQL
public import RPCCore

/// Checks a GraphQL request's caller before anything runs, with the same
/// ``RPCCore/RPCAccessControl`` the RPC dispatcher asks: the `Authorization: Bearer` header
/// must name a valid key, and every root field's RPC must be in its scopes.
///
/// Introspection fields (`__schema`, `__type`, `__typename`) and fields that call no RPC need a
/// valid key but no scope. Fields are collected through fragments whatever their `@skip` and
/// `@include` directives say, so a field that might run is checked. The RPC dispatcher still
/// checks each call; this check only answers early, with HTTP 401 or 403, executing nothing.
public struct GraphQLAccessCheck: Sendable {
    private let access: any RPCAccessControl
    private let methods: [OperationType: [String: RPCMethod]]
    private let parseLimits: ParseLimits

    /// Creates a check.
    ///
    /// - Parameters:
    ///   - access: Who may call what; the RPC dispatcher's own.
    ///   - operations: The schema's root fields and their RPCs, ``GatewaySchema/operations``.
    ///   - endpoint: The endpoint the requests run against, whose parse limits the check keeps.
    public init(access: any RPCAccessControl, operations: [GatewayOperation], endpoint: GraphQLEndpoint) {
        self.access = access
        var methods: [OperationType: [String: RPCMethod]] = [:]
        for operation in operations {
            if let type = operation.operationType, let field = operation.fieldName {
                methods[type, default: [:]][field] = operation.method
            }
        }
        self.methods = methods
        self.parseLimits = endpoint.parseLimits
    }

    /// The caller the metadata names.
    ///
    /// - Throws: ``RPCCore/RPCAccessRefusal`` when no valid key was sent.
    func caller(from metadata: RPCMetadata) throws(RPCAccessRefusal) -> RPCCaller {
        try access.caller(from: metadata)
    }

    /// Why `caller` may not run `request`, naming the first root field out of its scopes, or
    /// `nil` when it may (a document that does not parse is left to the endpoint to refuse).
    func refusal(of caller: RPCCaller, for request: GraphQLRequest) -> RPCAccessRefusal? {
        guard let document = try? parse(source: request.query, limits: parseLimits) else {
            return nil
        }
        let operations = document.operations
        let chosen =
            request.operationName == nil
            ? (operations.count == 1 ? operations.first : nil)
            : operations.first { $0.name?.value == request.operationName }
        guard let operation = chosen else {
            return nil
        }
        let fragments = Dictionary(document.fragments.map { ($0.name.value, $0) }) { first, _ in first }
        var fields: [String] = []
        var visited: Set<String> = []
        collect(operation.selectionSet, fragments, &fields, &visited)
        let table = methods[operation.operation] ?? [:]
        for field in fields {
            guard let method = table[field], !access.isOpen(method), !caller.mayCall(method) else {
                continue
            }
            return RPCAccessRefusal(
                code: .permissionDenied,
                keyID: caller.keyID,
                message: "the field \(field) calls \(method.service)/\(method.name), which key "
                    + "\(caller.keyID ?? "(none)") may not call"
            )
        }
        return nil
    }

    private func collect(
        _ selectionSet: SelectionSetNode,
        _ fragments: [String: FragmentDefinitionNode],
        _ fields: inout [String],
        _ visited: inout Set<String>
    ) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                fields.append(field.name.value)
            case .inlineFragment(let fragment):
                collect(fragment.selectionSet, fragments, &fields, &visited)
            case .fragmentSpread(let spread):
                guard visited.insert(spread.name.value).inserted, let fragment = fragments[spread.name.value] else {
                    continue
                }
                collect(fragment.selectionSet, fragments, &fields, &visited)
            }
        }
    }
}

/// Overlapping fields can be merged: fields with the same response key must be the same field with
/// the same arguments (unless their parents are different object types) and return compatible types.
///
/// This is a simpler version of the spec's algorithm: each selection set's fields are collected
/// through fragments and compared in pairs, sub-selections recursively. Pairs of selection sets
/// already compared are remembered. A budget (``ValidationOptions/maxFieldComparisons``) bounds
/// the whole check's work on hostile documents: every field pair looked at and every field
/// gathered for a comparison spends one unit, and the check stops the moment the budget is spent
/// (or validation is aborted at its error limit), refusing the document with one error.
final class OverlappingFieldsRule: ValidationRule {
    private struct Entry {
        var parentType: GraphQLNamedType?
        var node: FieldNode
        var definition: GraphQLField?
    }

    private indirect enum Reason {
        case message(String)
        case subfields([(String, Reason)])

        var text: String {
            switch self {
            case .message(let text): return text
            case .subfields(let reasons):
                return reasons.map { "subfields \"\($0.0)\" conflict because \($0.1.text)" }.joined(separator: " and ")
            }
        }
    }

    private struct Conflict {
        var reason: Reason
        var locations: [SourceLocation]
    }

    private struct PairKey: Hashable {
        var first: SourceLocation
        var second: SourceLocation
        var exclusive: Bool
    }

    private var compared: Set<PairKey> = []
    private var reported: Set<[SourceLocation]> = []
    /// The distinct sets of arguments seen, each as its sorted names and printed values, and its number.
    private var argumentSetIDs: [[String]: Int] = [:]
    /// The number of each compared field's set of arguments, by the field's location.
    private var argumentSetIDsByField: [SourceLocation: Int] = [:]
    /// The units of work spent so far: field pairs looked at plus fields gathered.
    private(set) var work = 0
    private var isExhausted = false

    func enterSelectionSet(_ selectionSet: SelectionSetNode, _ context: ValidationContext) {
        guard !shouldStop(context) else { return }
        let fields = collect(selectionSet, parentType: context.parentType, context)
        for (responseKey, entries) in fields where entries.count > 1 {
            for first in entries.indices {
                for second in entries.indices where second > first {
                    guard spend(at: entries[first].node.location, context) else { return }
                    guard let conflict = findConflict(entries[first], entries[second], exclusive: false, context) else {
                        continue
                    }
                    report(responseKey, conflict, context)
                }
            }
        }
    }

    /// Whether the check must do no more work: its budget is spent or validation was aborted.
    private func shouldStop(_ context: ValidationContext) -> Bool {
        isExhausted || context.isAborted
    }

    /// Spends one unit of the budget; `false`, after reporting the refusal once, when the budget
    /// is spent or validation was aborted, and the caller must stop at once.
    private func spend(at location: SourceLocation, _ context: ValidationContext) -> Bool {
        guard !shouldStop(context) else { return false }
        work += 1
        guard work > context.options.maxFieldComparisons else { return true }
        isExhausted = true
        context.report(
            "Document is too complex to check for conflicting fields: it needs more than the limit of "
                + "\(context.options.maxFieldComparisons) field comparisons. Send each field once per selection "
                + "set, or give repeated fields distinct aliases.",
            [location]
        )
        return false
    }

    private func report(_ responseKey: String, _ conflict: Conflict, _ context: ValidationContext) {
        guard reported.insert(conflict.locations).inserted else { return }
        context.report(
            "Fields \"\(responseKey)\" conflict because \(conflict.reason.text). Use different aliases on the fields "
                + "to fetch both if this was intentional.",
            conflict.locations
        )
    }

    /// The fields of a selection set by response key, in first-seen order, through fragments.
    private func collect(
        _ selectionSet: SelectionSetNode,
        parentType: GraphQLNamedType?,
        _ context: ValidationContext
    ) -> [(String, [Entry])] {
        var order: [String] = []
        var byKey: [String: [Entry]] = [:]
        var visited: Set<String> = []
        var pending: [(SelectionSetNode, GraphQLNamedType?)] = [(selectionSet, parentType)]
        var next = 0
        while next < pending.count {
            let (set, type) = pending[next]
            next += 1
            for selection in set.selections {
                switch selection {
                case .field(let field):
                    guard spend(at: field.location, context) else { return [] }
                    let definition = type.flatMap { context.field(named: field.name.value, on: $0) }
                    if byKey[field.responseKey] == nil { order.append(field.responseKey) }
                    byKey[field.responseKey, default: []].append(
                        Entry(parentType: type, node: field, definition: definition)
                    )
                case .inlineFragment(let fragment):
                    let conditionType = fragment.typeCondition.map { context.schema.type(named: $0.value) } ?? type
                    pending.append((fragment.selectionSet, conditionType))
                case .fragmentSpread(let spread):
                    guard visited.insert(spread.name.value).inserted,
                        let fragment = context.fragments[spread.name.value]
                    else { continue }
                    pending.append((fragment.selectionSet, context.schema.type(named: fragment.typeCondition.value)))
                }
            }
        }
        return order.map { ($0, byKey[$0]!) }
    }

    private func findConflict(_ first: Entry, _ second: Entry, exclusive: Bool, _ context: ValidationContext)
        -> Conflict?
    {
        guard first.node.location != second.node.location else { return nil }
        let locations = [first.node.location, second.node.location]
        var isExclusive = exclusive
        if let a = first.parentType, let b = second.parentType, a.name != b.name,
            case .object = a, case .object = b
        {
            isExclusive = true
        }
        if !isExclusive {
            let name1 = first.node.name.value
            let name2 = second.node.name.value
            if name1 != name2 {
                return Conflict(
                    reason: .message("\"\(name1)\" and \"\(name2)\" are different fields"),
                    locations: locations
                )
            }
            if !sameArguments(first.node, second.node) {
                return Conflict(reason: .message("they have differing arguments"), locations: locations)
            }
        }
        let type1 = first.definition?.type
        let type2 = second.definition?.type
        if let type1, let type2, typesConflict(type1, type2, context) {
            return Conflict(
                reason: .message("they return conflicting types \"\(type1)\" and \"\(type2)\""),
                locations: locations
            )
        }
        guard let set1 = first.node.selectionSet, let set2 = second.node.selectionSet else { return nil }
        let key = PairKey(first: set1.location, second: set2.location, exclusive: isExclusive)
        guard compared.insert(key).inserted else { return nil }
        let fields1 = collect(set1, parentType: type1.flatMap { context.schema.type(named: $0.namedType) }, context)
        let fields2 = Dictionary(
            collect(set2, parentType: type2.flatMap { context.schema.type(named: $0.namedType) }, context),
            uniquingKeysWith: { a, _ in a }
        )
        var reasons: [(String, Reason)] = []
        var allLocations = locations
        for (responseKey, entries1) in fields1 {
            guard let entries2 = fields2[responseKey] else { continue }
            for a in entries1 {
                for b in entries2 {
                    guard spend(at: a.node.location, context) else { return nil }
                    if let conflict = findConflict(a, b, exclusive: isExclusive, context) {
                        reasons.append((responseKey, conflict.reason))
                        allLocations += conflict.locations
                    }
                }
            }
        }
        return reasons.isEmpty ? nil : Conflict(reason: .subfields(reasons), locations: allLocations)
    }

    /// Whether two fields have the same arguments (names and printed values, in any order).
    private func sameArguments(_ first: FieldNode, _ second: FieldNode) -> Bool {
        argumentSetID(of: first) == argumentSetID(of: second)
    }

    /// A number for the field's set of arguments, the same for every field with the same set.
    /// Each field's arguments are printed once, however many pairs it is in, so a pair costs the
    /// same whatever the size of its arguments.
    private func argumentSetID(of field: FieldNode) -> Int {
        if let known = argumentSetIDsByField[field.location] {
            return known
        }
        let printed = field.arguments.map { [$0.name.value, $0.value.printed] }
            .sorted { $0.lexicographicallyPrecedes($1) }
            .flatMap { $0 }
        let id = argumentSetIDs[printed] ?? argumentSetIDs.count
        argumentSetIDs[printed] = id
        argumentSetIDsByField[field.location] = id
        return id
    }

    private func typesConflict(
        _ first: GraphQLTypeReference,
        _ second: GraphQLTypeReference,
        _ context: ValidationContext
    ) -> Bool {
        switch (first, second) {
        case (.list(let a), .list(let b)), (.nonNull(let a), .nonNull(let b)):
            return typesConflict(a, b, context)
        case (.list, _), (_, .list), (.nonNull, _), (_, .nonNull):
            return true
        case (.named(let a), .named(let b)):
            let isLeaf =
                (context.schema.type(named: a)?.isLeaf ?? false) || (context.schema.type(named: b)?.isLeaf ?? false)
            return isLeaf && a != b
        }
    }
}

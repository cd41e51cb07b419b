/// Runs before the other rules: reports fragment cycles (the spec's NoFragmentCycles rule) and
/// operations nested deeper than ``ValidationOptions/maxDepth`` through fragments.
///
/// Everything here is iterative, so no document can exhaust the stack; once this check passes,
/// every later traversal that follows fragments is bounded by the depth limit.
struct FragmentGraphCheck {
    let context: ValidationContext

    /// A selection set's spreads, and the deepest nesting inside it, both relative to the set.
    private struct Shape {
        var spreads: [(spread: FragmentSpreadNode, depth: Int)] = []
        var depth = 1
    }

    func run() {
        var shapes: [String: Shape] = [:]
        for fragment in context.document.fragments where shapes[fragment.name.value] == nil {
            shapes[fragment.name.value] = shape(of: fragment.selectionSet)
        }
        reportCycles(shapes)
        guard context.errors.isEmpty else { return }
        reportDepth(shapes)
    }

    private func shape(of root: SelectionSetNode) -> Shape {
        var result = Shape()
        var pending = [(root, 1)]
        while let (selectionSet, depth) = pending.popLast() {
            result.depth = max(result.depth, depth)
            for selection in selectionSet.selections {
                switch selection {
                case .field(let field):
                    if let inner = field.selectionSet { pending.append((inner, depth + 1)) }
                case .inlineFragment(let fragment):
                    pending.append((fragment.selectionSet, depth + 1))
                case .fragmentSpread(let spread):
                    result.spreads.append((spread, depth + 1))
                }
            }
        }
        return result
    }

    private func reportCycles(_ shapes: [String: Shape]) {
        var visited: Set<String> = []
        var pathIndex: [String: Int] = [:]
        var spreadPath: [FragmentSpreadNode] = []
        for fragment in context.document.fragments where !visited.contains(fragment.name.value) {
            let name = fragment.name.value
            visited.insert(name)
            pathIndex[name] = 0
            var stack: [(name: String, next: Int)] = [(name, 0)]
            while let frame = stack.last {
                let spreads = shapes[frame.name]?.spreads ?? []
                guard frame.next < spreads.count else {
                    pathIndex[frame.name] = nil
                    stack.removeLast()
                    if !stack.isEmpty { spreadPath.removeLast() }
                    continue
                }
                stack[stack.count - 1].next += 1
                let spread = spreads[frame.next].spread
                let target = spread.name.value
                if let start = pathIndex[target] {
                    let cycle = Array(spreadPath[start...]) + [spread]
                    let via = cycle.dropLast().map { "\"\($0.name.value)\"" }.joined(separator: ", ")
                    context.report(
                        "Cannot spread fragment \"\(target)\" within itself" + (via.isEmpty ? "." : " via \(via)."),
                        cycle.map(\.location)
                    )
                    continue
                }
                guard shapes[target] != nil, visited.insert(target).inserted else { continue }
                spreadPath.append(spread)
                pathIndex[target] = spreadPath.count
                stack.append((target, 0))
            }
        }
    }

    private func reportDepth(_ shapes: [String: Shape]) {
        var depths: [String: Int] = [:]
        for operation in context.document.operations {
            let depth = totalDepth(of: shape(of: operation.selectionSet), shapes: shapes, memo: &depths)
            if depth > context.options.maxDepth {
                let name = operation.name.map { "Operation \"\($0.value)\"" } ?? "The anonymous operation"
                context.report(
                    "\(name) is nested \(depth) levels deep, more than the limit of \(context.options.maxDepth).",
                    [operation.location]
                )
            }
        }
    }

    /// The depth of a shape with its spreads' fragments expanded, computed without recursion.
    private func totalDepth(of root: Shape, shapes: [String: Shape], memo: inout [String: Int]) -> Int {
        var pending: [String] = root.spreads.map(\.spread.name.value)
        while let name = pending.last {
            guard memo[name] == nil, let shape = shapes[name] else {
                pending.removeLast()
                continue
            }
            let unresolved = shape.spreads.map(\.spread.name.value).filter { memo[$0] == nil && shapes[$0] != nil }
            if unresolved.isEmpty {
                memo[name] = expandedDepth(of: shape, memo: memo)
                pending.removeLast()
            } else {
                pending += unresolved
            }
        }
        return expandedDepth(of: root, memo: memo)
    }

    private func expandedDepth(of shape: Shape, memo: [String: Int]) -> Int {
        shape.spreads.reduce(shape.depth) { deepest, entry in
            max(deepest, entry.depth - 1 + (memo[entry.spread.name.value] ?? 0))
        }
    }
}

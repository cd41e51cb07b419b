extension Parser {
    mutating func parseSelectionSet() throws(GraphQLError) -> SelectionSetNode {
        let start = token.location
        _ = try expect(.braceLeft)
        try enterNesting()
        var selections: [SelectionNode] = []
        repeat {
            selections.append(try parseSelection())
        } while !(try skip(.braceRight))
        leaveNesting()
        return SelectionSetNode(selections: selections, location: start)
    }

    private mutating func parseSelection() throws(GraphQLError) -> SelectionNode {
        peek(.spread) ? try parseFragment() : .field(try parseField())
    }

    private mutating func parseField() throws(GraphQLError) -> FieldNode {
        let start = token.location
        let nameOrAlias = try parseName()
        var alias: NameNode?
        var name = nameOrAlias
        if try skip(.colon) {
            alias = nameOrAlias
            name = try parseName()
        }
        try countField(isAliased: alias != nil, at: start)
        let arguments = try parseArguments(isConstant: false)
        let directives = try parseDirectives(isConstant: false)
        let selectionSet = peek(.braceLeft) ? try parseSelectionSet() : nil
        return FieldNode(
            alias: alias,
            name: name,
            arguments: arguments,
            directives: directives,
            selectionSet: selectionSet,
            location: start
        )
    }

    private mutating func parseFragment() throws(GraphQLError) -> SelectionNode {
        let start = token.location
        _ = try expect(.spread)
        let hasTypeCondition = peekKeyword("on")
        if !hasTypeCondition, peek(.name) {
            let name = try parseName()
            let directives = try parseDirectives(isConstant: false)
            return .fragmentSpread(FragmentSpreadNode(name: name, directives: directives, location: start))
        }
        var typeCondition: NameNode?
        if hasTypeCondition {
            try advance()
            typeCondition = try parseName()
        }
        let directives = try parseDirectives(isConstant: false)
        let selectionSet = try parseSelectionSet()
        return .inlineFragment(
            InlineFragmentNode(
                typeCondition: typeCondition,
                directives: directives,
                selectionSet: selectionSet,
                location: start
            )
        )
    }

    mutating func parseArguments(isConstant: Bool) throws(GraphQLError) -> [ArgumentNode] {
        guard try skip(.parenLeft) else { return [] }
        var arguments: [ArgumentNode] = []
        repeat {
            let start = token.location
            let name = try parseName()
            _ = try expect(.colon)
            let value = try parseValue(isConstant: isConstant)
            arguments.append(ArgumentNode(name: name, value: value, location: start))
        } while !(try skip(.parenRight))
        return arguments
    }

    mutating func parseDirectives(isConstant: Bool) throws(GraphQLError) -> [DirectiveNode] {
        var directives: [DirectiveNode] = []
        while peek(.at) {
            let start = token.location
            try advance()
            let name = try parseName()
            let arguments = try parseArguments(isConstant: isConstant)
            directives.append(DirectiveNode(name: name, arguments: arguments, location: start))
        }
        return directives
    }

    private mutating func countField(isAliased: Bool, at location: SourceLocation) throws(GraphQLError) {
        fieldCount += 1
        guard fieldCount <= limits.maxFields else {
            throw GraphQLError(
                message: "Document contains more than \(limits.maxFields) fields.",
                locations: [location]
            )
        }
        guard isAliased else { return }
        aliasCount += 1
        guard aliasCount <= limits.maxAliases else {
            throw GraphQLError(
                message: "Document contains more than \(limits.maxAliases) aliases.",
                locations: [location]
            )
        }
    }
}

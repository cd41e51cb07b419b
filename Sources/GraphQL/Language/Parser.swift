/// Parses a GraphQL executable document.
///
/// - Parameters:
///   - source: The document text.
///   - limits: Size, token, depth, field and alias limits.
/// - Returns: The document's syntax tree.
/// - Throws: ``GraphQLError`` with a `Syntax Error: …` message and location, or a limit error.
public func parse(source: String, limits: ParseLimits = ParseLimits()) throws(GraphQLError) -> DocumentNode {
    guard source.utf8.count <= limits.maxBytes else {
        throw GraphQLError(message: "Document is larger than the limit of \(limits.maxBytes) bytes.")
    }
    var parser = try Parser(source: source, limits: limits)
    return try parser.parseDocument()
}

/// A recursive-descent parser whose recursion depth is bounded by ``ParseLimits/maxDepth``.
struct Parser {
    var lexer: Lexer
    var token: Token
    let limits: ParseLimits
    private var tokenCount = 0
    private var depth = 0
    var fieldCount = 0
    var aliasCount = 0

    init(source: String, limits: ParseLimits) throws(GraphQLError) {
        lexer = Lexer(source: source)
        self.limits = limits
        token = try lexer.next()
    }

    mutating func parseDocument() throws(GraphQLError) -> DocumentNode {
        let start = token.location
        var definitions: [DefinitionNode] = []
        repeat {
            definitions.append(try parseDefinition())
        } while token.kind != .endOfFile
        return DocumentNode(definitions: definitions, location: start)
    }

    // MARK: Tokens

    mutating func advance() throws(GraphQLError) {
        tokenCount += 1
        guard tokenCount <= limits.maxTokens else {
            throw GraphQLError(
                message: "Document contains more than \(limits.maxTokens) tokens. Parsing aborted.",
                locations: [token.location]
            )
        }
        token = try lexer.next()
    }

    func peek(_ kind: Token.Kind) -> Bool {
        token.kind == kind
    }

    func peekKeyword(_ keyword: String) -> Bool {
        token.kind == .name && token.value == keyword
    }

    /// Consumes a token of `kind` if it is next, and says whether it did.
    mutating func skip(_ kind: Token.Kind) throws(GraphQLError) -> Bool {
        guard token.kind == kind else { return false }
        try advance()
        return true
    }

    mutating func expect(_ kind: Token.Kind) throws(GraphQLError) -> Token {
        guard token.kind == kind else {
            throw syntaxError("Expected \(kind.quoted), found \(token.summary).", at: token.location)
        }
        let current = token
        try advance()
        return current
    }

    mutating func expectKeyword(_ keyword: String) throws(GraphQLError) {
        guard peekKeyword(keyword) else {
            throw syntaxError("Expected \"\(keyword)\", found \(token.summary).", at: token.location)
        }
        try advance()
    }

    func unexpected() -> GraphQLError {
        syntaxError("Unexpected \(token.summary).", at: token.location)
    }

    func syntaxError(_ message: String, at location: SourceLocation) -> GraphQLError {
        GraphQLError(message: "Syntax Error: " + message, locations: [location])
    }

    mutating func parseName() throws(GraphQLError) -> NameNode {
        let name = try expect(.name)
        return NameNode(value: name.value, location: name.location)
    }

    /// Enters one nesting level, failing past ``ParseLimits/maxDepth``; pair with ``leaveNesting()``.
    mutating func enterNesting() throws(GraphQLError) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw GraphQLError(
                message: "Document nesting is deeper than the limit of \(limits.maxDepth).",
                locations: [token.location]
            )
        }
    }

    mutating func leaveNesting() {
        depth -= 1
    }

    // MARK: Definitions

    private static let operationKeywords: Set<String> = ["query", "mutation", "subscription"]
    private static let typeSystemKeywords: Set<String> = [
        "schema", "scalar", "type", "interface", "union", "enum", "input", "directive", "extend",
    ]

    private mutating func parseDefinition() throws(GraphQLError) -> DefinitionNode {
        if peek(.braceLeft) {
            return .operation(try parseOperationDefinition())
        }
        if peek(.name) {
            if Self.operationKeywords.contains(token.value) {
                return .operation(try parseOperationDefinition())
            }
            if token.value == "fragment" {
                return .fragment(try parseFragmentDefinition())
            }
            if Self.typeSystemKeywords.contains(token.value) {
                return .typeSystem(try skipTypeSystemDefinition())
            }
        }
        if peek(.string) || peek(.blockString) {
            var lookahead = lexer
            if let next = try? lookahead.next(), next.kind == .name, Self.typeSystemKeywords.contains(next.value) {
                return .typeSystem(try skipTypeSystemDefinition())
            }
        }
        throw unexpected()
    }

    private mutating func parseOperationDefinition() throws(GraphQLError) -> OperationDefinitionNode {
        let start = token.location
        if peek(.braceLeft) {
            let selectionSet = try parseSelectionSet()
            return OperationDefinitionNode(
                operation: .query,
                name: nil,
                variableDefinitions: [],
                directives: [],
                selectionSet: selectionSet,
                location: start
            )
        }
        guard let operation = OperationType(rawValue: token.value) else {
            throw unexpected()
        }
        try advance()
        let name = peek(.name) ? try parseName() : nil
        let variables = try parseVariableDefinitions()
        let directives = try parseDirectives(isConstant: false)
        let selectionSet = try parseSelectionSet()
        return OperationDefinitionNode(
            operation: operation,
            name: name,
            variableDefinitions: variables,
            directives: directives,
            selectionSet: selectionSet,
            location: start
        )
    }

    private mutating func parseVariableDefinitions() throws(GraphQLError) -> [VariableDefinitionNode] {
        guard try skip(.parenLeft) else { return [] }
        var definitions: [VariableDefinitionNode] = []
        repeat {
            let start = token.location
            _ = try expect(.dollar)
            let variable = try parseName()
            _ = try expect(.colon)
            let type = try parseType()
            let defaultValue = try skip(.equals) ? try parseValue(isConstant: true) : nil
            let directives = try parseDirectives(isConstant: true)
            definitions.append(
                VariableDefinitionNode(
                    variable: variable,
                    type: type,
                    defaultValue: defaultValue,
                    directives: directives,
                    location: start
                )
            )
        } while !(try skip(.parenRight))
        return definitions
    }

    private mutating func parseType() throws(GraphQLError) -> TypeNode {
        let start = token.location
        var type: TypeNode
        if try skip(.bracketLeft) {
            try enterNesting()
            let inner = try parseType()
            _ = try expect(.bracketRight)
            leaveNesting()
            type = .list(inner, location: start)
        } else {
            type = .named(try parseName())
        }
        if try skip(.bang) {
            type = .nonNull(type)
        }
        return type
    }

    private mutating func parseFragmentDefinition() throws(GraphQLError) -> FragmentDefinitionNode {
        let start = token.location
        try expectKeyword("fragment")
        let name = try parseFragmentName()
        try expectKeyword("on")
        let typeCondition = try parseName()
        let directives = try parseDirectives(isConstant: false)
        let selectionSet = try parseSelectionSet()
        return FragmentDefinitionNode(
            name: name,
            typeCondition: typeCondition,
            directives: directives,
            selectionSet: selectionSet,
            location: start
        )
    }

    private mutating func parseFragmentName() throws(GraphQLError) -> NameNode {
        if peekKeyword("on") {
            throw unexpected()
        }
        return try parseName()
    }

    /// Records a type system definition and skips its tokens up to where the next definition starts.
    private mutating func skipTypeSystemDefinition() throws(GraphQLError) -> TypeSystemDefinitionNode {
        let start = token.location
        if peek(.string) || peek(.blockString) {
            try advance()
        }
        let keyword = token.value
        try advance()
        var bodyKeyword = keyword
        if keyword == "extend", peek(.name) {
            bodyKeyword = token.value
            try advance()
        }
        _ = try skip(.at)
        let name = keyword != "schema" && peek(.name) ? token.value : nil
        let hasBody = ["schema", "type", "interface", "enum", "input"].contains(bodyKeyword)
        var nesting = 0
        while !peek(.endOfFile) {
            if nesting == 0 {
                if peek(.name),
                    Self.typeSystemKeywords.contains(token.value) || token.value == "fragment"
                        || Self.operationKeywords.contains(token.value)
                {
                    break
                }
                if peek(.string) || peek(.blockString) || (peek(.braceLeft) && !hasBody) {
                    break
                }
            }
            switch token.kind {
            case .braceLeft, .parenLeft, .bracketLeft:
                nesting += 1
            case .braceRight, .parenRight, .bracketRight:
                guard nesting > 0 else { throw unexpected() }
                nesting -= 1
                if nesting == 0, token.kind == .braceRight {
                    try advance()
                    return TypeSystemDefinitionNode(keyword: keyword, name: name, location: start)
                }
            default:
                break
            }
            try advance()
        }
        return TypeSystemDefinitionNode(keyword: keyword, name: name, location: start)
    }
}

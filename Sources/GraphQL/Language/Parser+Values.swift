extension Parser {
    /// Parses a value; in a constant context (default values, variable directives) variables are errors.
    mutating func parseValue(isConstant: Bool) throws(GraphQLError) -> ValueNode {
        let start = token.location
        let current = token
        switch token.kind {
        case .bracketLeft:
            return try parseList(isConstant: isConstant)
        case .braceLeft:
            return try parseObject(isConstant: isConstant)
        case .int:
            try advance()
            return ValueNode(kind: .int(current.value), location: start)
        case .float:
            try advance()
            return ValueNode(kind: .float(current.value), location: start)
        case .string, .blockString:
            try advance()
            return ValueNode(kind: .string(current.value, isBlock: current.kind == .blockString), location: start)
        case .name:
            try advance()
            switch current.value {
            case "true": return ValueNode(kind: .boolean(true), location: start)
            case "false": return ValueNode(kind: .boolean(false), location: start)
            case "null": return ValueNode(kind: .null, location: start)
            default: return ValueNode(kind: .enumValue(current.value), location: start)
            }
        case .dollar:
            try advance()
            let name = try parseName()
            if isConstant {
                throw syntaxError("Unexpected variable \"$\(name.value)\" in constant value.", at: start)
            }
            return ValueNode(kind: .variable(name.value), location: start)
        default:
            throw unexpected()
        }
    }

    private mutating func parseList(isConstant: Bool) throws(GraphQLError) -> ValueNode {
        let start = token.location
        try advance()
        try enterNesting()
        var items: [ValueNode] = []
        while !(try skip(.bracketRight)) {
            items.append(try parseValue(isConstant: isConstant))
        }
        leaveNesting()
        return ValueNode(kind: .list(items), location: start)
    }

    private mutating func parseObject(isConstant: Bool) throws(GraphQLError) -> ValueNode {
        let start = token.location
        try advance()
        try enterNesting()
        var fields: [ObjectFieldNode] = []
        while !(try skip(.braceRight)) {
            let name = try parseName()
            _ = try expect(.colon)
            fields.append(ObjectFieldNode(name: name, value: try parseValue(isConstant: isConstant)))
        }
        leaveNesting()
        return ValueNode(kind: .object(fields), location: start)
    }
}

extension GraphQLSchema {
    /// The schema in the GraphQL schema definition language, for documentation.
    ///
    /// Built-in scalars, introspection types and the specified directives are left out; the
    /// `schema { … }` block appears only when a root type has a non-default name or the schema
    /// has a description.
    ///
    /// - Returns: The SDL text, definitions separated by blank lines.
    public func printSchema() -> String {
        SchemaPrinter(schema: self).print()
    }
}

/// Writes a schema as SDL.
private struct SchemaPrinter {
    let schema: GraphQLSchema

    func print() -> String {
        var blocks: [String] = []
        if let definition = schemaDefinition() {
            blocks.append(definition)
        }
        let builtinNames = Set(GraphQLScalarType.builtins.map(\.name))
        for type in schema.types where !type.name.hasPrefix("__") && !builtinNames.contains(type.name) {
            blocks.append(printType(type))
        }
        let specified = Set(GraphQLDirective.specified.map(\.name))
        for directive in schema.directives where !specified.contains(directive.name) {
            blocks.append(printDirective(directive))
        }
        return blocks.joined(separator: "\n\n")
    }

    private func schemaDefinition() -> String? {
        let roots = [
            ("query", schema.queryType.name, "Query"),
            ("mutation", schema.mutationType?.name, "Mutation"),
            ("subscription", schema.subscriptionType?.name, "Subscription"),
        ]
        let isConventional = roots.allSatisfy { $0.1 == nil || $0.1 == $0.2 }
        guard !isConventional || schema.description != nil else { return nil }
        let members = roots.compactMap { root in root.1.map { "  \(root.0): \($0)" } }
        return description(schema.description, indent: "") + "schema {\n" + members.joined(separator: "\n") + "\n}"
    }

    private func printType(_ type: GraphQLNamedType) -> String {
        let head = description(type.description, indent: "")
        switch type {
        case .scalar(let scalar):
            let specifiedBy = scalar.specifiedByURL.map {
                " @specifiedBy(url: \(GraphQLValue.string($0).jsonString()))"
            }
            return head + "scalar \(scalar.name)" + (specifiedBy ?? "")
        case .object(let object):
            return head + "type \(object.name)" + implements(object.interfaces) + fields(object.fields)
        case .interface(let interface):
            return head + "interface \(interface.name)" + implements(interface.interfaces) + fields(interface.fields)
        case .union(let union):
            return head + "union \(union.name) = " + union.types.joined(separator: " | ")
        case .enum(let enumType):
            let values = enumType.values.enumerated().map { index, value in
                description(value.description, indent: "  ", isFirst: index == 0) + "  " + value.name
                    + deprecated(value.deprecationReason)
            }
            return head + "enum \(enumType.name) {\n" + values.joined(separator: "\n") + "\n}"
        case .inputObject(let input):
            let fields = input.fields.enumerated().map { index, field in
                description(field.description, indent: "  ", isFirst: index == 0) + "  " + inputValue(field)
            }
            let oneOf = input.isOneOf ? " @oneOf" : ""
            return head + "input \(input.name)\(oneOf) {\n" + fields.joined(separator: "\n") + "\n}"
        }
    }

    private func implements(_ interfaces: [String]) -> String {
        interfaces.isEmpty ? "" : " implements " + interfaces.joined(separator: " & ")
    }

    private func fields(_ fields: [GraphQLField]) -> String {
        let lines = fields.enumerated().map { index, field in
            description(field.description, indent: "  ", isFirst: index == 0) + "  " + field.name
                + arguments(field.arguments, indent: "  ") + ": \(field.type)" + deprecated(field.deprecationReason)
        }
        return " {\n" + lines.joined(separator: "\n") + "\n}"
    }

    private func arguments(_ arguments: [GraphQLArgument], indent: String) -> String {
        guard !arguments.isEmpty else { return "" }
        if arguments.allSatisfy({ $0.description == nil }) {
            return "(" + arguments.map(inputValue).joined(separator: ", ") + ")"
        }
        let lines = arguments.enumerated().map { index, argument in
            description(argument.description, indent: indent + "  ", isFirst: index == 0) + indent + "  "
                + inputValue(argument)
        }
        return "(\n" + lines.joined(separator: "\n") + "\n" + indent + ")"
    }

    private func inputValue(_ value: GraphQLInputValue) -> String {
        let defaultValue = value.defaultValue.map { " = " + LiteralPrinter(schema: schema).print($0, as: value.type) }
        return "\(value.name): \(value.type)" + (defaultValue ?? "") + deprecated(value.deprecationReason)
    }

    private func deprecated(_ reason: String?) -> String {
        guard let reason else { return "" }
        if reason == "No longer supported" { return " @deprecated" }
        return " @deprecated(reason: \(GraphQLValue.string(reason).jsonString()))"
    }

    private func printDirective(_ directive: GraphQLDirective) -> String {
        description(directive.description, indent: "") + "directive @\(directive.name)"
            + arguments(directive.arguments, indent: "") + (directive.isRepeatable ? " repeatable" : "") + " on "
            + directive.locations.map(\.rawValue).joined(separator: " | ")
    }

    /// A description as a block string on its own lines, or nothing when there is none.
    private func description(_ text: String?, indent: String, isFirst: Bool = true) -> String {
        guard let text else { return "" }
        let escaped = text.replacing("\"\"\"", with: "\\\"\"\"")
        let separator = isFirst || indent.isEmpty ? "" : "\n"
        if !escaped.contains("\n"), !escaped.hasSuffix("\""), !escaped.hasSuffix("\\") {
            return separator + indent + "\"\"\"" + escaped + "\"\"\"\n"
        }
        let body = escaped.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
        return separator + indent + "\"\"\"\n" + body.joined(separator: "\n") + "\n" + indent + "\"\"\"\n"
    }
}

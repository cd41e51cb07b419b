/// A parent value that can answer for its own fields, so object types need no resolver per field.
///
/// The default resolver asks a conforming parent for the value of the field being resolved.
public protocol GraphQLFieldValueProviding: Sendable {
    /// The value of the field called `name`, or `nil` for null.
    func graphQLFieldValue(named name: String) -> (any Sendable)?
}

/// The resolver fields without one use: reads the field's name from a ``GraphQLFieldValueProviding``,
/// a ``GraphQLValue`` object, a ``GraphQLObject`` or a `[String: any Sendable]` parent; null otherwise.
let defaultFieldResolver: GraphQLFieldResolver = { parent, _, _, info in
    switch parent {
    case let provider as any GraphQLFieldValueProviding:
        return provider.graphQLFieldValue(named: info.fieldName)
    case let value as GraphQLValue:
        return value[info.fieldName]
    case let object as GraphQLObject:
        return object[info.fieldName]
    case let dictionary as [String: any Sendable]:
        return dictionary[info.fieldName]
    default:
        return nil
    }
}

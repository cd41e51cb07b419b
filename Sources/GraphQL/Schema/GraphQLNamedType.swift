/// Any named type of a schema.
public enum GraphQLNamedType: Sendable {
    /// A scalar.
    case scalar(GraphQLScalarType)
    /// An object type.
    case object(GraphQLObjectType)
    /// An interface.
    case interface(GraphQLInterfaceType)
    /// A union.
    case union(GraphQLUnionType)
    /// An enum.
    case `enum`(GraphQLEnumType)
    /// An input object type.
    case inputObject(GraphQLInputObjectType)

    /// The type's name.
    public var name: String {
        switch self {
        case .scalar(let type): return type.name
        case .object(let type): return type.name
        case .interface(let type): return type.name
        case .union(let type): return type.name
        case .enum(let type): return type.name
        case .inputObject(let type): return type.name
        }
    }

    /// The type's description, if any.
    public var description: String? {
        switch self {
        case .scalar(let type): return type.description
        case .object(let type): return type.description
        case .interface(let type): return type.description
        case .union(let type): return type.description
        case .enum(let type): return type.description
        case .inputObject(let type): return type.description
        }
    }

    /// The introspection kind, such as `OBJECT`.
    public var kind: String {
        switch self {
        case .scalar: return "SCALAR"
        case .object: return "OBJECT"
        case .interface: return "INTERFACE"
        case .union: return "UNION"
        case .enum: return "ENUM"
        case .inputObject: return "INPUT_OBJECT"
        }
    }

    /// Whether values of this type can be arguments and variables.
    public var isInputType: Bool {
        switch self {
        case .scalar, .enum, .inputObject: return true
        case .object, .interface, .union: return false
        }
    }

    /// Whether values of this type can be results.
    public var isOutputType: Bool {
        switch self {
        case .inputObject: return false
        default: return true
        }
    }

    /// Whether this is a scalar or an enum.
    public var isLeaf: Bool {
        switch self {
        case .scalar, .enum: return true
        default: return false
        }
    }

    /// Whether this is an object, interface or union type.
    public var isComposite: Bool {
        switch self {
        case .object, .interface, .union: return true
        default: return false
        }
    }

    /// Whether this is an interface or union type.
    public var isAbstract: Bool {
        switch self {
        case .interface, .union: return true
        default: return false
        }
    }

    /// The fields of an object or interface type; empty for other kinds.
    public var fields: [GraphQLField] {
        switch self {
        case .object(let type): return type.fields
        case .interface(let type): return type.fields
        default: return []
        }
    }

    /// The field named `name` of an object or interface type.
    public func field(named name: String) -> GraphQLField? {
        switch self {
        case .object(let type): return type.field(named: name)
        case .interface(let type): return type.field(named: name)
        default: return nil
        }
    }

    /// Whether both cases wrap the same instance.
    func isSameType(as other: GraphQLNamedType) -> Bool {
        switch (self, other) {
        case (.scalar(let a), .scalar(let b)): return a === b
        case (.object(let a), .object(let b)): return a === b
        case (.interface(let a), .interface(let b)): return a === b
        case (.union(let a), .union(let b)): return a === b
        case (.enum(let a), .enum(let b)): return a === b
        case (.inputObject(let a), .inputObject(let b)): return a === b
        default: return false
        }
    }
}

extension ProtoMessage {
    /// The text of a string field, or `nil` when it is unset.
    ///
    /// - Throws: ``ProtoError/Code/typeMismatch`` when the field holds another kind of value;
    ///   the other accessors do the same.
    public func string(_ name: String) throws -> String? {
        try value(name, "a string", \.stringValue)
    }

    /// The value of a signed integer field, or `nil` when it is unset.
    public func int(_ name: String) throws -> Int64? {
        try value(name, "an int", \.intValue)
    }

    /// The value of a 32-bit signed integer field, or `nil` when it is unset.
    ///
    /// - Throws: ``ProtoError/Code/valueOutOfRange`` when the value does not fit in 32 bits.
    public func int32(_ name: String) throws -> Int32? {
        guard let value = try int(name) else {
            return nil
        }
        guard let narrow = Int32(exactly: value) else {
            throw ProtoError(code: .valueOutOfRange, message: "field \(typeName).\(name) holds \(value), beyond int32")
        }
        return narrow
    }

    /// The value of an unsigned integer field, or `nil` when it is unset.
    public func uint(_ name: String) throws -> UInt64? {
        try value(name, "a uint", \.uintValue)
    }

    /// The value of a `double` field, or `nil` when it is unset.
    public func double(_ name: String) throws -> Double? {
        try value(name, "a double", \.doubleValue)
    }

    /// The value of a `float` field, or `nil` when it is unset.
    public func float(_ name: String) throws -> Float? {
        try value(name, "a float", \.floatValue)
    }

    /// The value of a `bool` field, or `nil` when it is unset.
    public func bool(_ name: String) throws -> Bool? {
        try value(name, "a bool", \.boolValue)
    }

    /// The value of a `bytes` field, or `nil` when it is unset.
    public func bytes(_ name: String) throws -> [UInt8]? {
        try value(name, "bytes", \.bytesValue)
    }

    /// The number of an enum field, or `nil` when it is unset.
    public func enumValue(_ name: String) throws -> Int32? {
        try value(name, "an enum value", \.enumNumber)
    }

    /// The message in a message field, or `nil` when it is unset.
    public func message(_ name: String) throws -> ProtoMessage? {
        try value(name, "a message", \.messageValue)
    }

    /// The elements of a repeated field, or `nil` when it is unset.
    public func list(_ name: String) throws -> [ProtoValue]? {
        try value(name, "a list", \.listValue)
    }

    /// The elements of a `repeated string` field; empty when it is unset.
    ///
    /// - Throws: ``ProtoError/Code/typeMismatch`` when the field or an element holds another
    ///   kind of value.
    public func strings(_ name: String) throws -> [String] {
        try elements(name, "a string", \.stringValue)
    }

    /// The elements of a repeated message field or a map field; empty when it is unset.
    ///
    /// - Throws: ``ProtoError/Code/typeMismatch`` when the field or an element holds another
    ///   kind of value.
    public func messages(_ name: String) throws -> [ProtoMessage] {
        try elements(name, "a message", \.messageValue)
    }

    /// Checks that this message is of type `typeName`.
    ///
    /// - Throws: ``ProtoError/Code/typeMismatch`` when it is of another type.
    public func expectType(_ typeName: String) throws {
        guard self.typeName == typeName else {
            throw ProtoError(code: .typeMismatch, message: "expected a \(typeName) message, got a \(self.typeName)")
        }
    }

    private func value<T>(_ name: String, _ expected: String, _ extract: (ProtoValue) -> T?) throws -> T? {
        guard let value = fields[name] else {
            return nil
        }
        guard let extracted = extract(value) else {
            throw ProtoError(
                code: .typeMismatch,
                message: "field \(typeName).\(name) holds \(value.kindName), not \(expected)"
            )
        }
        return extracted
    }

    private func elements<T>(_ name: String, _ expected: String, _ extract: (ProtoValue) -> T?) throws -> [T] {
        try (list(name) ?? []).map { element in
            guard let extracted = extract(element) else {
                throw ProtoError(
                    code: .typeMismatch,
                    message: "an element of field \(typeName).\(name) is \(element.kindName), not \(expected)"
                )
            }
            return extracted
        }
    }
}

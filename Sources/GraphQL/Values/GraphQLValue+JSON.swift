extension GraphQLValue {
    /// The value as compact JSON text, objects in key order.
    ///
    /// Non-finite doubles, which JSON cannot represent, are written as `null`.
    public func jsonString() -> String {
        var output = ""
        JSONWriter.write(self, into: &output)
        return output
    }

    /// The value as compact JSON in UTF-8 bytes.
    public func jsonBytes() -> [UInt8] {
        Array(jsonString().utf8)
    }

    /// Parses JSON text into a value.
    ///
    /// - Parameters:
    ///   - json: UTF-8 encoded JSON.
    ///   - limits: Size and nesting limits to enforce.
    /// - Throws: ``JSONParseError`` when the text is not valid JSON or breaks a limit.
    public init(json: some Collection<UInt8>, limits: JSONLimits = JSONLimits()) throws(JSONParseError) {
        var parser = try JSONParser(bytes: Array(json), limits: limits)
        self = try parser.parseDocument()
    }

    /// Parses JSON text into a value.
    ///
    /// - Parameters:
    ///   - json: JSON text.
    ///   - limits: Size and nesting limits to enforce.
    /// - Throws: ``JSONParseError`` when the text is not valid JSON or breaks a limit.
    public init(json: String, limits: JSONLimits = JSONLimits()) throws(JSONParseError) {
        try self.init(json: Array(json.utf8), limits: limits)
    }
}

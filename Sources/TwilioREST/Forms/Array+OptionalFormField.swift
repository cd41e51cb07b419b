extension [FormField] {
    /// Appends `name=value` when `value` is not `nil`.
    mutating func append(optional name: String, _ value: String?) {
        if let value {
            append(FormField(name, value))
        }
    }
}

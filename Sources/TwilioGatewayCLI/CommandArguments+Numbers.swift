extension CommandArguments {
    /// The whole number given with `--name`, or `nil` when the option is not given.
    ///
    /// - Throws: ``ParseError`` naming the option and `range` when the value is not a whole
    ///   number in `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int32>) throws -> Int32? {
        guard let text = value(name) else {
            return nil
        }
        guard let number = Int32(text), range.contains(number) else {
            throw ParseError(
                description: "--\(name) needs a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return number
    }
}

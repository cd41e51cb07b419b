/// A name in the document, with where it appears.
public struct NameNode: Sendable, Hashable {
    /// The name.
    public var value: String
    /// Where the name starts.
    public var location: SourceLocation

    /// Creates a name.
    public init(value: String, location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// The 8 bytes each side sends first: ASCII `TWGW`, a major and a minor version, and two
/// reserved bytes.
public struct ConnectionPreface: Hashable, Sendable, CustomStringConvertible {
    /// The size of an encoded preface in bytes.
    public static let size = 8
    /// The four magic bytes, ASCII `TWGW`.
    public static let magic: [UInt8] = [0x54, 0x57, 0x47, 0x57]
    /// The version this implementation speaks: 1.0.
    public static let current = ConnectionPreface(majorVersion: 1, minorVersion: 0)

    /// The major version; peers with different major versions cannot talk.
    public var majorVersion: UInt8
    /// The minor version; a higher minor version only adds what older peers may ignore.
    public var minorVersion: UInt8

    /// Creates a preface.
    public init(majorVersion: UInt8, minorVersion: UInt8) {
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
    }

    /// The eight bytes on the wire; the reserved bytes are zero.
    public var bytes: [UInt8] {
        Self.magic + [majorVersion, minorVersion, 0, 0]
    }

    /// The version as `major.minor`, such as `1.0`.
    public var description: String {
        "\(majorVersion).\(minorVersion)"
    }
}

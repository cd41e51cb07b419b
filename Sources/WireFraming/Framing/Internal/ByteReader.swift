/// Reads big-endian integers and byte runs from the front of a byte slice, never past its end.
///
/// Every read returns `nil` instead of trapping when too few bytes remain, so peer input
/// can be parsed without preconditions.
struct ByteReader {
    private let bytes: ArraySlice<UInt8>
    private var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    init(_ bytes: [UInt8]) {
        self.init(bytes[...])
    }

    init(_ bytes: some Collection<UInt8>) {
        self.init(Array(bytes)[...])
    }

    /// The number of bytes not read yet.
    var remaining: Int {
        bytes.endIndex - index
    }

    mutating func readUInt8() -> UInt8? {
        guard remaining >= 1 else {
            return nil
        }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func readUInt16() -> UInt16? {
        guard remaining >= 2 else {
            return nil
        }
        defer { index += 2 }
        return UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
    }

    mutating func readUInt32() -> UInt32? {
        guard remaining >= 4 else {
            return nil
        }
        defer { index += 4 }
        return UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16 | UInt32(bytes[index + 2]) << 8
            | UInt32(bytes[index + 3])
    }

    mutating func readUInt64() -> UInt64? {
        guard let high = readUInt32(), let low = readUInt32() else {
            return nil
        }
        return UInt64(high) << 32 | UInt64(low)
    }

    /// Reads `count` bytes, or returns `nil` and reads nothing when fewer remain.
    mutating func readBytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else {
            return nil
        }
        defer { index += count }
        return bytes[index..<index + count]
    }
}

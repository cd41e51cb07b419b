/// The width of a length prefix in front of a text or byte field.
enum LengthPrefix {
    case uint16
    case uint32

    var limit: Int {
        switch self {
        case .uint16: Int(UInt16.max)
        case .uint32: Int(UInt32.max)
        }
    }
}

extension ByteReader {
    /// Reads a length-prefixed UTF-8 field of a `frame` payload.
    ///
    /// - Throws: ``FramingError`` (malformed payload) naming `field` when the length or the
    ///   text runs past the payload or the text is not UTF-8.
    mutating func readText(_ prefix: LengthPrefix, field: String, frame: FrameType) throws(FramingError) -> String {
        let bytes = try readField(prefix, field: field, frame: frame)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FramingError.malformed(frame, "\(field) is not valid UTF-8")
        }
        return text
    }

    /// Reads a length-prefixed byte field of a `frame` payload.
    ///
    /// - Throws: ``FramingError`` (malformed payload) naming `field` when the length or the
    ///   bytes run past the payload.
    mutating func readField(
        _ prefix: LengthPrefix,
        field: String,
        frame: FrameType
    ) throws(FramingError) -> ArraySlice<UInt8> {
        let declared: Int? =
            switch prefix {
            case .uint16: readUInt16().map(Int.init)
            case .uint32: readUInt32().map(Int.init)
            }
        guard let length = declared else {
            throw FramingError.malformed(frame, "the payload ends inside the length of \(field)")
        }
        guard let bytes = readBytes(length) else {
            throw FramingError.malformed(frame, "\(field) is \(length) bytes long but only \(remaining) bytes remain")
        }
        return bytes
    }

    /// Throws unless every byte of a `frame` payload was read.
    func expectEnd(of frame: FrameType, after field: String) throws(FramingError) {
        guard remaining == 0 else {
            throw FramingError.malformed(frame, "\(remaining) bytes follow \(field)")
        }
    }
}

extension [UInt8] {
    /// Appends `bytes` behind a length prefix.
    ///
    /// - Throws: ``FramingError`` (value too large) naming `field` when `bytes` does not fit
    ///   the prefix.
    mutating func appendField(
        _ bytes: some Collection<UInt8>,
        _ prefix: LengthPrefix,
        field: String
    ) throws(FramingError) {
        let count = bytes.count
        guard count <= prefix.limit else {
            throw FramingError(
                code: .valueTooLarge,
                message: "\(field) is \(count) bytes; the limit is \(prefix.limit)"
            )
        }
        switch prefix {
        case .uint16: appendBigEndian(UInt16(count))
        case .uint32: appendBigEndian(UInt32(count))
        }
        append(contentsOf: bytes)
    }
}

extension FramingError {
    /// A malformed-payload error whose message starts with the frame type.
    static func malformed(_ frame: FrameType, _ problem: String) -> FramingError {
        FramingError(code: .malformedPayload, message: "malformed \(frame) payload: \(problem)")
    }
}

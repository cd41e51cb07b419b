internal import CTwilioProto

/// The leading comments of one .proto file, by the path of the element they precede.
///
/// A path lists field numbers and indexes of `FileDescriptorProto`, as in
/// `SourceCodeInfo.Location.path`: `[4, 0, 2, 1]` is the second field of the first
/// message.
struct SourceComments {
    private var leading: [[Int32]: String] = [:]

    /// Indexes the comments of `info`, or none when the file has no source info.
    init(_ info: UnsafeMutablePointer<Google__Protobuf__SourceCodeInfo>?) {
        guard let info else {
            return
        }
        for location in CArray.elements(info.pointee.location, count: info.pointee.n_location) {
            guard let text = location.pointee.leading_comments, let path = location.pointee.path else {
                continue
            }
            let key = Array(UnsafeBufferPointer(start: path, count: location.pointee.n_path))
            leading[key] = Self.trimmed(String(cString: text))
        }
    }

    /// The leading comment of the element at `path`, or `nil` when it has none.
    func comment(at path: [Int32]) -> String? {
        leading[path]
    }

    /// Drops the one space protoc keeps after each `//` and the final newline.
    static func trimmed(_ raw: String) -> String? {
        var lines = raw.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true {
            lines.removeLast()
        }
        let text = lines.map { $0.hasPrefix(" ") ? $0.dropFirst() : $0 }.joined(separator: "\n")

        return text.isEmpty ? nil : text
    }
}

/// A parsed route pattern such as `/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`.
///
/// Segments are split on `/`. A segment is either literal or holds one `{Name}` with an
/// optional literal prefix and suffix around it (`{Sid}.json`). A named segment matches a
/// non-empty value that does not contain `/`.
struct HTTPRoutePattern: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(name: String, prefix: String, suffix: String)
    }

    let text: String
    let segments: [Segment]

    /// Parses `text`, or returns `nil` when it does not start with `/`, has unbalanced braces,
    /// an empty name, two names in one segment, or the same name twice.
    init?(_ text: String) {
        guard text.hasPrefix("/") else {
            return nil
        }
        var segments: [Segment] = []
        var names: Set<String> = []
        for piece in text.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            guard let segment = Self.parseSegment(piece) else {
                return nil
            }
            if case .parameter(let name, _, _) = segment {
                guard names.insert(name).inserted else {
                    return nil
                }
            }
            segments.append(segment)
        }
        self.text = text
        self.segments = segments
    }

    /// The named values when `path` matches, or `nil` when it does not.
    func match(_ path: String) -> [String: String]? {
        guard path.hasPrefix("/") else {
            return nil
        }
        let pieces = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard pieces.count == segments.count else {
            return nil
        }
        var values: [String: String] = [:]
        for (segment, piece) in zip(segments, pieces) {
            switch segment {
            case .literal(let literal):
                guard piece == literal else {
                    return nil
                }
            case .parameter(let name, let prefix, let suffix):
                guard piece.count > prefix.count + suffix.count, piece.hasPrefix(prefix), piece.hasSuffix(suffix) else {
                    return nil
                }
                values[name] = String(piece.dropFirst(prefix.count).dropLast(suffix.count))
            }
        }
        return values
    }

    private static func parseSegment(_ piece: Substring) -> Segment? {
        guard let open = piece.firstIndex(of: "{") else {
            return piece.contains("}") ? nil : .literal(String(piece))
        }
        guard let close = piece[open...].firstIndex(of: "}") else {
            return nil
        }
        let name = piece[piece.index(after: open)..<close]
        let prefix = piece[..<open]
        let suffix = piece[piece.index(after: close)...]
        guard !name.isEmpty, !name.contains("{"), !suffix.contains("{"), !suffix.contains("}"), !prefix.contains("}")
        else {
            return nil
        }
        return .parameter(name: String(name), prefix: String(prefix), suffix: String(suffix))
    }
}

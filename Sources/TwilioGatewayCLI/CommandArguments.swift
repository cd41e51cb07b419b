/// The options and flags given to one subcommand, parsed from `--name value`,
/// `--name=value` and bare `--flag` words, plus at most one positional word where the command
/// asks for it (such as the SID of `message SID`).
struct CommandArguments {
    /// Why the words could not be parsed; the message names the word.
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []
    private var consumed: Set<String> = []
    /// The options read as one value (``value(_:)``), which must not be repeated.
    private var singleValued: Set<String> = []

    /// The word that is not an option, when the command accepts one.
    private(set) var positional: String?

    /// Parses `words`, knowing which names take a value and which are flags (they take none).
    ///
    /// - Parameter acceptsPositional: Whether one word that is not an option may be given.
    init(
        _ words: [String],
        options optionNames: Set<String>,
        flags flagNames: Set<String>,
        acceptsPositional: Bool = false
    ) throws {
        var index = 0
        while index < words.count {
            let word = words[index]
            guard word.hasPrefix("--"), word.count > 2 else {
                guard acceptsPositional, positional == nil, !word.hasPrefix("-") else {
                    throw ParseError(description: "unexpected argument '\(word)'; options look like --name value")
                }
                positional = word
                index += 1
                continue
            }
            let body = word.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            guard optionNames.contains(name) || flagNames.contains(name) else {
                throw ParseError(description: "unknown option --\(name)")
            }
            if let equals = body.firstIndex(of: "=") {
                values[name, default: []].append(String(body[body.index(after: equals)...]))
            } else if flagNames.contains(name) {
                flags.insert(String(body))
            } else {
                guard index + 1 < words.count else {
                    throw ParseError(description: "option --\(body) needs a value")
                }
                index += 1
                values[String(body), default: []].append(words[index])
            }
            index += 1
        }
    }

    /// Whether `--name` was given.
    mutating func flag(_ name: String) -> Bool {
        consumed.insert(name)
        return flags.contains(name)
    }

    /// The value of `--name`, if given.
    ///
    /// The option takes one value: given more than once, ``rejectUnknown()`` fails, naming it.
    mutating func value(_ name: String) -> String? {
        consumed.insert(name)
        singleValued.insert(name)
        return values[name]?.last
    }

    /// Every value of a repeatable `--name`, in order.
    mutating func values(_ name: String) -> [String] {
        consumed.insert(name)
        return values[name] ?? []
    }

    /// The value of `--name`, or an error saying it is required.
    mutating func required(_ name: String) throws -> String {
        guard let value = value(name) else {
            throw ParseError(description: "missing required option --\(name)")
        }
        return value
    }

    /// Fails when an option was given that the command never asked about, or an option that
    /// takes one value (read with ``value(_:)``) was given more than once.
    ///
    /// Every command calls it once it has read its options, before it does anything.
    func rejectUnknown() throws {
        let given = Set(values.keys).union(flags)
        if let unknown = given.subtracting(consumed).sorted().first {
            throw ParseError(description: "unknown option --\(unknown)")
        }
        let repeated = singleValued.filter { (values[$0]?.count ?? 0) > 1 }.sorted()
        if let name = repeated.first, let count = values[name]?.count {
            throw ParseError(description: "--\(name) takes one value but was given \(count) times; give it once")
        }
    }
}

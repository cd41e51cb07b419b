internal import GatewayAPI

/// The recipients of a bulk send, read from a CSV file: one row per recipient, the number in
/// the column named `to` (or `phone` or `phone_number`), and every other column a variable that
/// the body template's `{{name}}` placeholders take from the recipient's row. A placeholder
/// names its column exactly, case included.
struct RecipientFile {
    /// The header names that may hold the recipients' numbers, compared without regard to case.
    static let numberColumnNames = ["to", "phone", "phone_number"]

    /// One recipient and where it is in the file.
    struct Entry: Equatable {
        /// The line its row starts on, from 1.
        var line: Int
        var recipient: BulkRecipient
    }

    /// The recipients in the order of the file.
    let entries: [Entry]
    /// The names of the columns that are variables (every column but the number's), in order.
    let variableNames: [String]
    /// The line of the header row.
    let headerLine: Int

    /// Takes the recipients out of `table`.
    ///
    /// - Throws: `CSVTable.ParseError` for a header with an empty or repeated name, none or
    ///   several number columns, no rows after the header, or a row whose number is empty.
    init(_ table: CSVTable) throws(CSVTable.ParseError) {
        let names = table.header.map { $0.trimmingBlanks() }
        try Self.checkNames(names, line: table.headerLine)
        let numberColumn = try Self.numberColumn(names, line: table.headerLine)
        guard !table.records.isEmpty else {
            throw CSVTable.ParseError(
                line: table.headerLine,
                message: "no recipients: the file has only its header row"
            )
        }

        var entries: [Entry] = []
        entries.reserveCapacity(table.records.count)
        for record in table.records {
            let number = record.fields[numberColumn].trimmingBlanks()
            guard !number.isEmpty else {
                throw CSVTable.ParseError(
                    line: record.line,
                    column: numberColumn + 1,
                    message: "the recipient's number (column \(Self.shortened(names[numberColumn]))) is empty"
                )
            }
            var variables: [String: String] = [:]
            for (column, value) in record.fields.enumerated() where column != numberColumn {
                variables[names[column]] = value
            }
            entries.append(Entry(line: record.line, recipient: BulkRecipient(to: number, variables: variables)))
        }
        self.entries = entries
        self.variableNames = names.indices.filter { $0 != numberColumn }.map { names[$0] }
        self.headerLine = table.headerLine
    }

    /// Checks that every placeholder of the body template names a variable column.
    ///
    /// - Throws: `CSVTable.ParseError` on the header line, naming the placeholders that no column
    ///   fills, and a column that differs from one only in case.
    func checkPlaceholders(_ placeholders: [String]) throws(CSVTable.ParseError) {
        let missing = placeholders.filter { !variableNames.contains($0) }
        guard !missing.isEmpty else {
            return
        }
        var message =
            "the body uses " + Self.list(missing.map { "{{\($0)}}" }) + ", but no column of the header has "
            + (missing.count == 1 ? "that name" : "those names")
        let nearMisses = missing.compactMap { name in variableNames.first { $0.lowercased() == name.lowercased() } }
        if let nearMiss = nearMisses.first {
            message += "; names match exactly, case included: the column is \(Self.shortened(nearMiss))"
        }
        message +=
            variableNames.isEmpty
            ? "; the file has no column besides the numbers'"
            : "; the variable columns are " + Self.list(variableNames.map(Self.shortened))
        throw CSVTable.ParseError(line: headerLine, message: message)
    }

    /// Reads and checks the CSV file at `path` (`-` for standard input).
    ///
    /// - Throws: `InputFile.ReadError` when it cannot be read, `CSVTable.ParseError` when it is
    ///   not CSV or its recipients are wrong.
    static func read(_ path: String) throws -> RecipientFile {
        try RecipientFile(try CSVTable(parsing: try InputFile.read(path)))
    }

    /// The one column whose name is in ``numberColumnNames``.
    private static func numberColumn(_ names: [String], line: Int) throws(CSVTable.ParseError) -> Int {
        let candidates = names.indices.filter { numberColumnNames.contains(names[$0].lowercased()) }
        guard candidates.count == 1, let column = candidates.first else {
            let message =
                candidates.isEmpty
                ? "no column holds the recipients' numbers: name one column to (or phone or phone_number); "
                    + "the header names \(list(names.map(shortened)))"
                : "several columns could hold the recipients' numbers ("
                    + list(candidates.map { shortened(names[$0]) }) + "); keep only one of them"
            throw CSVTable.ParseError(line: line, message: message)
        }
        return column
    }

    private static func checkNames(_ names: [String], line: Int) throws(CSVTable.ParseError) {
        var columns: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            guard !name.isEmpty else {
                throw CSVTable.ParseError(
                    line: line,
                    column: index + 1,
                    message: "the header gives this column no name; name every column"
                )
            }
            if let earlier = columns.updateValue(index + 1, forKey: name) {
                throw CSVTable.ParseError(
                    line: line,
                    column: index + 1,
                    message: "the header names column \(earlier) \(shortened(name)) already; give every column its "
                        + "own name"
                )
            }
        }
    }
}

extension RecipientFile {
    /// The longest column name an error message quotes in full, in characters.
    static let longestQuotedName = 40
    /// The most names an error message lists.
    static let mostListedNames = 10

    /// `name`, cut to ``longestQuotedName`` characters with `…` when longer, so that a message
    /// never echoes a whole line of a malformed file.
    static func shortened(_ name: String) -> String {
        name.count > longestQuotedName ? String(name.prefix(longestQuotedName)) + "…" : name
    }

    /// `names` joined with commas, the first ``mostListedNames`` only, then how many more.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(mostListedNames).joined(separator: ", ")
        return names.count > mostListedNames ? shown + " and \(names.count - mostListedNames) more" : shown
    }
}

extension String {
    /// The text without the spaces and tabs around it.
    fileprivate func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }
}

/// A CSV document (RFC 4180) read whole: a header row that names the columns, then records with
/// exactly as many fields.
///
/// Fields are separated by commas and records by CRLF, LF or a lone CR. A field may be quoted
/// with `"`, and then holds commas, line breaks and doubled quotes (`""` is one `"`). A UTF-8
/// byte order mark at the start is skipped, lines with no characters at all are skipped, and
/// the last record needs no line break. The text must be UTF-8 without NUL bytes.
struct CSVTable {
    /// Why a document could not be read, with the line (from 1) and the field's column (from 1)
    /// where the trouble is.
    struct ParseError: Error, CustomStringConvertible, Equatable {
        var line: Int
        var column: Int?
        var message: String

        var description: String {
            column.map { "line \(line), column \($0): \(message)" } ?? "line \(line): \(message)"
        }
    }

    /// One record after the header.
    struct Record: Equatable {
        /// The line the record starts on, counting from 1 (the header is on line 1 or later).
        var line: Int
        /// The fields, one per header name.
        var fields: [String]
    }

    /// The header's names, as written.
    let header: [String]
    /// The line of the header row: 1, unless empty lines come first.
    let headerLine: Int
    /// The records after the header, in order.
    let records: [Record]

    /// Reads `bytes` as CSV.
    ///
    /// - Throws: ``ParseError`` for an empty document, a quote in the middle of an unquoted
    ///   field, text after a closing quote, a quoted field that never closes, a record whose
    ///   field count differs from the header's, a NUL byte, or bytes that are not UTF-8.
    init(parsing bytes: [UInt8]) throws(ParseError) {
        var reader = CSVRecordReader(bytes)
        guard let header = try reader.next() else {
            throw ParseError(line: 1, message: "the file is empty; it needs a header row naming its columns")
        }
        var records: [Record] = []
        while let record = try reader.next() {
            guard record.fields.count == header.fields.count else {
                throw ParseError(
                    line: record.line,
                    message: "the row has \(Self.counted(record.fields.count, "field")), but the header on line "
                        + "\(header.line) names \(Self.counted(header.fields.count, "column")); every row needs one "
                        + "field per column"
                )
            }
            records.append(record)
        }
        self.header = header.fields
        self.headerLine = header.line
        self.records = records
    }

    /// `count` and `noun`, with an `s` unless there is one.
    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

/// Reads one record at a time from the bytes of a CSV document; ``CSVTable`` is its only user.
private struct CSVRecordReader {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    private let bytes: [UInt8]
    private var position: Int
    private var line = 1

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The next record, or `nil` at the end of the document.
    mutating func next() throws(CSVTable.ParseError) -> CSVTable.Record? {
        while position < bytes.count, isLineBreak(bytes[position]) {
            skipLineBreak()
        }
        guard position < bytes.count else {
            return nil
        }
        let startLine = line
        var fields: [String] = []
        while true {
            fields.append(try field(column: fields.count + 1))
            guard position < bytes.count, bytes[position] == Self.comma else {
                break
            }
            position += 1
        }
        if position < bytes.count {
            skipLineBreak()
        }
        return CSVTable.Record(line: startLine, fields: fields)
    }

    /// Reads one field and stops at the comma, line break or end that follows it.
    private mutating func field(column: Int) throws(CSVTable.ParseError) -> String {
        guard position < bytes.count, bytes[position] == Self.quote else {
            return try unquotedField(column: column)
        }
        return try quotedField(column: column)
    }

    private mutating func unquotedField(column: Int) throws(CSVTable.ParseError) -> String {
        let start = position
        while position < bytes.count, bytes[position] != Self.comma, !isLineBreak(bytes[position]) {
            guard bytes[position] != Self.quote else {
                throw CSVTable.ParseError(
                    line: line,
                    column: column,
                    message: "a quote inside an unquoted field; quote the whole field and double the quotes in "
                        + "it, as in \"say \"\"hi\"\"\""
                )
            }
            position += 1
        }
        return try text(bytes[start..<position], line: line, column: column)
    }

    /// Reads a field from its opening quote past its closing one; line breaks inside count.
    private mutating func quotedField(column: Int) throws(CSVTable.ParseError) -> String {
        let startLine = line
        var content: [UInt8] = []
        position += 1
        while true {
            guard position < bytes.count else {
                throw CSVTable.ParseError(
                    line: startLine,
                    column: column,
                    message: "the quoted field that starts here never ends; close it with a quote"
                )
            }
            let byte = bytes[position]
            position += 1
            if byte == Self.quote {
                guard position < bytes.count, bytes[position] == Self.quote else {
                    break
                }
                position += 1
            } else if byte == Self.lineFeed || (byte == Self.carriageReturn && !atLineFeed) {
                line += 1
            }
            content.append(byte)
        }
        guard position == bytes.count || bytes[position] == Self.comma || isLineBreak(bytes[position]) else {
            throw CSVTable.ParseError(
                line: line,
                column: column,
                message: "text after the closing quote of a quoted field; a field is either all quoted or not "
                    + "at all, and a quote inside is written twice"
            )
        }
        return try text(content[...], line: startLine, column: column)
    }

    /// Whether the byte at `position` is a line feed.
    private var atLineFeed: Bool {
        position < bytes.count && bytes[position] == Self.lineFeed
    }

    private func isLineBreak(_ byte: UInt8) -> Bool {
        byte == Self.lineFeed || byte == Self.carriageReturn
    }

    /// Steps over one CRLF, LF or CR at `position`.
    private mutating func skipLineBreak() {
        let byte = bytes[position]
        position += 1
        if byte == Self.carriageReturn, atLineFeed {
            position += 1
        }
        line += 1
    }

    private func text(_ slice: ArraySlice<UInt8>, line: Int, column: Int) throws(CSVTable.ParseError) -> String {
        guard !slice.contains(0) else {
            throw CSVTable.ParseError(
                line: line,
                column: column,
                message: "the field holds a NUL byte (0x00), which is not text; remove it"
            )
        }
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw CSVTable.ParseError(line: line, column: column, message: "the field is not UTF-8 text")
        }
        return text
    }
}

internal import Testing

@testable internal import TwilioGatewayCLI

/// The RFC 4180 reader behind `bulk-send --file`.
@Suite("CSVTable")
struct CSVTableTests {
    static func parse(_ text: String) throws -> CSVTable {
        try CSVTable(parsing: Array(text.utf8))
    }

    static func error(_ text: String) throws -> CSVTable.ParseError {
        try #require(throws: CSVTable.ParseError.self) { try parse(text) }
    }

    @Test(
        "records end with CRLF, LF or a lone CR, and the last needs no line break",
        arguments: [
            "to,name\r\n+1,Ana\r\n+2,Bob\r\n", "to,name\n+1,Ana\n+2,Bob\n", "to,name\r+1,Ana\r+2,Bob\r",
            "to,name\r\n+1,Ana\n+2,Bob", "to,name\n+1,Ana\r\n+2,Bob",
        ]
    )
    func lineBreaks(_ text: String) throws {
        let table = try Self.parse(text)

        #expect(table.header == ["to", "name"])
        #expect(
            table.records == [
                CSVTable.Record(line: 2, fields: ["+1", "Ana"]), CSVTable.Record(line: 3, fields: ["+2", "Bob"]),
            ]
        )
    }

    @Test("a quoted field holds commas, doubled quotes and line breaks, and later lines keep their numbers")
    func quotedFields() throws {
        let table = try Self.parse("to,note\n\"+1\",\"a, \"\"b\"\"\r\nc\nd\"\n+2,\"\"\n")

        #expect(
            table.records == [
                CSVTable.Record(line: 2, fields: ["+1", "a, \"b\"\r\nc\nd"]),
                CSVTable.Record(line: 5, fields: ["+2", ""]),
            ]
        )
    }

    @Test("empty fields, spaces and non-ASCII text are kept as written")
    func fieldsAsWritten() throws {
        let table = try Self.parse("to,a,b\n+1,, Zoë \n")

        #expect(table.records == [CSVTable.Record(line: 2, fields: ["+1", "", " Zoë "])])
    }

    @Test("a UTF-8 byte order mark is skipped")
    func byteOrderMark() throws {
        let table = try CSVTable(parsing: [0xEF, 0xBB, 0xBF] + Array("to\n+1\n".utf8))

        #expect(table.header == ["to"])
        #expect(table.records == [CSVTable.Record(line: 2, fields: ["+1"])])
    }

    @Test("lines with no characters are skipped, before the header too")
    func emptyLines() throws {
        let table = try Self.parse("\n\nto\n+1\n\n\r\n+2\n\n")

        #expect(table.headerLine == 3)
        #expect(table.records == [CSVTable.Record(line: 4, fields: ["+1"]), CSVTable.Record(line: 7, fields: ["+2"])])
    }

    @Test("a document with no header is refused", arguments: ["", "\n\r\n", "\u{FEFF}"])
    func emptyDocument(_ text: String) throws {
        let error = try Self.error(text)

        #expect(error.line == 1)
        #expect(error.description.contains("empty"), "\(error)")
    }

    @Test(
        "a row with another number of fields than the header is refused, naming its line",
        arguments: [("to,name\n+1,Ana\n+2\n", 3), ("to,name\n+1,Ana,extra\n", 2), ("to\n+1\n+2,\n", 3)]
    )
    func raggedRow(_ text: String, line: Int) throws {
        let error = try Self.error(text)

        #expect(error.line == line)
        #expect(error.description.hasPrefix("line \(line): the row has"), "\(error)")
    }

    @Test(
        "misplaced quotes are refused, naming the line and the column",
        arguments: [
            ("to,name\n+1,An\"a\n", 2, 2, "a quote inside an unquoted field"),
            ("to,name\n+1,\"Ana\"x\n", 2, 2, "text after the closing quote"),
            ("to,name\n+1,Ana\n\"+2,Bob\n+3,Cy\n", 3, 1, "never ends"),
            ("to,name\n+1,\"Ana\n\nBob\"\"\n", 2, 2, "never ends"),
        ]
    )
    func misplacedQuotes(_ text: String, line: Int, column: Int, reason: String) throws {
        let error = try Self.error(text)

        #expect(error.line == line, "\(error)")
        #expect(error.column == column, "\(error)")
        #expect(error.description.hasPrefix("line \(line), column \(column): "), "\(error)")
        #expect(error.message.contains(reason), "\(error)")
    }

    @Test("bytes that are not UTF-8 are refused, naming the field")
    func notUTF8() throws {
        let error = try #require(throws: CSVTable.ParseError.self) {
            try CSVTable(parsing: Array("to,name\n+1,".utf8) + [0xFF, 0xFE] + Array("\n".utf8))
        }

        #expect(error == CSVTable.ParseError(line: 2, column: 2, message: "the field is not UTF-8 text"))
    }

    @Test(
        "a NUL byte is refused, naming the field's line and column",
        arguments: [("to,name\n+1,A\u{0}na\n", 2, 2), ("to,name\n+1,\"Ana\n\u{0}\"\n", 2, 2), ("to\u{0},name\n", 1, 1)]
    )
    func nulByte(_ text: String, line: Int, column: Int) throws {
        let error = try Self.error(text)

        #expect(
            error
                == CSVTable.ParseError(
                    line: line,
                    column: column,
                    message: "the field holds a NUL byte (0x00), which is not text; remove it"
                )
        )
    }

    @Test("a file of 100,000 rows is read whole")
    func manyRows() throws {
        var text = "to,name,code\r\n"
        for row in 0..<100_000 {
            text += "+1555\(1_000_000 + row),\"Person \(row)\",\(row % 997)\r\n"
        }

        let table = try Self.parse(text)

        #expect(table.records.count == 100_000)
        #expect(table.records.last == CSVTable.Record(line: 100_001, fields: ["+15551099999", "Person 99999", "299"]))
    }
}

internal import GatewayAPI
internal import Testing

@testable internal import TwilioGatewayCLI

/// How `bulk-send` finds the recipients and their variables in a CSV table.
@Suite("RecipientFile")
struct RecipientFileTests {
    static func read(_ text: String) throws -> RecipientFile {
        try RecipientFile(try CSVTable(parsing: Array(text.utf8)))
    }

    static func error(_ text: String) throws -> CSVTable.ParseError {
        try #require(throws: CSVTable.ParseError.self) { try read(text) }
    }

    @Test(
        "the number column may be named to, phone or phone_number in any case",
        arguments: ["to", "To", "PHONE", "phone_number"]
    )
    func numberColumn(_ name: String) throws {
        let file = try Self.read("first name,\(name),code\nAna, +15551230001 ,42\n")

        #expect(
            file.entries == [
                RecipientFile.Entry(
                    line: 2,
                    recipient: BulkRecipient(to: "+15551230001", variables: ["first name": "Ana", "code": "42"])
                )
            ]
        )
    }

    @Test("a header without a number column is refused, saying which names are accepted")
    func noNumberColumn() throws {
        let error = try Self.error("name,mobile\nAna,+1\n")

        #expect(error.line == 1)
        #expect(error.message.contains("name one column to (or phone or phone_number)"), "\(error)")
        #expect(error.message.contains("name, mobile"), "\(error)")
    }

    @Test("a header with two number columns is refused")
    func twoNumberColumns() throws {
        let error = try Self.error("to,Phone\n+1,+2\n")

        #expect(error.message.contains("(to, Phone)"), "\(error)")
    }

    @Test(
        "a header with an empty or repeated name is refused, naming the column",
        arguments: [("to,name,\n+1,Ana,x\n", 3), ("to, ,name\n+1,x,Ana\n", 2), ("to,name,name\n+1,a,b\n", 3)]
    )
    func badHeaderName(_ text: String, column: Int) throws {
        let error = try Self.error(text)

        #expect(error.line == 1)
        #expect(error.column == column, "\(error)")
    }

    @Test("a file with only its header is refused")
    func headerOnly() throws {
        let error = try Self.error("to,name\r\n")

        #expect(error.message.contains("no recipients"), "\(error)")
    }

    @Test("an empty number is refused, naming its line and column")
    func emptyNumber() throws {
        let error = try Self.error("name,to\nAna,+1\nBob,  \n")

        #expect(
            error == CSVTable.ParseError(line: 3, column: 2, message: "the recipient's number (column to) is empty")
        )
    }

    @Test("placeholders must name a variable column exactly; the number column is not one")
    func placeholders() throws {
        let file = try Self.read("to,first name,Code\n+15551230001,Ana,42\n")

        #expect(file.variableNames == ["first name", "Code"])
        try file.checkPlaceholders(["first name", "Code"])
        let wrongCase = try #require(throws: CSVTable.ParseError.self) { try file.checkPlaceholders(["code", "x"]) }
        #expect(
            wrongCase.message
                == "the body uses {{code}}, {{x}}, but no column of the header has those names; names match "
                + "exactly, case included: the column is Code; the variable columns are first name, Code"
        )
        let number = try #require(throws: CSVTable.ParseError.self) { try file.checkPlaceholders(["to"]) }
        #expect(number.line == 1)
    }

    @Test("long names are shortened and long lists cut in messages")
    func shortenedNames() throws {
        let long = String(repeating: "n", count: 500)
        #expect(RecipientFile.shortened(long) == String(repeating: "n", count: 40) + "…")
        #expect(RecipientFile.list((1...12).map(String.init)) == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more")
        let error = try Self.error("\(long),other\nx,y\n")
        #expect(error.message.count < 200, "\(error)")
    }
}

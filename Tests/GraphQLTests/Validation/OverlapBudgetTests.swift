import Testing

@testable import GraphQL

/// The overlapping-fields check on documents built to make it quadratic: its work stays within the
/// budget however many same-named fields a document repeats, and a document that exceeds the
/// budget is refused with one error naming the limit.
@Suite("Overlapping-fields budget")
struct OverlapBudgetTests {
    static let budgetMessage =
        "Document is too complex to check for conflicting fields: it needs more than the limit of 100000 field "
        + "comparisons. Send each field once per selection set, or give repeated fields distinct aliases."

    /// Runs the overlapping-fields rule alone over `query` with default validation options; the
    /// parser's field limit is raised so the document itself is accepted.
    static func check(_ query: String) throws -> (rule: OverlappingFieldsRule, errors: [String]) {
        let document = try parse(source: query, limits: ParseLimits(maxTokens: 100_000, maxFields: 20_000))
        let context = ValidationContext(schema: SampleSchema.schema, document: document, options: ValidationOptions())
        let rule = OverlappingFieldsRule()
        var walker = ValidationWalker(context: context, rules: [rule])
        walker.run()
        return (rule, context.errors.map(\.message))
    }

    @Test(
        "a document of 4,999 same-named fields stops at the budget and is refused",
        arguments: [
            String(repeating: "__typename ", count: 4_999),
            String(repeating: #"user(id: "1") { name } "#, count: 2_500),
            String(repeating: "... { __typename } ", count: 4_999),
        ]
    )
    func identicalFields(_ fields: String) throws {
        let (rule, errors) = try Self.check("{ \(fields)}")

        #expect(rule.work == ValidationOptions().maxFieldComparisons + 1)
        #expect(errors == [Self.budgetMessage])
    }

    @Test("5,000 same-named fields with different arguments stop at the error limit")
    func differingArguments() throws {
        let fields = (1...5_000).map { #"user(id: "\#($0)") { name }"# }.joined(separator: " ")
        let (rule, errors) = try Self.check("{ \(fields) }")

        #expect(rule.work < 5_000 + ValidationOptions().maxErrors + 10)
        #expect(errors.count == ValidationOptions().maxErrors + 1)
        #expect(errors.last == "Too many validation errors, error limit reached. Validation aborted.")
    }

    @Test("the whole validation of 4,999 repeated fields gives the budget error and nothing else")
    func wholeValidation() throws {
        let document = try parse(source: "{ " + String(repeating: "__typename ", count: 4_999) + "}")
        let errors = validate(schema: SampleSchema.schema, document: document)

        #expect(errors.map(\.message) == [Self.budgetMessage])
    }

    @Test("a document within the budget is checked in full and passes")
    func withinBudget() throws {
        let (rule, errors) = try Self.check("{ " + String(repeating: "__typename ", count: 400) + "}")

        #expect(errors.isEmpty)
        #expect(rule.work == 400 + 400 * 399 / 2)
    }
}

/// Arguments are compared as sets of names and printed values, each field's printed once.
@Suite("Overlapping fields: arguments")
struct OverlapArgumentTests {
    @Test(
        "same-named fields merge when their arguments are the same set, in any order",
        arguments: [
            (#"{ echo(text: "a", color: RED) echo(color: RED, text: "a") }"#, true),
            (#"{ echo(text: "a", list: [1, 2]) echo(list: [1, 2], text: "a") }"#, true),
            (#"{ echo(text: "a") echo(text: "b") }"#, false),
            (#"{ echo(text: "a", color: RED) echo(text: "a") }"#, false),
            (#"{ echo(list: [1, 2]) echo(list: [2, 1]) }"#, false),
        ]
    )
    func argumentSets(_ query: String, merges: Bool) throws {
        let (_, errors) = try OverlapBudgetTests.check(query)

        #expect(errors.isEmpty == merges, "\(errors)")
    }

    @Test("300 same-named fields with one long argument are refused for the budget, not the arguments' size")
    func longArguments() throws {
        let field = "user(id: \"" + String(repeating: "x", count: 800) + "\") { name } "
        let (rule, errors) = try OverlapBudgetTests.check("{ " + String(repeating: field, count: 300) + "}")

        #expect(rule.work == ValidationOptions().maxFieldComparisons + 1)
        #expect(errors == [OverlapBudgetTests.budgetMessage])
    }
}

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

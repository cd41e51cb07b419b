import Testing

@testable import GatewayServices

@Suite("BodyTemplate")
struct BodyTemplateTests {
    @Test(
        "fills placeholders, with spaces inside the braces allowed",
        arguments: [
            ("Hi {{name}}", ["name": "Ana"], "Hi Ana"),
            ("{{ greeting }}, {{name}}! {{name}}", ["greeting": "Hello", "name": "Bo"], "Hello, Bo! Bo"),
            ("No placeholders", [:], "No placeholders"),
            ("Code {{code.value}} for {{user-id}}", ["code.value": "42", "user-id": "u_1"], "Code 42 for u_1"),
            ("{{a}}{{b}}", ["a": "{{b}}", "b": "x"], "{{b}}x"),
        ]
    )
    func renders(template: String, variables: [String: String], body: String) throws {
        #expect(try BodyTemplate(template).render(variables) == .success(body))
    }

    @Test("reports every variable a recipient lacks")
    func missing() throws {
        let template = try BodyTemplate("{{first}} {{last}}, {{first}}: {{code}}")
        #expect(template.names == ["first", "last", "code"])
        #expect(template.render(["last": "x"]) == .failure(BodyTemplate.MissingVariables(names: ["first", "code"])))
    }

    @Test("refuses unclosed braces and empty or odd names", arguments: ["Hi {{name", "Hi {{}}", "Hi {{ two words }}"])
    func syntaxErrors(template: String) {
        #expect(throws: BodyTemplate.SyntaxError.self) {
            try BodyTemplate(template)
        }
    }
}

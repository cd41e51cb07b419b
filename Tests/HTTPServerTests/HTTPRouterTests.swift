import HTTPServer
import Testing

@Suite("HTTPRouter without sockets")
struct HTTPRouterTests {
    private static func router() -> HTTPRouter {
        var router = HTTPRouter()
        let pattern = "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"
        router.add(.get, "/2010-04-01/Accounts/{AccountSid}/Messages.json") { _ in .text("list") }
        router.add(.post, "/2010-04-01/Accounts/{AccountSid}/Messages.json") { _ in .text("create") }
        router.add(.get, pattern) { request in
            .text("fetch \(request.pathParameters["AccountSid"] ?? "") \(request.pathParameters["Sid"] ?? "")")
        }
        router.add(.get, "/static") { _ in .text("static") }
        return router
    }

    private static func respond(_ method: HTTPMethod, _ path: String) async -> HTTPResponse {
        await router().respond(to: HTTPRequest(method: method, path: path))
    }

    @Test(
        "matches literal and named segments",
        arguments: [
            (HTTPMethod.get, "/2010-04-01/Accounts/AC1/Messages.json", "list"),
            (HTTPMethod.post, "/2010-04-01/Accounts/AC1/Messages.json", "create"),
            (HTTPMethod.get, "/2010-04-01/Accounts/AC1/Messages/SM2.json", "fetch AC1 SM2"),
            (HTTPMethod.get, "/static", "static"),
        ]
    )
    func matches(method: HTTPMethod, path: String, body: String) async {
        let response = await Self.respond(method, path)
        #expect(response.status == .ok)
        #expect(response.body == Array(body.utf8))
    }

    @Test(
        "does not match near misses",
        arguments: [
            "/2010-04-01/Accounts/AC1/Messages/.json",
            "/2010-04-01/Accounts/AC1/Messages/SM2.xml",
            "/2010-04-01/Accounts//Messages.json",
            "/2010-04-01/Accounts/AC1/Messages.json/",
            "/static/",
            "static",
            "/",
        ]
    )
    func nearMisses(path: String) async {
        #expect(await Self.respond(.get, path).status == .notFound)
    }

    @Test("answers 405 with every allowed method in Allow")
    func methodNotAllowed() async {
        let response = await Self.respond(.delete, "/2010-04-01/Accounts/AC1/Messages.json")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["allow"] == "GET, POST, HEAD")
    }

    @Test("serves HEAD from the GET route")
    func head() async {
        let response = await Self.respond(.head, "/static")
        #expect(response.status == .ok)
    }

    @Test("uses custom not-found and method-not-allowed answers")
    func customFallbacks() async {
        var router = HTTPRouter(
            notFound: { request in .json("{\"missing\":\"\(request.path)\"}", status: .notFound) },
            methodNotAllowed: { _, allowed in .json("{\"allowed\":\(allowed.count)}", status: .methodNotAllowed) }
        )
        router.add(.post, "/x") { _ in .text("x") }
        let missing = await router.respond(to: HTTPRequest(method: .get, path: "/y"))
        #expect(missing.body == Array(#"{"missing":"/y"}"#.utf8))
        let wrong = await router.respond(to: HTTPRequest(method: .get, path: "/x"))
        #expect(wrong.body == Array(#"{"allowed":1}"#.utf8))
        #expect(wrong.headers["Allow"] == "POST")
    }
}

internal import Foundation

/// One canned answer of the recording server, matched on the exact path and, if set, the method.
struct Route: Sendable {
    var method: String?
    var path: String?
    var status: Int = 200
    /// A JSON document, as text, sent with `Content-Type: application/json`.
    var json: String?
    /// A body sent as is, with ``contentType``.
    var text: String?
    var contentType: String?
    var headers: [String: String] = [:]
    /// How long the server waits before it answers; it records the client hanging up meanwhile.
    var stallSeconds: Double?
    /// Answer with this many `x` bytes instead of ``json`` or ``text``.
    var bodySize: Int?
    /// Send the body with `Transfer-Encoding: chunked`, so no `Content-Length` announces its size.
    var chunked = false

    /// The route in the server's config format.
    func jsonObject() throws -> [String: Any] {
        var object: [String: Any] = ["status": status, "headers": headers, "chunked": chunked]
        object["method"] = method
        object["path"] = path
        object["text"] = text
        object["content_type"] = contentType
        object["stall_seconds"] = stallSeconds
        object["body_size"] = bodySize
        if let json {
            object["json"] = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        }
        return object
    }
}

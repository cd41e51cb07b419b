internal import Foundation
internal import GatewayAPI
internal import ServiceSupport

/// Twilio's `ContentVariables`: one JSON object text mapping placeholder names to values.
enum ContentVariables {
    /// The JSON to send for `request`: its JSON text as given, or its map written with keys in
    /// code-point order; `nil` when it has neither.
    static func json(_ request: SendSmsRequest) -> String? {
        if !request.contentVariablesJSON.isEmpty {
            return request.contentVariablesJSON
        }
        guard !request.contentVariables.isEmpty else {
            return nil
        }
        let members = request.contentVariables
            .sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            .map { JSONString.quote($0.key) + ":" + JSONString.quote($0.value) }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// Whether `text` is a JSON object whose values are all strings.
    static func isJSONObject(_ text: String) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return false
        }
        return object.values.allSatisfy { $0 is String }
    }
}
